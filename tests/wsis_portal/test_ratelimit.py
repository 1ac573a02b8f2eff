import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from wsis_portal.ratelimit import (
    PendingHits,
    RateLimited,
    hit,
    hit_many,
    parse_rate,
    ratelimit,
)

BROKEN_CACHE = {"default": {"BACKEND": "tests.wsis_portal.broken_cache.BrokenCache"}}


@pytest.fixture(autouse=True)
def _english():
    # The views are called directly, without LocaleMiddleware choosing a language.
    with translation.override("en"):
        yield


@ratelimit("test-post", "3/m")
def post_view(request):
    return HttpResponse("posted")


def post(ip="10.0.0.1"):
    return post_view(RequestFactory().post("/x/", REMOTE_ADDR=ip))


def test_parse_rate():
    assert parse_rate("10/m") == (10, 60)
    assert parse_rate("5/10m") == (5, 600)
    assert parse_rate("100/d") == (100, 86400)


@pytest.mark.django_db
def test_ratelimit_allows_n_then_refuses_with_retry_after(rate_minute_start):
    assert [post().status_code for _ in range(3)] == [200, 200, 200]
    refused = post()
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert b"Too many attempts" in refused.content
    # Another client is counted separately; GET is not limited.
    assert post(ip="10.0.0.2").status_code == 200
    assert post_view(RequestFactory().get("/x/", REMOTE_ADDR="10.0.0.1")).status_code == 200


@pytest.mark.django_db
def test_ratelimit_fails_closed_when_cache_is_down(settings):
    settings.CACHES = BROKEN_CACHE
    refused = post()
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert b"cannot check request limits" in refused.content
    with pytest.raises(RateLimited) as info:
        hit("test-scope", "key", "100/m")
    assert info.value.unavailable


@pytest.fixture
def redis_cache():
    """The test process's Redis cache; fails in CI when Redis is not configured."""
    from django.core.cache import cache

    from tests.conftest import require_service

    require_service(hasattr(cache._cache, "_get_connection_pool"), "Redis cache (REDIS_URL)")
    return cache


def _redis(cache):
    return cache._cache.get_client(write=True)


def test_hit_many_on_redis_counts_every_key_in_its_own_window(rate_hour_start, redis_cache):
    hits = [("t-ip", "10.0.0.9", "3/m"), ("t-user", "42", "1/h")]
    hit_many(hits)
    hit_many(hits[:1])
    keys = {key.decode(): key for key in _redis(redis_cache).keys("*rl:t-*")}
    assert len(keys) == 2
    ip_key = next(k for k in keys if ":rl:t-ip:" in k)
    user_key = next(k for k in keys if ":rl:t-user:" in k)
    client = _redis(redis_cache)
    assert int(client.get(ip_key)) == 2 and int(client.get(user_key)) == 1
    assert 0 < client.ttl(ip_key) <= 65
    assert 3600 < client.ttl(user_key) <= 3605
    with pytest.raises(RateLimited) as info:
        hit_many(hits)  # the account's second attempt in the hour
    assert not info.value.unavailable and info.value.retry_after > 60


def test_hit_many_on_redis_never_lengthens_a_window(rate_minute_start, redis_cache):
    hit_many([("t-win", "k", "5/m")])
    client = _redis(redis_cache)
    (key,) = client.keys("*rl:t-win:*")
    client.expire(key, 7)
    hit_many([("t-win", "k", "5/m")])
    assert int(client.get(key)) == 2 and 0 < client.ttl(key) <= 7


def test_hit_many_on_redis_counts_after_the_script_cache_is_flushed(rate_minute_start, redis_cache):
    hit_many([("t-flush", "k", "5/m")])
    client = _redis(redis_cache)
    client.script_flush()  # as after a Redis restart: the server forgot the script
    hit_many([("t-flush", "k", "5/m")])
    (key,) = client.keys("*rl:t-flush:*")
    assert int(client.get(key)) == 2 and 0 < client.ttl(key) <= 65


