"""The secretariat's screens: calls, entries, the moderation queue, revision history, import."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from accounts.selectors import signed_in_user
from wsis_portal.admin_calendar import with_calendar_ends
from wsis_portal.admin_pagination import LargeTableAdmin
from wsis_portal.next_year_admin import next_year_action
from wsis_portal.publishing_admin import (
    PublishingActionForm,
    is_published,
    publish_selected,
    unpublish_selected,
)
from wsis_portal.refusals import Refusal

from . import services
from .admin_statistics import EntryStatisticsAdmin
from .enums import RevisionStatus
from .forms import DecisionForm, ImportForm
from .models import (
    Call,
    Entry,
    EntryActionLine,
    EntryRevision,
    EntrySDG,
    ModerationItem,
    ReportRelease,
)
from .next_year import call_next_year_plan, call_next_year_prepare


@admin.register(Call)
class CallAdmin(TranslationAdmin):
    list_display = [
        "__str__",
        "kind",
        "year",
        "starts_at",
        "ends_at",
        "report_year",
        is_published,
        "is_demo",
    ]
    list_filter = ["kind", "year", ("published_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["published_at"]
    action_form = PublishingActionForm
    actions = [
        publish_selected,
        unpublish_selected,
        next_year_action(
            plan=lambda c: call_next_year_plan(call=c),
            prepare=lambda c, by: call_next_year_prepare(call=c, by=by),
        ),
    ]
    ordering = ["-starts_at"]


class EntryActionLineInline(admin.TabularInline):
    model = EntryActionLine
    extra = 0
    min_num = 1


class EntrySDGInline(admin.TabularInline):
    model = EntrySDG
    extra = 0


def changes_table(revision: EntryRevision):
    if not revision.changes:
        return "—"
    return format_html(
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
        _("Field"),
        _("Before"),
        _("After"),
        format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            ((name, before, after) for name, (before, after) in sorted(revision.changes.items())),
        ),
    )


class RevisionInline(admin.TabularInline):
    """What each moderated submission or update changed, for the secretariat."""

    model = EntryRevision
    extra = 0
    can_delete = False
    fields = (
        "kind",
        "status",
        "created_at",
        "proposed_by",
        "decided_by",
        "decided_at",
        "reason",
        "what_changed",
    )
    readonly_fields = fields
    verbose_name_plural = _("revision history")

    @admin.display(description=_("What changed"))
    def what_changed(self, obj):
        return changes_table(obj)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Entry)
class EntryAdmin(LargeTableAdmin, EntryStatisticsAdmin, admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "country_name",
        "region",
        "status",
        "is_success_story",
        "published_at",
    ]
    # Django's hierarchy would read the distinct days of every entry on each load (0.7 s of
    # queries at 100,000 entries); its periods come from the first and last date instead.
    date_hierarchy = "created_at"
    list_filter = [
        "status",
        "region",
        "stakeholder_type",
        "is_success_story",
        "is_demo",
        "call",
    ]
    search_fields = ["title", "organisation"]
    # Status changes go through the moderation actions (allowed moves, reason, email).
    readonly_fields = [
        "status",
        "region",
        "created_at",
        "updated_at",
        "submitted_at",
        "published_at",
    ]
    raw_id_fields = ["submitter"]
    exclude = ["search_vector"]
    inlines = [EntryActionLineInline, EntrySDGInline, RevisionInline]
    list_select_related = ["call"]
    change_list_template = "stocktaking/admin/entry_change_list.html"

    def get_queryset(self, request):
        return with_calendar_ends(super().get_queryset(request).defer("search_vector"))

    # The country's name from its code: the admin's default display of a CountryField rebuilds
    # the choice list of every country for each row (4 s for a page of 100 under load).
    @admin.display(description=Entry._meta.get_field("country").verbose_name, ordering="country")
    def country_name(self, obj: Entry) -> str:
        return obj.country.name

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "website":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        obj.sync_region()
        super().save_model(request, obj, form, change)

    def get_urls(self):
        return [
            path(
                "import-csv/",
                self.admin_site.admin_view(self.import_csv),
                name="stocktaking_entry_import",
            ),
            *super().get_urls(),
        ]

    def import_csv(self, request: HttpRequest) -> HttpResponse:
        """Import legacy entries; every bad row is listed and nothing is imported then."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        errors: list[tuple[int, str]] = []
        if request.method == "POST" and form.is_valid():
            result = services.entries_import(
                file=form.cleaned_data["file"].file, by=signed_in_user(request)
            )
            if not result.errors:
                self.message_user(
                    request,
                    ngettext("%d entry imported.", "%d entries imported.", result.created)
                    % result.created,
                    messages.SUCCESS,
                )
                return redirect("admin:stocktaking_entry_changelist")
            errors = result.errors
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import legacy entries from CSV"),
            "form": form,
            "errors": errors,
            "columns": services.IMPORT_COLUMNS,
        }
        return TemplateResponse(request, "stocktaking/admin/import.html", context)


