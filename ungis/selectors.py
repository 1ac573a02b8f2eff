"""Reads of UNGIS data."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User
from accounts.roles import UNGIS_FOCAL_POINT

from .models import Agency, ChairTerm, Facilitation, Initiative, Meeting


def members() -> QuerySet[Agency]:
    """The directory: members with their Action Line roles, in a fixed number of queries."""
    return Agency.objects.filter(is_member=True).prefetch_related(
        Prefetch(
            "facilitations",
            queryset=Facilitation.objects.select_related("action_line").order_by(
                "action_line__number"
            ),
        )
    )


def member_count() -> int:
    return Agency.objects.filter(is_member=True).count()


def agency_by_acronym(acronym: str) -> Agency:
    return get_object_or_404(Agency, acronym__iexact=acronym)


def agency_page(*, agency: Agency) -> dict[str, Any]:
    return {
        "facilitations": list(
            Facilitation.objects.filter(agency=agency)
            .select_related("action_line")
            .order_by("action_line__number")
        ),
        "initiatives": list(Initiative.objects.filter(lead_agencies=agency)),
        "chair_terms": list(
            ChairTerm.objects.sourced().filter(agency=agency).order_by("-year", "role")
        ),
    }


def chair_terms_by_year() -> list[tuple[int, list[ChairTerm]]]:
    """Chair terms that cite their source, newest year first."""
    terms = (
        ChairTerm.objects.sourced()
        .select_related("agency")
        .order_by("-year", "role", "agency__acronym")
    )
    return [(year, list(rows)) for year, rows in groupby(terms, key=lambda t: t.year)]


def initiatives() -> QuerySet[Initiative]:
    return Initiative.objects.prefetch_related("lead_agencies")


def recent_meetings(limit: int = 5) -> list[Meeting]:
    return list(Meeting.objects.order_by("-date")[:limit])


def can_edit_agency(*, user: User | AnonymousUser, agency: Agency) -> bool:
    """A focal point (group + link to this agency) edits only this agency; superusers any."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return (
        user.groups.filter(name=UNGIS_FOCAL_POINT).exists()
        and agency.focal_points.filter(user=user).exists()
    )


def agencies_of_focal_point(*, user: User | AnonymousUser) -> list[Agency]:
    if not user.is_authenticated:
        return []
    return list(Agency.objects.filter(focal_points__user=user))
