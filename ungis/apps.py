from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UngisConfig(AppConfig):
    name = "ungis"
    verbose_name = _("UNGIS")
