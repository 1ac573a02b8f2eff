"""The stocktaking side of the Action Line x SDG matrix."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext as _

from forum.models import SDG, ActionLine
from wsis_portal.registry import MatrixItem

from ..caching import cached
from ..enums import EntryStatus
from ..models import EntryActionLine
from .entries import published_entries


def matrix_counts() -> dict[tuple[str, int], int]:
    """Published entries per (Action Line, SDG) pair, in one query (cached until data changes)."""

    def compute() -> dict[tuple[str, int], int]:
        rows = (
            EntryActionLine.objects.filter(entry__status=EntryStatus.PUBLISHED)
            .order_by()
            .values_list("action_line__code", "entry__sdg_links__sdg__number")
            .annotate(n=Count("pk"))
        )
        return {(code, number): n for code, number, n in rows if number is not None}

    return cached(("matrix",), compute)


def matrix_items(action_line: ActionLine, sdg: SDG, limit: int) -> list[MatrixItem]:
    from wsis_portal.registry import MatrixItem

    entries = (
        published_entries()
        .filter(
            action_line_links__action_line=action_line,
            sdg_links__sdg=sdg,
        )
        .only("id", "title", "organisation", "country")
        .order_by("-published_at", "-id")[:limit]
    )
    return [
        MatrixItem(
            kind=_("Stocktaking entry"),
            title=e.title,
            url=e.get_absolute_url(),
            subtitle=f"{e.organisation}, {e.country.name}",
        )
        for e in entries
    ]
