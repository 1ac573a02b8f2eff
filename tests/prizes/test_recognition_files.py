"""The booklet's and the certificates' PDFs are drawn by a worker, never in a request
(issue 16, target 5), as the Outcome Document's (``wsis_portal.drawn_files``).

A request serves the last copy drawn, or a translated 503 with Retry-After before the first;
a committed change to what a file shows has it drawn again for each file and language
already asked for, and the next download shows it. The tasks run inline in these tests
unless ``queued`` holds them back (a busy worker); the last tests run real workers.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

import pytest
import time_machine
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from forum.models import ActionLine
from prizes import certificates, recognition_files
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import Contest, ContestPhase, Project
from prizes.services import recognition_queue
from tests.conftest import start_worker, wait_for
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from wsis_portal import drawn_files, tasks

pytestmark = pytest.mark.django_db
# What a worker logs for a drawing task that drew (one that found the copy drawn returns False).
DRAWN_VERSION = re.compile(r"drew prizes\.booklet \(\d+, False\) in en, version (\d+)")


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def drawn(monkeypatch):
    """Every certificate and booklet drawn from here on, by kind."""
    calls: list[str] = []
    certificate, booklet = certificates.certificate_pdf, certificates.booklet_pdf
    monkeypatch.setattr(
        recognition_files,
        "certificate_pdf",
        lambda **kw: calls.append("certificate") or certificate(**kw),
    )
    monkeypatch.setattr(
        recognition_files, "booklet_pdf", lambda **kw: calls.append("booklet") or booklet(**kw)
    )
    return calls


def _published(contest):
    start = ContestPhase.objects.get(contest=contest, kind=PhaseKind.CEREMONY).starts_at
    return time_machine.travel(start + timedelta(hours=1), tick=False)


@pytest.fixture
def results(django_capture_on_commit_callbacks):
    """A contest whose results are published: a Winner and a Champion, committed."""
    with django_capture_on_commit_callbacks(execute=True):
        contest = contest_at(timezone.now(), PhaseKind.SELECTION)
        ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
            end_applied_at=timezone.now()
        )
        winner = ProjectFactory(
            contest=contest,
            status=ProjectStatus.WINNER,
            title="Connected schools",
            organisation="Digital Bridges",
            category=category(contest, "C3"),
        )
        champion = ProjectFactory(
            contest=contest, status=ProjectStatus.CHAMPION, title="Rural clinics online"
        )
    for kind in (recognition_files.CERTIFICATE, recognition_files.BOOKLET):
        cache.delete(kind.refresh_key)  # the fixture's writes were a burst of their own
    return contest, winner, champion


def _certificate_url(project):
    return reverse("prizes:certificate", args=[project.contest.year, project.pk])


def _booklet_url(contest):
    return reverse("prizes:booklet_pdf", args=[contest.year])


def _edit(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()


@pytest.mark.parametrize("which", ["certificate", "booklet"])
def test_before_the_first_copy_a_translated_503_asks_to_come_back(
    client, results, queued, drawn, which
):
    contest, winner, _champion = results
    url = _certificate_url(winner) if which == "certificate" else _booklet_url(contest)
    with _published(contest):
        response = client.get(url)
        assert response.status_code == 503
        assert response["Retry-After"] == str(drawn_files.RETRY_AFTER_SECONDS)
        assert "no-store" in response["Cache-Control"]
        assert "is being prepared" in response.content.decode()
        assert client.get(url).status_code == 503
        assert len(queued) == 1  # asked once per version, however many requests come
        french = client.get("/fr" + url)
        assert french.status_code == 503 and "en cours de préparation" in french.content.decode()
        assert len(queued) == 2  # the French file is another file
        assert drawn == []  # no request drew anything
        tasks.drawn_file_draw(*queued[0])
        assert drawn == [which]
        assert "Connected schools" in pdf_text(client.get(url))
        assert drawn == [which]


def test_a_winner_sees_their_change_in_the_certificate_after_the_worker_ran(
    client, results, django_capture_on_commit_callbacks, queued, drawn
):
    contest, winner, _champion = results
    url = _certificate_url(winner)
    with _published(contest):
        client.get(url)
        tasks.drawn_file_draw(*queued.pop())
        first = client.get(url)
        assert "Connected schools" in pdf_text(first)
        with django_capture_on_commit_callbacks(execute=True):
            _edit(winner, title="Connected rural schools")
        # Asked for after the commit, by the refresh of the files asked for so far.
        assert len(queued) == 1
        stale = client.get(url)  # the last copy, while the worker draws the new one
        assert "Connected schools" in pdf_text(stale) and stale["ETag"] == first["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
        assert drawn == ["certificate"]
        tasks.drawn_file_draw(*queued.pop())
        fresh = client.get(url)
        assert "Connected rural schools" in pdf_text(fresh)
        assert fresh["ETag"] != first["ETag"]
        assert drawn == ["certificate", "certificate"]
        assert queued == []


def _demote(contest, winner):
    _edit(winner, status=ProjectStatus.CHAMPION)


# (what changes, the change, text the next certificate shows, text the next booklet shows).
# Each is one committed transaction; the tasks run inline, so the request finds the new copy.
CHANGES = [
    ("project title", lambda c, w: _edit(w, title="Retitled schools"), "Retitled", "Retitled"),
    ("organisation", lambda c, w: _edit(w, organisation="Bridges Intl"), "Bridges Intl", "Intl"),
    ("country", lambda c, w: _edit(w, country="NZ"), "New Zealand", "New Zealand"),
    ("status", _demote, "WSIS Prize Champion", "0 Winners, 2 Champions"),
    ("category", lambda c, w: _edit(w, category=category(c, "C8")), "C8.", "C8."),
    (
        "Action Line title",
        lambda c, w: _edit(ActionLine.objects.get(code="C3"), title="Renamed line"),
        "Renamed line",
        "Renamed line",
    ),
    (
        "contest title",
        lambda c, w: _edit(Contest.objects.get(pk=c.pk), title="Prizes renamed"),
        "Prizes renamed",
        "Prizes renamed",
    ),
]


@pytest.mark.parametrize("which", ["certificate", "booklet"])
@pytest.mark.parametrize(
    ("change", "in_certificate", "in_booklet"),
    [pytest.param(*rest, id=name) for name, *rest in CHANGES],
)
def test_every_change_to_what_they_show_is_in_the_next_copy(
    client,
    results,
    django_capture_on_commit_callbacks,
    drawn,
    which,
    change,
    in_certificate,
    in_booklet,
):
    contest, winner, _champion = results
    if which == "certificate":
        url, present = _certificate_url(winner), in_certificate
    else:
        url, present = _booklet_url(contest), in_booklet
    with _published(contest):
        before = client.get(url)
        assert present not in pdf_text(before)
        with django_capture_on_commit_callbacks(execute=True):
            change(contest, winner)
        count = len(drawn)
        after = client.get(url)
        assert present in pdf_text(after)
        assert after["ETag"] != before["ETag"]
        assert len(drawn) == count  # drawn after the commit, not by the request


def test_a_new_champion_is_in_the_next_booklet(client, results, django_capture_on_commit_callbacks):
    contest, _winner, _champion = results
    url = _booklet_url(contest)
    with _published(contest):
        assert "Smart farming" not in pdf_text(client.get(url))
        with django_capture_on_commit_callbacks(execute=True):
            ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION, title="Smart farming")
        assert "Smart farming" in pdf_text(client.get(url))


def test_a_change_elsewhere_keeps_the_copy_without_drawing_it_again(
    client, results, django_capture_on_commit_callbacks, drawn
):
    contest, winner, champion = results
    url = _certificate_url(winner)
    with _published(contest):
        first = client.get(url)
        with django_capture_on_commit_callbacks(execute=True):
            _edit(champion, title="Rural clinics renamed")
        again = client.get(url)
    assert again.content == first.content
    assert again["ETag"] != first["ETag"]  # kept under the new version
    assert drawn.count("certificate") == 1


def test_a_preview_for_staff_is_never_served_to_the_public(client, results, drawn):
    contest, winner, _champion = results
    client.force_login(UserFactory(is_staff=True))
    preview = client.get(_certificate_url(winner))
    assert "Preview" in pdf_text(preview) and "no-store" in preview["Cache-Control"]
    client.logout()
    with _published(contest):
        public = client.get(_certificate_url(winner))
    assert "Preview" not in pdf_text(public)
    assert drawn == ["certificate", "certificate"]


def test_publication_draws_each_certificate_in_its_winners_language_before_the_link_is_opened(
    client, results, django_capture_on_commit_callbacks, drawn
):
    contest, winner, champion = results
    Project.objects.filter(pk=winner.pk).update(
        submitter=StakeholderFactory(email="w@example.org", language="fr")
    )
    urls = _certificate_url(winner), _certificate_url(champion), _booklet_url(contest)
    with _published(contest):
        with django_capture_on_commit_callbacks(execute=True):
            assert recognition_queue(timezone.now()) == 2
        assert sorted(drawn) == ["booklet", "booklet", "certificate", "certificate"]
        assert "Lauréat d’un Prix du SMSI" in pdf_text(client.get("/fr" + urls[0]))
        assert client.get(urls[1]).status_code == 200
        assert client.get("/fr" + urls[2]).status_code == 200
        assert len(drawn) == 4  # the links found them drawn


def test_the_request_draws_when_the_cache_is_down(client, results, settings, drawn):
    from tests.wsis_portal.test_healthz import BROKEN_CACHE

    contest, winner, _champion = results
    settings.CACHES = BROKEN_CACHE
    with _published(contest):
        response = client.get(_certificate_url(winner))
    assert "Connected schools" in pdf_text(response)
    assert not response.has_header("ETag")


@pytest.mark.services
def test_real_workers_draw_each_file_once_per_change(client, celery_worker, tmp_path):
    """Two workers: the booklet asked for by many requests is drawn once, and once again
    after a committed change, which the next download shows."""
    second = start_worker(tmp_path, "w2")
    try:
        contest = contest_at(timezone.now(), PhaseKind.SELECTION)
        winner = ProjectFactory(
            contest=contest, status=ProjectStatus.WINNER, title="Connected schools"
        )
        url = _booklet_url(contest)
        with _published(contest):
            assert client.get(url).status_code == 503
            assert client.get(url).status_code in (200, 503)
            response = wait_for(lambda: (r := client.get(url)).status_code == 200 and r, 60)
            assert "Connected schools" in pdf_text(response)
            _edit(winner, title="Connected rural schools")  # committed: no test transaction
            wait_for(lambda: "rural" in pdf_text(client.get(url)), 60)
        logs = celery_worker.output() + second.output()
        # Once per version, not per request: a version drawn twice is the fault. (A version
        # of its own may come between the two asked for here, and be drawn too.)
        versions = DRAWN_VERSION.findall(logs)
        assert len(versions) >= 2, logs
        assert len(versions) == len(set(versions)), logs
    finally:
        second.stop()


def test_a_task_asked_for_an_older_version_leaves_the_current_one_to_its_own_task(results, drawn):
    """Two workers must not draw the same version at once: a task asked for an older version
    draws the current one only when no task holds that version's lock."""
    contest, _winner, _champion = results
    kind, args = recognition_files.BOOKLET, (contest.pk, False)
    current = kind.version.current()
    lock = kind._lock_key(args, "en", current)
    cache.add(lock, 1, 60)  # the current version's drawing, queued by a request
    assert kind.draw(args, "en", current - 1) is False
    assert drawn == []
    cache.delete(lock)
    assert kind.draw(args, "en", current - 1) is True
    assert drawn == ["booklet"]
    assert cache.get(lock) is None  # released for the next change


def test_with_the_broker_down_a_change_and_a_download_each_ask_again(monkeypatch, results):
    """Neither a refresh nor a drawing refused by the broker holds its lock: the next change
    or request asks for it again, and the last copy is served meanwhile."""
    contest, _winner, _champion = results
    kind, args = recognition_files.BOOKLET, (contest.pk, False)

    def down(*args, **kwargs):
        raise OSError("broker down")

    monkeypatch.setattr(tasks.drawn_files_refresh, "apply_async", down)
    monkeypatch.setattr(tasks.drawn_file_draw, "delay", down)
    kind.schedule_refresh()
    assert cache.get(kind.refresh_key) is None
    version = kind.version.current()
    kind.request_draw(args, "en", version)
    assert cache.get(kind._lock_key(args, "en", version)) is None
