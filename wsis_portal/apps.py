from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "wsis_portal"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from .countries import install_collation

        install_collation()
