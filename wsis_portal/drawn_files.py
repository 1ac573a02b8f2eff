"""Files too slow to draw in a request, drawn by a Celery worker after each change they show.

A PDF of hundreds of rows takes seconds to draw (fonts, shaping). Such a file is of a kind
(the Outcome Document, the Prizes booklet, a certificate) and named by the kind's arguments
(an edition, a project) and its language. Each kind has a version (``CommitVersion``), bumped
once per committed transaction that writes a model the kind shows (``watched``).

A request never draws (``DrawnKind.ready``): it gets the last copy drawn, with the version it
was drawn for as ``ETag`` and ``Last-Modified``, or None before the first one (the view then
answers 503 with ``Retry-After``); when that copy is not of the current version it asks a
worker to draw it. After each change, the files of the kind asked for so far (``wanted``)
are drawn again, once per burst of changes and once per version, however many web processes
and workers there are: a drawing is queued only by whoever adds its lock (``cache.add``),
and a drawing that finds a copy of the current version stops. A drawing whose inputs are
those of the copy kept (a change to another project) keeps that copy under the new version
instead of drawing it again.

A copy is one cache value, (version, drawn at, inputs, bytes), written once drawn: a reader
gets the old copy or the new one, never part of one. When the cache is down there is no
version and the request draws the file, without validators; without a cache shared with the
workers (no REDIS_URL, in development) the request draws it too, and keeps it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import Model
from django.utils import translation

from .commit_version import CommitVersion
from .versioned_file import VersionedFile

logger = logging.getLogger(__name__)

# The last copy of each file is kept this long after it was drawn.
KEPT_SECONDS = 30 * 24 * 3600
# One drawing of one version at a time; a task lost with its worker is asked again after this.
DRAWING_SECONDS = 300
# A burst of edits (a programme being scheduled, a tally) is drawn once, this long after the first.
REFRESH_SECONDS = 10
# What the 503 of a file not drawn yet tells the client.
RETRY_AFTER_SECONDS = 30

# Every kind by name, for the tasks (a worker imports the kinds through the apps' ``ready``).
KINDS: dict[str, DrawnKind] = {}


@dataclass(frozen=True)
class Drawing:
    """What a kind's ``load`` returns: what the file shows, and how to draw it.

    ``inputs`` is compared with the kept copy's: equal inputs keep the copy under the new
    version without drawing. None means "always draw" (the inputs are the drawing itself)."""

    inputs: object
    render: Callable[[], bytes]


@dataclass(frozen=True)
class Copy(VersionedFile):
    """A drawn file; ``version`` None when drawn in the request because the cache is down."""

    cache_prefix: ClassVar[str] = "drawn"

    version: int | None
    key: str
    body: bytes


class _DrawnAfterChange(CommitVersion):
    def __init__(self, key: str, kind: DrawnKind) -> None:
        super().__init__(key)
        self.kind = kind

    def bump(self) -> None:
        super().bump()
        self.kind.schedule_refresh()


class DrawnKind:
    """One kind of file. ``load(*args)`` runs in the file's language and returns the
    ``Drawing`` of the current data, or None when the file no longer exists."""

    def __init__(
        self,
        name: str,
        load: Callable[..., Drawing | None],
        *,
        watched: Iterable[type[Model]],
        max_age: int = 3600,
    ) -> None:
        self.name = name
        self.load = load
        self.watched = tuple(watched)
        # Writes that send no signal (a bulk update, a migration) show after this at the latest.
        self.max_age = max_age
        self.version: CommitVersion = _DrawnAfterChange(f"drawn:{name}:version", self)
        self.wanted_key = f"drawn:{name}:wanted"
        self.refresh_key = f"drawn:{name}:refresh"
        KINDS[name] = self

    def connect_signals(self) -> None:
        """Called from the app's ``ready``."""
        self.version.watch(*self.watched)

    # What a request calls.

    def ready(self, *args: Any) -> Copy | None:
        """The copy to serve now, without drawing: the last one drawn, under the version it
        was drawn for; None when none has been drawn yet. A copy of an older version (or
        older than ``max_age``) is served while a worker draws the current one (drawn at
        once when tasks run inline). Without a version (the cache is down) the file drawn
        here, or None when it no longer exists."""
        language = _language()
        key = self._key(args, language)
        version = self.version.current()
        if version is None:
            drawing = self.load(*args)
            return Copy(None, key, drawing.render()) if drawing is not None else None
        kept = _get(self._kept_key(key))
        if not self._current(kept, version):
            self._want(args, language)
            self.request_draw(args, language, version)
            kept = _get(self._kept_key(key)) or kept
        if kept is None:
            return None
        return Copy(kept[0], key, kept[3])

    # What the tasks and the signals call.

    def request_draw(self, args: Iterable[Any], language: str, version: int) -> None:
        """Ask a worker to draw the file in ``language``, once per version."""
        from .tasks import drawn_file_draw

        args = tuple(args)
        if not _cache_is_shared():
            self.draw(args, language, version)
            return
        lock = self._lock_key(args, language, version)
        try:
            if not cache.add(lock, 1, DRAWING_SECONDS):
                return
        except Exception:
            return
        try:
            drawn_file_draw.delay(self.name, list(args), language, version)
        except Exception:
            # The broker is down: the last copy is served, and the next request asks again.
            logger.warning("could not queue the drawing of %s", self.name, exc_info=True)
            with contextlib.suppress(Exception):
                cache.delete(lock)

    def schedule_refresh(self) -> None:
        """After a change: draw every file asked for so far again, once per burst."""
        from .tasks import drawn_files_refresh

        if not _cache_is_shared():
            return  # drawn by the next request (``request_draw``)
        try:
            if not cache.add(self.refresh_key, 1, REFRESH_SECONDS):
                return
        except Exception:
            return
        try:
            drawn_files_refresh.apply_async((self.name,), countdown=REFRESH_SECONDS)
        except Exception:
            # The broker is down: the next change asks again (its burst is not taken by this
            # one), and meanwhile a request for a stale copy asks for its own drawing.
            logger.warning("could not queue the refresh of %s", self.name, exc_info=True)
            with contextlib.suppress(Exception):
                cache.delete(self.refresh_key)

    def refresh(self) -> int:
        """Queue a drawing of the current version of each file asked for so far whose
        inputs changed; the others keep their copy under the new version."""
        version = self.version.current()
        if version is None:
            return 0
        wanted = _get(self.wanted_key) or set()
        for args, language in sorted(wanted, key=repr):
            if not self._keep_unchanged(args, language, version):
                self.request_draw(args, language, version)
        return len(wanted)

    def prepare(self, args: Iterable[Any], language: str) -> None:
        """Have a file drawn before anyone asks for it (the public certificate of a Winner
        emailed its address), and again after each change, as one asked for."""
        args = tuple(args)
        version = self.version.current()
        if version is None:
            return
        self._want(args, language)
        self.request_draw(args, language, version)

    def draw(self, args: Iterable[Any], language: str, asked_version: int) -> bool:
        """Draw and keep the current version of the file (the task). True when drawn.

        The version is read before the data: what is drawn is at least as new as the
        version it is kept under, and a change committed meanwhile bumps it and is drawn
        next. A task asked for an older version draws the current one only if it can take
        that version's lock too: otherwise its drawing is queued or running elsewhere, and
        two workers would draw the same version at once."""
        args = tuple(args)
        taken: list[str] = []
        try:
            version = self.version.current()
            if version is None or self._keep_unchanged(args, language, version):
                return False
            if version != asked_version:
                lock = self._lock_key(args, language, version)
                if not cache.add(lock, 1, DRAWING_SECONDS):
                    return False
                taken.append(lock)
            with translation.override(language):
                drawing = self.load(*args)
                if drawing is None:
                    return False
                body = drawing.render()
            kept = (version, time.time(), _digest(drawing.inputs), body)
            cache.set(self._kept_key(self._key(args, language)), kept, KEPT_SECONDS)
            logger.info("drew %s %r in %s, version %s", self.name, args, language, version)
            return True
        finally:
            with contextlib.suppress(Exception):
                cache.delete_many([self._lock_key(args, language, asked_version), *taken])

    def _keep_unchanged(self, args: tuple, language: str, version: int) -> bool:
        """True when the copy kept is of ``version``, or is made so because what it shows
        has not changed since it was drawn (within ``max_age``): no drawing is needed."""
        key = self._kept_key(self._key(args, language))
        kept = _get(key)
        if kept is None:
            return False
        if self._current(kept, version):
            return True
        if kept[2] is None or kept[1] <= time.time() - self.max_age:
            return False
        with translation.override(language):
            drawing = self.load(*args)
        if drawing is None or _digest(drawing.inputs) != kept[2]:
            return False
        with contextlib.suppress(Exception):
            cache.set(key, (version, *kept[1:]), KEPT_SECONDS)
        return True

    # Keys and bookkeeping.

    def _key(self, args: tuple, language: str) -> str:
        return hashlib.sha1(repr((self.name, args, language)).encode()).hexdigest()

    def _kept_key(self, key: str) -> str:
        return f"drawn:{self.name}:kept:{key}"

    def _lock_key(self, args: tuple, language: str, version: int) -> str:
        return f"drawn:{self.name}:drawing:{version}:{self._key(args, language)}"

    def _current(self, kept: Any, version: int) -> bool:
        return kept is not None and kept[0] == version and kept[1] > time.time() - self.max_age

    def _want(self, args: tuple, language: str) -> None:
        with contextlib.suppress(Exception):
            wanted = cache.get(self.wanted_key) or set()
            if (args, language) not in wanted:
                cache.set(self.wanted_key, wanted | {(args, language)}, None)


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _digest(inputs: object) -> str | None:
    return None if inputs is None else hashlib.sha256(repr(inputs).encode()).hexdigest()


def _get(key: str) -> Any:
    with contextlib.suppress(Exception):
        return cache.get(key)
    return None


def _cache_is_shared() -> bool:
    """Whether a worker's copy reaches the web processes: not through a process's own
    memory (no REDIS_URL, in development), where the file is drawn in the request instead."""
    backend = str(settings.CACHES.get("default", {}).get("BACKEND", ""))
    return not backend.endswith(("LocMemCache", "DummyCache"))
