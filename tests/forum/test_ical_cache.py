"""The programme's iCalendar file: built from plain rows, cached until the programme changes,
and answered with a 304 to a client that has the current file (issue 16)."""

from __future__ import annotations

import contextlib
import re
from datetime import UTC, datetime

import pytest
from django.db import transaction
from django.utils import translation

from forum.enums import SessionFormat, SessionRole
from forum.programme.caching import PROGRAMME, programme_version, programme_version_bump
from forum.programme.ical import calendar_bytes
from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory

pytestmark = pytest.mark.django_db
URL = "/forum/2027/programme.ics"
STAMP = re.compile(rb"DTSTAMP:\d{8}T\d{6}Z\r\n")
CALNAME = re.compile(rb"X-WR-CALNAME:([^\r]*)\r\n")


def without_stamps(content: bytes) -> bytes:
    return STAMP.sub(b"", content)


def test_the_programme_from_rows_is_the_calendar_of_the_sessions(client):
    edition = EditionFactory()
    sessions = [
        SessionFactory(
            edition=edition,
            title="Ouverture, avec virgules; et \\ barre — ÉDITION 2027 " * 3,
            title_fr="Séance d'ouverture; en français",
            description="Line one,\nline two 中文会议 العربية " * 4,
            room="Salle Popov, 2e étage",
            remote_participation_url="https://example.org/join?x=1,2;3",
        ),
        SessionFactory(
            edition=edition,
            title="Short",
            description="",
            room="",
            starts_at=datetime(2027, 5, 11, 7, 0, tzinfo=UTC),
        ),
    ]
    ordered = sorted(sessions, key=lambda s: (s.starts_at, str(s.title), s.pk))
    for prefix, language in (("", "en"), ("/fr", "fr")):
        served = client.get(prefix + URL)
        assert served.status_code == 200
        with translation.override(language):
            expected = calendar_bytes(
                ordered,
                name=CALNAME.search(served.content).group(1).decode(),
                base_url="http://testserver",
            )
        assert without_stamps(served.content) == without_stamps(expected), language
    french = "SUMMARY:Séance d'ouverture\\; en français".encode()
    assert french not in client.get(URL).content
    assert french in client.get("/fr" + URL).content


def test_a_change_to_the_programme_shows_in_the_next_calendar(
    client, django_capture_on_commit_callbacks
):
    # Every step commits, as it would outside a test's transaction.
    with django_capture_on_commit_callbacks(execute=True):
        session = SessionFactory(title="Before the change", room="Room A")
    first = client.get(URL)
    assert b"Before the change" in first.content
    assert client.get(URL).content == first.content  # the cached file

    with django_capture_on_commit_callbacks(execute=True):
        session.title = "After the change"
        session.save()
    assert b"After the change" in client.get(URL).content

    with django_capture_on_commit_callbacks(execute=True):
        session.room = "Room XX"
        session.save()
    assert b"LOCATION:Room XX" in client.get(URL).content

    with django_capture_on_commit_callbacks(execute=True):
        added = SessionFactory(edition=session.edition, title="Added later")
    assert b"Added later" in client.get(URL).content

    with django_capture_on_commit_callbacks(execute=True):
        added.delete()
    assert b"Added later" not in client.get(URL).content

    with django_capture_on_commit_callbacks(execute=True):
        session.edition.theme = "A new theme"
        session.edition.save()
    assert client.get(URL)["ETag"] != first["ETag"]


def test_a_speaker_change_makes_a_new_version(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        session = SessionFactory()
    before = programme_version()
    with django_capture_on_commit_callbacks(execute=True):
        session.roles.create(person=PersonFactory(), role=SessionRole.SPEAKER)
    assert programme_version() > before


def test_one_transaction_bumps_the_version_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for _ in range(5):
            SessionFactory(edition=edition)
    assert sum(getattr(callback, "version", None) is PROGRAMME for callback in callbacks) == 1


def test_a_client_with_the_current_file_gets_304(client, django_assert_max_num_queries):
    SessionFactory()
    first = client.get(URL)
    etag, modified = first["ETag"], first["Last-Modified"]
    with django_assert_max_num_queries(1):  # the edition; nothing is built
        again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    programme_version_bump()
    changed = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 200


def test_the_cached_file_is_read_in_one_query(client, django_assert_num_queries):
    SessionFactory.create_batch(3)
    client.get(URL)
    with django_assert_num_queries(1):  # the edition
        assert client.get(URL).status_code == 200


def test_each_filter_has_its_own_file(client):
    edition = EditionFactory()
    SessionFactory(edition=edition, format=SessionFormat.ONLINE, title="Online one")
    SessionFactory(edition=edition, format=SessionFormat.HYBRID, title="Hybrid one")
    assert b"Hybrid one" in client.get(URL).content
    online = client.get(URL + "?format=online").content
    assert b"Online one" in online and b"Hybrid one" not in online
    assert b"Hybrid one" in client.get(URL + "?utm_source=x").content


def test_a_bump_rolled_back_with_its_savepoint_is_registered_again(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        with contextlib.suppress(RuntimeError), transaction.atomic():
            SessionFactory(edition=edition)
            raise RuntimeError("rolled back")
        SessionFactory(edition=edition)
    assert sum(getattr(callback, "version", None) is PROGRAMME for callback in callbacks) == 1
