from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class UngisConfig(AppConfig):
    name = "ungis"
    verbose_name = _("UNGIS: agencies, focal points and meetings")

    def ready(self) -> None:
        from wsis_portal.registry import registry

        from . import demo, hooks
        from .services import members_load

        post_migrate.connect(members_load, sender=self, dispatch_uid="ungis.members_load")
        # The Action Line page already shows forum's sourced facilitation roles
        # (forum.base.models_facilitation), which the UNGIS pages read too: no block here.
        registry.add_my(hooks.my_sections)
        registry.add_demo("ungis", demo.seed, order=26)
        from wsis_portal import site_search

        from . import search_kinds

        for kind in search_kinds.KINDS:
            site_search.register(kind)
