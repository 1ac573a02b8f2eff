from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("WSIS Forum and taxonomy")

    def ready(self) -> None:
        from wsis_portal.registry import registry

        from . import (
            demo,
            demo_news,
            demo_outcomes,
            demo_programme,
            demo_scale,
            emails,
            hooks,
        )
        from .base.services import taxonomy_load
        from .outcomes import emails as emails_outcomes
        from .outcomes import hooks as hooks_outcomes
        from .outcomes import services as services_outcomes
        from .outcomes.caching import connect_signals as outcome_document_signals
        from .programme.caching import connect_signals
        from .programme.services import building_blocks_load
        from .proposals import demo as proposals_demo
        from .proposals import emails as proposal_emails
        from .proposals import services as proposal_services

        post_migrate.connect(taxonomy_load, sender=self, dispatch_uid="forum.taxonomy_load")
        post_migrate.connect(
            building_blocks_load, sender=self, dispatch_uid="forum.building_blocks_load"
        )
        connect_signals()
        outcome_document_signals()
        registry.add_demo("matrix", demo.seed, order=10)
        registry.add_demo("forum", demo_programme.seed, order=25)
        registry.add_demo("forum-scale", demo_scale.seed, order=26)
        registry.add_demo("programme-pipeline", proposals_demo.seed, order=25)
        registry.add_demo("news", demo_news.seed, order=45)
        registry.add_home(hooks.home_items, hooks.home_next_change)
        registry.add_my(hooks.my_sections)
        registry.add_matrix(hooks.matrix_source)
        registry.add_outbox(emails.REGISTRATION_CONFIRMED, emails.registration_confirmed)
        proposal_emails.register(registry)
        registry.add_tick("forum.proposal_calls", proposal_services.proposal_calls_close_apply)
        registry.add_outbox(services_outcomes.OUTCOME_REMINDER, emails_outcomes.outcome_reminder)
        registry.add_tick("forum-outcome-reminders", services_outcomes.outcome_reminders_send)
        registry.add_matrix(hooks_outcomes.matrix_source)
        registry.add_action_line_section(hooks_outcomes.action_line_section)
        registry.add_my(hooks_outcomes.my_sections)
        registry.add_demo("forum-outcomes", demo_outcomes.seed, order=27)
        from django.db.models.signals import post_delete, post_save

        from wsis_portal.home_cache import home_changed

        from .base.selectors import matrix_changed
        from .models import SDG, ActionLine, Edition, MatrixLink

        for signal in (post_save, post_delete):
            signal.connect(home_changed, sender=Edition, dispatch_uid="home-Edition")
        # The home page keeps the linkages of the matrix in the cache until one changes.
        for model in (ActionLine, SDG, MatrixLink):
            for signal in (post_save, post_delete):
                signal.connect(
                    matrix_changed, sender=model, dispatch_uid=f"matrix-{model.__name__}"
                )
        from wsis_portal import site_search

        from . import search_kinds

        for kind in search_kinds.KINDS:
            site_search.register(kind)
