"""The Outcome Document's PDF is drawn by a worker, never in a request (issue 16, target 5).

A request serves the copy of the current version, else the last copy drawn, else a 503
with Retry-After; a change is drawn again after its commit for each edition and language
already downloaded. The tasks run inline in these tests unless ``queued`` holds them back
(a busy worker); the last test runs a real worker.
"""

from __future__ import annotations

import time

import pytest
import time_machine
from django.core.cache import cache

from forum.models import OutcomeReport
from forum.outcomes import caching
from tests.conftest import wait_for
from tests.forum import test_outcome_document_cache as cache_tests
from tests.forum.test_outcome_document_cache import URL, _edit, pdf_text
from wsis_portal import drawn_files, tasks

# The two generated reports and the core fonts of the cache's tests.
document = cache_tests.document
core_fonts = cache_tests.core_fonts

pytestmark = pytest.mark.django_db


@pytest.fixture
def drawn(monkeypatch):
    """Every PDF drawn from here on."""
    calls: list[int] = []
    draw = caching.outcome_document_pdf
    monkeypatch.setattr(caching, "outcome_document_pdf", lambda data: calls.append(1) or draw(data))
    return calls


def test_before_the_first_copy_a_translated_503_asks_to_come_back(client, document, queued):
    response = client.get(URL)
    assert response.status_code == 503
    assert response["Retry-After"] == str(drawn_files.RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert "is being prepared" in response.content.decode()
    assert len(queued) == 1
    assert client.get(URL).status_code == 503
    assert len(queued) == 1  # asked once per version, however many requests come
    french = client.get("/fr" + URL)
    assert french.status_code == 503 and "en cours de préparation" in french.content.decode()
    assert len(queued) == 2  # the French file is another file
    tasks.drawn_file_draw(*queued[0])
    assert "Keyalpha" in pdf_text(client.get(URL))


def test_the_last_copy_is_served_while_the_changed_one_is_drawn(
    client, document, django_capture_on_commit_callbacks, monkeypatch
):
    first = client.get(URL)  # drawn inline
    assert "Keyalpha" in pdf_text(first)
    calls = []
    monkeypatch.setattr(tasks.drawn_file_draw, "delay", lambda *args: calls.append(args))
    cache.delete(caching.PDF.refresh_key)  # the fixture's writes were a burst of their own
    with django_capture_on_commit_callbacks(execute=True):
        _edit(document[0], key_messages="Keychanged")
    assert len(calls) == 1  # asked after the commit, before any request
    stale = client.get(URL)
    assert "Keyalpha" in pdf_text(stale) and stale["ETag"] == first["ETag"]
    assert client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert len(calls) == 1
    tasks.drawn_file_draw(*calls[0])
    fresh = client.get(URL)
    assert "Keychanged" in pdf_text(fresh) and fresh["ETag"] != first["ETag"]


def test_a_change_is_drawn_after_its_commit_in_each_language_downloaded(
    client, document, django_capture_on_commit_callbacks, drawn
):
    client.get(URL)
    client.get("/fr" + URL)
    assert len(drawn) == 2
    cache.delete(caching.PDF.refresh_key)
    with django_capture_on_commit_callbacks(execute=True):
        _edit(document[0], key_messages="Keychanged")
        _edit(document[1], key_messages="Keyother")  # one transaction, one drawing per file
    assert len(drawn) == 4
    assert "Keychanged" in pdf_text(client.get(URL))
    assert "Keychanged" in pdf_text(client.get("/fr" + URL))
    assert len(drawn) == 4  # the requests drew nothing
    with django_capture_on_commit_callbacks(execute=True):
        _edit(document[0], key_messages="Keyburst")
    assert len(drawn) == 4  # within a burst: drawn once the burst is over, or when asked
    assert "Keyburst" in pdf_text(client.get(URL))


def test_a_copy_older_than_its_hour_is_drawn_again_for_writes_without_signals(
    client, document, queued
):
    caching.PDF.draw((document[0].session.edition_id,), "en", 0)
    OutcomeReport.objects.filter(pk=document[0].pk).update(key_messages="Keybulk")  # no signal
    assert "Keyalpha" in pdf_text(client.get(URL))
    assert queued == []
    with time_machine.travel(time.time() + caching.PDF.max_age + 1, tick=False):
        assert "Keyalpha" in pdf_text(client.get(URL))  # served while it is drawn again
        assert len(queued) == 1
        tasks.drawn_file_draw(*queued[0])
        assert "Keybulk" in pdf_text(client.get(URL))


def test_without_a_shared_cache_the_request_draws_the_pdf(client, document, queued, settings):
    """No REDIS_URL (development): a worker's copy would stay in the worker's own memory."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert "Keyalpha" in pdf_text(client.get(URL))
    assert queued == []


@pytest.mark.services
def test_a_real_worker_draws_the_pdf_the_request_asked_for(client, celery_worker, document):
    assert client.get(URL).status_code == 503
    response = wait_for(lambda: (r := client.get(URL)).status_code == 200 and r, timeout=60)
    assert "Keyalpha" in pdf_text(response)
    assert "wsis_portal.tasks.drawn_file_draw" in celery_worker.output()
