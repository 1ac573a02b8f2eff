from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils.translation import gettext


@dataclass(frozen=True)
class PortalSite:
    """What allauth's emails call the site: the portal's name and public address, not the
    host the request happened to reach (which read "Hello from 127.0.0.1:8000!")."""

    name: str
    domain: str


def portal_site() -> PortalSite:
    return PortalSite(
        name=gettext("WSIS Forum portal"),
        domain=urlsplit(settings.PORTAL_BASE_URL).netloc or settings.PORTAL_BASE_URL,
    )


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render allauth's email now, in the request's language, and hand it to the outbox:
        a mail server that is down delays it instead of failing the sign-up."""
        from wsis_portal import outbox

        from .emails import ACCOUNT_MAIL

        context = {"current_site": portal_site(), **context}
        message = self.render_mail(template_prefix, email, context)
        outbox.add(
            purpose=ACCOUNT_MAIL,
            to=email,
            data={"template": template_prefix},
            secret={"subject": message.subject, "body": message.body},
        )

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "ACCOUNT_ALLOW_REGISTRATION", True)
