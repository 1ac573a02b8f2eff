"""Open data of Forum programmes: the sessions of an edition with their tags and people."""

from __future__ import annotations

from django.db.models import Prefetch
from rest_framework import generics, serializers

from wsis_portal.publishing import published_q

from ..models import SDG, ActionLine, Session, SessionPerson
from ..proposals.visibility import programme_public_q
from .filters import SessionFilter


class SessionPersonSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.name")
    honorific = serializers.CharField(source="person.honorific")
    position = serializers.CharField(source="person.position")
    organisation = serializers.CharField(source="person.organisation")
    role = serializers.CharField(source="get_role_display")

    class Meta:
        model = SessionPerson
        fields = ["role", "honorific", "name", "position", "organisation"]


class SessionSerializer(serializers.ModelSerializer):
    edition = serializers.IntegerField(source="edition.year")
    building_block = serializers.CharField(source="building_block.name")
    action_lines: serializers.SlugRelatedField[ActionLine] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    sdgs: serializers.SlugRelatedField[SDG] = serializers.SlugRelatedField(
        slug_field="number", many=True, read_only=True
    )
    people = SessionPersonSerializer(source="roles", many=True, read_only=True)
    url = serializers.CharField(source="get_absolute_url")

    class Meta:
        model = Session
        fields = [
            "id",
            "edition",
            "title",
            "building_block",
            "format",
            "starts_at",
            "ends_at",
            "room",
            "remote_participation_url",
            "livestream_url",
            "action_lines",
            "sdgs",
            "people",
            "url",
        ]


class SessionList(generics.ListAPIView):
    """Sessions of one edition; filters as on the programme page (block, action_line, sdg, format)."""

    serializer_class = SessionSerializer

    def get_queryset(self):
        queryset = (
            Session.objects.filter(
                published_q("edition__"), programme_public_q(), edition__year=self.kwargs["year"]
            )
            .select_related("edition", "building_block")
            .prefetch_related(
                Prefetch("action_lines", queryset=ActionLine.objects.order_by("number")),
                Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
                Prefetch(
                    "roles",
                    queryset=SessionPerson.objects.select_related("person").order_by(
                        "role", "order", "pk"
                    ),
                ),
            )
            .order_by("starts_at", "pk")
        )
        return SessionFilter(self.request.GET or None, queryset=queryset).qs
