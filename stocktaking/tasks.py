"""Thin tasks: look the row up by id and do the work once."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from wsis_portal.i18n import language_of
from wsis_portal.models import claim_once

from .enums import RevisionStatus
from .models import EntryRevision


@shared_task(acks_late=True)
def revision_decision_notify(revision_id: int) -> bool:
    """Email the submitter the secretariat's decision, exactly once per revision.

    The claim on ``notified_at`` and the sending share a transaction: if sending fails the
    claim rolls back and a retry sends it; a second delivery finds it claimed and stops.
    """
    with transaction.atomic():
        rows = EntryRevision.objects.filter(pk=revision_id).exclude(status=RevisionStatus.PENDING)
        revision = rows.select_related("entry", "entry__submitter", "proposed_by").first()
        if revision is None:
            return False
        recipient = revision.entry.submitter or revision.proposed_by
        if recipient is None or not claim_once(rows, "notified_at"):
            return False
        with language_of(recipient):
            context = {"revision": revision, "entry": revision.entry}
            subject = render_to_string("stocktaking/email/decision_subject.txt", context).strip()
            body = render_to_string("stocktaking/email/decision_body.txt", context)
        send_mail(subject, body, None, [recipient.email])
    return True
