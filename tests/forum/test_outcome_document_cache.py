"""The Outcome Document's PDF is drawn once per change to what it shows, kept in the cache,
validated with ETag/Last-Modified, and still served when the cache is down (issue 15)."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.db import transaction
from django.urls import reverse
from pypdf import PdfReader

from forum.models import BuildingBlock, OutcomeReport
from forum.outcomes import caching, pdf
from forum.outcomes.services import outcome_document_generate
from tests.factories.forum import action_line
from tests.factories.forum_outcomes import OutcomeReportFactory
from tests.factories.forum_programme import EditionFactory, SessionFactory
from tests.wsis_portal.test_healthz import BROKEN_CACHE
from wsis_portal.commit_version import _Bump

pytestmark = pytest.mark.django_db
URL = reverse("forum:outcome_document_pdf", args=[2027])


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture(autouse=True)
def core_fonts(monkeypatch):
    """Helvetica: what is cached does not depend on the fonts, and loading the Unicode ones
    takes seconds per PDF (tests/forum/test_outcome_document.py draws with them)."""
    monkeypatch.setattr(pdf, "FONT_DIRS", [])


@pytest.fixture
def document(django_capture_on_commit_callbacks):
    """Two generated reports, every write committed as outside a test's transaction."""
    with django_capture_on_commit_callbacks(execute=True):
        edition = EditionFactory(theme="Themeoriginal")
        reports = [
            OutcomeReportFactory(
                session=SessionFactory(
                    edition=edition,
                    title="Sessionalpha",
                    starts_at=datetime(2027, 5, 11, 8, 0, tzinfo=UTC),
                    ends_at=datetime(2027, 5, 11, 9, 0, tzinfo=UTC),
                ),
                key_messages="Keyalpha",
                recommendations="Recalpha",
                slides_url="https://example.org/slidesalpha.pdf",
                action_lines=[action_line("C1")],
            ),
            OutcomeReportFactory(
                session=SessionFactory(edition=edition, title="Sessionbeta"),
                key_messages="Keybeta",
                recommendations="Recbeta",
                action_lines=[action_line("C3")],
            ),
        ]
        outcome_document_generate(edition=edition, actor=None)
    return reports


def _edit(obj, **values):
    for name, value in values.items():
        setattr(obj, name, value)
    obj.save()


def _delete(obj):
    obj.delete()


def _add_report(reports):
    OutcomeReportFactory(
        session=SessionFactory(edition=reports[0].session.edition, title="Sessiongamma"),
        key_messages="Keygamma",
        action_lines=[action_line("C5")],
    )


def _rename_block(reports):
    block = reports[0].session.building_block
    block.name = "Blockrenamed"
    block.save()


def _other_block(reports):
    other = BuildingBlock.objects.exclude(pk=reports[0].session.building_block_id).first()
    _edit(reports[0].session, building_block=other)
    return str(other)


# (what changes, the change, text the next PDF shows, text it no longer shows). A change
# may return the text to look for when it is only known once made.
CHANGES: list[tuple[str, Callable, str, str]] = [
    ("key messages", lambda r: _edit(r[0], key_messages="Keyedited"), "Keyedited", "Keyalpha"),
    (
        "recommendations",
        lambda r: _edit(r[0], recommendations="Recedited"),
        "Recedited",
        "Recalpha",
    ),
    (
        "slides link",
        lambda r: _edit(r[0], slides_url="https://example.org/slidesedited.pdf"),
        "slidesedited",
        "slidesalpha",
    ),
    (
        "recording link",
        lambda r: _edit(r[1], recording_url="https://example.org/recordingadded"),
        "recordingadded",
        "",
    ),
    ("a report added", _add_report, "Keygamma", ""),
    ("a report deleted", lambda r: _delete(r[1]), "Keyalpha", "Keybeta"),
    ("an Action Line added", lambda r: r[1].action_lines.add(action_line("C4")), "C4.", ""),
    ("Action Lines cleared", lambda r: r[1].action_lines.clear(), "Keyalpha", "Keybeta"),
    (
        "session title",
        lambda r: _edit(r[0].session, title="Sessionrenamed"),
        "Sessionrenamed",
        "Sessionalpha",
    ),
    (
        "session moved to another day",
        lambda r: _edit(
            r[0].session,
            starts_at=datetime(2027, 5, 13, 8, 0, tzinfo=UTC),
            ends_at=datetime(2027, 5, 13, 9, 0, tzinfo=UTC),
        ),
        "2027-05-13",
        "2027-05-11",
    ),
    ("building block renamed", _rename_block, "Blockrenamed", ""),
    ("session's building block", _other_block, "", ""),
    (
        "edition theme",
        lambda r: _edit(r[0].session.edition, theme="Themeedited"),
        "Themeedited",
        "Themeoriginal",
    ),
    (
        "Action Line title",
        lambda r: _edit(action_line("C3"), title="Actionlineedited"),
        "Actionlineedited",
        "",
    ),
    (
        "report moved to another session",
        lambda r: _edit(
            r[1], session=SessionFactory(edition=r[1].session.edition, title="Sessionnew")
        ),
        "Sessionnew",
        "Sessionbeta",
    ),
]


