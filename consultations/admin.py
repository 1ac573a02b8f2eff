"""The secretariat's screens: phases, submission review and export, moderation, nominations."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from wsis_portal.admin_confirm import confirm_first
from wsis_portal.csv_safe import streaming_csv_response
from wsis_portal.next_year_admin import next_year_action
from wsis_portal.presets import preset_year
from wsis_portal.publishing_admin import (
    PublishingActionForm,
    is_published,
    publish_selected,
    unpublish_selected,
)
from wsis_portal.refusals import Refusal

from . import services
from .admin_statistics import ConsultationStatisticsAdmin
from .enums import DiscussionStatus, SubmissionStatus
from .forms import ModerationReasonForm
from .models import (
    Comment,
    CommentFlag,
    Consultation,
    ConsultationPhase,
    Discussion,
    Nomination,
    Submission,
    Subscription,
)
from .next_year import consultation_next_year_plan, consultation_next_year_prepare
from .presets import consultation_phase_presets


class PhaseForm(forms.ModelForm):
    remote_participation_url = forms.URLField(
        label=_("remote-participation link"), required=False, assume_scheme="https"
    )

    class Meta:
        model = ConsultationPhase
        fields = [
            "number",
            "kind",
            "name",
            "starts_at",
            "ends_at",
            "venue",
            "remote_participation_url",
            "agenda",
            "minutes",
        ]


class PhaseInline(TranslationStackedInline):
    model = ConsultationPhase
    form = PhaseForm
    extra = 0
    max_num = 6

    def get_extra(self, request, obj=None, **kwargs):
        # A new consultation starts with its six phases (ConsultationAdmin.get_formset_kwargs).
        return 6 if obj is None else 0

    fields = [
        ("number", "kind", "name"),
        ("starts_at", "ends_at"),
        ("venue", "remote_participation_url"),
        "agenda",
        "minutes",
        "reminder_sent_at",
    ]
    readonly_fields = ["reminder_sent_at"]


@admin.register(Consultation)
class ConsultationAdmin(TranslationAdmin):
    list_display = ["title", "edition", "slug", "nominations_deadline", is_published]
    list_filter = [("published_at", admin.EmptyFieldListFilter)]
    list_select_related = ["edition"]

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, PhaseInline) and obj.pk is None and request.method == "GET":
            # Only on the blank add page: a posted form is compared with no initial values,
            # so rows kept as offered are saved like typed ones.
            kwargs["initial"] = consultation_phase_presets(preset_year(request))
        return kwargs

    readonly_fields = ["published_at"]
    action_form = PublishingActionForm
    actions = [
        publish_selected,
        unpublish_selected,
        next_year_action(
            plan=lambda c: consultation_next_year_plan(consultation=c),
            prepare=lambda c, by: consultation_next_year_prepare(consultation=c, by=by),
        ),
    ]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title"]
    inlines = [PhaseInline]


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
class SubmissionAdmin(ConsultationStatisticsAdmin, admin.ModelAdmin):
    list_display = [
        "full_name",
        "organisation_name",
        "organisation_country",
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


@admin.register(Discussion)
class DiscussionAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "language", "status", "created_at"]
    list_filter = ["consultation", "status", "language"]
    search_fields = ["title", "body"]
    list_select_related = ["consultation"]
    exclude = ["created_by"]
    # A discussion opens and closes through its transition function (the actions below),
    # so that each change has its activity-log row.
    readonly_fields = ["status"]
    actions = ["close_discussions", "open_discussions"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def _set_status(self, request, queryset, to: str) -> None:
        changed = sum(
            services.discussion_status_change(discussion=d, to=to, by=request.user)
            for d in queryset
        )
        self.message_user(
            request,
            ngettext("%d discussion updated.", "%d discussions updated.", changed) % changed,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Close the selected discussions to new comments"), permissions=["change"]
    )
    def close_discussions(self, request, queryset):
        self._set_status(request, queryset, DiscussionStatus.CLOSED)

    @admin.action(
        description=_("Open the selected discussions to new comments"), permissions=["change"]
    )
    def open_discussions(self, request, queryset):
        self._set_status(request, queryset, DiscussionStatus.OPEN)


class FlagInline(admin.TabularInline):
    model = CommentFlag
    extra = 0
    can_delete = False
    readonly_fields = ["user", "reason", "created_at"]

    def has_add_permission(self, request, obj=None):
        return False


def _moderation_action(modeladmin, request, queryset, *, hide: bool):
    """An admin action with an intermediate page asking for the reason."""
    form = ModerationReasonForm(request.POST if "apply" in request.POST else None)
    if "apply" in request.POST and form.is_valid():
        done = 0
        action = services.comment_hide if hide else services.comment_unhide
        for comment in queryset:
            try:
                done += action(comment=comment, by=request.user, reason=form.cleaned_data["reason"])
            except Refusal as refusal:
                modeladmin.message_user(request, refusal.message, messages.ERROR)
                return None
        modeladmin.message_user(
            request,
            ngettext("%d comment updated.", "%d comments updated.", done) % done,
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "consultations/admin/moderate.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Hide comments") if hide else _("Show comments again"),
            "comments": queryset.select_related("author"),
            "form": form,
            "action": "hide_comments" if hide else "unhide_comments",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "opts": modeladmin.model._meta,
        },
    )


class FlaggedFilter(admin.SimpleListFilter):
    title = _("flagged")
    parameter_name = "flagged"

    def lookups(self, request, model_admin):
        return [("yes", _("Flagged by users")), ("no", _("Not flagged"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(flag_count__gt=0)
        if self.value() == "no":
            return queryset.filter(flag_count=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = [
        "short_body",
        "author",
        "discussion",
        "created_at",
        "flag_count",
        "is_hidden",
        "moderation_reason",
    ]
    list_filter = [FlaggedFilter, "is_hidden", "discussion__consultation", "language"]
    date_hierarchy = "created_at"
    search_fields = ["body", "author__email"]
    list_select_related = ["author", "discussion"]
    ordering = ["-flag_count", "-created_at"]
    readonly_fields = [
        "discussion",
        "author",
        "parent",
        "body",
        "body_format",
        "language",
        "created_at",
        "is_hidden",
        "moderation_reason",
        "moderated_by",
        "moderated_at",
        "flag_count",
    ]
    inlines = [FlagInline]
    actions = ["hide_comments", "unhide_comments"]

    def has_add_permission(self, request):
        return False

    def has_moderate_permission(self, request) -> bool:
        # The change form is read-only; hiding or showing a comment is the change it allows.
        return request.user.has_perm("consultations.change_comment")

    @admin.display(description=_("comment"))
    def short_body(self, obj):
        return obj.body[:80]

    @admin.action(
        description=_("Hide the selected comments (with a reason)"), permissions=["moderate"]
    )
    def hide_comments(self, request, queryset):
        return _moderation_action(self, request, queryset, hide=True)

    @admin.action(
        description=_("Show the selected comments again (with a reason)"), permissions=["moderate"]
    )
    def unhide_comments(self, request, queryset):
        return _moderation_action(self, request, queryset, hide=False)


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["user", "consultation", "discussion", "created_at"]
    list_select_related = ["user", "consultation", "discussion"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    # Discussions grow with every consultation: typed, never a select of all of them.
    autocomplete_fields = ["discussion"]
    date_hierarchy = "created_at"


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
class NominationAdmin(admin.ModelAdmin):
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
