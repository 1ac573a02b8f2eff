"""Every write of outcome reporting: a session's report, the reminder, the Outcome Document.

The rules (who, and until when) live in the selector :func:`outcome_report_check`, which the form page
asks before it shows the form and the action asks again before it saves.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wsis_portal import outbox
from wsis_portal.activity import activity_record
from wsis_portal.refusals import Refusal

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
from .selectors import outcome_report_check

OUTCOME_REMINDER = "forum.outcome-reminder"


def outcome_report_submit(
    *,
    session: Session,
    user: Any,
    key_messages: str,
    recommendations: str,
    action_lines: Iterable[ActionLine],
    sdgs: Iterable[SDG],
    slides_url: str = "",
    recording_url: str = "",
    now: datetime | None = None,
) -> OutcomeReport:
    """Write (or rewrite, until the deadline) a session's outcome report."""
    now = now or timezone.now()
    call = OutcomeCall.objects.filter(edition_id=session.edition_id).first()
    outcome_report_check(session=session, user=user, call=call, now=now)
    with transaction.atomic():
        report = OutcomeReport.objects.select_for_update().filter(
            session=session
        ).first() or OutcomeReport(session=session, submitted_at=now)
        before = "" if report.pk is None else "submitted"
        report.key_messages = key_messages
        report.recommendations = recommendations
        report.slides_url = slides_url
        report.recording_url = recording_url
        report.submitted_by = user
        report.updated_at = now
        report.full_clean(exclude=["action_lines", "sdgs"])
        report.save()
        report.action_lines.set(list(action_lines))
        report.sdgs.set(list(sdgs))
        activity_record(
            obj=report,
            action="outcome_report_submit",
            actor=user,
            field="submitted_at",
            before=before,
            after="updated" if before else "submitted",
            at=now,
        )
    return report


def outcome_reminders_send(now: datetime) -> int:
    """Remind the owners of sessions still without a report, once each, before the deadline.

    Run by the beat tick: from the edition's reminder time until its deadline, each owner of
    a session that has ended without a report gets one email (the outbox key is per deadline
    and person, so later ticks add nothing).
    """
    added = 0
    for call in OutcomeCall.objects.filter(reminder_at__lte=now, due_at__gt=now):
        owners = (
            SessionOwner.objects.filter(
                session__edition_id=call.edition_id, session__ends_at__lte=now
            )
            .filter(~Exists(OutcomeReport.objects.filter(session_id=OuterRef("session_id"))))
            .select_related("user")
            .order_by("user_id")
            .distinct("user_id")
        )
        for owner in owners:
            with transaction.atomic():
                message = outbox.add(
                    purpose=OUTCOME_REMINDER,
                    obj=call,
                    to=owner.user,
                    key=f"{OUTCOME_REMINDER}:{call.pk}:{owner.user_id}",
                )
            added += message is not None
    return added


def _outcome_document_url(edition: Edition) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + reverse(
        "forum:outcome_document", args=[edition.year]
    )


def outcome_document_generate(*, edition: Edition, actor: Any) -> OutcomeDocument:
    """Make the reports of ``edition`` its Outcome Document (listed with its other documents).

    The document is drawn from the reports each time it is shown (HTML and PDF); this
    records it as the edition's Outcome Document, which makes it public.
    """
    if not OutcomeReport.objects.filter(session__edition=edition).exists():
        raise Refusal(
            "empty",
            _("No session of this edition has an outcome report yet: nothing to generate."),
        )
    existing = (
        OutcomeDocument.objects.filter(edition=edition, kind=DocumentKind.OUTCOME_DOCUMENT)
        .order_by("order", "pk")
        .first()
    )
    document = existing or OutcomeDocument(edition=edition, kind=DocumentKind.OUTCOME_DOCUMENT)
    before = document.url
    with transaction.atomic():
        document.title = _("%(edition)s: Outcome Document") % {"edition": edition}
        document.url = _outcome_document_url(edition)
        document.full_clean()
        document.save()
        activity_record(
            obj=document,
            action="outcome_document_generate",
            actor=actor,
            field="url",
            before=before,
            after=document.url,
        )
    return document
