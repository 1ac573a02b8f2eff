from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("WSIS Forum and taxonomy")

    def ready(self) -> None:
        from wsis_portal.registry import registry

        from . import demo
        from .services import taxonomy_load

        post_migrate.connect(taxonomy_load, sender=self, dispatch_uid="forum.taxonomy_load")
        registry.add_demo("matrix", demo.seed, order=10)
