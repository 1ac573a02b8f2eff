"""The outcome reminder's email (an outbox handler, registered in apps.py)."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse

from wsis_portal.mail import Email
from wsis_portal.models import OutboxMessage

from ..models import OutcomeCall, OutcomeReport, Session


def outcome_reminder(message: OutboxMessage) -> Email | None:
    """The owner's sessions still without a report; nothing when all are reported by now."""
    call = OutcomeCall.objects.select_related("edition").filter(pk=message.object_pk).first()
    user = message.recipient
    if call is None or user is None:
        return None
    sessions = list(
        Session.objects.filter(edition_id=call.edition_id, owners__user=user)
        .filter(~Exists(OutcomeReport.objects.filter(session_id=OuterRef("pk"))))
        .order_by("starts_at")
    )
    if not sessions:
        return None
    base = settings.PORTAL_BASE_URL.rstrip("/")
    links = [
        (s, base + reverse("forum:outcome_report", args=[call.edition.year, s.pk]))
        for s in sessions
    ]
    context = {"call": call, "edition": call.edition, "links": links}
    subject = render_to_string("forum/email/outcome_reminder_subject.txt", context).strip()
    body = render_to_string("forum/email/outcome_reminder_body.txt", context)
    return Email(subject=subject, body=body, to=user.email)
