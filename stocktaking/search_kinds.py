"""What WSIS Stocktaking makes searchable on ``/search/``: published entries."""

from __future__ import annotations

from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wsis_portal import site_search
from wsis_portal.search_ranking import ranked_page
from wsis_portal.site_search import SearchHit, SearchKind, SearchParams

from .models import Entry, EntryActionLine, EntrySDG
from .selectors import entries_page, published_entries


def search_entries(params: SearchParams, offset: int, limit: int) -> tuple[int, list[SearchHit]]:
    """Published entries only; the year is the project's start year, as on the search page.

    On PostgreSQL the entries' ``SearchDocument`` rows are searched (``entries_page``): the
    same pool, count and ranking as ``ranked_page`` over the entries' own vector.
    """
    if connection.vendor == "postgresql":
        count, rows = entries_page(
            text=params.text,
            action_line=params.action_line,
            sdg=params.sdg,
            year=params.year,
            offset=offset,
            limit=limit,
            cap=site_search.COUNT_CAP,
        )
    else:  # the SQLite fallback of a local checkout
        count, rows = ranked_page(_shown_entries, params, offset=offset, limit=limit)
    return count, [
        SearchHit(
            title=entry.title,
            url=entry.get_absolute_url(),
            summary=Truncator(entry.description).words(40),
            meta=", ".join(p for p in (entry.organisation, entry.country.name) if p),
        )
        for entry in rows
    ]


def _shown_entries(params: SearchParams) -> QuerySet[Entry]:
    return _filtered(params).only("title", "description", "organisation", "country")


def _filtered(params: SearchParams) -> QuerySet[Entry]:
    entries = published_entries()
    if params.action_line:
        entries = entries.filter(
            Exists(
                EntryActionLine.objects.filter(
                    entry=OuterRef("pk"), action_line__code=params.action_line
                )
            )
        )
    if params.sdg:
        entries = entries.filter(
            Exists(EntrySDG.objects.filter(entry=OuterRef("pk"), sdg__number=params.sdg))
        )
    if params.year:
        entries = entries.filter(start_year=params.year)
    return entries


KIND = SearchKind(
    key="entries",
    label=_("WSIS Stocktaking entries"),
    search=search_entries,
    filters=frozenset({"action_line", "sdg", "year"}),
    order=10,
    watch=(Entry, EntryActionLine, EntrySDG),
)
