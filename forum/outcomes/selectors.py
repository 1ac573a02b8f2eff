"""Reads of outcome reporting: the report form's facts, the Outcome Document, the matrix."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wsis_portal.publishing import published_q, visible
from wsis_portal.refusals import Refusal
from wsis_portal.registry import MatrixItem

from ..enums import DocumentKind
from ..models import (
    SDG,
    ActionLine,
    Edition,
    OutcomeCall,
    OutcomeDocument,
    OutcomeReport,
    Session,
    SessionOwner,
)


def session_to_report(*, year: int, session_id: int, user: Any = None) -> Session:
    """The session whose report is asked for: of a visible edition, or 404."""
    return get_object_or_404(
        Session.objects.filter(edition__in=visible(Edition.objects.all(), user)).select_related(
            "edition"
        ),
        edition__year=year,
        pk=session_id,
    )


def outcome_call_of(edition: Edition) -> OutcomeCall | None:
    return OutcomeCall.objects.filter(edition=edition).first()


def report_of(session: Session) -> OutcomeReport | None:
    return (
        OutcomeReport.objects.filter(session=session)
        .prefetch_related("action_lines", "sdgs")
        .first()
    )


def _with_taxonomy(reports: QuerySet[OutcomeReport]) -> QuerySet[OutcomeReport]:
    return reports.select_related("session__edition", "session__building_block").prefetch_related(
        Prefetch("action_lines", queryset=ActionLine.objects.order_by("number")),
        Prefetch("sdgs", queryset=SDG.objects.order_by("number")),
    )


@dataclass
class OutcomeSection:
    """One Action Line of the Outcome Document, with the reports tagged with it."""

    action_line: ActionLine
    reports: list[OutcomeReport] = field(default_factory=list)


@dataclass
class OutcomeDocumentData:
    edition: Edition
    document: OutcomeDocument | None
    sections: list[OutcomeSection]
    report_count: int


def outcome_document_record(edition: Edition) -> OutcomeDocument | None:
    """The edition's generated Outcome Document, if the Secretariat has generated it."""
    return (
        OutcomeDocument.objects.filter(
            edition=edition,
            kind=DocumentKind.OUTCOME_DOCUMENT,
            url__endswith=f"/forum/{edition.year}/outcome-document/",
        )
        .order_by("order", "pk")
        .first()
    )


def outcome_document(*, year: int, user: Any = None) -> OutcomeDocumentData:
    """The reports of an edition grouped by Action Line, each Action Line in its order.

    A report tagged with several Action Lines appears in each of their sections. Public once
    generated (``services_outcomes.outcome_document_generate``); staff preview it before.
    """
    edition, document = outcome_document_edition(year=year, user=user)
    return outcome_document_of(edition, document)


def outcome_document_edition(
    *, year: int, user: Any = None
) -> tuple[Edition, OutcomeDocument | None]:
    """The edition whose Outcome Document ``user`` may read, and its generated record; 404
    unless generated (staff preview it before) or when the edition is not visible."""
    edition = get_object_or_404(visible(Edition.objects.all(), user), year=year)
    document = outcome_document_record(edition)
    if document is None and not (user is not None and getattr(user, "is_staff", False)):
        raise Http404(_("The Outcome Document of this edition has not been generated yet."))
    return edition, document


def outcome_document_of(edition: Edition, document: OutcomeDocument | None) -> OutcomeDocumentData:
    """What the Outcome Document of ``edition`` shows (its access checked by the caller)."""
    reports = list(
        _with_taxonomy(OutcomeReport.objects.filter(session__edition=edition)).order_by(
            "session__starts_at", "session__title", "pk"
        )
    )
    sections: dict[int, OutcomeSection] = {}
    for report in reports:
        for action_line in report.action_lines.all():
            sections.setdefault(action_line.number, OutcomeSection(action_line)).reports.append(
                report
            )
    return OutcomeDocumentData(
        edition=edition,
        document=document,
        sections=[sections[number] for number in sorted(sections)],
        report_count=len(reports),
    )


def _public_reports() -> QuerySet[OutcomeReport]:
    return OutcomeReport.objects.filter(published_q("session__edition__"))


def report_matrix_counts() -> dict[tuple[str, int], int]:
    # Filtered before ``values_list``, so that the pairs are read through the filter's joins:
    # filtering after it joined each relation a second time, PostgreSQL then expected
    # millions of rows and compiled the query with JIT (0.4 s for six reports at WSIS scale).
    rows = (
        _public_reports()
        .filter(action_lines__isnull=False, sdgs__isnull=False)
        .values_list("action_lines__code", "sdgs__number")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    return {(code, number): n for code, number, n in rows}


def report_matrix_items(action_line: ActionLine, sdg: SDG, limit: int) -> list[MatrixItem]:
    reports = (
        _public_reports()
        .filter(action_lines=action_line)
        .filter(sdgs=sdg)
        .select_related("session__edition")
        .order_by("-session__starts_at", "pk")[:limit]
    )
    return [
        MatrixItem(
            kind="outcome_report",
            title=report.session.title,
            url=report.get_absolute_url(),
            subtitle=_("Outcome report · %(edition)s") % {"edition": report.session.edition},
        )
        for report in reports
    ]


def reports_of_action_line(action_line: ActionLine, limit: int = 20) -> list[OutcomeReport]:
    return list(
        _public_reports()
        .filter(action_lines=action_line)
        .select_related("session__edition")
        .order_by("-session__starts_at", "pk")[:limit]
    )


def sessions_owned_by(*, user: Any) -> list[SessionOwner]:
    """The sessions an account owns, newest first, with whether each has its report."""
    return list(
        SessionOwner.objects.filter(user=user)
        .select_related("session__edition", "session__outcome_report")
        .order_by("-session__starts_at")[:50]
    )


def is_owner(*, session: Session, user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return SessionOwner.objects.filter(session=session, user=user).exists()


def outcome_report_check(
    *, session: Session, user: Any, call: OutcomeCall | None, now: datetime
) -> None:
    """Refuse unless ``user`` owns the session, the session is over and the deadline is ahead."""
    if not is_owner(session=session, user=user):
        raise Refusal(
            "not_owner",
            _(
                "Only the accounts that own this session can report its outcomes. Ask the "
                "WSIS Secretariat to add you as an owner."
            ),
        )
    if call is None:
        raise Refusal(
            "closed",
            _("Outcome reporting for this edition has not been opened by the Secretariat yet."),
        )
    if now < session.ends_at:
        raise Refusal(
            "closed",
            _("You can report the session's outcomes once it has taken place."),
        )
    if not call.is_open(now):
        raise Refusal(
            "closed",
            _("Outcome reports were due by %(deadline)s; this deadline has passed.")
            % {"deadline": formats.date_format(timezone.localtime(call.due_at), "DATETIME_FORMAT")},
        )
