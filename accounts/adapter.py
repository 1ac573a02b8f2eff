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

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Account emails (password reset, address confirmation) in the account's language.

        Without a saved language (a new sign-up), the language of the page that asked for it.
        """
        with language_of(context.get("user"), fallback=translation.get_language()):
            super().send_mail(template_prefix, email, {"current_site": portal_site(), **context})
