"""``/search/``: one search over every kind of public content (wsis_portal.site_search)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.utils.translation import gettext_lazy as _

from . import site_search as searching
from .selectors import search_filter_choices
from .site_search import SearchParams, kinds, site_search
from .widgets import QuickSelect

PAGE_SIZE = 20
PREVIEW = 5
FILTER_FIELDS = ("kind", "action_line", "sdg")


class SiteSearchForm(forms.Form):
    """What a visitor may ask; an unknown value is an error shown next to its field."""

    q = forms.CharField(label=_("Search for"), max_length=200, required=False, strip=True)
    # QuickSelect: Django's option templates were a tenth of a cold search's Python (2 ms).
    kind = forms.ChoiceField(label=_("Kind of content"), required=False, widget=QuickSelect)
    action_line = forms.ChoiceField(label=_("Action Line"), required=False, widget=QuickSelect)
    sdg = forms.TypedChoiceField(
        label=_("SDG"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = {name: cast(forms.ChoiceField, self.fields[name]) for name in FILTER_FIELDS}
        fields["kind"].choices = [("", _("All kinds")), *((k.key, k.label) for k in kinds())]
        action_lines, sdgs = search_filter_choices()
        fields["action_line"].choices = [("", _("All Action Lines")), *action_lines]
        fields["sdg"].choices = [("", _("All SDGs")), *sdgs]

    def params(self) -> SearchParams:
        data = self.cleaned_data
        return SearchParams(
            text=data.get("q") or "",
            action_line=data.get("action_line") or "",
            sdg=data.get("sdg"),
            year=data.get("year"),
        )


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def search(request: HttpRequest) -> HttpResponse:
    form = SiteSearchForm(request.GET or None)
    context: dict[str, Any] = {"form": form, "searched": False}
    if form.is_bound and form.is_valid() and form.cleaned_data.get("q"):
        params = form.params()
        only = form.cleaned_data.get("kind") or ""
        number = _page_number(request)
        results = site_search(
            params=params,
            only=only,
            offset=(number - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
            preview=PREVIEW,
        )
        context.update(
            searched=True,
            query=params.text,
            only=only,
            results=results,
            shown=[r for r in results if r.hits and (not only or r.kind.key == only)],
            total=sum(r.count for r in results),
            more=any(r.more for r in results),
        )
        if only:
            chosen = next(r for r in results if r.kind.key == only)
            page = Paginator(range(chosen.count), PAGE_SIZE).get_page(number)
            context.update(page_obj=page, chosen=chosen)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "search.html", context, status=status)


def warm_up() -> None:
    """Before a worker's first search: the page's template and each kind's query, compiled."""
    get_template("search.html")
    searching.warm_up(preview=PREVIEW)
