"""Discussions, comment moderation and subscriptions."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wsis_portal.admin_pagination import LargeTableAdmin
from wsis_portal.refusals import Refusal

from .. import services
from ..enums import DiscussionStatus
from ..forms import ModerationReasonForm
from ..models import (
    Comment,
    CommentFlag,
    Discussion,
    Subscription,
)


@admin.register(Discussion)
class DiscussionAdmin(LargeTableAdmin, admin.ModelAdmin):
    list_display = ["title", "consultation", "language", "status", "created_at"]
    list_filter = ["consultation", "status", "language"]
    search_fields = ["title", "body"]
    list_select_related = ["consultation"]
    exclude = ["created_by"]
    # A discussion opens and closes through its transition function (the actions below),
    # so that each change has its activity-log row.
    readonly_fields = ["status"]
    actions = ["close_discussions", "open_discussions"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def _set_status(self, request, queryset, to: str) -> None:
        changed = sum(
            services.discussion_status_change(discussion=d, to=to, by=request.user)
            for d in queryset
        )
        self.message_user(
            request,
            ngettext("%d discussion updated.", "%d discussions updated.", changed) % changed,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Close the selected discussions to new comments"), permissions=["change"]
    )
    def close_discussions(self, request, queryset):
        self._set_status(request, queryset, DiscussionStatus.CLOSED)

    @admin.action(
        description=_("Open the selected discussions to new comments"), permissions=["change"]
    )
    def open_discussions(self, request, queryset):
        self._set_status(request, queryset, DiscussionStatus.OPEN)


class FlagInline(admin.TabularInline):
    model = CommentFlag
    extra = 0
    can_delete = False
    readonly_fields = ["user", "reason", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


def _moderation_action(modeladmin, request, queryset, *, hide: bool):
    """An admin action with an intermediate page asking for the reason."""
    form = ModerationReasonForm(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid():
        done = 0
        action = services.comment_hide if hide else services.comment_unhide
        for comment in queryset:
            try:
                done += action(comment=comment, by=request.user, reason=form.cleaned_data["reason"])
            except Refusal as refusal:
                modeladmin.message_user(request, refusal.message, messages.ERROR)
                return None
        modeladmin.message_user(
            request,
            ngettext("%d comment updated.", "%d comments updated.", done) % done,
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "consultations/admin/moderate.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Hide comments") if hide else _("Show comments again"),
            "comments": queryset.select_related("author"),
            "form": form,
            "action": "hide_comments" if hide else "unhide_comments",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "opts": modeladmin.model._meta,
        },
    )


class FlaggedFilter(admin.SimpleListFilter):
    title = _("flagged")
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return [("yes", _("Flagged by users")), ("no", _("Not flagged"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(flag_count__gt=0)
        if self.value() == "no":
            return queryset.filter(flag_count=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(LargeTableAdmin, admin.ModelAdmin):
    list_display = [
        "short_body",
        "author",
        "discussion",
        "created_at",
        "flag_count",
        "is_hidden",
        "moderation_reason",
    ]
    list_filter = [FlaggedFilter, "is_hidden", "discussion__consultation", "language"]
    date_hierarchy = "created_at"
    search_fields = ["body", "author__email"]
    list_select_related = ["author", "discussion"]
    ordering = ["-flag_count", "-created_at"]
    readonly_fields = [
        "discussion",
        "author",
        "parent",
        "body",
        "body_format",
        "language",
        "created_at",
        "is_hidden",
        "moderation_reason",
        "moderated_by",
        "moderated_at",
        "flag_count",
    ]
    inlines = [FlagInline]
    actions = ["hide_comments", "unhide_comments"]

    def has_add_permission(self, request):
        return False

    def has_moderate_permission(self, request) -> bool:
        # The change form is read-only; hiding or showing a comment is the change it allows.
        return request.user.has_perm("consultations.change_comment")

    @admin.display(description=_("comment"))
    def short_body(self, obj):
        return obj.body[:80]

    @admin.action(
        description=_("Hide the selected comments (with a reason)"), permissions=["moderate"]
    )
    def hide_comments(self, request, queryset):
        return _moderation_action(self, request, queryset, hide=True)

    @admin.action(
        description=_("Show the selected comments again (with a reason)"), permissions=["moderate"]
    )
    def unhide_comments(self, request, queryset):
        return _moderation_action(self, request, queryset, hide=False)


@admin.register(Subscription)
class SubscriptionAdmin(LargeTableAdmin, admin.ModelAdmin):
    list_display = ["user", "consultation", "discussion", "created_at"]
    list_select_related = ["user", "consultation", "discussion"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    # Discussions grow with every consultation: typed, never a select of all of them.
    autocomplete_fields = ["discussion"]
    date_hierarchy = "created_at"