def _decide(modeladmin, request: HttpRequest, queryset: QuerySet, publish: bool):
    """Ask for a reason on an intermediate page, then decide each selected item."""
    form = DecisionForm(
        request.POST if "apply" in request.POST else None, reason_required=not publish
    )
    if "apply" in request.POST and form.is_valid():
        done, failed = 0, []
        for revision in queryset:
            try:
                if publish:
                    services.revision_publish(
                        revision=revision,
                        by=signed_in_user(request),
                        reason=form.cleaned_data["reason"],
                    )
                else:
                    services.revision_reject(
                        revision=revision,
                        by=signed_in_user(request),
                        reason=form.cleaned_data["reason"],
                    )
                done += 1
            except Refusal as refusal:
                failed.append(f"{revision.entry}: {refusal.message}")
            except ValidationError as error:
                failed.append(f"{revision.entry}: {' '.join(error.messages)}")
        if publish:
            message = ngettext("%d item published.", "%d items published.", done) % done
        else:
            message = ngettext("%d item rejected.", "%d items rejected.", done) % done
        modeladmin.message_user(request, message, messages.SUCCESS)
        for problem in failed:
            modeladmin.message_user(request, problem, messages.ERROR)
        return None
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": _("Publish the selected items") if publish else _("Reject the selected items"),
        "form": form,
        "items": queryset.select_related("entry"),
        "action": "publish_selected" if publish else "reject_selected",
        "publish": publish,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "stocktaking/admin/decision.html", context)


@admin.register(ModerationItem)
class ModerationQueueAdmin(admin.ModelAdmin):
    """Submitted entries and proposed updates waiting for the secretariat, oldest first."""

    list_display = ["entry_title", "kind", "proposed_by", "created_at", "what_changed"]
    list_filter = ["kind"]
    ordering = ["created_at", "id"]
    list_select_related = ["entry", "proposed_by"]
    actions = ["publish_selected", "reject_selected"]
    readonly_fields = (
        "entry",
        "kind",
        "proposed_by",
        "created_at",
        "what_changed",
        "proposed_values",
    )
    fields = readonly_fields

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=RevisionStatus.PENDING)

    @admin.display(description=_("Entry"), ordering="entry__title")
    def entry_title(self, obj):
        url = reverse("admin:stocktaking_entry_change", args=[obj.entry_id])
        return format_html('<a href="{}">{}</a>', url, obj.entry.title)

    @admin.display(description=_("What changed"))
    def what_changed(self, obj):
        return changes_table(obj) if obj.kind == "update" else _("New entry")

    @admin.display(description=_("Proposed values"))
    def proposed_values(self, obj):
        return format_html_join("", "<p><strong>{}</strong>: {}</p>", sorted(obj.data.items()))

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish_selected(self, request, queryset):
        return _decide(self, request, queryset, publish=True)

    @admin.action(
        description=_("Reject the selected items (with a reason)"), permissions=["change"]
    )
    def reject_selected(self, request, queryset):
        return _decide(self, request, queryset, publish=False)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EntryRevision)
class EntryRevisionAdmin(admin.ModelAdmin):
    """Every submission and update with its decision: the history of the database."""

    list_display = ["entry", "kind", "status", "created_at", "decided_by", "decided_at"]
    list_filter = ["status", "kind"]
    date_hierarchy = "created_at"
    search_fields = ["entry__title"]
    list_select_related = ["entry", "decided_by"]
    readonly_fields = (
        "entry",
        "kind",
        "status",
        "proposed_by",
        "created_at",
        "decided_by",
        "decided_at",
        "reason",
        "notified_at",
        "what_changed",
    )
    fields = readonly_fields

    @admin.display(description=_("What changed"))
    def what_changed(self, obj):
        return changes_table(obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReportRelease)
class ReportReleaseAdmin(admin.ModelAdmin):
    """When and at which Forum edition each yearly report is launched."""

    list_display = ["report_year", "edition", "released_on", "is_demo"]
    list_select_related = ["edition"]
    list_filter = ["is_demo"]
