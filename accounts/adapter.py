from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from wsis_portal.i18n import language_of, login_language_apply, supported_language, translate_path


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
        """Render allauth's email now and hand it to the outbox: a mail server that is down
        delays it instead of failing the sign-up.

        Rendered in the account's language (password reset, address confirmation); without a
        saved language (a new sign-up), in the language of the page that asked for it.
        """
        from wsis_portal import outbox

        from .emails import ACCOUNT_MAIL

        context = {"current_site": portal_site(), **context}
        with language_of(context.get("user"), fallback=translation.get_language()):
            message = self.render_mail(template_prefix, email, context)
        outbox.add(
            purpose=ACCOUNT_MAIL,
            to=email,
            data={"template": template_prefix},
            secret={"subject": message.subject, "body": message.body},
        )

    def is_open_for_signup(self, request) -> bool:
        return getattr(settings, "ACCOUNT_ALLOW_REGISTRATION", True)

    def save_user(self, request, user, form, commit=True):
        # A new account keeps the language it signed up in, for its emails and next sign-in.
        user.language = supported_language(translation.get_language()) or ""
        return super().save_user(request, user, form, commit=commit)

    def post_login(self, request, user, **kwargs):
        """Signing in brings the user back to the language saved on their account."""
        response = super().post_login(request, user, **kwargs)
        language = login_language_apply(request=request, user=user, response=response)
        location = response.get("Location") if response is not None else None
        if language and location:
            response["Location"] = translate_path(location, language)
        return response
