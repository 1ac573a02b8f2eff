"""A confirmation page before any admin action that changes state.

Modelled on Django's ``delete_selected``: the first POST (from the change list) shows what the
action will change; only the second POST, with ``confirm=yes``, runs it. One click on the
wrong line of a list must never decide a Winner or publish an entry.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import admin
from django.contrib.admin import helpers
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

# The page lists this many objects by name; a larger selection is counted, not listed.
LISTED = 100

Action = Callable[[Any, HttpRequest, QuerySet], HttpResponse | None]


def confirm_first(action: Action) -> Action:
    """Wrap an admin action so it runs only after its confirmation page (``confirm=yes``)."""

    @functools.wraps(action)
    def wrapper(
        modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
    ) -> HttpResponse | None:
        if request.POST.get("confirm") == "yes":
            return action(modeladmin, request, queryset)
        # The wrapper carries the description that @admin.action put on it.
        return confirmation_page(modeladmin, request, queryset, wrapper)

    return wrapper


def _describe(obj: Any) -> str:
    status = getattr(obj, "get_status_display", None)
    return f"{obj} ({status()})" if callable(status) else str(obj)


def confirmation_page(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet, action: Action
) -> TemplateResponse:
    opts = modeladmin.model._meta
    count = queryset.count()
    listed = [_describe(obj) for obj in queryset[:LISTED]]
    select_across = request.POST.get("select_across") == "1"
    selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
    # Fields of the action form other than the action itself (the reason) are carried over,
    # shown and editable, so the second POST runs with what the person typed.
    action_form = modeladmin.action_form(auto_id=None)
    extra_fields = [
        (name, field.label, request.POST.get(name, ""))
        for name, field in action_form.fields.items()
        if name not in ("action", "select_across")
    ]
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": action.short_description,  # type: ignore[attr-defined]
        "action_name": action.__name__,
        "action_description": action.short_description,  # type: ignore[attr-defined]
        "opts": opts,
        "app_label": opts.app_label,
        "count": count,
        "listed": listed,
        "more": max(count - len(listed), 0),
        "selected": selected,
        "select_across": select_across,
        "extra_fields": extra_fields,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    request.current_app = modeladmin.admin_site.name
    return TemplateResponse(request, "admin/action_confirmation.html", context)
