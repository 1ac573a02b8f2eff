"""Celery tasks of the Forum: thin, by id, idempotent."""

from __future__ import annotations

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from wsis_portal.i18n import language_of
from wsis_portal.models import claim_once

from .enums import RegistrationStatus
from .models import Registration


@shared_task(acks_late=True)
def registration_confirmation_send(registration_id: int) -> bool:
    """Email the confirmation of a registration once (a re-delivered task sends nothing)."""
    registration = (
        Registration.objects.select_related("edition", "user")
        .filter(pk=registration_id, status=RegistrationStatus.CONFIRMED)
        .first()
    )
    if registration is None:
        return False
    with transaction.atomic():
        if not claim_once(
            Registration.objects.filter(pk=registration_id), field="confirmation_sent_at"
        ):
            return False
        with language_of(registration.user):
            context = {"registration": registration, "edition": registration.edition}
            subject = render_to_string("forum/email/registration_subject.txt", context).strip()
            body = render_to_string("forum/email/registration_body.txt", context)
        # Sent inside the transaction: if SMTP fails, the claim rolls back and a retry sends.
        send_mail(subject, body, None, [registration.user.email])
    return True