@pytest.mark.parametrize(
    ("change", "present", "absent"),
    [pytest.param(change, present, absent, id=name) for name, change, present, absent in CHANGES],
)
def test_every_change_to_what_the_document_shows_is_in_the_next_pdf(
    client, document, django_capture_on_commit_callbacks, change, present, absent
):
    before = client.get(URL)
    assert client.get(URL).content == before.content  # the cached file, byte for byte
    with django_capture_on_commit_callbacks(execute=True):
        present = change(document) or present
    after = client.get(URL)
    text = pdf_text(after)
    assert present and present in text
    assert after["ETag"] != before["ETag"]
    if absent:
        assert absent in pdf_text(before) and absent not in text


def test_the_cached_pdf_is_not_drawn_again(
    client, document, monkeypatch, django_assert_num_queries
):
    drawn = []
    draw = caching.outcome_document_pdf
    monkeypatch.setattr(caching, "outcome_document_pdf", lambda data: drawn.append(1) or draw(data))
    first = client.get(URL).content
    with django_assert_num_queries(2):  # the edition and its document record
        assert client.get(URL).content == first
    assert len(drawn) == 1


def test_each_language_has_its_own_file(client, document, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _edit(document[0].session, title_fr="Seancefrancaise")
    assert "Seancefrancaise" not in pdf_text(client.get(URL))
    assert "Seancefrancaise" in pdf_text(client.get("/fr" + URL))
    assert "Seancefrancaise" not in pdf_text(client.get(URL))


def test_a_client_with_the_current_file_gets_304(client, document, django_assert_max_num_queries):
    first = client.get(URL)
    etag, modified = first["ETag"], first["Last-Modified"]
    with django_assert_max_num_queries(2):  # the edition and its record; nothing is drawn
        again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag and again["Last-Modified"] == modified
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    caching.VERSION.bump()
    changed = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_the_access_rules_hold_for_the_cached_file(
    client, document, django_capture_on_commit_callbacks
):
    assert client.get(URL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        document[0].session.edition.outcome_documents.all().delete()
    assert client.get(URL).status_code == 404


def test_the_pdf_is_drawn_when_the_cache_is_down(client, document, settings):
    settings.CACHES = BROKEN_CACHE
    response = client.get(URL)
    assert "Keyalpha" in pdf_text(response)
    assert not response.has_header("ETag")
    with transaction.atomic():
        _edit(document[0], key_messages="Keydown")  # a write never fails on the cache
    assert "Keydown" in pdf_text(client.get(URL))


def test_one_transaction_bumps_the_version_once(document, django_capture_on_commit_callbacks):
    before = caching.VERSION.current()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for report in document:
            _edit(report, key_messages="Many")
            report.action_lines.add(action_line("C2"))
    bumps = [c for c in callbacks if isinstance(c, _Bump) and c.version is caching.VERSION]
    assert len(bumps) == 1
    bumps[0]()
    assert caching.VERSION.current() > before
    assert OutcomeReport.objects.filter(key_messages="Many").count() == 2
