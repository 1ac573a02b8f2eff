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
from wsis_portal import search_prepared

from ..models import Entry, EntryActionLine, EntrySDG, SearchDocument

# How many slices of 5,000 ids (stocktaking 0018) are searched first: the newest 15,001-20,000
# ids, which hold the pool (1,001 matches) of any word in more than about 7% of the entries.
# More slices cost more for every word (the index tests each slice's lexeme: "community
# network" in 2 slices 2.0 ms, 4: 3.8, 5: 5.0), and a word they fail pays for them on top of
# the whole search ("jobs", 3,326 matches: 1 ms more).
NEWEST_SLICES = 4
_WORDS = "d.search_vector @@ wsis_search_match(%(q)s)"
# A scalar subquery, computed once per execution: the statement is prepared and runs a generic
# plan (wsis_portal.search_prepared), where a call would be made again for every row rechecked.
_WORDS_IN_NEWEST = (
    "d.search_vector @@ (SELECT wsis_search_match(%(q)s) && stocktaking_newest_slices("
    f"(SELECT max(entry_id) FROM {SearchDocument._meta.db_table}), %(slices)s))"
)


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
    where = [_WORDS]
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
    params.update(offset=offset, limit=end - offset, slices=NEWEST_SLICES)
    # The pool is looked for among the newest slices of ids first (their lexeme is in each
    # document: stocktaking 0018), which the GIN index finds without reading the older
    # matches ("community network": 5,183 rows instead of 26,798, 17.6 -> 5.5 ms). When they
    # hold the whole pool, it is the newest matches of all, since every older match has a
    # lower id; when they do not, the pool is chosen from every match as before.
    sql = f"""
        WITH newest AS MATERIALIZED (
            SELECT d.entry_id, d.search_vector FROM {t["doc"]} d
            WHERE {where.replace(_WORDS, _WORDS_IN_NEWEST, 1)}
            ORDER BY d.entry_id + 0 DESC LIMIT %(pool)s
        ), pool AS MATERIALIZED (
            SELECT entry_id, search_vector FROM newest
            WHERE (SELECT count(*) FROM newest) >= %(pool)s
            UNION ALL
            (SELECT d.entry_id, d.search_vector FROM {t["doc"]} d
             WHERE {where} AND (SELECT count(*) FROM newest) < %(pool)s
             ORDER BY d.entry_id + 0 DESC LIMIT %(pool)s)
        ), ranked AS MATERIALIZED (
            SELECT entry_id, ts_rank(search_vector, wsis_search_query(%(q)s)) AS rank,
                   count(*) OVER () AS total
            FROM pool ORDER BY rank DESC, entry_id DESC OFFSET %(offset)s LIMIT %(limit)s
        )
        SELECT e.id, e.title, e.description, e.organisation, e.country, r.total
        FROM ranked r JOIN {t["entry"]} e ON e.id = r.entry_id
        ORDER BY r.rank DESC, r.entry_id DESC
    """  # the table names come from the models; every value is a parameter
    rows = list(Entry.objects.raw(*search_prepared.execution(connection, sql, params)))
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
