from typing import Any

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from wsis_portal.admin_pagination import LargeTableAdmin

from .models import Agency, ChairTerm, FocalPoint, Initiative, Meeting

# URLs typed without a scheme are taken as https (Django 6 default, silences its warning).
HTTPS_URLS: dict[Any, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class FocalPointInline(admin.TabularInline):
    formfield_overrides = HTTPS_URLS
    model = FocalPoint
    extra = 1
    raw_id_fields = ["user"]


@admin.register(Agency)
class AgencyAdmin(LargeTableAdmin, TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["acronym", "name", "is_member", "website", "updated_at", "updated_by"]
    readonly_fields = ["updated_at", "updated_by"]
    list_filter = ["is_member"]
    search_fields = ["acronym", "name"]
    inlines = [FocalPointInline]


@admin.register(ChairTerm)
class ChairTermAdmin(LargeTableAdmin, admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["year", "role", "agency", "source"]
    list_filter = ["role", "year"]
    search_fields = ["agency__acronym", "source"]
    list_select_related = ["agency"]


@admin.register(Initiative)
class InitiativeAdmin(LargeTableAdmin, TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "slug"]
    filter_horizontal = ["lead_agencies"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Meeting)
class MeetingAdmin(LargeTableAdmin, admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["date", "venue"]
    date_hierarchy = "date"


@admin.register(FocalPoint)
class FocalPointAdmin(LargeTableAdmin, admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["user", "agency"]
    list_select_related = ["user", "agency"]
    raw_id_fields = ["user"]
    search_fields = ["user__email", "agency__acronym"]
