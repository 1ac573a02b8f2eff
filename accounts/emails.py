"""allauth's emails (address confirmation, password reset...) leave through the outbox too."""

from __future__ import annotations

from wsis_portal.mail import Email
from wsis_portal.models import OutboxMessage

ACCOUNT_MAIL = "accounts.account-mail"


def account_mail(message: OutboxMessage) -> Email | None:
    """The email allauth rendered when the person acted; its text (with a confirmation or
    reset link) is kept as a secret until it is sent."""
    subject, body = message.secret.get("subject"), message.secret.get("body")
    if not subject or not body or not message.to_email:
        return None
    return Email(subject=subject, body=body, to=message.to_email)
