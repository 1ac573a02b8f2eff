from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StocktakingConfig(AppConfig):
    name = "stocktaking"
    verbose_name = _("WSIS Stocktaking")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from forum.models import SDG, ActionLine
        from wsis_portal.registry import MatrixSource, registry

        from . import dashboard, demo, emails, hooks, selectors
        from .models import Call, Entry, EntryActionLine, EntrySDG

        registry.add_home(hooks.home_items, hooks.home_next_change)
        from wsis_portal.home_cache import home_changed

        for signal in (post_save, post_delete):
            signal.connect(home_changed, sender=Call, dispatch_uid="home-Call")
        dashboard.register()
        registry.add_my(hooks.my_sections)
        registry.add_matrix(
            MatrixSource(
                label=_("WSIS Stocktaking entries"),
                counts=selectors.matrix_counts,
                items=selectors.matrix_items,
            )
        )
        registry.add_demo("stocktaking", demo.seed, order=30)
        registry.add_outbox(emails.REVISION_DECIDED, emails.revision_decided)
        # Any change of entries (the admin's included) invalidates cached counts and reports.
        for model in (Call, Entry, EntryActionLine, EntrySDG, ActionLine, SDG):
            post_save.connect(
                hooks.data_changed, sender=model, dispatch_uid=f"stk-save-{model.__name__}"
            )
            post_delete.connect(
                hooks.data_changed, sender=model, dispatch_uid=f"stk-del-{model.__name__}"
            )
        from wsis_portal import site_search

        from . import search_kinds

        site_search.register(search_kinds.KIND)
