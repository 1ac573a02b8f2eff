from typing import Any

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin
from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.utils import build_localized_fieldname

from wsis_portal.admin_pagination import LargeTableAdmin, country_column
from wsis_portal.admin_rows import QuickRowsAdmin
from wsis_portal.csv_safe import streaming_csv_response
from wsis_portal.next_year_admin import next_year_action
from wsis_portal.publishing_admin import (
    PublishingActionForm,
    is_published,
    publish_selected,
    unpublish_selected,
)
from wsis_portal.refusals import Refusal

from .admin_hlt import (
    hlt_facilitators_published,
    publish_hlt_facilitators,
    withdraw_hlt_facilitators,
)
from .admin_statistics import RegistrationStatisticsAdmin
from .models import (
    SDG,
    ActionLine,
    BuildingBlock,
    Edition,
    Event,
    EventPerson,
    HighLevelTheme,
    MatrixLink,
    NewsItem,
    OutcomeDocument,
    Partner,
    Person,
    PublishedFigure,
    Registration,
    Session,
    SessionPerson,
    SessionRegistration,
)
from .next_year import edition_next_year_plan, edition_next_year_prepare
from .programme.selectors import registrations_for_export
from .programme.services import registration_cancel

# URLs typed without a scheme are taken as https (Django 6 default, silences its warning).
HTTPS_URLS: dict[Any, dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ActionLine)
class ActionLineAdmin(TranslationAdmin):
    list_display = ["code", "title", "number"]
    search_fields = ["code", "title"]
    ordering = ["number"]


@admin.register(SDG)
class SDGAdmin(TranslationAdmin):
    list_display = ["number", "title", "colour"]
    search_fields = ["title"]


@admin.register(MatrixLink)
class MatrixLinkAdmin(admin.ModelAdmin):
    list_display = ["action_line", "sdg", "evidence", "source", "is_demo"]
    list_filter = ["evidence", "action_line", "sdg", "is_demo"]
    search_fields = ["rationale", "source"]
    list_select_related = ["action_line", "sdg"]
    autocomplete_fields = ["action_line", "sdg"]


REGISTRATION_CSV_HEADER = [
    "edition",
    "email",
    "full name",
    "organisation",
    "stakeholder type",
    "country",
    "participation",
    "status",
    "registered at (UTC)",
]


def registration_csv(queryset, filename: str):
    """Stream registrations as CSV with formula-escaped cells (wsis_portal.csv_safe)."""

    def rows():
        for r in registrations_for_export(queryset=queryset):
            profile = getattr(r.user, "profile", None)
            yield [
                r.edition.year,
                r.user.email,
                profile.full_name if profile else "",
                profile.organisation_name if profile else "",
                r.get_stakeholder_type_display(),
                r.country.code,
                r.get_mode_display(),
                r.get_status_display(),
                r.created_at.strftime("%Y-%m-%d %H:%M:%S"),
            ]

    return streaming_csv_response(filename, REGISTRATION_CSV_HEADER, rows())


class OutcomeDocumentInline(admin.TabularInline):
    formfield_overrides = HTTPS_URLS
    model = OutcomeDocument
    extra = 0


class HighLevelThemeInline(admin.TabularInline):
    model = HighLevelTheme
    extra = 0
    fields = ["order", "title", "description"]


class PublishedFigureInline(admin.TabularInline):
    """Figures the edition's documents state, each with its source, shown beside computed ones."""

    formfield_overrides = HTTPS_URLS
    model = PublishedFigure
    extra = 0


