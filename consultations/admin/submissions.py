"""Submission review and export."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wsis_portal.admin_confirm import confirm_first
from wsis_portal.admin_pagination import LargeTableAdmin, country_column
from wsis_portal.csv_safe import streaming_csv_response
from wsis_portal.refusals import Refusal

from .. import services
from ..admin_statistics import ConsultationStatisticsAdmin
from ..enums import SubmissionStatus
from ..models import (
    Submission,
)

SUBMISSION_CSV_HEADER = [
    "id",
    "submitted_at",
    "status",
    "address_confirmed_at",
    "full_name",
    "email",
    "organisation_name",
    "organisation_country",
    "telephone",
    "stakeholder_type",
    "input_kind",
    "event_name",
    "event_place",
    "event_date",
    "thematic_aspects",
    "format_innovations",
    "action_lines",
    "sdgs",
    "language",
]


def _submission_rows(queryset):
    for s in (
        queryset.prefetch_related("action_lines", "sdgs").order_by("pk").iterator(chunk_size=500)
    ):
        yield [
            s.pk,
            s.created_at.isoformat(),
            s.status,
            s.email_confirmed_at.isoformat() if s.email_confirmed_at else "",
            s.full_name,
            s.email,
            s.organisation_name,
            s.organisation_country.code,
            s.telephone,
            s.stakeholder_type,
            s.input_kind,
            s.event_name,
            s.event_place,
            s.event_date.isoformat() if s.event_date else "",
            s.thematic_aspects,
            s.format_innovations,
            " ".join(a.code for a in s.action_lines.all()),
            " ".join(str(g.number) for g in s.sdgs.all()),
            s.language,
        ]


class AddressConfirmedFilter(admin.SimpleListFilter):
    """Unconfirmed submissions (double opt-in pending) apart: they do not count yet."""

    title = _("address confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Confirmed (counted)")),
            ("no", _("Not confirmed (not counted)")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(email_confirmed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(email_confirmed_at__isnull=True)
        return queryset


@admin.register(Submission)
class SubmissionAdmin(LargeTableAdmin, ConsultationStatisticsAdmin, admin.ModelAdmin):
    list_display = [
        "full_name",
        "organisation_name",
        country_column("organisation_country", _("organisation country")),
        "stakeholder_type",
        "input_kind",
        "status",
        "address_confirmed",
        "consultation",
        "created_at",
    ]
    list_filter = [
        AddressConfirmedFilter,
        "consultation",
        "status",
        "input_kind",
        "stakeholder_type",
        "language",
    ]
    search_fields = ["full_name", "email", "organisation_name", "event_name"]
    list_select_related = ["consultation"]
    date_hierarchy = "created_at"
    filter_horizontal = ["action_lines", "sdgs"]
    readonly_fields = [
        "user",
        "email_confirmed_at",
        "created_at",
        "updated_at",
        "status",
        "status_changed_by",
    ]
    exclude = ["edit_token_hash"]
    actions = ["export_csv", "mark_accepted", "mark_rejected", "mark_received"]

    @admin.display(description=_("address confirmed"), boolean=True, ordering="email_confirmed_at")
    def address_confirmed(self, obj) -> bool:
        return obj.email_confirmed_at is not None

    @admin.action(description=_("Export the selected submissions as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return streaming_csv_response(
            "consultation-submissions.csv", SUBMISSION_CSV_HEADER, _submission_rows(queryset)
        )

    def _set_status(self, request, queryset, status):
        changed = 0
        for submission in queryset.exclude(status=status):
            try:
                services.submission_set_status(
                    submission=submission, status=status, by=request.user
                )
            except Refusal as refusal:
                self.message_user(request, f"{submission}: {refusal.message}", messages.ERROR)
            else:
                changed += 1
        self.message_user(
            request,
            ngettext("%d submission updated.", "%d submissions updated.", changed) % changed,
            messages.SUCCESS,
        )

    @admin.action(description=_("Accept the selected submissions"), permissions=["change"])
    @confirm_first
    def mark_accepted(self, request, queryset):
        self._set_status(request, queryset, SubmissionStatus.ACCEPTED)

    @admin.action(
        description=_("Mark the selected submissions as not retained"), permissions=["change"]
    )
    @confirm_first
    def mark_rejected(self, request, queryset):
        self._set_status(request, queryset, SubmissionStatus.REJECTED)

    @admin.action(
        description=_("Put the selected submissions back to received"), permissions=["change"]
    )
    @confirm_first
    def mark_received(self, request, queryset):
        self._set_status(request, queryset, SubmissionStatus.RECEIVED)
