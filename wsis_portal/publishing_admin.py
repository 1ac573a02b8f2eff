"""The admin side of drafts: "Publish" and "Back to draft" (each with its confirmation
page), the reason field they share, and a column."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin_confirm import confirm_first
from .publishing import Publishable, publish, unpublish
from .refusals import Refusal


class PublishingActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason (required to take back to draft)"),
        required=False,
        max_length=1000,
    )


@admin.action(description=_("Publish the selected drafts"), permissions=["change"])
@confirm_first
def publish_selected(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet):
    count = publish(queryset=queryset, by=request.user)
    modeladmin.message_user(
        request,
        ngettext("%(n)s draft published.", "%(n)s drafts published.", count) % {"n": count},
        messages.SUCCESS,
    )


@admin.action(
    description=_("Take the selected back to draft (give a reason)"), permissions=["change"]
)
@confirm_first
def unpublish_selected(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet):
    try:
        with transaction.atomic():
            count = unpublish(
                queryset=queryset, by=request.user, reason=request.POST.get("reason", "")
            )
    except Refusal as refusal:
        modeladmin.message_user(request, refusal.message, messages.ERROR)
        return
    modeladmin.message_user(
        request,
        ngettext(
            "%(n)s taken back to draft: the public no longer sees it.",
            "%(n)s taken back to draft: the public no longer sees them.",
            count,
        )
        % {"n": count},
        messages.SUCCESS,
    )


@admin.display(description=_("published"), boolean=True, ordering="published_at")
def is_published(obj: Publishable) -> bool:
    return obj.published_at is not None
