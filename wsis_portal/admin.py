"""The secretariat's view of the outbox and the send-once ledger: read-only, with a retry."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import outbox
from .admin_confirm import confirm_first
from .models import OutboxMessage, OutboxStatus, SentEmail


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "purpose",
        "status",
        "to_email",
        "created_at",
        "attempts",
        "next_attempt_at",
        "delivered_at",
    ]
    list_filter = ["status", "purpose"]
    search_fields = ["purpose", "to_email", "key", "last_error"]
    date_hierarchy = "created_at"
    # ``secret`` (private links) is never shown.
    fields = readonly_fields = (
        "purpose",
        "status",
        "content_type",
        "object_id",
        "recipient",
        "to_email",
        "data",
        "key",
        "created_at",
        "attempts",
        "next_attempt_at",
        "delivered_at",
        "last_error",
    )
    list_select_related = ["content_type"]
    actions = ["retry_now"]
    change_list_template = "admin/wsis_portal/outboxmessage/change_list.html"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Deliver the selected messages again now"), permissions=["view"])
    @confirm_first
    def retry_now(self, request, queryset) -> None:
        count = outbox.retry(message_ids=list(queryset.values_list("pk", flat=True)))
        for message_id in queryset.filter(status=OutboxStatus.PENDING).values_list("pk", flat=True):
            outbox.send_fast(message_id)
        self.message_user(
            request,
            ngettext(
                "%(n)d message queued for delivery.",
                "%(n)d messages queued for delivery.",
                count,
            )
            % {"n": count},
            messages.SUCCESS,
        )

    def changelist_view(self, request, extra_context=None):
        state = outbox.outbox_state()
        age = state.oldest_pending_age(timezone.now())
        extra_context = {
            **(extra_context or {}),
            "outbox_state": state,
            "oldest_pending_minutes": None if age is None else int(age.total_seconds() // 60),
        }
        return super().changelist_view(request, extra_context=extra_context)


@admin.register(SentEmail)
class SentEmailAdmin(admin.ModelAdmin):
    list_display = ["key", "sent_at"]
    search_fields = ["key"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
