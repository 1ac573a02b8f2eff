"""The contest statistics page of the admin (``admin:prizes_vote_statistics``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wsis_portal.statistics import Statistic
from wsis_portal.statistics_admin import DateInput, StatisticsAdmin, StatisticsFilterForm

from .models import Contest
from .statistics import contest_statistics


class ContestStatisticsForm(StatisticsFilterForm):
    contest = forms.ModelChoiceField(
        label=_("Contest"), queryset=Contest.objects.order_by("-year"), empty_label=None
    )
    date_from = forms.DateField(
        label=_("Votes from"), required=False, widget=DateInput, help_text=_("First day counted.")
    )
    date_to = forms.DateField(
        label=_("Votes until"), required=False, widget=DateInput, help_text=_("Last day counted.")
    )

    @classmethod
    def default_data(cls) -> dict[str, Any]:
        latest = Contest.objects.order_by("-year").values_list("pk", flat=True).first()
        return {"contest": latest} if latest else {}

    def describe(self) -> str:
        contest = self.cleaned_data["contest"]
        text = f"{contest.title} ({contest.year})"
        if self.period():
            text += " · " + gettext("votes cast %(period)s") % {"period": self.period()}
        return text

    def filename(self) -> str:
        return f"prizes-{self.cleaned_data['contest'].year}"


class ContestStatisticsAdmin(StatisticsAdmin):
    statistics_form_class = ContestStatisticsForm
    statistics_title = _("WSIS Prizes statistics")

    def statistics_collect(self, form: StatisticsFilterForm) -> list[Statistic]:
        data = form.cleaned_data
        return contest_statistics(
            contest=data["contest"], date_from=data.get("date_from"), date_to=data.get("date_to")
        )
