"""Stocktaking's outbox handlers: what each side effect sends (registered in apps.py)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from wsis_portal.mail import Email
from wsis_portal.models import OutboxMessage

from .enums import RevisionStatus
from .models import EntryRevision

REVISION_DECIDED = "stocktaking.revision-decided"


def revision_decided(message: OutboxMessage) -> Email | None:
    """Tell the submitter the secretariat's decision (publication or rejection, with reason)."""
    revision = (
        EntryRevision.objects.exclude(status=RevisionStatus.PENDING)
        .select_related("entry", "entry__submitter", "proposed_by")
        .filter(pk=message.object_pk)
        .first()
    )
    if revision is None:
        return None
    recipient = revision.entry.submitter or revision.proposed_by
    if recipient is None:
        return None
    context = {"revision": revision, "entry": revision.entry}
    subject = render_to_string("stocktaking/email/decision_subject.txt", context).strip()
    body = render_to_string("stocktaking/email/decision_body.txt", context)
    # For the record (the admin shows it); the ledger is what keeps the email to one.
    EntryRevision.objects.filter(pk=revision.pk).update(notified_at=timezone.now())
    return Email(subject=subject, body=body, to=recipient.email)
