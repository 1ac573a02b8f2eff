"""Atom feeds for news, open calls, new stocktaking entries and the programme (issue 17, item 9)."""

from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

import pytest
import time_machine
from django.utils import timezone

from forum.feeds import ProgrammeFeed
from forum.models import NewsItem
from stocktaking.enums import EntryStatus
from tests.factories.forum_programme import EditionFactory, SessionFactory
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(client, url: str) -> list[ElementTree.Element]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    return feed.findall(f"{ATOM}entry")


def _titles(entries) -> list[str]:
    return [e.find(f"{ATOM}title").text for e in entries]


def _news(slug: str, published_at) -> NewsItem:
    return NewsItem.objects.create(
        title=f"News {slug}", slug=slug, summary=f"Summary {slug}", published_at=published_at
    )


def test_news_feed_has_published_items_only_newest_first(client):
    now = timezone.now()
    _news("old", now - timedelta(days=2))
    _news("new", now - timedelta(hours=1))
    _news("draft", None)
    _news("later", now + timedelta(days=1))
    assert _titles(_entries(client, "/news/feed/")) == ["News new", "News old"]


def test_news_pages_hide_drafts_and_items_not_yet_due(client):
    now = timezone.now()
    _news("out", now - timedelta(hours=1))
    _news("draft", None)
    _news("later", now + timedelta(days=1))
    listing = client.get("/news/").content.decode()
    assert "News out" in listing and "News draft" not in listing and "News later" not in listing
    assert client.get("/news/out/").status_code == 200
    assert client.get("/news/draft/").status_code == 404
    assert client.get("/news/later/").status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_news_list_query_budget(client, django_assert_max_num_queries, count):
    for n in range(count):
        _news(f"n{n}", timezone.now() - timedelta(hours=n + 1))
    with django_assert_max_num_queries(3):
        assert client.get("/news/").status_code == 200


def test_stocktaking_feed_lists_published_entries_only(client):
    EntryFactory(title="Published one")
    EntryFactory(title="Still a draft", status=EntryStatus.DRAFT)
    EntryFactory(title="Awaiting moderation", status=EntryStatus.SUBMITTED)
    entries = _entries(client, "/stocktaking/feed/")
    assert _titles(entries) == ["Published one"]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert "/stocktaking/entries/" in link
    assert "secret-contact" not in client.get("/stocktaking/feed/").content.decode()


def test_programme_feed_lists_the_editions_sessions_in_order(client):
    edition = EditionFactory()
    second = SessionFactory(edition=edition, title="Second")
    SessionFactory(edition=edition, title="First", starts_at=second.starts_at - timedelta(hours=2))
    assert _titles(_entries(client, f"/forum/{edition.year}/programme/feed/")) == [
        "First",
        "Second",
    ]
    assert client.get("/forum/1999/programme/feed/").status_code == 404


def test_programme_feed_carries_the_latest_sessions_only(client, monkeypatch):
    monkeypatch.setattr(ProgrammeFeed, "length", 2)
    edition = EditionFactory()
    start = datetime(2027, 5, 10, 7, 0, tzinfo=UTC)
    SessionFactory(edition=edition, title="Added first", starts_at=start)
    SessionFactory(
        edition=edition, title="Added last, held late", starts_at=start + timedelta(hours=5)
    )
    SessionFactory(
        edition=edition, title="Added second, held early", starts_at=start - timedelta(hours=5)
    )
    response = client.get(f"/forum/{edition.year}/programme/feed/")
    feed = ElementTree.fromstring(response.content)
    assert _titles(feed.findall(f"{ATOM}entry")) == [
        "Added second, held early",
        "Added last, held late",
    ]
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links["self"].endswith(f"/forum/{edition.year}/programme/feed/")
    assert links["alternate"].endswith(f"/forum/{edition.year}/programme/")


@time_machine.travel(datetime(2027, 2, 1, 10, 0, tzinfo=UTC), tick=False)
def test_open_calls_feed_lists_what_is_open_now(client):
    CallFactory(
        starts_at=datetime(2027, 1, 1, tzinfo=UTC), ends_at=datetime(2027, 3, 1, tzinfo=UTC)
    )
    entries = _entries(client, "/feeds/open-calls/")
    assert entries, "an open stocktaking call must be in the open-calls feed"
    assert any("WSIS Stocktaking" in t for t in _titles(entries))
    assert "Deadline" in entries[0].find(f"{ATOM}summary").text


@pytest.mark.parametrize(
    "path, feed",
    [
        ("/news/", "/news/feed/"),
        ("/stocktaking/", "/stocktaking/feed/"),
        ("/", "/feeds/open-calls/"),
    ],
)
def test_pages_link_to_the_feed_they_follow(client, path, feed):
    html = client.get(path).content.decode()
    assert 'type="application/atom+xml" title=' in html
    assert f'href="{feed}" type="application/atom+xml">Subscribe to feed</a>' in html


def test_programme_page_links_to_its_feed(client):
    edition = EditionFactory()
    html = client.get(f"/forum/{edition.year}/programme/").content.decode()
    assert f'href="/forum/{edition.year}/programme/feed/"' in html
    assert "Subscribe to feed" in html
