"""Reads of the Action Line facilitation roles, each with the document that states it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import QuerySet

from ..enums import FacilitatorRole
from ..models import ActionLine, ActionLineFacilitator
from .agency_keys import agency_key, agency_key_sql

# The lead first, then those whose part the source does not split, then the co-facilitators.
ROLE_ORDER: dict[str, int] = {
    FacilitatorRole.LEAD: 0,
    FacilitatorRole.INTERIM: 1,
    FacilitatorRole.FACILITATOR: 2,
    FacilitatorRole.CO: 3,
}


def facilitators_of_action_line(action_line: ActionLine) -> list[ActionLineFacilitator]:
    """The sourced roles of one Action Line, the lead first (one query, sources joined)."""
    rows = ActionLineFacilitator.objects.filter(action_line=action_line).select_related("source")
    return sorted(rows, key=lambda row: (ROLE_ORDER.get(row.role, 9), row.agency))


def roles_of_agencies(acronyms: Iterable[str]) -> dict[str, list[ActionLineFacilitator]]:
    """The sourced roles of these agencies by :func:`agency_key`, in Action Line order.

    One query whatever the number of agencies or roles (Action Lines and sources joined).
    """
    keys = {agency_key(acronym) for acronym in acronyms}
    rows = (
        ActionLineFacilitator.objects.annotate(agency_key=agency_key_sql("agency"))
        .filter(agency_key__in=keys)
        .select_related("action_line", "source")
        .order_by("action_line__number", "agency")
    )
    by_agency: dict[str, list[ActionLineFacilitator]] = defaultdict(list)
    for row in rows:
        by_agency[agency_key(row.agency)].append(row)
    return dict(by_agency)


def roles_of_agency(acronym: str) -> list[ActionLineFacilitator]:
    """The sourced roles of one agency, in Action Line order (one query)."""
    return roles_of_agencies([acronym]).get(agency_key(acronym), [])


def agency_keys_of_action_line(code: str) -> QuerySet[ActionLineFacilitator, str]:
    """The keys of the agencies with a sourced role in the Action Line ``code``, as a subquery."""
    return (
        ActionLineFacilitator.objects.filter(action_line__code=code)
        .annotate(agency_key=agency_key_sql("agency"))
        .values_list("agency_key", flat=True)
    )
