"""The stocktaking statistics page of the admin (``admin:stocktaking_entry_statistics``)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wsis_portal.statistics import Statistic
from wsis_portal.statistics_admin import DateInput, StatisticsAdmin, StatisticsFilterForm

from .enums import EntryStatus
from .models import Call
from .statistics import entry_statistics

STATUS_CHOICES = [
    ("", _("Every entry sent (all but drafts)")),
    *[(value, label) for value, label in EntryStatus.choices if value != EntryStatus.DRAFT],
]


class EntryStatisticsForm(StatisticsFilterForm):
    call = forms.ModelChoiceField(
        label=_("Call"),
        queryset=Call.objects.order_by("-year", "kind"),
        required=False,
        empty_label=_("Every call"),
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    date_from = forms.DateField(label=_("Submitted from"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Submitted until"), required=False, widget=DateInput)

    def describe(self) -> str:
        data = self.cleaned_data
        parts = [str(data["call"]) if data.get("call") else gettext("Every call")]
        parts.append(str(dict(STATUS_CHOICES)[data.get("status") or ""]))
        if self.period():
            parts.append(gettext("submitted %(period)s") % {"period": self.period()})
        return " · ".join(parts)

    def filename(self) -> str:
        call = self.cleaned_data.get("call")
        return f"stocktaking-{call.year}-{call.kind}" if call else "stocktaking"


class EntryStatisticsAdmin(StatisticsAdmin):
    statistics_form_class = EntryStatisticsForm
    statistics_title = _("WSIS Stocktaking statistics")

    def statistics_collect(self, form: StatisticsFilterForm) -> list[Statistic]:
        data = form.cleaned_data
        return entry_statistics(
            call=data.get("call"),
            status=data.get("status") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
