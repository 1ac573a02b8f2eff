from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "wsis_portal"
    verbose_name = _("Portal: outbox, emails sent and activity log")

    def ready(self) -> None:
        # django.contrib.admin comes first in INSTALLED_APPS, so every app's admin module
        # is registered by now.
        from django.contrib import admin

        from .admin import activity_inline_attach

        activity_inline_attach(admin.site)

        from . import demo_translations
        from .countries import install_collation
        from .dashboard import register_portal_panels
        from .registry import registry

        install_collation()
        register_portal_panels()
        # After every app's own demo content, which it translates; the domain apps register
        # the translation of their own content the same way.
        registry.add_demo("translations", demo_translations.seed, order=90)
