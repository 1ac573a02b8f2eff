import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from wsis_portal.ratelimit import RateLimited, hit, parse_rate, ratelimit

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
