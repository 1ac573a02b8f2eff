"""The registration statistics page of the admin (``admin:forum_registration_statistics``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wsis_portal.statistics import Statistic
from wsis_portal.statistics_admin import DateInput, StatisticsAdmin, StatisticsFilterForm

from .enums import RegistrationStatus
from .models import Edition
from .statistics import registration_statistics

STATUS_CHOICES = [("", _("Every status")), *RegistrationStatus.choices]


class RegistrationStatisticsForm(StatisticsFilterForm):
    edition = forms.ModelChoiceField(
        label=_("Forum edition"), queryset=Edition.objects.order_by("-year"), empty_label=None
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    date_from = forms.DateField(label=_("Registered from"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Registered until"), required=False, widget=DateInput)

    @classmethod
    def default_data(cls) -> dict[str, Any]:
        latest = Edition.objects.order_by("-year").values_list("pk", flat=True).first()
        if not latest:
            return {}
        return {"edition": latest, "status": RegistrationStatus.CONFIRMED}

    def describe(self) -> str:
        data = self.cleaned_data
        parts = [
            gettext("WSIS Forum %(year)s") % {"year": data["edition"].year},
            str(dict(STATUS_CHOICES)[data.get("status") or ""]),
        ]
        if self.period():
            parts.append(gettext("registered %(period)s") % {"period": self.period()})
        return " · ".join(parts)

    def filename(self) -> str:
        return f"forum-{self.cleaned_data['edition'].year}-registrations"


class RegistrationStatisticsAdmin(StatisticsAdmin):
    statistics_form_class = RegistrationStatisticsForm
    statistics_title = _("WSIS Forum registration statistics")

    def statistics_collect(self, form: StatisticsFilterForm) -> list[Statistic]:
        data = form.cleaned_data
        return registration_statistics(
            edition=data["edition"],
            status=data.get("status") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
