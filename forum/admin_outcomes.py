"""The Secretariat's screens for outcome reporting: deadlines, session owners, reports."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wsis_portal.admin_rows import QuickRowsAdmin
from wsis_portal.refusals import Refusal

from .models import OutcomeCall, OutcomeReport, SessionOwner
from .outcomes.services import outcome_document_generate

HTTPS_URLS: dict[Any, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


@admin.register(OutcomeCall)
class OutcomeCallAdmin(admin.ModelAdmin):
    list_display = ["edition", "reminder_at", "due_at"]
    list_select_related = ["edition"]
    actions = ["generate_outcome_document"]

    @admin.action(
        description=_("Generate the Outcome Document of the selected editions from their reports"),
        permissions=["change"],
    )
    def generate_outcome_document(self, request: HttpRequest, queryset: QuerySet) -> None:
        for call in queryset.select_related("edition"):
            try:
                document = outcome_document_generate(edition=call.edition, actor=request.user)
            except Refusal as refusal:
                self.message_user(request, f"{call.edition}: {refusal.message}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("%(edition)s: the Outcome Document is published at %(url)s")
                    % {"edition": call.edition, "url": document.url},
                    messages.SUCCESS,
                )


@admin.register(SessionOwner)
class SessionOwnerAdmin(admin.ModelAdmin):
    list_display = ["session", "user"]
    list_select_related = ["session__edition", "user"]
    list_filter = ["session__edition"]
    search_fields = ["session__title", "user__email"]
    raw_id_fields = ["session", "user"]


@admin.register(OutcomeReport)
class OutcomeReportAdmin(QuickRowsAdmin, admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["session", "submitted_by", "submitted_at", "updated_at"]
    list_select_related = ["session__edition", "submitted_by"]
    list_filter = ["session__edition", "action_lines"]
    search_fields = ["session__title", "key_messages", "recommendations"]
    raw_id_fields = ["session", "submitted_by"]
    filter_horizontal = ["action_lines", "sdgs"]
    readonly_fields = ["submitted_at", "updated_at"]
