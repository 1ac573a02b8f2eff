"""The published entries' search vectors kept in ``SearchDocument`` by a trigger (migration 0012),
and the site search that reads them: an edit, an unpublication, a new start year and a
deletion are found (or not) by the next search."""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import timezone

from stocktaking.enums import EntryStatus
from stocktaking.models import Entry, SearchDocument
from stocktaking.selectors import entries_page
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.usefixtures("postgres")


def titles(text: str, **filters) -> list[str]:
    count, rows = entries_page(text=text, offset=0, limit=10, cap=1000, **filters)
    assert count == len(rows)
    return [row.title for row in rows]


def test_an_edited_entry_is_found_by_its_new_words_only():
    entry = EntryFactory(title="Wombat schools", start_year=2021)
    assert titles("wombat") == ["Wombat schools"]
    entry.title = "Numbat schools"
    entry.save()
    assert titles("wombat") == []
    assert titles("numbat") == ["Numbat schools"]
    # A bulk update (no signal, no save) is followed too.
    Entry.objects.filter(pk=entry.pk).update(description="A platypus observatory.")
    assert titles("platypus") == ["Numbat schools"]


def test_only_published_entries_have_a_document():
    draft = EntryFactory(title="Wombat draft", status=EntryStatus.DRAFT)
    published = EntryFactory(title="Wombat published")
    assert set(SearchDocument.objects.values_list("entry_id", flat=True)) == {published.pk}
    published.status = EntryStatus.DRAFT
    published.save()
    draft.status, draft.published_at = EntryStatus.PUBLISHED, timezone.now()
    draft.save()
    assert titles("wombat") == ["Wombat draft"]
    draft.delete()
    assert titles("wombat") == []
    assert not SearchDocument.objects.exists()


def test_an_entry_is_deleted_even_when_constraints_are_checked_at_once():
    entry = EntryFactory(title="Wombat library")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    entry.delete()  # its document goes first: no foreign key points at a deleted entry
    assert not SearchDocument.objects.exists()
    assert titles("wombat") == []


def test_the_year_filter_follows_a_changed_start_year():
    entry = EntryFactory(title="Wombat radio", start_year=2020)
    assert titles("wombat", year=2020) == ["Wombat radio"]
    entry.start_year = 2024
    entry.save()
    assert titles("wombat", year=2020) == []
    assert titles("wombat", year=2024) == ["Wombat radio"]


def test_filters_rank_and_page_as_the_site_search_shows_them():
    EntryFactory(title="Radio", description="wombat", action_lines=["C3"], sdgs=[4])
    best = EntryFactory(title="Wombat wombat", description="wombat", action_lines=["C3"])
    EntryFactory(title="Wombat elsewhere", action_lines=["C8"], sdgs=[4])
    assert titles("wombat", action_line="C3") == ["Wombat wombat", "Radio"]
    assert titles("wombat", sdg=4) == ["Wombat elsewhere", "Radio"]
    count, rows = entries_page(text="wombat", offset=1, limit=1, cap=1000)
    assert count == 3 and [r.title for r in rows] == ["Wombat elsewhere"]
    # Past the end: no rows, the count still said; a capped pool says "more than cap".
    assert entries_page(text="wombat", offset=5, limit=5, cap=1000) == (3, [])
    assert entries_page(text="wombat", offset=0, limit=0, cap=2)[0] == 3
    assert entries_page(text="wombat", offset=0, limit=5, cap=1000)[1][0].pk == best.pk


def _page(text: str, cap: int) -> tuple[int, list[int]]:
    count, rows = entries_page(text=text, offset=0, limit=10, cap=cap)
    return count, [row.pk for row in rows]


def test_the_pool_is_the_newest_matches_whether_the_newest_slices_hold_it_or_not():
    # Slices of 5,000 ids (stocktaking 0018): the newest four are 85,000-100,004 here.
    for pk in (1_000, 1_001, 100_001, 100_002):
        EntryFactory(id=pk, title="Wombat radio")
    # The newest slices hold two matches, fewer than the pool (cap 3 + 1): the pool takes the
    # old ones too, and ranks the one with the better rank first.
    Entry.objects.filter(pk=1_001).update(title="Wombat wombat radio")
    assert _page("wombat", cap=3) == (4, [1_001, 100_002, 100_001])
    # Three more in the newest slices: they hold the pool, the newest four, which leaves out
    # the old ones, the better ranked too.
    for pk in (86_000, 100_003, 100_004):
        EntryFactory(id=pk, title="Wombat radio")
    assert _page("wombat", cap=3) == (4, [100_004, 100_003, 100_002])
    assert _page("wombat", cap=1000) == (
        7,
        [1_001, 100_004, 100_003, 100_002, 100_001, 86_000, 1_000],
    )


def test_each_document_names_its_slice_which_no_words_can_find():
    EntryFactory(id=42_000, title="Wombat radio")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector @@ quote_literal('entry slice 8')::tsquery"
            " FROM stocktaking_searchdocument WHERE entry_id = 42000"
        )
        assert cursor.fetchone() == (True,)
        cursor.execute("SELECT stocktaking_newest_slices(100004, 4)::text")
        assert cursor.fetchone() == (
            "'entry slice 17' | 'entry slice 18' | 'entry slice 19' | 'entry slice 20'",
        )
    assert titles("entry slice 8") == []
    assert titles('"entry slice 8"') == []
