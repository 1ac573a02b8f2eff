"""What a new web worker does before its first request (gunicorn's ``post_worker_init``).

A worker that starts cold makes its first visitors pay for what every later request reuses:
the URLconf's imports, the site search's compiled queries and template, the database
connection's catalogue reads (``views_search.warm_up``). gunicorn replaces each worker every
few thousand requests (``max_requests``), so this happens all day, not once per deploy.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import connections
from django.urls import get_resolver, reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def warm_worker(*, serves_on_this_thread: bool) -> None:
    """Load the URLconf and warm the site search; a failure is logged, never raised.

    The database may be down while a worker starts: the worker must start anyway (its
    health check reports the outage), and a connection gives up after
    ``connect_timeout`` seconds (settings.py), well inside gunicorn's timeout.
    ``serves_on_this_thread``: a sync worker answers requests on this thread, whose warmed
    connection it keeps; a threaded one answers on others, and would only hold this one idle.
    """
    # The URLconf imports every view and its modules; each language has its own table of
    # reversed URLs, built on its first reverse() (15-25 ms each).
    get_resolver().check()
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            reverse("home")
    from . import views_search

    try:
        views_search.warm_up()
    except Exception:
        logger.warning("the site search could not be warmed up", exc_info=True)
    finally:
        if not serves_on_this_thread:
            connections.close_all()
