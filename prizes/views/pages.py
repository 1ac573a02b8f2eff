"""The contest's public pages: the index, a contest and its results."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone

from accounts.roles import EXPERT_GROUP, in_group
from wsis_portal.publishing import mark_preview

from .. import selectors

PAGE_SIZE = 20


def _contest(request, year: int):
    """The contest of ``year``: 404 for a draft, except for staff who see it with a banner."""
    return mark_preview(request, selectors.contest_by_year(year, user=request.user))


def index(request):
    overview = selectors.contests_overview(now=timezone.now())
    return render(request, "prizes/index.html", overview)


def contest(request, year: int):
    item = _contest(request, year)
    now = timezone.now()
    return render(
        request,
        "prizes/contest.html",
        {
            "contest": item,
            "now": now,
            "is_expert": in_group(request.user, EXPERT_GROUP),
            **selectors.timeline(contest=item, now=now),
        },
    )


def results(request, year: int):
    item = _contest(request, year)
    now = timezone.now()
    return render(
        request,
        "prizes/results.html",
        {
            "contest": item,
            "now": now,
            **selectors.results(
                contest=item,
                now=now,
                region=request.GET.get("region", ""),
                country=request.GET.get("country", "")[:2],
            ),
        },
    )
