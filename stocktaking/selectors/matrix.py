"""The stocktaking side of the Action Line x SDG matrix."""

from __future__ import annotations

from django.db import connection
from django.db.models import Count
from django.utils.translation import gettext as _

from forum.models import SDG, ActionLine
from wsis_portal.registry import MatrixItem

from ..caching import cached
from ..enums import EntryStatus
from ..filters import uses_postgres
from ..models import PAIR_FACET, Entry, EntryActionLine, EntrySDG, FacetCount
from .entries import published_entries


def matrix_counts() -> dict[tuple[str, int], int]:
    """Published entries per (Action Line, SDG) pair (cached until data changes): summed
    from the trigger-kept pair counts, a few thousand rows, instead of joining every
    published entry's links (about 250 ms over 100,000 entries)."""
    return cached(("matrix",), pair_counts if uses_postgres() else pair_counts_counted)


def pair_counts() -> dict[tuple[str, int], int]:
    """The pairs of the ``FacetCount`` rows (PostgreSQL: the triggers are), named by the
    Action Line's code and the SDG's number in the same query."""
    sql = f"""
        SELECT al.code, goal.number, SUM(f.n)
        FROM {FacetCount._meta.db_table} f
        JOIN {ActionLine._meta.db_table} al ON al.id = split_part(f.value, ':', 1)::int
        JOIN {SDG._meta.db_table} goal ON goal.id = split_part(f.value, ':', 2)::int
        WHERE f.facet = %s
        GROUP BY 1, 2
        HAVING SUM(f.n) <> 0
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [PAIR_FACET])
        return {(code, number): int(total) for code, number, total in cursor.fetchall()}


def pair_counts_counted() -> dict[tuple[str, int], int]:
    """The same pairs counted from the entries' links, in one query."""
    rows = (
        EntryActionLine.objects.filter(entry__status=EntryStatus.PUBLISHED)
        .order_by()
        .values_list("action_line__code", "entry__sdg_links__sdg__number")
        .annotate(n=Count("pk"))
    )
    return {(code, number): n for code, number, n in rows if number is not None}


def matrix_items(action_line: ActionLine, sdg: SDG, limit: int) -> list[MatrixItem]:
    from wsis_portal.registry import MatrixItem

    return [
        MatrixItem(
            kind=_("Stocktaking entry"),
            title=e.title,
            url=e.get_absolute_url(),
            subtitle=f"{e.organisation}, {e.country.name}",
        )
        for e in newest_of_pair(action_line, sdg, limit)
    ]


# Above this many entries a pair has its newest ``limit`` (50) among the few thousand newest
# published entries, and walking them newest first is cheaper than reading all of the pair's
# (at 100,000 entries the two cost the same near sqrt(50 x 100,000), about 2,200).
DENSE_PAIR = 2_000


def newest_of_pair(action_line: ActionLine, sdg: SDG, limit: int) -> list[Entry]:
    """The newest published entries linked to both.

    Written as a join of the entries to both links, PostgreSQL walks the published entries
    newest first until ``limit`` of them have both links, whatever the pair's size: for a
    rare pair (326 of 100,000 entries at WSIS scale) that reads some 15,000 entries, 45 ms.
    A pair of up to ``DENSE_PAIR`` entries (by the matrix's kept counts) is read from its
    two link indexes first (a merge of two index-only scans) and only its entries are read
    and sorted: about 2 ms for that pair. A denser one is walked as before, since its newest
    entries come early."""
    size = matrix_counts().get((action_line.code, sdg.number), 0)
    if size > DENSE_PAIR:
        return list(
            published_entries()
            .filter(action_line_links__action_line=action_line, sdg_links__sdg=sdg)
            .only("id", "title", "organisation", "country")
            .order_by("-published_at", "-id")[:limit]
        )
    materialized = "MATERIALIZED" if connection.vendor == "postgresql" else ""
    sql = f"""
        WITH pair AS {materialized} (
            SELECT a.entry_id FROM {EntryActionLine._meta.db_table} a
            JOIN {EntrySDG._meta.db_table} s ON s.entry_id = a.entry_id
            WHERE a.action_line_id = %s AND s.sdg_id = %s
        )
        SELECT e.id, e.title, e.organisation, e.country
        FROM {Entry._meta.db_table} e JOIN pair p ON p.entry_id = e.id
        WHERE e.status = %s
        ORDER BY e.published_at DESC, e.id DESC
        LIMIT %s
    """
    params = [action_line.pk, sdg.pk, EntryStatus.PUBLISHED.value, limit]
    return list(Entry.objects.raw(sql, params))
