"""The secretariat's screens for the WSIS Prizes."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.core.exceptions import ValidationError
from django.db.models import Avg, Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from forum.models import Edition
from wsis_portal.admin_confirm import confirm_first
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
from .admin_statistics import ContestStatisticsAdmin
from .enums import PhaseKind, ProjectStatus
from .models import (
    ATTACHMENTS_PER_PROJECT,
    Category,
    Contest,
    ContestPhase,
    ExpertAssignment,
    ExpertScore,
    Project,
    ProjectAttachment,
    Tally,
    Vote,
    ceremony_edition_errors,
    phase_order_errors,
)
from .next_year import contest_next_year_plan, contest_next_year_prepare
from .presets import contest_phase_presets
from .selectors import proposed_winners


class ReasonActionForm(ActionForm):
    reason = forms.CharField(
        label=_("Reason (required to decline, invalidate or withdraw)"),
        required=False,
        max_length=1000,
    )


class PhaseFormSet(forms.BaseInlineFormSet):
    """The five phases: at most one of each kind, in order, never overlapping."""

    def clean(self):
        super().clean()
        self._refuse_moving_applied_dates()
        phases = []
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            data = form.cleaned_data
            if data.get("kind") and data.get("starts_at") and data.get("ends_at"):
                phases.append(
                    ContestPhase(
                        kind=data["kind"], starts_at=data["starts_at"], ends_at=data["ends_at"]
                    )
                )
        kinds = [p.kind for p in phases]
        if len(kinds) != len(set(kinds)):
            raise ValidationError(_("Each phase may appear only once."))
        errors = phase_order_errors(phases)
        if self.instance.edition_id is not None:
            errors += ceremony_edition_errors(self.instance.edition, phases)
        if errors:
            raise ValidationError(errors)

    def _refuse_moving_applied_dates(self) -> None:
        """A date whose side effects already ran (voting opened or closed, Champions chosen)
        cannot move: the clock would reopen what the tick has closed, and nothing would
        recompute it. The voting window is frozen from its opening, like the rules."""
        now = timezone.now()
        for form in self.forms:
            phase = form.instance
            if phase.pk is None or not hasattr(form, "cleaned_data"):
                continue
            frozen = []
            if phase.transition_applied_at or (
                phase.kind == PhaseKind.VOTING and phase.has_started(now)
            ):
                frozen.append("starts_at")
            if phase.end_applied_at or (phase.kind == PhaseKind.VOTING and phase.has_started(now)):
                frozen.append("ends_at")
            if form.cleaned_data.get("DELETE") and frozen:
                form.add_error(
                    None, _("This phase has already taken effect and cannot be removed.")
                )
            for name in frozen:
                if name in form.changed_data:
                    form.add_error(
                        name,
                        _(
                            "This date has already taken effect (the phase has started or ended) and cannot be changed."
                        ),
                    )


class PhaseInline(admin.TabularInline):
    model = ContestPhase
    formset = PhaseFormSet
    extra = 0
    max_num = 5

    def get_extra(self, request, obj=None, **kwargs):
        # A new contest starts with its five phases prefilled (ContestAdmin.get_formset_kwargs).
        return 5 if obj is None else 0

    fields = ("kind", "starts_at", "ends_at", "transition_applied_at", "end_applied_at")
    readonly_fields = ("transition_applied_at", "end_applied_at")


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 0
    fields = ("action_line",)
    readonly_fields = ("action_line",)
    can_delete = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # The categories are part of the rules, frozen once voting opens.
        return bool(obj is not None and not obj.voting_has_opened())


@admin.register(Contest)
class ContestAdmin(TranslationAdmin):
    list_display = (
        "year",
        "title",
        "edition",
        "champions_per_category",
        "complete_ballot_required",
        is_published,
    )
    list_filter = (("published_at", admin.EmptyFieldListFilter),)
    search_fields = ("title",)
    inlines = [PhaseInline, CategoryInline]
    action_form = PublishingActionForm
    actions = [
        publish_selected,
        unpublish_selected,
        next_year_action(
            plan=lambda c: contest_next_year_plan(contest=c),
            prepare=lambda c, by: contest_next_year_prepare(contest=c, by=by),
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.voting_has_opened():
            return (
                "published_at",
                "champions_per_category",
                "complete_ballot_required",
                "live_results_public",
            )
        return ("published_at",)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, PhaseInline) and obj.pk is None and request.method == "GET":
            # Only on the blank add page: a posted form is compared with no initial values,
            # so rows kept as offered are saved like typed ones.
            year = preset_year(request)
            edition = Edition.objects.filter(year=year).first()
            kwargs["initial"] = contest_phase_presets(
                year,
                forum_starts=edition.starts_on if edition else None,
                forum_ends=edition.ends_on if edition else None,
            )
        return kwargs

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("year", str(preset_year(request)))
        return initial

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        contest = form.instance
        if not contest.categories.exists() and not contest.voting_has_opened():
            services.contest_categories_create(contest=contest)


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
class ProjectAdmin(admin.ModelAdmin):
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
        return (
            super()
            .get_queryset(request)
            .annotate(_mean=Avg("scores__score"), _scores=Count("scores"))
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


@admin.register(Vote)
class VoteAdmin(ContestStatisticsAdmin, admin.ModelAdmin):
    list_display = ("id", "contest", "category", "project", "cast_at", "valid")
    list_filter = ("contest", "valid", "category__action_line")
    date_hierarchy = "cast_at"
    search_fields = ("voter__email", "ip_hash", "project__title")
    list_select_related = ("contest", "category__action_line", "category__contest", "project")
    raw_id_fields = ("voter", "project")
    readonly_fields = [f.name for f in Vote._meta.fields]
    action_form = ReasonActionForm
    actions = ["invalidate"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_invalidate_permission(self, request) -> bool:
        # Votes are read-only in the admin; invalidating one is the only change, so it needs
        # the model's change permission even though the change form is refused.
        return request.user.has_perm("prizes.change_vote")

    @admin.action(
        description=_("Invalidate the selected votes (give a reason)"), permissions=["invalidate"]
    )
    @confirm_first
    def invalidate(self, request, queryset):
        _run(
            self,
            request,
            queryset,
            lambda v, reason: services.vote_invalidate(vote=v, by=request.user, reason=reason),
        )


@admin.register(Tally)
class TallyAdmin(admin.ModelAdmin):
    list_display = ("project", "category", "votes", "rank", "computed_at")
    list_filter = ("contest", "category__action_line")
    list_select_related = ("project", "category__action_line", "category__contest")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ExpertAssignmentForm(forms.ModelForm):
    class Meta:
        model = ExpertAssignment
        fields = ["contest", "expert", "categories"]

    def clean(self):
        data = super().clean() or {}
        contest, categories = data.get("contest"), data.get("categories")
        if contest and categories and any(c.contest_id != contest.pk for c in categories):
            raise ValidationError({"categories": _("Choose categories of the same contest.")})
        return data


@admin.register(ExpertAssignment)
class ExpertAssignmentAdmin(admin.ModelAdmin):
    form = ExpertAssignmentForm
    list_display = ("expert", "contest")
    list_filter = ("contest",)
    list_select_related = ("expert", "contest")
    filter_horizontal = ("categories",)
    raw_id_fields = ("expert",)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "categories":
            kwargs["queryset"] = Category.objects.select_related("action_line", "contest")
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(ExpertScore)
class ExpertScoreAdmin(admin.ModelAdmin):
    list_display = ("project", "expert", "score", "scored_at")
    list_filter = ("project__contest", "project__category__action_line")
    list_select_related = ("project", "expert")
    # Never a select of every user or every project on the change page.
    autocomplete_fields = ("project", "expert")
    date_hierarchy = "scored_at"

    def has_add_permission(self, request):
        return False
