"""A new web worker warms the site search before its first request (wsis_portal/warm_up.py)."""

from __future__ import annotations

import importlib
import logging

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse
from django.utils import translation
from gunicorn.workers.sync import SyncWorker

from tests.wsis_portal.test_site_search import KINDS, WORD, counts, one_of_each
from wsis_portal import search_plans, views_search, warm_up


@pytest.fixture
def no_kept_shapes():
    saved = dict(search_plans._plans)
    search_plans._plans.clear()
    yield
    search_plans._plans.clear()
    search_plans._plans.update(saved)


@pytest.mark.usefixtures("postgres", "no_kept_shapes")
def test_after_the_warm_up_a_search_in_any_language_compiles_nothing_new(client: Client):
    one_of_each()
    warm_up.warm_worker(serves_on_this_thread=True)
    kept = dict(search_plans._plans)
    assert kept, "the warm-up compiled no query shape"
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            response = client.get(reverse("site_search"), {"q": WORD})
        # Every kind found the item, so every kind ran its query in this language.
        assert counts(response) == dict.fromkeys(KINDS, 1), language
    assert search_plans._plans.keys() == kept.keys()


@pytest.mark.usefixtures("postgres", "no_kept_shapes")
def test_without_the_warm_up_the_first_search_compiles_its_shapes(client: Client):
    # The test above would pass vacuously if searches never compiled a shape.
    one_of_each()
    client.get(reverse("site_search"), {"q": WORD})
    assert search_plans._plans


@pytest.mark.django_db
def test_the_warm_up_search_caches_nothing_and_finds_nothing(monkeypatch):
    from wsis_portal import site_search

    one_of_each()
    written = []
    monkeypatch.setattr(site_search.cache, "set", lambda *a, **k: written.append(a))
    seen = []
    original = site_search._kinds_search

    def recording(**kwargs):
        results = original(**kwargs)
        seen.extend(results)
        return results

    monkeypatch.setattr(site_search, "_kinds_search", recording)
    views_search.warm_up()
    assert written == []
    assert len(seen) == len(site_search.kinds()) * len(settings.LANGUAGES)
    assert all(result.count == 0 for result in seen)


def test_a_worker_starts_when_the_database_does_not_answer(monkeypatch, caplog):
    def unreachable() -> None:
        raise OperationalError("timeout expired")

    monkeypatch.setattr(views_search, "warm_up", unreachable)
    closed = []
    monkeypatch.setattr(warm_up.connections, "close_all", lambda: closed.append(True))
    with caplog.at_level(logging.WARNING, logger="wsis_portal.warm_up"):
        warm_up.warm_worker(serves_on_this_thread=False)
    assert "could not be warmed up" in caplog.text
    assert closed == [True]


@pytest.mark.parametrize(("sync", "closed"), [(True, []), (False, [True])])
def test_only_a_threaded_worker_closes_the_warm_up_connection(monkeypatch, sync, closed):
    """A sync worker answers on the thread that warmed its connection: it keeps it."""
    import wsis_portal.gunicorn_conf as conf

    conf = importlib.reload(conf)
    monkeypatch.setenv("GUNICORN_GC_FREEZE", "0")
    monkeypatch.setattr(views_search, "warm_up", lambda: None)
    seen: list[bool] = []
    monkeypatch.setattr(warm_up.connections, "close_all", lambda: seen.append(True))
    worker = SyncWorker.__new__(SyncWorker) if sync else object()
    conf.post_worker_init(worker)
    assert seen == closed


@pytest.mark.usefixtures("postgres")
def test_a_connection_to_postgresql_gives_up_after_a_bounded_time():
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 10
    assert 0 < settings.DATABASES["default"]["OPTIONS"]["connect_timeout"] <= 30


def test_every_language_has_its_reversed_urls_ready(monkeypatch):
    from django.urls import get_resolver

    monkeypatch.setattr(views_search, "warm_up", lambda: None)
    resolver = get_resolver()
    resolver._reverse_dict.clear()
    warm_up.warm_worker(serves_on_this_thread=True)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            assert translation.get_language() in resolver._reverse_dict
