"""The read-only JSON API of published entries, with the search page's filters."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, serializers

from forum.models import SDG, ActionLine

from .filters import EntryFilter
from .models import Entry
from .selectors import ordered_entries, published_entries, with_taxonomy
from .sorting import DEFAULT_SORT


class EntrySerializer(serializers.ModelSerializer):
    """A published entry as open data; the contact email is never part of it."""

    action_lines: serializers.SlugRelatedField[ActionLine] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code"
    )
    sdgs: serializers.SlugRelatedField[SDG] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="number"
    )
    country = serializers.CharField(source="country.code", read_only=True)
    success_story = serializers.BooleanField(source="is_success_story", read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Entry
        fields = [
            "id",
            "title",
            "description",
            "organisation",
            "stakeholder_type",
            "country",
            "region",
            "action_lines",
            "sdgs",
            "start_year",
            "website",
            "success_story",
            "published_at",
            "url",
        ]

    def get_url(self, obj: Entry) -> str:
        request = self.context.get("request")
        path = obj.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class EntryList(generics.ListAPIView):
    """Published WSIS Stocktaking entries, newest first; the same filters as /stocktaking/."""

    serializer_class = EntrySerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = EntryFilter

    def get_queryset(self):
        # ``sort`` takes the keys of the search page (stocktaking/sorting.py), newest by default;
        # relevance ranks by ``q`` as the page does (newest without a text query). An unknown
        # key is refused with 400 by the FilterSet.
        params = self.request.query_params
        qs = published_entries().defer("search_vector", "contact_email")
        ordered = ordered_entries(
            qs, sort=params.get("sort") or DEFAULT_SORT, text=(params.get("q") or "").strip()
        )
        return with_taxonomy(ordered)


class EntryDetail(generics.RetrieveAPIView):
    serializer_class = EntrySerializer

    def get_queryset(self):
        return with_taxonomy(published_entries().defer("search_vector", "contact_email"))
