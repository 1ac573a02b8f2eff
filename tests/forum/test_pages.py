"""Page-level checks: same number of queries whatever the rows, one h1, demo data."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forum import demo, demo_programme
from forum.models import Edition, Event, Session, SessionPerson
from forum.programme.caching import programme_version_bump
from tests.factories.forum import action_line, sdg
from tests.factories.forum_programme import (
    EditionFactory,
    PartnerFactory,
    RegistrationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_session(edition, n):
    SessionFactory(
        edition=edition,
        action_lines=[action_line("C1"), action_line("C4")],
        sdgs=[sdg(n + 1), sdg(n + 2)],
        starts_at=datetime(2027, 5, 10 + n, 7, tzinfo=UTC),
    )


def test_programme_and_edition_pages_do_not_grow_with_rows(client):
    edition = EditionFactory()
    add_session(edition, 0)
    RegistrationFactory(edition=edition)
    PartnerFactory(edition=edition)
    urls = ["/forum/2027/programme/", "/forum/2027/", "/forum/", "/forum/2027/programme.ics"]
    before = {url: count_queries(client, url) for url in urls}
    add_session(edition, 1)
    add_session(edition, 2)
    RegistrationFactory(edition=edition)
    PartnerFactory(edition=edition)
    EditionFactory(year=2026)
    # A test's transaction never commits, so bump the version as a commit would: the
    # calendar is built again from the rows rather than read from the cache.
    programme_version_bump()
    after = {url: count_queries(client, url) for url in urls}
    assert before == after
    assert after["/forum/2027/programme/"] <= 8


def test_every_page_has_one_h1(client):
    session = SessionFactory()
    for url in [
        "/forum/",
        "/forum/2027/",
        "/forum/2027/programme/",
        session.get_absolute_url(),
        "/ungis/",
        "/ungis/members/",
        "/ungis/members/ITU/",
        "/ungis/chairs/",
    ]:
        body = client.get(url).content.decode()
        assert len(re.findall(r"<h1[ >]", body)) == 1, url
        assert 'style="' not in body and "<script" not in body, url


def test_demo_seeders_are_idempotent():
    demo.seed()
    demo_programme.seed()
    counts = (Edition.objects.count(), Session.objects.count(), SessionPerson.objects.count())
    demo_programme.seed()
    assert (
        Edition.objects.count(),
        Session.objects.count(),
        SessionPerson.objects.count(),
    ) == counts
    current = Edition.objects.get(year=demo_programme.CURRENT_YEAR)
    assert 55 <= current.sessions.count() <= 80
    assert current.sessions.values("building_block").distinct().count() == 18
    assert current.partners.values("tier").distinct().count() == 4
    # The seeds' sessions at other forums are events of their own (tests/forum/test_events.py).
    forum_5 = Event.objects.get(title__startswith="IGF 2023 Open Forum #5")
    assert [r.person.name for r in forum_5.roles.all()] == ["Gitanjali Sah", "Vladimir Stankovic"]
    assert list(forum_5.sdgs.values_list("number", flat=True)) == [17]
