"""Third-party apps under names of their own in the admin (issue 14, item 9).

Both allauth's app and ours were called "Accounts", and Django's and axes' sections said
"Authentication and Authorization" and "Axes". These configs keep each app's label and name
and change only the section's title. Kept apart from accounts/apps.py, where a second
AppConfig would stop Django choosing ours by default.
"""

from allauth.account.apps import AccountConfig
from axes.apps import AppConfig as AxesConfig
from django.utils.translation import gettext_lazy as _


class SignInConfig(AccountConfig):
    verbose_name = _("Sign-in: email addresses")


def name_auth_section() -> None:
    """django.contrib.auth, whose only admin list here is the groups: the roles.

    Renamed once apps are ready rather than through a subclass in INSTALLED_APPS: the type
    checker's Django plugin finds the user model by "django.contrib.auth" being listed there.
    """
    from django.apps import apps

    apps.get_app_config("auth").verbose_name = _("Roles: groups and their permissions")


class SignInSecurityConfig(AxesConfig):
    """django-axes: the record of failed sign-ins and the lockouts they caused."""

    verbose_name = _("Sign-in security: failed attempts and lockouts")
