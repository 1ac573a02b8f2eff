"""The programme page, the High-Level Track page and the sessions API are cached under the
programme version (issue 16, item 5): a write shows at once, and the programme's "Happening
now" marks follow the clock."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from forum.enums import SessionType
from forum.models import HighLevelTheme
from tests.factories.forum_programme import EditionFactory, SessionFactory

pytestmark = pytest.mark.django_db

START = datetime(2027, 5, 10, 7, 0, tzinfo=UTC)


def _programme(client, query: str = "") -> str:
    """The page from its main part on (the header holds a CSRF token new at each request)."""
    html = client.get(f"/forum/2027/programme/{query}").content.decode()
    return html[html.index("<main") :]


def test_programme_page_is_served_from_the_cache(client, django_assert_max_num_queries):
    edition = EditionFactory(year=2027)
    SessionFactory(edition=edition, title="Opening", starts_at=START)
    with time_machine.travel(START - timedelta(days=1), tick=False):
        first = _programme(client)
        with django_assert_max_num_queries(1):  # the edition, for the title and breadcrumbs
            assert _programme(client) == first
        assert "Opening" not in _programme(client, "?format=online")


def test_happening_now_follows_the_clock_through_the_cache(client):
    edition = EditionFactory(year=2027)
    session = SessionFactory(edition=edition, title="Opening", starts_at=START)
    with time_machine.travel(START - timedelta(seconds=1), tick=False) as clock:
        assert "Happening now" not in _programme(client)
        clock.move_to(START)
        assert "Happening now" in _programme(client)
        clock.move_to(session.ends_at - timedelta(seconds=1))
        assert "Happening now" in _programme(client)
        clock.move_to(session.ends_at)
        assert "Happening now" not in _programme(client)


def test_a_change_to_a_session_shows_at_once(client, django_capture_on_commit_callbacks):
    # Committed, as in production (a transaction's one pending bump then has run).
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory(year=2027)
        session = SessionFactory(edition=edition, title="Opening", starts_at=START)
    assert "Opening" in _programme(client)
    assert "Opening" in client.get("/api/forum/2027/sessions/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        session.title = "Grand opening"
        session.save()
    assert "Grand opening" in _programme(client)
    assert "Grand opening" in client.get("/api/forum/2027/sessions/").content.decode()


def test_sessions_api_is_served_from_the_cache(client, django_assert_max_num_queries):
    edition = EditionFactory(year=2027)
    SessionFactory(edition=edition, title="Opening", starts_at=START)
    first = client.get("/api/forum/2027/sessions/?page=1").json()
    assert [row["title"] for row in first["results"]] == ["Opening"]
    with django_assert_max_num_queries(0):
        assert client.get("/api/forum/2027/sessions/?page=1").json() == first


def test_high_level_track_shows_a_new_theme_at_once(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory(year=2027)
    assert "Digital trust" not in client.get("/forum/2027/high-level-track/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        theme = HighLevelTheme.objects.create(edition=edition, title="Digital trust", order=1)
        SessionFactory(edition=edition, session_type=SessionType.POLICY_SESSION, hlt_theme=theme)
    assert "Digital trust" in client.get("/forum/2027/high-level-track/").content.decode()
