"""gunicorn settings of the web container: `gunicorn -c python:wsis_portal.gunicorn_conf`.

What the benches measured (docs/performance.md): threaded workers (gthread), two processes
per core with eight threads each, keep-alive connections, persistent database connections.
A vote or a page spends most of its time waiting on PostgreSQL and Redis, so threads keep
the cores busy where sync workers would sit idle; several processes keep one slow request
(or the GIL) from holding up the rest. Every value can be changed from the environment.

The access log goes to stdout with secret URL tokens masked by
`wsis_portal.gunicorn_logging.MaskingLogger` (docs/deployment.md, "Logs"), as one JSON object
per line unless DJANGO_LOG_FORMAT=text.
"""

import os


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
workers = int(
    os.environ.get("GUNICORN_WORKERS") or os.environ.get("WEB_CONCURRENCY") or 2 * _cores()
)
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# Behind a load balancer that keeps connections open; longer than nginx's default 60 s
# upstream keep-alive would be useless, shorter makes the proxy reconnect often.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "30"))
# A request still running after this is killed and its worker replaced (the CSV export of
# 100,000 entries streams in under 10 s; nothing legitimate takes a minute).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Replace each worker after this many requests (jittered so they do not restart together):
# a slow leak in a dependency cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10

accesslog = "-"
errorlog = "-"
logger_class = "wsis_portal.gunicorn_logging.MaskingLogger"

# Full garbage collections walk every object a worker holds; wsis_portal/gc_tuning.py says why
# and when the long-lived ones are frozen. GUNICORN_GC_FREEZE=0 turns it off.
_freezer = None


def post_worker_init(worker):
    global _freezer
    from gunicorn.workers.sync import SyncWorker

    from wsis_portal import gc_tuning, warm_up

    # Warmed before the first freeze, so what the warm-up keeps is frozen with the rest. A
    # sync worker answers on this thread; a threaded one (gthread) on the threads of its pool.
    warm_up.warm_worker(serves_on_this_thread=isinstance(worker, SyncWorker))
    if not gc_tuning.enabled():
        return
    gc_tuning.freeze_survivors()
    _freezer = gc_tuning.WarmFreezer()


def pre_request(worker, req):
    if _freezer is not None:
        _freezer.started()


def post_request(worker, req, environ, resp):
    if _freezer is not None:
        _freezer.finished()
