"""Reads of the Action Line facilitation roles, each with the document that states it."""

from __future__ import annotations

from ..enums import FacilitatorRole
from ..models import ActionLine, ActionLineFacilitator

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
