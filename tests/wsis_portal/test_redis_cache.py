"""The cache backend keeps one Redis client per pool (wsis_portal/redis_cache.py)."""

from __future__ import annotations

import threading

import pytest
from django.conf import settings
from django.core.cache import caches

from tests.conftest import require_service
from wsis_portal.redis_cache import RedisCache


@pytest.fixture
def redis_cache():
    require_service(bool(settings.REDIS_URL), "Redis (REDIS_URL)")
    cache = caches["default"]
    assert isinstance(cache, RedisCache)
    return cache


def test_every_call_uses_the_same_client(redis_cache):
    client = redis_cache._cache.get_client()
    redis_cache.set("redis-cache-test", 1)
    assert redis_cache.get("redis-cache-test") == 1
    assert redis_cache._cache.get_client() is client
    assert redis_cache._cache.get_client(write=True) is client


def test_threads_share_the_client_and_each_reads_its_own_values(redis_cache):
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for i in range(200):
                redis_cache.set(f"redis-cache-thread-{n}", i)
                assert redis_cache.get(f"redis-cache-thread-{n}") == i
        except BaseException as exc:  # reported below, not lost in the thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert redis_cache.get_many([f"redis-cache-thread-{n}" for n in range(8)]) == {
        f"redis-cache-thread-{n}": 199 for n in range(8)
    }
