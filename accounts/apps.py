from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People: users and stakeholder profiles")

    def ready(self) -> None:
        from wsis_portal.registry import registry

        from . import emails
        from .signals import ensure_groups
        from .signin_app import name_auth_section

        name_auth_section()

        registry.add_outbox(emails.ACCOUNT_MAIL, emails.account_mail)

        # Runs after every app so the permissions of apps migrated later are included.
        post_migrate.connect(ensure_groups, dispatch_uid="accounts.ensure_groups")
