"""The Outcome Document's PDF, drawn once per change to what it shows and kept in the cache.

Drawing the PDF of an edition's reports takes seconds at scale (fonts, shaping, hundreds of
reports). Its bytes are cached under the Outcome Document version, the edition and the
language; the version is bumped once per committed transaction that writes a model the
document reads (``WATCHED``), so the next download after a change is drawn again. The version
is also the file's ``Last-Modified`` and part of its ``ETag``: a client holding the current
file gets a 304 without anything being read or drawn. When the cache is down there is no
version: the PDF is drawn for each request, without validators, as before.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import ClassVar

from django.utils import translation

from wsis_portal.commit_version import CommitVersion
from wsis_portal.versioned_file import VersionedFile

from ..models import ActionLine, BuildingBlock, Edition, OutcomeDocument, OutcomeReport, Session
from . import selectors
from .pdf import outcome_document_pdf

VERSION = CommitVersion("forum:outcome-document-version")
# Writes that send no signal (a bulk update, a migration) show after this at the latest.
CACHE_SECONDS = 3600
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
    cache_seconds: ClassVar[int] = CACHE_SECONDS

    edition: Edition
    document: OutcomeDocument | None
    version: int | None
    key: str = field(init=False)

    def __post_init__(self) -> None:
        parts = (self.edition.pk, translation.get_language())
        self.key = hashlib.sha1(repr(parts).encode()).hexdigest()

    def content(self) -> bytes:
        """The file's bytes: from the cache, or drawn (and cached when there is a version)."""
        return self.cached(
            lambda: (
                outcome_document_pdf(selectors.outcome_document_of(self.edition, self.document)),
                True,
            )
        )


def outcome_document_pdf_file(*, year: int, user: object = None) -> OutcomeDocumentPdf:
    """The edition's PDF (404 as the document's page); its bytes are read only when asked."""
    edition, document = selectors.outcome_document_edition(year=year, user=user)
    return OutcomeDocumentPdf(edition=edition, document=document, version=VERSION.current())
