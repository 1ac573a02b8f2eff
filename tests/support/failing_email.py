"""An email backend that fails as an unreachable mail server would."""

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server unreachable")


class FailsForSomeBackend(BaseEmailBackend):
    """Delivers like locmem, but refuses addresses that start with ``fail``."""

    def send_messages(self, email_messages):
        from django.core import mail

        for message in email_messages:
            if any(address.startswith("fail") for address in message.to):
                raise ConnectionRefusedError("mailbox unavailable")
            mail.outbox.append(message)
        return len(email_messages)
