"""The contests and their phases and categories."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from forum.models import Edition
from wsis_portal.next_year_admin import next_year_action
from wsis_portal.presets import preset_year
from wsis_portal.publishing_admin import (
    PublishingActionForm,
    is_published,
    publish_selected,
    unpublish_selected,
)

from .. import services
from ..enums import PhaseKind
from ..models import (
    Category,
    Contest,
    ContestPhase,
    ceremony_edition_errors,
    phase_order_errors,
)
from ..next_year import contest_next_year_plan, contest_next_year_prepare
from ..presets import contest_phase_presets


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
