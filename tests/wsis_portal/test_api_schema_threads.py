"""The API schema is generated once under a lock, so concurrent requests never race the generator."""

from __future__ import annotations

import threading
import time

import pytest
from django.test import RequestFactory

from wsis_portal import api_schema


@pytest.fixture
def fresh_schemas():
    api_schema.forget_schemas()
    yield
    api_schema.forget_schemas()


def test_concurrent_requests_generate_the_schema_once_and_all_get_it(fresh_schemas, monkeypatch):
    generator_class = api_schema.SchemaView.generator_class
    original = generator_class.get_schema
    calls = []

    def slow_get_schema(self, *args, **kwargs):
        calls.append(threading.get_ident())
        time.sleep(0.2)  # long enough for every other thread to arrive meanwhile
        return original(self, *args, **kwargs)

    monkeypatch.setattr(generator_class, "get_schema", slow_get_schema)
    view = api_schema.SchemaView.as_view()
    factory = RequestFactory()
    results: list[tuple[int, bytes]] = []

    def fetch():
        response = view(factory.get("/api/schema/", HTTP_ACCEPT="application/json"))
        response.render()
        results.append((response.status_code, response.content))

    threads = [threading.Thread(target=fetch) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert [status for status, _ in results] == [200] * 8
    assert len({body for _, body in results}) == 1
    assert b'"/api/stocktaking/entries/"' in results[0][1]
