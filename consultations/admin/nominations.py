"""High-Level Track facilitator nominations and their export."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from wsis_portal.admin_pagination import LargeTableAdmin
from wsis_portal.csv_safe import streaming_csv_response

from ..models import (
    Nomination,
)

NOMINATION_CSV_HEADER = [
    "id",
    "nominated_at",
    "nominee",
    "nominee_email",
    "organisation",
    "stakeholder_group",
    "justification",
    "nominated_by",
]


@admin.register(Nomination)
class NominationAdmin(LargeTableAdmin, admin.ModelAdmin):
    list_display = [
        "nominee_name",
        "organisation",
        "stakeholder_group",
        "consultation",
        "created_at",
    ]
    list_filter = ["consultation", "stakeholder_group"]
    date_hierarchy = "created_at"
    search_fields = ["nominee_name", "organisation"]
    list_select_related = ["consultation"]
    readonly_fields = ["nominated_by", "created_at"]
    actions = ["export_csv"]

    @admin.action(description=_("Export the selected nominations as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        rows = (
            [
                n.pk,
                n.created_at.isoformat(),
                n.nominee_name,
                n.nominee_email,
                n.organisation,
                n.stakeholder_group,
                n.justification,
                n.nominated_by.email if n.nominated_by else "",
            ]
            for n in queryset.select_related("nominated_by").order_by("pk")
        )
        return streaming_csv_response("hlt-nominations.csv", NOMINATION_CSV_HEADER, rows)
