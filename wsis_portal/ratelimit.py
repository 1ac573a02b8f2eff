"""One rate-limit helper for every write that people can repeat (login, vote, post...).

It counts hits in the cache in fixed windows. When the cache cannot be reached it fails
closed: the action is refused rather than let through unlimited (DESIGN.md).
"""

from __future__ import annotations

import hashlib
import logging
import time
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class RateLimited(Exception):
    """The action was refused: too many attempts, or the limiter could not count."""

    def __init__(self, retry_after: int, unavailable: bool = False) -> None:
        super().__init__(retry_after)
        self.retry_after = retry_after
        self.unavailable = unavailable


def parse_rate(rate: str) -> tuple[int, int]:
    """'10/m' -> (10, 60); units s, m, h, d, optionally with a count ('5/10m')."""
    count, period = rate.split("/")
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    multiplier = int(period[:-1]) if len(period) > 1 else 1
    return int(count), multiplier * units[period[-1]]


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _count(cache_key: str, timeout: int) -> int:
    """Increment a counter that expires: one round trip on Redis (INCR + EXPIRE NX in a
    pipeline), ``add`` then ``incr`` on other caches."""
    client = getattr(getattr(cache, "_cache", None), "get_client", None)
    if client is None:
        cache.add(cache_key, 0, timeout=timeout)
        return cache.incr(cache_key)
    key = cache.make_and_validate_key(cache_key)
    pipe = client(key, write=True).pipeline()
    pipe.incr(key)
    pipe.expire(key, timeout, nx=True)
    return pipe.execute()[0]


def hit(scope: str, key: str, rate: str) -> None:
    """Count one attempt of ``key`` within ``scope``; raise RateLimited past the rate."""
    limit, window = parse_rate(rate)
    now = int(time.time())
    bucket = now // window
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"rl:{scope}:{digest}:{bucket}"
    try:
        count = _count(cache_key, timeout=window + 5)
    except Exception:
        logger.warning("rate limiter unavailable for %s; refusing", scope, exc_info=True)
        raise RateLimited(retry_after=window, unavailable=True) from None
    if count > limit:
        raise RateLimited(retry_after=(bucket + 1) * window - now)


def ratelimit(scope: str, rate: str, per: tuple[str, ...] = ("ip",), methods=("POST",)):
    """View decorator: limit ``methods`` per client IP and/or per signed-in user."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                try:
                    if "ip" in per:
                        hit(f"{scope}:ip", client_ip(request), rate)
                    if "user" in per and request.user.is_authenticated:
                        hit(f"{scope}:user", str(request.user.pk), rate)
                except RateLimited as exc:
                    return rate_limited_response(request, exc)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def rate_limited_response(request, exc: RateLimited):
    if exc.unavailable:
        message = _(
            "This action is paused for a moment because we cannot check request limits. "
            "Please try again in a minute."
        )
    else:
        message = _("Too many attempts. Please wait %(seconds)s seconds and try again.") % {
            "seconds": exc.retry_after
        }
    response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response
