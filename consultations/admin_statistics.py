"""The consultation statistics page of the admin
(``admin:consultations_submission_statistics``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wsis_portal.statistics import Statistic
from wsis_portal.statistics_admin import StatisticsAdmin, StatisticsFilterForm

from .models import Consultation
from .statistics import consultation_statistics


def _consultations():
    return Consultation.objects.select_related("edition").order_by("-edition__year", "title")


class ConsultationStatisticsForm(StatisticsFilterForm):
    consultation = forms.ModelChoiceField(
        label=_("Consultation"), queryset=_consultations(), empty_label=None
    )

    @classmethod
    def default_data(cls) -> dict[str, Any]:
        latest = _consultations().values_list("pk", flat=True).first()
        return {"consultation": latest} if latest else {}

    def describe(self) -> str:
        return str(self.cleaned_data["consultation"])

    def filename(self) -> str:
        return f"consultation-{self.cleaned_data['consultation'].slug}"


class ConsultationStatisticsAdmin(StatisticsAdmin):
    statistics_form_class = ConsultationStatisticsForm
    statistics_title = _("Open Consultation Process statistics")

    def statistics_collect(self, form: StatisticsFilterForm) -> list[Statistic]:
        return consultation_statistics(consultation=form.cleaned_data["consultation"])