@admin.register(Edition)
class EditionAdmin(TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = [
        "year",
        "theme",
        "starts_on",
        "ends_on",
        "venue",
        "in_person_capacity",
        "registration_opens_at",
        "registration_closes_at",
        is_published,
        hlt_facilitators_published,
    ]
    list_filter = [("published_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["published_at", "hlt_facilitators_published_at"]
    search_fields = ["theme", "venue"]
    inlines = [OutcomeDocumentInline, HighLevelThemeInline, PublishedFigureInline]
    action_form = PublishingActionForm
    actions = [
        "export_registrations",
        publish_selected,
        unpublish_selected,
        next_year_action(
            plan=lambda e: edition_next_year_plan(edition=e),
            prepare=lambda e, by: edition_next_year_prepare(edition=e, by=by),
        ),
        publish_hlt_facilitators,
        withdraw_hlt_facilitators,
    ]

    @admin.action(
        description=_("Export the registrations of the selected editions (CSV)"),
        permissions=["view"],
    )
    def export_registrations(self, request, queryset):
        return registration_csv(
            Registration.objects.filter(edition__in=queryset), "wsis-forum-registrations.csv"
        )


@admin.register(BuildingBlock)
class BuildingBlockAdmin(QuickRowsAdmin, TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class SessionPersonInline(admin.TabularInline):
    formfield_overrides = HTTPS_URLS
    model = SessionPerson
    extra = 1
    autocomplete_fields = ["person"]


class SessionRegistrationInline(admin.TabularInline):
    """Who registered for an online-only session: read here, made by participants on the site."""

    model = SessionRegistration
    extra = 0
    fields = ["user", "created_at"]
    readonly_fields = ["user", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Session)
class SessionAdmin(QuickRowsAdmin, TranslationAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = [
        "title",
        "edition",
        "session_type",
        "building_block",
        "starts_at",
        "format",
        "room",
    ]
    list_filter = ["edition", "session_type", "building_block", "format"]
    search_fields = ["title", "description", "organisers"]
    list_select_related = ["edition", "building_block"]
    # The description in each language: long, and no cell of the list shows it.
    list_deferred = (
        "description",
        *(build_localized_fieldname("description", code) for code in AVAILABLE_LANGUAGES),
    )
    autocomplete_fields = ["action_lines", "sdgs"]
    date_hierarchy = "starts_at"
    inlines = [SessionPersonInline, SessionRegistrationInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["name", "honorific", "position", "organisation"]
    search_fields = ["name", "organisation"]


@admin.register(Registration)
class RegistrationAdmin(LargeTableAdmin, RegistrationStatisticsAdmin, admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = [
        "user",
        "edition",
        "mode",
        "stakeholder_type",
        country_column("country", _("country")),
        "status",
        "created_at",
    ]
    list_filter = ["edition", "mode", "status", "stakeholder_type"]
    date_hierarchy = "created_at"
    search_fields = ["user__email", "user__profile__full_name"]
    list_select_related = ["user", "edition"]
    raw_id_fields = ["user"]
    # The status changes through registration_cancel (an action), never by hand.
    readonly_fields = ["status", "created_at", "confirmation_sent_at"]
    actions = ["export_csv", "cancel_registrations"]

    @admin.action(description=_("Export the selected registrations (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        return registration_csv(queryset, "wsis-forum-registrations.csv")

    @admin.action(description=_("Cancel the selected registrations"), permissions=["change"])
    def cancel_registrations(self, request, queryset):
        done = 0
        for registration in queryset.select_related("edition", "user"):
            try:
                registration_cancel(registration=registration, by=request.user)
            except Refusal as refusal:
                self.message_user(request, f"{registration}: {refusal.message}", messages.ERROR)
            else:
                done += 1
        self.message_user(
            request,
            ngettext("%d registration handled.", "%d registrations handled.", done) % done,
            messages.SUCCESS,
        )


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["organisation", "edition", "tier", "order"]
    list_filter = ["edition", "tier"]
    search_fields = ["organisation"]


@admin.register(NewsItem)
class NewsItemAdmin(TranslationAdmin):
    list_display = ["title", "published_at", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["title", "summary"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}


class EventPersonInline(admin.TabularInline):
    model = EventPerson
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = ["title", "kind", "starts_on", "place", "region", "feeds_edition", "is_demo"]
    list_filter = ["kind", "region", "feeds_edition", "is_demo"]
    search_fields = ["title", "organisers", "place"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["action_lines", "sdgs"]
    inlines = [EventPersonInline]


# The outcome reporting, facilitation and programme pipeline screens live in their own modules.
from . import admin_facilitation, admin_outcomes  # noqa: E402, F401
from .proposals import admin as proposals_admin  # noqa: E402, F401