def test_pending_hits_on_redis_count_like_hit_many(rate_hour_start, redis_cache):
    hits = [("t-pend-ip", "10.0.0.9", "2/m"), ("t-pend-user", "42", "1/h")]
    PendingHits(hits).check()
    client = _redis(redis_cache)
    keys = sorted(key.decode() for key in client.keys("*rl:t-pend-*"))
    assert len(keys) == 2
    assert [int(client.get(key)) for key in keys] == [1, 1]
    assert 0 < client.ttl(next(k for k in keys if ":t-pend-ip:" in k)) <= 65
    assert 3600 < client.ttl(next(k for k in keys if ":t-pend-user:" in k)) <= 3605
    pending = PendingHits(hits)  # sent now, decided at check: nothing raised yet
    with pytest.raises(RateLimited) as info:
        pending.check()  # the account's second attempt in the hour
    assert not info.value.unavailable and info.value.retry_after > 60


def test_pending_hits_closed_unchecked_still_count_and_free_the_connection(
    rate_minute_start, redis_cache
):
    PendingHits([("t-close", "k", "5/m")]).close()
    client = _redis(redis_cache)
    (key,) = client.keys("*rl:t-close:*")
    assert int(client.get(key)) == 1
    # The answer was read: the next command on the pool gets its own answer.
    PendingHits([("t-close", "k", "5/m")]).check()
    assert int(client.get(key)) == 2


def test_pending_hits_count_once_after_the_script_cache_is_flushed(rate_minute_start, redis_cache):
    PendingHits([("t-pflush", "k", "5/m")]).check()
    client = _redis(redis_cache)
    client.script_flush()  # NOSCRIPT: nothing counted by the first try, counted by the second
    PendingHits([("t-pflush", "k", "5/m")]).check()
    (key,) = client.keys("*rl:t-pflush:*")
    assert int(client.get(key)) == 2 and 0 < client.ttl(key) <= 65


def test_pending_hits_fail_closed_when_redis_is_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "wsis_portal.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    pending = PendingHits([("t-down", "k", "5/m")])
    with pytest.raises(RateLimited) as info:
        pending.check()
    assert info.value.unavailable and info.value.retry_after == 60


@pytest.mark.django_db
def test_pending_hits_on_another_cache_count_at_check(settings, rate_minute_start):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    pending = PendingHits([("t-loc", "k", "1/m")])
    pending.check()
    with pytest.raises(RateLimited):
        PendingHits([("t-loc", "k", "1/m")]).check()
    settings.CACHES = BROKEN_CACHE
    with pytest.raises(RateLimited) as info:
        PendingHits([("t-loc", "k", "1/m")]).check()
    assert info.value.unavailable


def test_pending_hits_never_read_an_answer_left_unread_by_a_request_cut_short(
    rate_minute_start, redis_cache
):
    for _ in range(3):
        PendingHits([("t-cut", "other", "5/m")]).check()
    # A request cut short after sending: its answer ([4]) is never read on that connection.
    PendingHits([("t-cut", "other", "5/m")])
    # The next attempt on the same connection reads its own answer, not that one: a new key
    # at 1 of 1 passes (reading [4] would refuse it).
    PendingHits([("t-cut", "fresh", "1/m")]).check()
    client = _redis(redis_cache)
    (key,) = [k for k in client.keys("*rl:t-cut:*") if int(client.get(k)) == 1]
    assert client.ttl(key) > 0


def test_pending_hits_count_again_when_their_connection_was_dropped(rate_minute_start, redis_cache):
    from wsis_portal.ratelimit import _ratelimit_connection

    PendingHits([("t-drop", "k", "5/m")]).check()
    conn = _ratelimit_connection(redis_cache._cache)
    conn.send_command("CLIENT", "ID")
    client = _redis(redis_cache)
    client.client_kill_filter(_id=conn.read_response())  # only this connection
    PendingHits([("t-drop", "k", "5/m")]).check()  # counted, not refused
    PendingHits([("t-drop", "k", "5/m")]).check()  # and the next one on a new connection
    (key,) = client.keys("*rl:t-drop:*")
    assert int(client.get(key)) == 3
