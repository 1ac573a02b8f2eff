from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Open Consultation Process")

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy

        from wsis_portal.registry import ActionLineSection, registry

        from . import dashboard, demo, demo_translations, emails, hooks, reminders, services

        registry.add_home(hooks.home_items, hooks.home_next_change)
        from django.db.models.signals import post_delete, post_save

        from wsis_portal.home_cache import home_changed

        from .models import Consultation, ConsultationPhase

        for model in (Consultation, ConsultationPhase):
            for signal in (post_save, post_delete):
                signal.connect(home_changed, sender=model, dispatch_uid=f"home-{model.__name__}")
        dashboard.register()
        registry.add_my(hooks.my_sections)
        registry.add_action_line_section(
            ActionLineSection(
                title=gettext_lazy("In the Open Consultation Process"),
                template_name="consultations/includes/action_line_section.html",
                context=hooks.action_line_context,
            )
        )
        registry.add_tick("consultations.phase_reminders", reminders.phase_reminders_send)
        registry.add_tick("consultations.comment_digests", services.comment_digests_queue)
        registry.add_demo("consultations", demo.seed, order=20)
        registry.add_demo("consultations-translations", demo_translations.seed, order=90)
        registry.add_outbox(emails.SUBMISSION_RECEIPT, emails.submission_receipt)
        registry.add_outbox(emails.SUBMISSION_CONFIRM, emails.submission_link)
        registry.add_outbox(emails.SUBMISSION_NEW_LINK, emails.submission_link)
        registry.add_outbox(emails.PHASE_REMINDER, emails.phase_reminder)
        registry.add_outbox(emails.COMMENT_DIGEST, emails.comment_digest)
        from wsis_portal import site_search

        from . import search_kinds

        for kind in search_kinds.KINDS:
            site_search.register(kind)
