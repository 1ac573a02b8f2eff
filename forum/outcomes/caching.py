"""The Outcome Document's PDF, drawn once per change to what it shows and kept in the cache.

Drawing the PDF of an edition's reports takes seconds at scale (fonts, shaping, hundreds of
reports). Its bytes are kept in the cache per edition and language with the Outcome Document
version they were drawn for; the version is bumped once per committed transaction that
writes a model the document reads (``WATCHED``), so the copy kept is then drawn again. The
version is also the file's ``Last-Modified`` and part of its ``ETag``: a client holding the
copy served gets a 304 without anything being drawn. When the cache is down there is no
version: the PDF is drawn for each request, without validators, as before.

Drawing an edition of 500 reports takes seconds even on a quiet machine, so a request never
draws it (``OutcomeDocumentPdf.ready``): a Celery task does (``draw``), asked for after the
commit that changes the document (the version's bump, for every edition and language that
has been downloaded) and by a request that finds no copy of the current version. Meanwhile
the last copy drawn is served, with its own version as ``ETag`` and ``Last-Modified``; when
there is none yet the view answers 503 with ``Retry-After``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from wsis_portal.commit_version import CommitVersion
from wsis_portal.versioned_file import VersionedFile

from ..models import ActionLine, BuildingBlock, Edition, OutcomeDocument, OutcomeReport, Session
from . import selectors
from .pdf import outcome_document_pdf

logger = logging.getLogger(__name__)


class _DrawnAfterChange(CommitVersion):
    def bump(self) -> None:
        super().bump()
        schedule_refresh()


VERSION = _DrawnAfterChange("forum:outcome-document-version")
# Writes that send no signal (a bulk update, a migration) show after this at the latest.
CACHE_SECONDS = 3600
# The last copy drawn of each edition and language, (version, drawn at, bytes), served while
# a newer one is drawn.
KEPT_PREFIX = "forum:outcome-pdf-kept"
KEPT_SECONDS = 30 * 24 * 3600
# One draw of one version at a time; a task lost with its worker is asked again after this.
DRAWING_PREFIX = "forum:outcome-pdf-drawing"
DRAWING_SECONDS = 300
# The editions and languages downloaded so far: drawn again after each change.
WANTED_KEY = "forum:outcome-pdf-wanted"
# A burst of edits (a programme being scheduled) is drawn once, this long after the first.
REFRESH_KEY = "forum:outcome-pdf-refresh"
REFRESH_SECONDS = 10
# What the 503 of a document not drawn yet tells the client.
RETRY_AFTER_SECONDS = 30
# Everything the PDF reads: the reports and their Action Lines, their sessions' titles,
# dates and building blocks, the edition's name and theme, the Action Lines' titles.
WATCHED = (
    OutcomeReport,
    OutcomeReport.action_lines.through,
    Session,
    BuildingBlock,
    Edition,
    ActionLine,
)


def connect_signals() -> None:
    """Called from ``ForumConfig.ready``."""
    VERSION.watch(*WATCHED)


@dataclass
class OutcomeDocumentPdf(VersionedFile):
    cache_prefix: ClassVar[str] = "forum:outcome-pdf"

    edition: Edition
    document: OutcomeDocument | None
    version: int | None
    key: str = field(init=False)
    language: str = field(init=False)
    body: bytes | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.language = translation.get_language() or settings.LANGUAGE_CODE
        parts = (self.edition.pk, translation.get_language())
        self.key = hashlib.sha1(repr(parts).encode()).hexdigest()

    @property
    def kept_key(self) -> str:
        return f"{KEPT_PREFIX}:{self.key}"

    def ready(self) -> OutcomeDocumentPdf | None:
        """The copy to serve now, without drawing: the last one drawn, under the version it
        was drawn for; None when none has been drawn yet. A copy of an older version (or
        older than ``CACHE_SECONDS``) is served while a worker draws the current one (drawn
        at once when tasks run inline). Without a version (the cache is down) the file
        itself, drawn by ``content``."""
        if self.version is None:
            return self
        kept = _get(self.kept_key)
        if not _current(kept, self.version):
            _want(self.edition.pk, self.language)
            request_draw(self.edition.pk, self.language, self.version)
            kept = _get(self.kept_key) or kept
        if kept is None:
            return None
        version, _drawn_at, body = kept
        return self._copy(version, body)

    def _copy(self, version: int, body: bytes) -> OutcomeDocumentPdf:
        copy = replace(self, version=version)
        copy.body = body
        return copy

    def content(self) -> bytes:
        """The file's bytes: the copy ``ready`` found, or drawn here (the cache is down)."""
        if self.body is not None:
            return self.body
        return self.draw()

    def draw(self) -> bytes:
        return outcome_document_pdf(selectors.outcome_document_of(self.edition, self.document))


