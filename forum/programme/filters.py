"""django-filter FilterSets of the Forum programme."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from ..enums import SessionFormat, SessionType
from ..models import SDG, ActionLine, BuildingBlock, Session


class SessionFilter(django_filters.FilterSet):
    """Programme filters: building block, Action Line, SDG, type and format (GET, no JS needed)."""

    block = django_filters.ModelChoiceFilter(
        field_name="building_block",
        queryset=BuildingBlock.objects.all(),
        to_field_name="slug",
        label=_("Building block"),
        empty_label=_("All building blocks"),
    )
    action_line = django_filters.ModelChoiceFilter(
        field_name="action_lines",
        queryset=ActionLine.objects.all(),
        to_field_name="code",
        label=_("Action Line"),
        empty_label=_("All Action Lines"),
    )
    sdg = django_filters.ModelChoiceFilter(
        field_name="sdgs",
        queryset=SDG.objects.all(),
        to_field_name="number",
        label=_("Sustainable Development Goal"),
        empty_label=_("All SDGs"),
    )
    session_type = django_filters.ChoiceFilter(
        choices=SessionType.choices, label=_("Session type"), empty_label=_("All session types")
    )
    format = django_filters.ChoiceFilter(
        choices=SessionFormat.choices, label=_("Format"), empty_label=_("All formats")
    )

    class Meta:
        model = Session
        fields = ["block", "action_line", "sdg", "session_type", "format"]
