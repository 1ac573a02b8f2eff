"""Reads of UNGIS data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User
from accounts.roles import UNGIS_FOCAL_POINT
from forum.base.agency_keys import agency_key, agency_key_sql
from forum.base.selectors_facilitation import (
    agency_keys_of_action_line,
    roles_of_agencies,
    roles_of_agency,
)
from forum.models import ActionLineFacilitator

from .models import Agency, ChairTerm, Initiative, Meeting


@dataclass(frozen=True)
class MemberRow:
    """A line of the directory: the agency and the facilitation roles a source states."""

    agency: Agency
    roles: list[ActionLineFacilitator]


def members() -> QuerySet[Agency]:
    return Agency.objects.filter(is_member=True)


def member_rows(agencies: Iterable[Agency]) -> list[MemberRow]:
    """The agencies (a page of the directory) with their sourced Action Line roles, which
    forum records by the acronym their source prints: one query for all the roles."""
    agencies = list(agencies)
    roles = roles_of_agencies(agency.acronym for agency in agencies)
    return [MemberRow(agency, roles.get(agency_key(agency.acronym), [])) for agency in agencies]


def members_facilitating(code: str) -> QuerySet[Agency]:
    """Members with a sourced role in the Action Line ``code`` (a subquery, no extra query)."""
    return (
        members()
        .annotate(agency_key=agency_key_sql("acronym"))
        .filter(agency_key__in=agency_keys_of_action_line(code))
    )


def member_count() -> int:
    return Agency.objects.filter(is_member=True).count()


def agency_by_acronym(acronym: str) -> Agency:
    return get_object_or_404(Agency, acronym__iexact=acronym)


def agency_page(*, agency: Agency) -> dict[str, Any]:
    return {
        "roles": roles_of_agency(agency.acronym),
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