def outcome_document_pdf_file(*, year: int, user: object = None) -> OutcomeDocumentPdf:
    """The edition's PDF (404 as the document's page); its bytes are read only when asked."""
    edition, document = selectors.outcome_document_edition(year=year, user=user)
    return OutcomeDocumentPdf(edition=edition, document=document, version=VERSION.current())


def _current(kept: Any, version: int) -> bool:
    return kept is not None and kept[0] == version and kept[1] > time.time() - CACHE_SECONDS


def _get(key: str) -> Any:
    with contextlib.suppress(Exception):
        return cache.get(key)
    return None


def _want(edition_id: int, language: str) -> None:
    with contextlib.suppress(Exception):
        wanted = cache.get(WANTED_KEY) or set()
        if (edition_id, language) not in wanted:
            cache.set(WANTED_KEY, wanted | {(edition_id, language)}, None)


def _cache_is_shared() -> bool:
    """Whether a worker's copy reaches the web processes: not through a process's own
    memory (no REDIS_URL, in development), where the PDF is drawn in the request instead."""
    backend = str(settings.CACHES.get("default", {}).get("BACKEND", ""))
    return not backend.endswith(("LocMemCache", "DummyCache"))


def request_draw(edition_id: int, language: str, version: int) -> None:
    """Ask a worker to draw the edition's PDF in ``language``, once per version."""
    from ..tasks import outcome_document_draw

    if not _cache_is_shared():
        draw(edition_id, language, version)
        return
    lock = f"{DRAWING_PREFIX}:{version}:{edition_id}:{language}"
    try:
        if not cache.add(lock, 1, DRAWING_SECONDS):
            return
    except Exception:
        return
    try:
        outcome_document_draw.delay(edition_id, language, version)
    except Exception:
        # The broker is down: the last copy is served, and the next request asks again.
        logger.warning("could not queue the Outcome Document's drawing", exc_info=True)
        with contextlib.suppress(Exception):
            cache.delete(lock)


def schedule_refresh() -> None:
    """After a change: draw every downloaded edition and language again, once per burst."""
    from ..tasks import outcome_documents_refresh

    if not _cache_is_shared():
        return  # drawn by the next request (``request_draw``)
    try:
        if not cache.add(REFRESH_KEY, 1, REFRESH_SECONDS):
            return
        outcome_documents_refresh.apply_async(countdown=REFRESH_SECONDS)
    except Exception:
        logger.warning("could not queue the Outcome Documents' refresh", exc_info=True)


def refresh() -> int:
    """Queue a drawing of the current version of each downloaded edition and language."""
    version = VERSION.current()
    if version is None:
        return 0
    wanted = _get(WANTED_KEY) or set()
    for edition_id, language in sorted(wanted):
        request_draw(edition_id, language, version)
    return len(wanted)


def draw(edition_id: int, language: str, asked_version: int) -> bool:
    """Draw and keep the current version of the edition's PDF in ``language`` (the task).

    The version is read before the reports: what is drawn is at least as new as the version
    it is kept under, and a change committed meanwhile bumps it and is drawn next."""
    try:
        version = VERSION.current()
        edition = Edition.objects.filter(pk=edition_id).first()
        if version is None or edition is None:
            return False
        with translation.override(language):
            pdf = OutcomeDocumentPdf(
                edition=edition,
                document=selectors.outcome_document_record(edition),
                version=version,
            )
            if _current(_get(pdf.kept_key), version):
                return False
            body = pdf.draw()
        cache.set(pdf.kept_key, (version, time.time(), body), KEPT_SECONDS)
        return True
    finally:
        with contextlib.suppress(Exception):
            cache.delete(f"{DRAWING_PREFIX}:{asked_version}:{edition_id}:{language}")
