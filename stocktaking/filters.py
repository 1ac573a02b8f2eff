"""The one FilterSet of published entries, shared by the search page, exports and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from accounts.enums import StakeholderType
from forum.enums import Region
from wsis_portal.search import MultilingualSearchQuery

from .caching import action_line_ids, sdg_ids
from .models import Entry, EntryActionLine, EntrySDG
from .sorting import SORT_CHOICES


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def search_query(text: str) -> SearchQuery:
    """What the visitor typed, read in every language (wsis_portal/search.py)."""
    return MultilingualSearchQuery(text)


class CodeListField(forms.MultipleChoiceField):
    """Several values, each checked against a fixed set.

    Unlike a choice field it carries no choice list, so building the form for each request
    does not deep-copy hundreds of (value, label) pairs; labels come with the facet counts.
    """

    def __init__(self, *, allowed, **kwargs):
        kwargs.pop("choices", None)
        super().__init__(choices=(), **kwargs)
        self.allowed = allowed

    def valid_value(self, value) -> bool:
        allowed = self.allowed() if callable(self.allowed) else self.allowed
        return str(value) in allowed


class CodeListFilter(django_filters.MultipleChoiceFilter):
    field_class = CodeListField


COUNTRY_CODES = frozenset(countries.countries)
YEARS = frozenset(str(y) for y in range(1990, 2101))


def _is_empty(value) -> bool:
    if value is None:
        return True
    if hasattr(value, "query"):  # ModelMultipleChoiceField gives queryset.none() when absent
        return value.query.is_empty()
    return not value


class EntryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=200)
    action_line = CodeListFilter(
        label=_("Action Line"),
        allowed=lambda: action_line_ids().keys(),
        method="filter_action_line",
        distinct=False,
    )
    sdg = CodeListFilter(
        label=_("SDG"), allowed=lambda: sdg_ids().keys(), method="filter_sdg", distinct=False
    )
    region = django_filters.MultipleChoiceFilter(
        label=_("Region"), choices=Region.choices, distinct=False
    )
    country = CodeListFilter(label=_("Country"), allowed=COUNTRY_CODES, distinct=False)
    stakeholder_type = django_filters.MultipleChoiceFilter(
        label=_("Stakeholder type"), choices=StakeholderType.choices, distinct=False
    )
    year = CodeListFilter(
        label=_("Start year"), field_name="start_year", allowed=YEARS, distinct=False
    )
    success_story = django_filters.BooleanFilter(
        label=_("Success stories only"), field_name="is_success_story"
    )
    # Validated here so a shared link with a bad value gets a clear error; applied by the selector.
    sort = django_filters.ChoiceFilter(label=_("Sort by"), choices=SORT_CHOICES, method="keep")

    class Meta:
        model = Entry
        fields: list[str] = []

    def filter_text(self, queryset, name, value):
        text = value.strip()
        if not text:
            return queryset
        if uses_postgres():
            return queryset.filter(search_vector=search_query(text))
        return queryset.filter(
            Q(title__icontains=text)
            | Q(organisation__icontains=text)
            | Q(description__icontains=text)
        )

    @extend_schema_field(OpenApiTypes.STR)  # an Action Line code such as C7-EHEA
    def filter_action_line(self, queryset, name, value):
        if _is_empty(value):
            return queryset
        known = action_line_ids()
        ids = [known[code] for code in value]
        return queryset.filter(
            Exists(EntryActionLine.objects.filter(entry=OuterRef("pk"), action_line_id__in=ids))
        )

    @extend_schema_field(OpenApiTypes.INT)  # an SDG number, 1 to 17
    def filter_sdg(self, queryset, name, value):
        if _is_empty(value):
            return queryset
        known = sdg_ids()
        ids = [known[str(number)] for number in value]
        return queryset.filter(
            Exists(EntrySDG.objects.filter(entry=OuterRef("pk"), sdg_id__in=ids))
        )

    def keep(self, queryset, name: str, value: str):
        # The sort is applied by the selector from the one sort table (stocktaking/sorting.py);
        # the filter only validates the key. The hint names the parameter's type in the schema.
        return queryset
