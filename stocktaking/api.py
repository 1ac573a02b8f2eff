"""The read-only JSON API of published entries, with the search page's filters."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, serializers

from forum.models import SDG, ActionLine

from .filters import EntryFilter
from .models import Entry
from .selectors import published_entries, with_taxonomy


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

    ORDERINGS = {"oldest": ("published_at", "id"), "title": ("title", "id")}

    def get_queryset(self):
        # ``sort``: newest (default; also for "relevance", which only the search page ranks),
        # oldest or title.
        ordering = self.ORDERINGS.get(
            self.request.query_params.get("sort", ""), ("-published_at", "-id")
        )
        qs = published_entries().defer("search_vector", "contact_email")
        return with_taxonomy(qs).order_by(*ordering)


class EntryDetail(generics.RetrieveAPIView):
    serializer_class = EntrySerializer

    def get_queryset(self):
        return with_taxonomy(published_entries().defer("search_vector", "contact_email"))
