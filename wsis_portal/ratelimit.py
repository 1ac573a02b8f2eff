"""One rate-limit helper for every write that people can repeat (login, vote, post...).

It counts hits in the cache in fixed windows. When the cache cannot be reached it fails
closed: the action is refused rather than let through unlimited (DESIGN.md).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
    """The client's address: the one our declared proxies saw, else the socket's peer."""
    proxies = getattr(settings, "PROXY_COUNT", 0)
    forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [p for p in forwarded if p]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _redis_client(backend: Any) -> Any:
    """The Redis client of a cache backend (one per thread, as Django's caches are),
    made once. Django's Redis cache builds a new ``redis.Redis`` at every call, which cost
    the vote more CPU than its whole SQL; the client holds no connection of its own (its
    pool does)."""
    client = backend.__dict__.get("_ratelimit_client")
    if client is None:
        client = backend._client(connection_pool=backend._get_connection_pool(True))
        backend.__dict__["_ratelimit_client"] = client
    return client


# Every counter of one attempt in one command: INCR, and EXPIRE NX so that a window already
# set is never lengthened or shortened. As a script it is one command to write and one reply
# to parse; a pipeline of INCR + EXPIRE per counter cost the busiest request (the vote) about
# 200 us more CPU in redis-py for the same single round trip (docs/performance.md).
_COUNT_SCRIPT = """
local counts = {}
for i, key in ipairs(KEYS) do
    counts[i] = redis.call('INCR', key)
    redis.call('EXPIRE', key, ARGV[i], 'NX')
end
return counts
"""


def _ratelimit_connection(backend: Any) -> Any:
    """A connection of this cache backend's own (one per thread, as Django's caches are) that
    only ``PendingHits`` uses, made once and never put in the pool. Taking a connection from
    redis-py's pool and giving it back, with the pool's lock, its metrics and its check that
    nothing is left to read (a poll of the socket), cost a vote about 0.05 ms of CPU, as much
    as the command itself (docs/performance.md, "Sixth pass"). Nothing is ever left to read
    on this one: every command sent on it is answered before the next (``PendingHits``), or
    the connection is closed."""
    conn = backend.__dict__.get("_ratelimit_connection")
    if conn is None:
        pool = backend._get_connection_pool(True)
        conn = pool.connection_class(**pool.connection_kwargs)
        backend.__dict__["_ratelimit_connection"] = conn
    return conn


def _evalsha_packed(sha: str, keys: list[str], args: list[int]) -> bytes:
    """EVALSHA in the Redis protocol, packed here: redis-py's packer encodes each argument
    through several calls, and every part of this command is ASCII."""
    parts = [b"EVALSHA", sha.encode(), b"%d" % len(keys)]
    parts += [key.encode() for key in keys]
    parts += [b"%d" % arg for arg in args]
    return b"*%d\r\n" % len(parts) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts)


def _count_script(client: Any) -> Any:
    """The counting script, registered once per client (redis-py's ``Script`` loads it
    again by itself when the server answers NOSCRIPT, after a restart or SCRIPT FLUSH)."""
    script = client.__dict__.get("_ratelimit_script")
    if script is None:
        script = client.register_script(_COUNT_SCRIPT)
        client.__dict__["_ratelimit_script"] = script
    return script


Limit = tuple[int, int, int]  # (limit, window, bucket) of one counter


def _counters(
    hits: list[tuple[str, str, str]], now: int
) -> tuple[list[tuple[str, int]], list[Limit]]:
    """The cache counters of (scope, key, rate) hits, and each one's (limit, window, bucket)."""
    counters: list[tuple[str, int]] = []
    limits: list[Limit] = []
    for scope, key, rate in hits:
        limit, window = parse_rate(rate)
        bucket = now // window
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        counters.append((f"rl:{scope}:{digest}:{bucket}", window + 5))
        limits.append((limit, window, bucket))
    return counters, limits


def _decide(
    hits: list[tuple[str, str, str]],
    limits: list[Limit],
    now: int,
    count: Callable[[], list[int]],
) -> None:
    """Raise RateLimited past a rate, or (failing closed) when ``count()`` cannot count."""
    try:
        counts = count()
    except Exception:
        scopes = ", ".join(scope for scope, _key, _rate in hits)
        logger.warning("rate limiter unavailable for %s; refusing", scopes, exc_info=True)
        raise RateLimited(retry_after=max(w for _l, w, _b in limits), unavailable=True) from None
    for count_, (limit, window, bucket) in zip(counts, limits, strict=True):
        if count_ > limit:
            raise RateLimited(retry_after=(bucket + 1) * window - now)


