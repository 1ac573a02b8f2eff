"""The admin action "Prepare next year" (issue 14, item 2), shared by the four kinds.

The first POST (from the change list) shows, for each selected object, what would be
created: every date this year beside its date next year, what is copied, and why it cannot
be made when it cannot. Only the second POST (``confirm=yes``) creates the copies, each in
its own transaction through its app's service.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .next_year import NextYearPlan
from .refusals import Refusal

# One plan a year is the usual case; a long selection is most likely a mistake.
MAX_SELECTED = 10


def next_year_action(
    *,
    plan: Callable[[Any], NextYearPlan],
    prepare: Callable[[Any, Any], Model],
) -> Callable[[admin.ModelAdmin, HttpRequest, QuerySet], HttpResponse | None]:
    """An admin action that previews ``plan(obj)`` and, once confirmed, runs
    ``prepare(obj, user)`` for each selected object."""

    @admin.action(
        description=_("Prepare next year's copy (as a draft)"), permissions=["add", "change"]
    )
    def prepare_next_year(
        modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
    ) -> HttpResponse | None:
        objects = list(queryset[: MAX_SELECTED + 1])
        if len(objects) > MAX_SELECTED:
            modeladmin.message_user(
                request,
                _("Select at most %(n)s rows to prepare next year.") % {"n": MAX_SELECTED},
                messages.ERROR,
            )
            return None
        if request.POST.get("confirm") != "yes":
            return _confirmation_page(modeladmin, request, [plan(obj) for obj in objects])
        for obj in objects:
            try:
                copy = prepare(obj, request.user)
            except Refusal as refusal:
                modeladmin.message_user(request, f"{obj}: {refusal.message}", messages.ERROR)
                continue
            opts = copy._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[copy.pk])
            modeladmin.message_user(
                request,
                format_html(
                    gettext(
                        '{new} is prepared as a draft: <a href="{url}">check it</a>, then publish it.'
                    ),
                    new=str(copy),
                    url=url,
                ),
                messages.SUCCESS,
            )
        return None

    return prepare_next_year


def _confirmation_page(
    modeladmin: admin.ModelAdmin, request: HttpRequest, plans: list[NextYearPlan]
) -> TemplateResponse:
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": _("Prepare next year: check the new dates"),
        "opts": opts,
        "app_label": opts.app_label,
        "plans": plans,
        "any_possible": any(p.can_prepare for p in plans),
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across") == "1",
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/next_year_confirmation.html", context)
