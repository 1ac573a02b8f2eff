"""The Outcome Document's PDF, drawn by a worker once per change to what it shows.

Drawing an edition of 500 reports takes seconds even on a quiet machine, so a request never
draws it: ``wsis_portal.drawn_files`` keeps the last copy drawn of each edition and language,
serves it with its version as ``ETag`` and ``Last-Modified``, has a worker draw it again
after each committed change to a model the PDF reads (``WATCHED``), and the view answers
503 with ``Retry-After`` before the first copy exists.
"""

from __future__ import annotations

from wsis_portal.drawn_files import Copy, Drawing, DrawnKind

from ..models import ActionLine, BuildingBlock, Edition, OutcomeReport, Session
from . import selectors
from .pdf import outcome_document_pdf

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


def _load(edition_id: int) -> Drawing | None:
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is None:
        return None
    data = selectors.outcome_document_of(edition, selectors.outcome_document_record(edition))
    # The reports' texts are the inputs: always drawn (comparing would cost as much).
    return Drawing(inputs=None, render=lambda: outcome_document_pdf(data))


PDF = DrawnKind("forum.outcome-document", _load, watched=WATCHED)
VERSION = PDF.version


def connect_signals() -> None:
    """Called from ``ForumConfig.ready``."""
    PDF.connect_signals()


def outcome_document_pdf_file(*, year: int, user: object = None) -> Copy | None:
    """The edition's PDF to serve now (404 as the document's page), or None while the first
    copy is drawn."""
    edition, _document = selectors.outcome_document_edition(year=year, user=user)
    return PDF.ready(edition.pk)
