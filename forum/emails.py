"""The Forum's outbox handlers: what each side effect sends (registered in apps.py)."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from wsis_portal.mail import Email
from wsis_portal.models import OutboxMessage

from .enums import RegistrationStatus
from .models import Registration

REGISTRATION_CONFIRMED = "forum.registration-confirmed"


def registration_confirmed(message: OutboxMessage) -> Email | None:
    """The confirmation of a registration; nothing when it was cancelled meanwhile."""
    registration = (
        Registration.objects.select_related("edition", "user")
        .filter(pk=message.object_pk, status=RegistrationStatus.CONFIRMED)
        .first()
    )
    if registration is None:
        return None
    context = {"registration": registration, "edition": registration.edition}
    subject = render_to_string("forum/email/registration_subject.txt", context).strip()
    body = render_to_string("forum/email/registration_body.txt", context)
    # For the record (the admin shows it); the ledger is what keeps the email to one.
    Registration.objects.filter(pk=registration.pk).update(confirmation_sent_at=timezone.now())
    return Email(subject=subject, body=body, to=registration.user.email)
