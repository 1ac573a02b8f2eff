"""The Secretariat keeps the Action Line facilitation roles and the documents that state them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext as _

from .base.agency_keys import agency_key
from .models import ActionLineFacilitator, FacilitationSource

# URLs typed without a scheme are taken as https (Django 6 default, silences its warning).
HTTPS_URLS: dict[Any, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class FacilitatorRowsFormSet(BaseInlineFormSet):
    """The rows of one source: two new rows for one agency in one Action Line ("UN DESA" and
    "UNDESA") are refused here, since the database's constraint only sees rows already saved
    and would otherwise answer the second with a server error."""

    def clean(self) -> None:
        super().clean()
        seen: set[tuple[int, str]] = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("action_line"):
                continue
            key = (data["action_line"].pk, agency_key(data.get("agency") or ""))
            if key in seen:
                form.add_error(
                    "agency",
                    _(
                        "This agency already has a row for this Action Line above, perhaps "
                        "spelt otherwise (spaces, hyphens, full stops and capitals do not count)."
                    ),
                )
            seen.add(key)


class ActionLineFacilitatorInline(admin.TabularInline):
    model = ActionLineFacilitator
    formset = FacilitatorRowsFormSet
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
