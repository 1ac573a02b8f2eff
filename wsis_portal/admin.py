"""The portal's shared records in the admin: the activity log (a filterable list, and a
read-only panel on every object), the outbox and the send-once ledger."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import outbox
from .admin_confirm import confirm_first
from .models import ActivityLog, OutboxMessage, OutboxStatus, SentEmail


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


class ReadOnlyMixin:
    """The log is written by the transition functions only; nobody edits or deletes it."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ActivityLog)
class ActivityLogAdmin(ReadOnlyMixin, admin.ModelAdmin):
    """The Secretariat's list of every change of state, filterable by action, kind of
    object, actor and date; ``?content_type__id__exact=…&object_id=…`` shows one object."""

    list_display = ["at", "who", "action", "object_link", "field", "before", "after", "reason"]
    list_filter = ["actor_kind", "action", "content_type", "at"]
    search_fields = ["object_repr", "reason", "actor__email", "=object_id"]
    date_hierarchy = "at"
    list_select_related = ["actor", "content_type"]
    list_per_page = 50
    show_full_result_count = False

    @admin.display(description=_("who"), ordering="actor__email")
    def who(self, entry: ActivityLog) -> str:
        return entry.who

    @admin.display(description=_("object"))
    def object_link(self, entry: ActivityLog):
        model = entry.content_type.model_class()
        if model is None:  # the model was removed since
            return entry.object_repr
        try:
            url = reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_change",
                args=[entry.object_id],
            )
        except (NoReverseMatch, AttributeError):
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', url, entry.object_repr)


class ActivityLogInline(ReadOnlyMixin, GenericTabularInline):
    """The history of one object's state, newest first, on its admin page."""

    model = ActivityLog
    ct_field = "content_type"
    ct_fk_field = "object_id"
    fields = ("at", "who", "action", "field", "before", "after", "reason")
    readonly_fields = ("at", "who", "action", "field", "before", "after", "reason")
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ["-at", "-pk"]
    verbose_name_plural = _("activity log")

    @admin.display(description=_("who"))
    def who(self, entry: ActivityLog) -> str:
        return entry.who

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


def activity_inline_attach(site: admin.AdminSite) -> None:
    """Show the activity log on the change page of every registered model with an integer
    primary key (the log's ``object_id``). Runs once the admin modules are loaded.

    The panel is added to the page as it is shown (GET), not to the form that is posted:
    it has nothing to submit, and a formset in the POST would make every existing form of
    the admin (and every script that posts to it) carry its management data.
    """
    for model, model_admin in site._registry.items():
        if model is ActivityLog or getattr(model_admin, "_activity_log_attached", False):
            continue
        if not isinstance(model._meta.pk, models.AutoField | models.BigAutoField):
            continue
        model_admin.get_inline_instances = _with_activity_log(model_admin)  # type: ignore[method-assign]
        model_admin._activity_log_attached = True  # type: ignore[attr-defined]


def _with_activity_log(model_admin: admin.ModelAdmin):
    original = model_admin.get_inline_instances

    def get_inline_instances(request, obj=None):
        inlines = original(request, obj)
        if obj is not None and request.method in ("GET", "HEAD"):
            inline = ActivityLogInline(model_admin.model, model_admin.admin_site)
            if inline.has_view_permission(request, obj):
                inlines.append(inline)
        return inlines

    return get_inline_instances
