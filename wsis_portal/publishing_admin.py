"""The admin side of drafts: the "Publish" action (with its confirmation page) and a column."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin_confirm import confirm_first
from .publishing import Publishable, publish


@admin.action(description=_("Publish the selected drafts"), permissions=["change"])
@confirm_first
def publish_selected(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet):
    count = publish(queryset=queryset, by=request.user)
    modeladmin.message_user(
        request,
        ngettext("%(n)s draft published.", "%(n)s drafts published.", count) % {"n": count},
        messages.SUCCESS,
    )


@admin.display(description=_("published"), boolean=True, ordering="published_at")
def is_published(obj: Publishable) -> bool:
    return obj.published_at is not None
