"""The consultations and their phases."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from wsis_portal.next_year_admin import next_year_action
from wsis_portal.presets import preset_year
from wsis_portal.publishing_admin import (
    PublishingActionForm,
    is_published,
    publish_selected,
    unpublish_selected,
)

from ..models import (
    Consultation,
    ConsultationPhase,
)
from ..next_year import consultation_next_year_plan, consultation_next_year_prepare
from ..presets import consultation_phase_presets


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
