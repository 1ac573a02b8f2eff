from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrizesConfig(AppConfig):
    name = "prizes"
    verbose_name = _("WSIS Prizes")

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from wsis_portal.registry import ActionLineSection, MatrixSource, registry

        from . import dashboard, demo, demo_scale, demo_translations, emails, selectors, services
        from .models import ProjectAttachment

        registry.add_home(selectors.home_items, selectors.home_next_change)
        from django.db.models.signals import post_save

        from wsis_portal.home_cache import home_changed

        from .models import Contest, ContestPhase

        for model in (Contest, ContestPhase):
            for signal in (post_save, post_delete):
                signal.connect(home_changed, sender=model, dispatch_uid=f"home-{model.__name__}")
        from . import recognition_files

        recognition_files.connect_signals()
        dashboard.register()
        registry.add_my(selectors.my_sections)
        registry.add_matrix(
            MatrixSource(
                label=_("WSIS Prizes projects"),
                counts=selectors.matrix_counts,
                items=selectors.matrix_items,
            )
        )
        registry.add_action_line_section(
            ActionLineSection(
                title=_("WSIS Prize Winners"),
                template_name="prizes/action_line_section.html",
                context=selectors.action_line_winners,
            )
        )
        registry.add_tick("prizes", services.transitions_apply)
        registry.add_tick("prizes.recognition", services.recognition_queue)
        registry.add_tick("prizes.draft_reminders", services.draft_reminders_send)
        registry.add_tick("prizes.vote_reminders", services.vote_reminders_send)
        registry.add_tick("prizes.ballot_changes", services.ballot_changes_fold)
        registry.add_outbox(emails.RECEIPT, emails.receipt)
        registry.add_outbox(emails.VOTING_OPEN, emails.voting_open)
        registry.add_outbox(emails.EXPERTS_READY, emails.experts_ready)
        registry.add_outbox(emails.TALLY_RECOMPUTE, emails.tally_recompute)
        registry.add_outbox(emails.RECOGNITION, emails.recognition)
        registry.add_outbox(emails.DRAFTS_REMINDER, emails.drafts_reminder)
        registry.add_outbox(emails.VOTE_REMINDER, emails.vote_reminder)
        registry.add_demo("prizes", demo.seed, order=40)
        registry.add_demo("prizes-scale", demo_scale.seed, order=41)
        registry.add_demo("prizes-translations", demo_translations.seed, order=90)
        post_delete.connect(
            services.attachment_file_discard,
            sender=ProjectAttachment,
            dispatch_uid="prizes-attachment-file-discard",
        )
        from wsis_portal import site_search

        from . import search_kinds

        site_search.register(search_kinds.KIND)
