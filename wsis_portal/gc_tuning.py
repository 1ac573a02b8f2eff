"""The garbage collector of a web worker: long-lived objects frozen once the worker is warm.

Why: at WSIS scale a gunicorn worker holds some 250,000 objects that live as long as it does
(modules, models, URL patterns, compiled templates, translation catalogues), and a request that
renders an admin list leaves cyclic garbage that outlives the young generations. Every few such
requests CPython runs a full collection that walks all of them: 300-860 ms a pause on this
2-core machine, during which the worker's other threads wait too (docs/performance.md, "Full
collections"). `gc.freeze()` moves the objects alive at that moment out of the collector's
reach, so a full collection walks only what requests made since.

When: after the application is loaded, and again after the worker's first requests have
loaded the templates and catalogues that pages need (by default its 100th and 1,000th), each
time only while no other request is in flight in the worker, so no request's objects are frozen
with them: a frozen object is still freed when nothing refers to it, but a frozen cycle never is.
"""

from __future__ import annotations

import gc
import os
import threading

FREEZE_AFTER_REQUESTS = (100, 1_000)


def enabled() -> bool:
    return os.environ.get("GUNICORN_GC_FREEZE", "1") != "0"


def freeze_survivors() -> None:
    """Collect what is garbage now, then freeze everything that is left."""
    gc.collect()
    gc.freeze()


class WarmFreezer:
    """Counts one worker's requests and freezes the survivors at the given counts."""

    def __init__(self, after: tuple[int, ...] = FREEZE_AFTER_REQUESTS) -> None:
        self._lock = threading.Lock()
        self._in_flight = 0
        self._served = 0
        self._due = sorted(after)

    def started(self) -> None:
        with self._lock:
            self._in_flight += 1

    def finished(self) -> bool:
        """True when this call froze the survivors."""
        with self._lock:
            self._in_flight -= 1
            self._served += 1
            if not self._due or self._served < self._due[0] or self._in_flight:
                return False
            # Due counts already passed (a worker that was never idle at one) are merged.
            self._due = [n for n in self._due if n > self._served]
            # Held while freezing: a request starting now waits instead of being frozen.
            freeze_survivors()
            return True