def _count(counters: list[tuple[str, int]]) -> list[int]:
    """Increment counters that expire: one command on Redis for all of them (the script
    above), ``add`` then ``incr`` on other caches."""
    backend = getattr(cache, "_cache", None)
    if not hasattr(backend, "_get_connection_pool"):
        counts = []
        for cache_key, timeout in counters:
            cache.add(cache_key, 0, timeout=timeout)
            counts.append(cache.incr(cache_key))
        return counts
    client = _redis_client(backend)
    return _count_script(client)(
        keys=_script_keys(counters), args=[t for _k, t in counters], client=client
    )


def _script_keys(counters: list[tuple[str, int]], store: Any = None) -> list[str]:
    # The keys are built here from a scope and a hex digest: nothing to validate.
    make_key = (store or cache).make_key
    return [make_key(cache_key) for cache_key, _timeout in counters]


def hit_many(hits: list[tuple[str, str, str]]) -> None:
    """Count one attempt for each (scope, key, rate) at once; raise RateLimited past a rate."""
    now = int(time.time())
    counters, limits = _counters(hits, now)
    _decide(hits, limits, now, lambda: _count(counters))


class PendingHits:
    """``hit_many`` in two halves: the counts are sent now, their answer read by ``check``.

    ``hit_many`` waits for Redis's answer. In a threaded worker on a busy machine that wait
    costs far more than Redis's fraction of a millisecond: the thread gives up the GIL and
    its core during the call and then waits its turn to get them back (about 13 ms a vote
    under load, docs/performance.md, "Fourth pass"). Sent first, the counts travel while the
    caller makes another blocking call it needs anyway (the vote loads its user), and
    ``check`` finds the answer already there. ``check`` raises what ``hit_many`` raises
    and must come before the action: nothing is decided until then. ``close`` reads the
    answer when the caller leaves without checking. The counts go out on the thread's own
    connection (``_ratelimit_connection``), packed here (``_evalsha_packed``).
    """

    def __init__(self, hits: list[tuple[str, str, str]]) -> None:
        self._hits = hits
        self._now = int(time.time())
        self._counters, self._limits = _counters(hits, self._now)
        self._conn: Any = None
        self._counts: list[int] | None = None
        store = caches[DEFAULT_CACHE_ALIAS]  # the thread's cache, looked up once
        backend = getattr(store, "_cache", None)
        if not hasattr(backend, "_get_connection_pool"):
            return  # other caches count at check
        try:
            conn = _ratelimit_connection(backend)
            if conn.__dict__.get("_ratelimit_unread"):
                # An earlier answer was never read (its request was cut short): that
                # answer must not be taken for this one.
                conn.disconnect()
            sha = _count_script(_redis_client(backend)).sha
            keys = _script_keys(self._counters, store)
            args = [timeout for _key, timeout in self._counters]
            conn._ratelimit_unread = True
            self._conn = conn
            # Connects first if need be (redis-py's handshake); closes the socket on error.
            conn.send_packed_command([_evalsha_packed(sha, keys, args)], check_health=False)
        except Exception:
            # Counted again at check by redis-py's own call (its retries), or refused there.
            logger.debug("rate limiter counts not sent ahead", exc_info=True)
            self._drop(broken=True)

    def _drop(self, broken: bool) -> None:
        """Leave the connection; one whose answer was not read is closed, so that no later
        command reads this one's answer."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        if broken:
            conn.disconnect()
        conn._ratelimit_unread = False

    def _read(self) -> list[int]:
        if self._counts is not None:
            return self._counts
        if self._conn is None:
            self._counts = _count(self._counters)
            return self._counts
        from redis.exceptions import NoScriptError

        try:
            counts = self._conn.read_response()
        except NoScriptError:
            # The server forgot the script (a restart, SCRIPT FLUSH): nothing was counted,
            # the answer was read and the connection is clean. ``Script`` loads it again.
            self._drop(broken=False)
            counts = _count(self._counters)
        except Exception:
            # No answer: counted again through redis-py (counting twice never lets more
            # through), or refused at check when that fails too.
            self._drop(broken=True)
            counts = _count(self._counters)
        else:
            self._drop(broken=False)
        self._counts = counts
        return counts

    def check(self) -> None:
        """Raise RateLimited past a rate, or when the counts could not be made."""
        _decide(self._hits, self._limits, self._now, self._read)

    def close(self) -> None:
        """Read an answer nobody asked for (the caller left before ``check``)."""
        if self._conn is not None:
            try:
                self._read()
            except Exception:
                logger.debug("rate limiter answer not read", exc_info=True)


def hit(scope: str, key: str, rate: str) -> None:
    """Count one attempt of ``key`` within ``scope``; raise RateLimited past the rate."""
    hit_many([(scope, key, rate)])


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
        message = ngettext(
            "Too many attempts. Please wait %(seconds)s second and try again.",
            "Too many attempts. Please wait %(seconds)s seconds and try again.",
            exc.retry_after,
        ) % {"seconds": exc.retry_after}
    response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response
