"""The site search's bounds: a capped count shown as "N or more", and a cached answer that
a write to searched data makes stale at once."""

from __future__ import annotations

import re

import pytest

from stocktaking.enums import EntryStatus
from stocktaking.models import Entry, EntryActionLine
from tests.factories.forum import action_line
from tests.factories.stocktaking import EntryFactory
from tests.wsis_portal.test_site_search import WORD, counts, search
from wsis_portal import site_search

pytestmark = pytest.mark.usefixtures("postgres", "kept_connection")


def test_a_count_above_the_cap_says_or_more_and_pages_through_the_newest(client, monkeypatch):
    monkeypatch.setattr(site_search, "COUNT_CAP", 3)
    entries = [EntryFactory(title=f"{WORD} entry {n}") for n in range(5)]
    html = search(client, q=WORD).content.decode()
    assert '<span class="count">(3 or more)</span>' in html
    assert "3 or more results for" in html
    assert "Show the first 3 results in WSIS Stocktaking entries" in html
    only = search(client, q=WORD, kind="entries").content.decode()
    urls = re.findall(r'href="(/stocktaking/entries/\d+/)"', only)
    # The pool is the newest matches: the two oldest are not ranked.
    assert sorted(urls) == sorted(e.get_absolute_url() for e in entries[2:])


def test_a_count_under_the_cap_is_exact(client, monkeypatch):
    monkeypatch.setattr(site_search, "COUNT_CAP", 3)
    for n in range(3):
        EntryFactory(title=f"{WORD} entry {n}")
    response = search(client, q=WORD)
    assert counts(response)["entries"] == 3
    assert "or more" not in response.content.decode()


def test_counts_are_written_in_the_readers_language(client, monkeypatch):
    monkeypatch.setattr(
        "wsis_portal.site_search._kinds_search",
        lambda **kw: [
            site_search.KindResult(kind=k, count=1234 if k.key == "entries" else 0, hits=[])
            for k in site_search.kinds()
        ],
    )
    french = client.get("/fr/search/", {"q": WORD}).content.decode()
    assert "1\u202f234" in french  # a narrow no-break space groups French thousands
    assert "1,234" in client.get("/search/", {"q": WORD}).content.decode()


def test_a_write_makes_the_cached_answer_stale(client, django_assert_max_num_queries):
    EntryFactory(title=f"{WORD} one")
    assert counts(search(client, q=WORD))["entries"] == 1
    # The same search again is answered from the cache (the filters' lists are cached too).
    with django_assert_max_num_queries(0):
        assert counts(search(client, q=WORD))["entries"] == 1
    second = EntryFactory(title=f"{WORD} two")
    assert counts(search(client, q=WORD))["entries"] == 2
    second.status = EntryStatus.DRAFT
    second.save()
    assert counts(search(client, q=WORD))["entries"] == 1
    # A tag added through a many-to-many relation counts as a write too.
    assert counts(search(client, q=WORD, action_line="C8"))["entries"] == 0
    entry = Entry.objects.get(title=f"{WORD} one")
    EntryActionLine.objects.create(entry=entry, action_line=action_line("C8"))
    assert counts(search(client, q=WORD, action_line="C8"))["entries"] == 1


def test_a_speaker_is_found_once_and_opens_their_latest_public_session(client):
    """The pool tests the public-session rule; the page's rows only read the latest one."""
    from datetime import UTC, datetime

    from django.urls import reverse

    from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory

    person = PersonFactory(name=f"Grace {WORD}")
    public = EditionFactory(year=2027)
    hidden = EditionFactory(year=2031, published_at=None)
    first = SessionFactory(edition=public, starts_at=datetime(2027, 5, 10, 7, tzinfo=UTC))
    latest = SessionFactory(edition=public, starts_at=datetime(2027, 5, 12, 7, tzinfo=UTC))
    unpublished = SessionFactory(edition=hidden, starts_at=datetime(2031, 5, 12, 7, tzinfo=UTC))
    for session in (first, latest, unpublished):
        session.roles.create(person=person, role=3)
    PersonFactory(name=f"Only hidden {WORD}").roles.create(session=unpublished, role=3)
    [speakers] = [
        r
        for r in site_search.site_search(
            params=site_search.SearchParams(text=WORD), only="speakers"
        )
        if r.kind.key == "speakers"
    ]
    assert speakers.count == 1
    assert [hit.url for hit in speakers.hits] == [reverse("forum:session", args=[2027, latest.pk])]
