"""The projects: nominations and Winner decisions, with the reason each takes."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wsis_portal.admin_confirm import confirm_first
from wsis_portal.admin_rows import QuickRowsAdmin
from wsis_portal.refusals import Refusal

from .. import services
from ..enums import ProjectStatus
from ..models import (
    ATTACHMENTS_PER_PROJECT,
    Category,
    ExpertScore,
    Project,
    ProjectAttachment,
)
from ..selectors import proposed_winners


class ReasonActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason (required to decline, invalidate or withdraw)"),
        required=False,
        max_length=1000,
    )


def _run(modeladmin, request, queryset, action):
    reason = request.POST.get("reason", "")
    done = 0
    for obj in queryset:
        try:
            action(obj, reason)
            done += 1
        except (Refusal, ValidationError) as exc:
            modeladmin.message_user(
                request, f"{obj}: {getattr(exc, 'message', exc)}", level=messages.ERROR
            )
    if done:
        modeladmin.message_user(
            request,
            ngettext("%(n)s done.", "%(n)s done.", done) % {"n": done},
            level=messages.SUCCESS,
        )


class ProjectAttachmentInline(admin.TabularInline):
    """The project's files: the secretariat sees, downloads or removes them (submitters add
    them on the site, where the deadline and the five-file limit apply)."""

    model = ProjectAttachment
    extra = 0
    max_num = ATTACHMENTS_PER_PROJECT
    # Stored files are private (no URL): the link goes through the view that checks access.
    fields = ("download", "content_type", "size", "uploaded_at")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, attachment):
        project = attachment.project
        url = reverse("prizes:attachment", args=[project.contest.year, project.pk, attachment.pk])
        return format_html('<a href="{}">{}</a>', url, attachment.original_name or _("file"))


@admin.register(Project)
class ProjectAdmin(QuickRowsAdmin, admin.ModelAdmin):
    list_display = (
        "title",
        "contest",
        "category",
        "organisation",
        "status",
        "mean_score",
        "submitted_at",
    )
    list_filter = ("contest", "status", "category__action_line", "stakeholder_type")
    date_hierarchy = "submitted_at"
    search_fields = ("title", "organisation", "submitter__email")
    list_select_related = ("contest", "category__action_line", "category__contest")
    readonly_fields = (
        "status",
        "status_reason",
        "status_changed_at",
        "status_changed_by",
        "submitted_at",
        "submitter",
        "proposed_winner",
    )
    filter_horizontal = ("sdgs",)
    inlines = [ProjectAttachmentInline]
    action_form = ReasonActionForm
    actions = ["nominate", "decline", "confirm_winner", "revoke_winner"]

    def get_queryset(self, request):
        # Per project by a subquery, not a join grouped by every joined row: grouped, the
        # list aggregated all 1,108 projects' wide rows before its first page (10 ms at
        # WSIS scale, and its count and date bounds grouped them again); PostgreSQL now
        # runs the subqueries for the page's rows only.
        scores = ExpertScore.objects.filter(project=OuterRef("pk")).order_by().values("project")
        return (
            super()
            .get_queryset(request)
            .annotate(
                _mean=Subquery(scores.annotate(mean=Avg("score")).values("mean")),
                _scores=Coalesce(Subquery(scores.annotate(n=Count("pk")).values("n")), 0),
            )
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "website":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "category":
            kwargs["queryset"] = Category.objects.select_related("action_line", "contest")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("mean expert score"), ordering="_mean")
    def mean_score(self, obj):
        return f"{obj._mean:.2f} ({obj._scores})" if obj._mean is not None else "—"

    @admin.display(description=_("proposed winner"))
    def proposed_winner(self, obj):
        ids = proposed_winners(contest=obj.contest).get(obj.category_id, [])
        return _("Yes (highest mean expert score)") if obj.pk in ids else _("No")

    @admin.action(description=_("Nominate the selected projects"), permissions=["change"])
    @confirm_first
    def nominate(self, request, queryset):
        try:
            n = services.projects_nominate(
                projects=queryset.filter(
                    status__in=[ProjectStatus.SUBMITTED, ProjectStatus.NOT_NOMINATED]
                ),
                by=request.user,
                nominate=True,
                reason=request.POST.get("reason", ""),
            )
            self.message_user(
                request,
                ngettext("%(n)s project nominated.", "%(n)s projects nominated.", n) % {"n": n},
            )
        except Refusal as exc:
            self.message_user(request, exc.message, level=messages.ERROR)

    @admin.action(
        description=_("Decline the selected projects (give a reason)"), permissions=["change"]
    )
    @confirm_first
    def decline(self, request, queryset):
        try:
            n = services.projects_nominate(
                projects=queryset.filter(
                    status__in=[ProjectStatus.SUBMITTED, ProjectStatus.NOMINATED]
                ),
                by=request.user,
                nominate=False,
                reason=request.POST.get("reason", ""),
            )
            self.message_user(
                request,
                ngettext("%(n)s project declined.", "%(n)s projects declined.", n) % {"n": n},
            )
        except Refusal as exc:
            self.message_user(request, exc.message, level=messages.ERROR)

    @admin.action(description=_("Confirm as Winner of the category"), permissions=["change"])
    @confirm_first
    def confirm_winner(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda p, reason: services.winner_confirm(project=p, by=request.user, reason=reason),
        )

    @admin.action(
        description=_("Withdraw the Winner decision (give a reason)"), permissions=["change"]
    )
    @confirm_first
    def revoke_winner(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda p, reason: services.winner_revoke(project=p, by=request.user, reason=reason),
        )
