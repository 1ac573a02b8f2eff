from django.contrib import admin

from .models import SDG, ActionLine, Edition, MatrixLink


@admin.register(ActionLine)
class ActionLineAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "number"]
    search_fields = ["code", "title"]
    ordering = ["number"]


@admin.register(SDG)
class SDGAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "colour"]
    search_fields = ["title"]


@admin.register(MatrixLink)
class MatrixLinkAdmin(admin.ModelAdmin):
    list_display = ["action_line", "sdg", "source", "is_demo"]
    list_filter = ["action_line", "sdg", "is_demo"]
    search_fields = ["rationale", "source"]
    list_select_related = ["action_line", "sdg"]
    autocomplete_fields = ["action_line", "sdg"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["year", "theme", "starts_on", "ends_on", "venue"]
    search_fields = ["theme", "venue"]
