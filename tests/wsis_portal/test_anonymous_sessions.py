"""Anonymous visits write no session row, and expired sessions are cleared every day."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prizes.enums import PhaseKind
from tests.factories.consultations import ConsultationFactory, DiscussionFactory
from tests.factories.forum_programme import SessionFactory
from tests.factories.prizes import ProjectFactory, contest_at
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"#]+)"')
# Paths an anonymous crawl leaves alone: files, the admin, API and downloads of every kind.
SKIP = ("/static/", "/media/", "/admin/", "/api/", "/healthz")
SKIP_SUFFIXES = (".ics", ".csv", ".json", ".xlsx", ".pdf", ".xml")


def test_anonymous_ballot_views_write_no_session(client):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    projects = [ProjectFactory(contest=contest) for _ in range(25)]
    url = reverse("prizes:ballot", args=[contest.year])

    first = [p.pk for p in client.get(url).context["page_obj"].object_list]
    # The next visit of the same browser (it returns the cookie) sees the same order.
    assert [p.pk for p in client.get(url).context["page_obj"].object_list] == first
    for _ in range(3):
        assert Client().get(url).status_code == 200  # cookie-less visitors
    client.get(reverse("prizes:project", args=[contest.year, projects[0].pk]))
    assert Session.objects.count() == 0


def test_anonymous_shuffle_seed_cookie_is_signed(client):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    for _ in range(25):
        ProjectFactory(contest=contest)
    url = reverse("prizes:ballot", args=[contest.year])
    response = client.get(url)
    cookie = response.cookies["prizes_shuffle"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    order = [p.pk for p in response.context["page_obj"].object_list]
    assert [p.pk for p in client.get(url).context["page_obj"].object_list] == order
    # A forged value is ignored (a new signed seed replaces it), never trusted.
    client.cookies["prizes_shuffle"] = "0123456789abcdef"
    forged = client.get(url)
    assert forged.cookies["prizes_shuffle"].value != "0123456789abcdef"
    assert ":" in forged.cookies["prizes_shuffle"].value  # value:signature


def test_no_public_page_writes_a_session_for_an_anonymous_visitor():
    """Crawl the public site from the home page as a cookie-less visitor, GET only."""
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    ProjectFactory(contest=contest)
    consultation = ConsultationFactory()
    DiscussionFactory(consultation=consultation)
    EntryFactory()
    SessionFactory()

    seen: set[str] = set()
    slug = consultation.slug
    queue = [
        "/",
        reverse("prizes:ballot", args=[contest.year]),
        # Pages no link leads to: the private-link pages and those behind a sign-in.
        reverse("consultations:submission_lost_link", args=[slug]),
        reverse("consultations:submission_private", args=[slug, "not-a-real-token"]),
        reverse("consultations:submit_done", args=[slug]),
        reverse("consultations:nominate", args=[slug]),
        "/my/",
        "/no-such-page/",
    ]
    while queue and len(seen) < 120:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = Client().get(path)
        assert Session.objects.count() == 0, f"GET {path} wrote a session row"
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            link = urlsplit(urljoin(path, href.replace("&amp;", "&")))
            if link.netloc or not link.path.startswith("/"):
                continue
            if link.path.startswith(SKIP) or link.path.endswith(SKIP_SUFFIXES):
                continue
            target = link.path + (f"?{link.query}" if link.query else "")
            if target not in seen and not link.query:
                queue.append(target)
    assert len(seen) > 80, " ".join(sorted(seen))


def test_clearsessions_task_deletes_expired_sessions_only():
    from wsis_portal.tasks import sessions_clear

    store = Session.objects
    store.create(session_key="expired", session_data="x", expire_date=timezone.now() - timedelta(1))
    store.create(session_key="current", session_data="x", expire_date=timezone.now() + timedelta(1))
    sessions_clear()
    assert list(store.values_list("session_key", flat=True)) == ["current"]


def test_beat_runs_clearsessions_daily():
    from celery.schedules import crontab

    from wsis_portal.celery import app

    entry = next(
        e
        for e in app.conf.beat_schedule.values()
        if e["task"] == "wsis_portal.tasks.sessions_clear"
    )
    schedule = entry["schedule"]
    assert isinstance(schedule, crontab)
    assert schedule.remaining_estimate(timezone.now()) <= timedelta(days=1)
    assert len(schedule.hour) == 1 and len(schedule.minute) == 1 and len(schedule.day_of_week) == 7
