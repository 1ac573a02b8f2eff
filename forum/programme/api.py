"""Open data of Forum programmes: the sessions of an edition with their tags and people."""

from __future__ import annotations

import contextlib

from django.core.cache import cache
from django.db.models import Prefetch
from rest_framework import generics, serializers
from rest_framework.response import Response

from wsis_portal.publishing import published_q

from ..models import SDG, ActionLine, Session, SessionPerson
from ..proposals.visibility import programme_public_q
from .caching import programme_cache_key
from .filters import SessionFilter

CACHE_SECONDS = 3600


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
    """Sessions of one edition; filters as on the programme page (block, action_line, sdg, format).

    A page of the answer is kept in the cache under the programme version (any change to a
    session, its people or its edition makes every copy stale), the address's host (the
    links to the next and previous pages are absolute) and the query."""

    serializer_class = SessionSerializer

    def list(self, request, *args, **kwargs):
        key = programme_cache_key(
            "api-sessions", self.kwargs["year"], request.get_host(), query=request.GET.urlencode()
        )
        if key is not None:
            with contextlib.suppress(Exception):
                data = cache.get(key)
                if data is not None:
                    return Response(data)
        response = super().list(request, *args, **kwargs)
        if key is not None and response.status_code == 200:
            with contextlib.suppress(Exception):
                cache.set(key, response.data, CACHE_SECONDS)
        return response

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
