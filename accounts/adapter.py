from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from wsis_portal.i18n import language_of, login_language_apply, supported_language, translate_path


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

    def send_mail(self, template_prefix, email, context):
        """Account emails (password reset, address confirmation) in the account's language.

        Without a saved language (a new sign-up), the language of the page that asked for it.
        """
        user = context.get("user")
        with language_of(user, fallback=translation.get_language()):
            return super().send_mail(template_prefix, email, context)
