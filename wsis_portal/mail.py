"""Emails that must reach each person once, even when a Celery task runs twice."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from .models import SentEmail


def email_send_once(*, key: str, subject: str, body: str, to: str) -> bool:
    """Send one email unless an email with ``key`` was already sent; True when sent now.

    The ledger row and the send share one transaction: a failed send rolls the row back so a
    retry sends it; a second delivery of the same task waits on the unique key and skips.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                SentEmail.objects.create(key=key[:200])
        except IntegrityError:
            return False
        send_mail(
            subject=subject,
            message=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[to],
        )
    return True
