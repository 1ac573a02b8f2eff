"""allauth's account app under a name of its own in the admin.

Both allauth's app and ours were called "Accounts"; this keeps allauth's label and name
(``account``, ``allauth.account``) and changes only the section's title. Kept apart from
accounts/apps.py, where a second AppConfig would stop Django choosing ours by default.
"""

from allauth.account.apps import AccountConfig
from django.utils.translation import gettext_lazy as _


class SignInConfig(AccountConfig):
    verbose_name = _("Sign-in: email addresses")
