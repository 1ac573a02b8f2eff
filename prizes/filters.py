import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Project


class BallotFilter(django_filters.FilterSet):
    """The ballot's category filter and text search."""

    category = django_filters.CharFilter(
        label=_("Category"), field_name="category__action_line__code", lookup_expr="iexact"
    )
    q = django_filters.CharFilter(label=_("Search"), method="search")

    class Meta:
        model = Project
        fields = ["category", "q"]

    def search(self, queryset, name, value):
        value = value.strip()[:100]
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value)
            | Q(organisation__icontains=value)
            | Q(description__icontains=value)
        )
