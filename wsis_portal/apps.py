from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "wsis_portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from . import demo_translations
        from .countries import install_collation
        from .registry import registry

        install_collation()
        # After every app's own demo content, which it translates; the domain apps register
        # the translation of their own content the same way.
        registry.add_demo("translations", demo_translations.seed, order=90)
