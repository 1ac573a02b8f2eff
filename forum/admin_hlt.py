"""Admin actions on a Forum edition: publish or withdraw its High-Level Track facilitators."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wsis_portal.admin_confirm import confirm_first
from wsis_portal.refusals import Refusal

from .programme.hlt_publishing import hlt_facilitators_publish, hlt_facilitators_withdraw


@admin.action(
    description=_("Publish the High-Level Track facilitators (on the consultation page)"),
    permissions=["change"],
)
@confirm_first
def publish_hlt_facilitators(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> None:
    count = sum(hlt_facilitators_publish(edition=e, by=request.user) for e in queryset)
    modeladmin.message_user(
        request,
        ngettext(
            "The facilitators of %(n)s edition are published.",
            "The facilitators of %(n)s editions are published.",
            count,
        )
        % {"n": count},
        messages.SUCCESS,
    )


@admin.action(
    description=_("Take the High-Level Track facilitators back to draft (give a reason)"),
    permissions=["change"],
)
@confirm_first
def withdraw_hlt_facilitators(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> None:
    reason = request.POST.get("reason", "")
    count = 0
    for edition in queryset:
        try:
            count += hlt_facilitators_withdraw(edition=edition, by=request.user, reason=reason)
        except Refusal as refusal:
            modeladmin.message_user(request, refusal.message, messages.ERROR)
            return
    modeladmin.message_user(
        request,
        ngettext(
            "The facilitators of %(n)s edition are back to draft.",
            "The facilitators of %(n)s editions are back to draft.",
            count,
        )
        % {"n": count},
        messages.SUCCESS,
    )


@admin.display(description=_("facilitators published"), boolean=True)
def hlt_facilitators_published(edition) -> bool:
    return edition.hlt_facilitators_published_at is not None
