"""The statistics page each app adds to its admin: filters, charts, CSV and XLSX downloads.

A ModelAdmin that mixes in ``StatisticsAdmin`` gets ``…/statistics/`` (URL name
``admin:<app>_<model>_statistics``), open to staff with the ``wsis_portal.view_statistics``
permission (the Secretariat group has it); any other staff member gets 403. The app gives
the filter form and the function that counts; the page, the charts and the downloads are
the same for all.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from accounts.roles import STATISTICS_PERMISSION

from .statistics import Label, Statistic, csv_response, xlsx_response

DOWNLOAD_PARAMETERS = ("download", "statistic")


class DateInput(forms.DateInput):
    input_type = "date"


class StatisticsFilterForm(forms.Form):
    """A filter form whose empty state is a useful default (the latest contest…). Its
    optional ``date_from`` and ``date_to`` fields are local days, both included."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                # Read the options once: the select would run its query again to find out
                # whether its first option is empty.
                options: Any = field.choices
                field.choices = list(iter(options))  # iter(): no COUNT query first

    @classmethod
    def default_data(cls) -> dict[str, Any]:
        return {}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and first > last:
            self.add_error("date_to", _("The last day comes before the first day."))
        return data

    def period(self) -> str:
        """The chosen days in words ("1 March 2026 – …"), empty when none is chosen."""
        first, last = self.cleaned_data.get("date_from"), self.cleaned_data.get("date_to")
        if not (first or last):
            return ""
        return "{} – {}".format(
            date_format(first) if first else "…", date_format(last) if last else "…"
        )

    def describe(self) -> str:
        """What the figures cover, in words: the first line of each XLSX sheet."""
        return ""

    def filename(self) -> str:
        return "statistics"


class StatisticsAdmin:
    statistics_form_class: ClassVar[type[StatisticsFilterForm]]
    statistics_title: ClassVar[Label]

    def statistics_collect(self, form: StatisticsFilterForm) -> list[Statistic]:
        raise NotImplementedError

    def get_urls(self) -> list[Any]:
        opts = self.model._meta  # type: ignore[attr-defined]
        view = self.admin_site.admin_view(self.statistics_view)  # type: ignore[attr-defined]
        return [
            path("statistics/", view, name=f"{opts.app_label}_{opts.model_name}_statistics"),
            *super().get_urls(),  # type: ignore[misc]
        ]

    def statistics_view(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm(STATISTICS_PERMISSION):
            raise PermissionDenied
        form_class = self.statistics_form_class
        chosen = any(name in request.GET for name in form_class.base_fields)
        data = request.GET if chosen else form_class.default_data()
        form = form_class(data)
        statistics = self.statistics_collect(form) if form.is_valid() else []
        download = request.GET.get("download")
        if download and form.is_valid():
            return self._download(request, form, statistics, download)
        query = {
            key: str(value)
            for key, value in data.items()
            if key not in DOWNLOAD_PARAMETERS and value not in (None, "")
        }
        opts = self.model._meta  # type: ignore[attr-defined]
        context = {
            **self.admin_site.each_context(request),  # type: ignore[attr-defined]
            "opts": opts,
            "title": self.statistics_title,
            "form": form,
            "statistics": statistics,
            "query": urlencode(query),
            "description": form.describe() if form.is_valid() else "",
        }
        return TemplateResponse(request, "admin/statistics.html", context)

    def _download(
        self,
        request: HttpRequest,
        form: StatisticsFilterForm,
        statistics: list[Statistic],
        download: str,
    ) -> HttpResponse:
        if download == "xlsx":
            return xlsx_response(statistics, filename=form.filename(), heading=form.describe())
        if download == "csv":
            key = request.GET.get("statistic", "")
            for statistic in statistics:
                if statistic.key == key:
                    return csv_response(statistic, filename=f"{form.filename()}-{key}")
        raise Http404
