from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render allauth's email now, in the request's language, and hand it to the outbox:
        a mail server that is down delays it instead of failing the sign-up."""
        from wsis_portal import outbox

        from .emails import ACCOUNT_MAIL

        message = self.render_mail(template_prefix, email, context)
        outbox.add(
            purpose=ACCOUNT_MAIL,
            to=email,
            data={"template": template_prefix},
            secret={"subject": message.subject, "body": message.body},
        )

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "ACCOUNT_ALLOW_REGISTRATION", True)
