"""Every public page costs a fixed number of queries, whatever the size of the data (issue 16,
item 3): each public URL name is fetched on the demo data plus N objects of every kind the
pages list, then again with 3N, and its query count must not change.

The URL names come from the URLconf, through the list shared with ``bench/pages.py``: a name
neither built nor excluded there (with its reason) fails here, so a new page cannot be left
out. Each page is fetched on a cache miss (the cache is emptied first), the expensive case.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench.public_pages import EXCLUDED, builders, unlisted, url_names

N = 2

# Marked so that pytest-django sets the test database up; the data is the module's.
pytestmark = pytest.mark.django_db


def grow(n: int) -> None:
    """Add ``n`` objects of every kind a public page lists, where the pages show them first."""
    from consultations.models import Consultation, Discussion
    from forum.about.models_events import Event
    from forum.about.models_news import NewsItem
    from forum.demo_programme import CURRENT_YEAR
    from forum.models import Edition, SessionPerson
    from prizes.models import Category, Contest
    from tests.factories.consultations import CommentFactory, DiscussionFactory
    from tests.factories.forum import action_line, sdg
    from tests.factories.forum_programme import PersonFactory, SessionFactory
    from tests.factories.prizes import ProjectFactory
    from tests.factories.stocktaking import EntryFactory
    from ungis.models import Agency

    edition = Edition.objects.get(year=CURRENT_YEAR)
    contest = Contest.objects.get(year=CURRENT_YEAR)
    past = Contest.objects.exclude(pk=contest.pk).order_by("-year").first()
    consultation = Consultation.objects.filter(is_demo=True).order_by("pk").first()
    discussion = Discussion.objects.filter(consultation=consultation).order_by("pk").first()
    c1, c7 = action_line("C1"), action_line("C7-EGOV")
    goal4, goal9 = sdg(4), sdg(9)
    now = timezone.now()
    stamp = Grow.counter
    Grow.counter += 1
    for i in range(n):
        key = f"{stamp}-{i}"
        session = SessionFactory(
            edition=edition,
            starts_at=datetime(CURRENT_YEAR, 5, 10, 7, 0, tzinfo=UTC) + timedelta(minutes=i),
            action_lines=[c1, c7],
            sdgs=[goal4, goal9],
        )
        SessionPerson.objects.create(session=session, person=PersonFactory(), role=1)
        for target in (contest, past):
            if target is None:
                continue
            category = Category.objects.filter(contest=target, action_line=c1).first()
            if category is not None:
                ProjectFactory(
                    contest=target,
                    category=category,
                    status="winner" if target is past else "nominated",
                )
        EntryFactory(action_lines=["C1", "C7-EGOV"], sdgs=[4, 9])
        NewsItem.objects.create(
            title=f"News {key}", slug=f"news-{key}", summary="Summary.", published_at=now
        )
        Event.objects.create(
            kind=Event._meta.get_field("kind").choices[0][0],
            title=f"Event {key}",
            starts_on=date(CURRENT_YEAR, 3, 1),
            ends_on=date(CURRENT_YEAR, 3, 2),
        )
        Agency.objects.create(acronym=f"AG{key}", name=f"Agency {key}", is_member=True)
        if consultation is not None:
            DiscussionFactory(consultation=consultation)
            if discussion is not None:
                CommentFactory(discussion=discussion)


class Grow:
    counter = 0


def page_queries(client: Client, url: str) -> tuple[int, int, list[str]]:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    return response.status_code, len(ctx.captured_queries), [q["sql"] for q in ctx]


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    """Query counts of every page at N and at 3N: one data build, rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        grow(N)
        pages = {name: build() for name, build in builders().items()}
        client = Client()
        for url in pages.values():  # warm what is read once per process (content types…)
            client.get(url)
        at_n = {name: page_queries(client, url) for name, url in pages.items()}
        grow(2 * N)
        at_3n = {name: page_queries(client, url) for name, url in pages.items()}
        yield pages, at_n, at_3n
        transaction.set_rollback(True)


def test_every_public_url_name_is_measured_or_excluded_with_a_reason(measured):
    pages, _, _ = measured
    public, _ = url_names()
    assert unlisted(public, built=set(pages)) == []
    assert all(reason.strip() for reason in EXCLUDED.values())
    assert not set(EXCLUDED) - set(public), "excluded names that no longer exist"


def test_every_public_page_answers(measured):
    pages, at_n, _ = measured
    # A redirect is a page's own answer (a closed form sends people on); a 404 or a 500 says
    # the address built for it, or the page, is wrong.
    failing = {name: at_n[name][0] for name in pages if at_n[name][0] >= 400}
    assert failing == {}


def test_every_public_page_costs_the_same_queries_at_n_and_3n(measured):
    pages, at_n, at_3n = measured
    grew = {
        name: (at_n[name][1], at_3n[name][1]) for name in pages if at_3n[name][1] != at_n[name][1]
    }
    assert grew == {}, "\n".join(
        f"{name}: {a} -> {b} queries at {pages[name]}" for name, (a, b) in grew.items()
    )
