"""Which Redis database holds what: the broker, task results and the cache each their own.

The cache is cleared as a whole (``cache.clear()`` is FLUSHDB on Redis); were the broker's
queues in the same database, a clear would drop every queued task. So ``REDIS_URL`` names the
broker's database and, unless ``CELERY_RESULT_BACKEND`` or ``REDIS_CACHE_URL`` say otherwise,
results go to the next database and the cache to the one after (``/0`` -> ``/1``, ``/2``).
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured


def redis_db(url: str) -> int:
    """The database number of a redis:// URL (0 when the path names none)."""
    path = urlsplit(url).path.strip("/")
    return int(path) if path.isdigit() else 0


def redis_db_url(url: str, db: int) -> str:
    """``url`` with its database number replaced by ``db`` (host, password, query kept)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, parts.fragment))


def _same_database(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.hostname, pa.port or 6379, redis_db(a)) == (
        pb.hostname,
        pb.port or 6379,
        redis_db(b),
    )


def redis_layout(
    broker_url: str, *, result_url: str = "", cache_url: str = ""
) -> tuple[str, str, str]:
    """(broker, results, cache) URLs; refuses a layout where two of them share a database."""
    base = redis_db(broker_url)
    result_url = result_url or redis_db_url(broker_url, base + 1)
    cache_url = cache_url or redis_db_url(broker_url, base + 2)
    for a, b, what in (
        (broker_url, cache_url, "the Celery broker and the cache"),
        (broker_url, result_url, "the Celery broker and task results"),
        (result_url, cache_url, "task results and the cache"),
    ):
        if _same_database(a, b):
            raise ImproperlyConfigured(
                f"{what} share one Redis database ({a}); a cache clear would drop their "
                "keys. Give REDIS_URL, CELERY_RESULT_BACKEND and REDIS_CACHE_URL distinct "
                "databases."
            )
    return broker_url, result_url, cache_url
