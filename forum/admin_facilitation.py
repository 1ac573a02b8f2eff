"""The Secretariat keeps the Action Line facilitation roles and the documents that state them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models

from .models import ActionLineFacilitator, FacilitationSource

# URLs typed without a scheme are taken as https (Django 6 default, silences its warning).
HTTPS_URLS: dict[Any, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class ActionLineFacilitatorInline(admin.TabularInline):
    model = ActionLineFacilitator
    extra = 0
    fields = ["action_line", "agency", "agency_name", "role", "locator"]
    autocomplete_fields = ["action_line"]


@admin.register(FacilitationSource)
class FacilitationSourceAdmin(admin.ModelAdmin):
    list_display = ["title", "symbol", "publisher", "issued_on"]
    search_fields = ["title", "symbol", "publisher"]
    formfield_overrides = HTTPS_URLS
    inlines = [ActionLineFacilitatorInline]


@admin.register(ActionLineFacilitator)
class ActionLineFacilitatorAdmin(admin.ModelAdmin):
    list_display = ["action_line", "agency", "role", "source", "locator"]
    list_filter = ["role", "action_line", "agency"]
    search_fields = ["agency", "agency_name", "source__title", "source__symbol"]
    list_select_related = ["action_line", "source"]
    autocomplete_fields = ["action_line", "source"]
