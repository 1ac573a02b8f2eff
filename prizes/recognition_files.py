"""The booklet's and the certificates' PDFs, drawn by a worker after each change they show.

The booklet of 1,000 projects takes seconds to draw, a certificate a fraction of one, each
in its language and in the portal's Unicode fonts: a request never draws them. They are
``wsis_portal.drawn_files`` kinds: a request gets the last copy drawn (or a 503 before the
first), and after each committed change to a model they show (``WATCHED``) a worker draws
again the files asked for so far whose inputs changed. Who may see which file is decided in
the request (``recognition``); a preview for staff is a file of its own, never served to
the public.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from forum.models import ActionLine, Edition
from wsis_portal.drawn_files import Copy, Drawing, DrawnKind

from . import recognition
from .certificates import booklet_pdf, certificate_pdf
from .models import Category, Contest, Project

# Everything they read: the projects (title, organisation, country, description, status,
# category), the categories' Action Lines and their titles, the contest's title in each
# language, its edition's name and dates.
WATCHED = (Project, Category, Contest, Edition, ActionLine)


def _certificate(project_id: int, preview: bool) -> Drawing | None:
    project = (
        Project.objects.filter(pk=project_id, status__in=recognition.RECOGNISED)
        .select_related("category__action_line", "contest__edition")
        .first()
    )
    if project is None:
        return None
    contest = project.contest
    status = project.status
    # Drawn away from any request: the portal's public address, in the file's language.
    verify_url = settings.PORTAL_BASE_URL.rstrip("/") + project.get_absolute_url()
    inputs = (
        *(project.title, project.organisation, project.country.code, project.country.name),
        *(status, str(project.category.action_line), contest.name, contest.year),
        *(str(contest.edition), contest.edition.starts_on if contest.edition else None),
        *(verify_url, preview),
    )
    return Drawing(
        inputs=inputs,
        render=lambda: certificate_pdf(
            project=project, status=status, verify_url=verify_url, preview=preview
        ),
    )


def _entry_inputs(entry: recognition.BookletEntry) -> tuple:
    project = entry.project
    where = (project.organisation, project.country.name)
    return (project.pk, entry.status, project.title, *where, project.description)


def _booklet(contest_id: int, preview: bool) -> Drawing | None:
    contest = Contest.objects.filter(pk=contest_id).select_related("edition").first()
    if contest is None:
        return None
    data = recognition.booklet_of(contest, preview=preview)
    inputs = (
        *(contest.name, contest.year, preview, timezone.localdate()),
        [
            (
                str(section.category.action_line),
                [_entry_inputs(entry) for entry in section.entries],
            )
            for section in data.categories
        ],
    )
    return Drawing(inputs=inputs, render=lambda: booklet_pdf(booklet=data))


CERTIFICATE = DrawnKind("prizes.certificate", _certificate, watched=WATCHED)
BOOKLET = DrawnKind("prizes.booklet", _booklet, watched=WATCHED)


def connect_signals() -> None:
    """Called from ``PrizesConfig.ready``."""
    CERTIFICATE.connect_signals()
    BOOKLET.connect_signals()


def certificate_file(certificate: recognition.Certificate) -> Copy | None:
    """The certificate to serve now (its access checked), or None while the first is drawn."""
    return CERTIFICATE.ready(certificate.project.pk, certificate.preview)


def booklet_file(contest: Contest, *, preview: bool) -> Copy | None:
    """The booklet to serve now (its access checked), or None while the first is drawn."""
    return BOOKLET.ready(contest.pk, preview)


def prepare_for(project: Project, language: str) -> None:
    """At the publication of the results: a Champion's or Winner's certificate and the
    booklet, drawn in the language of the email that links them before it is opened."""
    CERTIFICATE.prepare((project.pk, False), language)
    BOOKLET.prepare((project.contest_id, False), language)
