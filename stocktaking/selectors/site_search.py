"""The site search's page of published entries (``/search/``), read from ``SearchDocument``.

One statement, on PostgreSQL: the GIN index of the narrow ``stocktaking_searchdocument``
table finds the matches, the newest ``cap`` + 1 of them (highest id) form the pool, the pool's
vectors are ranked with ``ts_rank`` (as ``SearchRank`` ranks), counted as a window, and only
the page's few rows are read from the wide entries table. The pool, its count and its ranking
are those of ``wsis_portal.search_ranking.ranked_page``; the entries table is read for the
page only, where ranked_page read a page of it for every match (3,000 pages for "jobs").
The SQL is written out rather than built by the ORM: it is the same few shapes every time.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from forum.models import SDG, ActionLine

from ..models import Entry, EntryActionLine, EntrySDG, SearchDocument


def _tables() -> dict[str, str]:
    return {
        "doc": SearchDocument._meta.db_table,
        "entry": Entry._meta.db_table,
        "al_link": EntryActionLine._meta.db_table,
        "al": ActionLine._meta.db_table,
        "sdg_link": EntrySDG._meta.db_table,
        "sdg": SDG._meta.db_table,
    }


def _matches(action_line: str, sdg: int | None, year: int | None) -> tuple[str, dict[str, Any]]:
    """The WHERE clause of the matches (alias ``d``) and its parameters besides the words."""
    t = _tables()
    # wsis_search_match: the same matches as wsis_search_query, each reading scanned once.
    where = ["d.search_vector @@ wsis_search_match(%(q)s)"]
    params: dict[str, Any] = {}
    if action_line:
        where.append(
            f"EXISTS (SELECT 1 FROM {t['al_link']} l JOIN {t['al']} a ON a.id = l.action_line_id"
            " WHERE l.entry_id = d.entry_id AND a.code = %(action_line)s)"
        )
        params["action_line"] = action_line
    if sdg:
        where.append(
            f"EXISTS (SELECT 1 FROM {t['sdg_link']} l JOIN {t['sdg']} s ON s.id = l.sdg_id"
            " WHERE l.entry_id = d.entry_id AND s.number = %(sdg)s)"
        )
        params["sdg"] = sdg
    if year:
        where.append("d.start_year = %(year)s")
        params["year"] = year
    return " AND ".join(where), params


def entries_page(
    *,
    text: str,
    action_line: str = "",
    sdg: int | None = None,
    year: int | None = None,
    offset: int,
    limit: int,
    cap: int,
) -> tuple[int, list[Entry]]:
    """(how many published entries match, at most ``cap`` + 1; the ranked entries of the page).

    The entries carry only what a result shows (title, description, organisation, country).
    """
    t = _tables()
    where, params = _matches(action_line, sdg, year)
    params.update(q=text, pool=cap + 1)
    end = min(offset + limit, cap)
    if limit <= 0 or offset >= end:
        return _count(where, params), []
    params.update(offset=offset, limit=end - offset)
    sql = f"""
        WITH pool AS MATERIALIZED (
            SELECT d.entry_id, d.search_vector FROM {t["doc"]} d WHERE {where}
            ORDER BY d.entry_id + 0 DESC LIMIT %(pool)s
        ), ranked AS MATERIALIZED (
            SELECT entry_id, ts_rank(search_vector, wsis_search_query(%(q)s)) AS rank,
                   count(*) OVER () AS total
            FROM pool ORDER BY rank DESC, entry_id DESC OFFSET %(offset)s LIMIT %(limit)s
        )
        SELECT e.id, e.title, e.description, e.organisation, e.country, r.total
        FROM ranked r JOIN {t["entry"]} e ON e.id = r.entry_id
        ORDER BY r.rank DESC, r.entry_id DESC
    """  # the table names come from the models; every value is a parameter
    rows = list(Entry.objects.raw(sql, params))
    if rows:
        return rows[0].total, rows  # type: ignore[attr-defined]  # a column of the SQL
    return (_count(where, params) if offset else 0), []


def _count(where: str, params: dict[str, Any]) -> int:
    # Any cap + 1 matches say "more than cap": no order needed, the scan stops there.
    sql = (
        f"SELECT count(*) FROM (SELECT 1 FROM {_tables()['doc']} d WHERE {where} LIMIT %(pool)s) p"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]
