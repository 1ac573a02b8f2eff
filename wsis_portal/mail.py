"""The send-once ledger: the one place the portal's emails leave from.

Services never send mail: they add an outbox message (``wsis_portal.outbox.add``) in the
transaction of their change; its handler returns an :class:`Email` and the outbox delivery
sends it here, under a ledger key unique to the message.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from .models import SentEmail


@dataclass(frozen=True)
class Email:
    """One plain-text email to one address, as an outbox handler renders it."""

    subject: str
    body: str
    to: str


def email_send_once(*, key: str, subject: str, body: str, to: str) -> bool:
    """Send one email unless an email with ``key`` was already sent; True when sent now.

    The ledger row and the send share one transaction: a failed send rolls the row back so a
    retry sends it; a second delivery of the same message waits on the unique key and skips.
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
