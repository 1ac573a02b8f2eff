"""Pages that state the WSIS process's own facts: its history, partnerships and news."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from wsis_portal.params import get_page

from ..enums import EventKind, Region
from . import events, facts, news

NEWS_PAGE_SIZE = 20


def about(request):
    return render(request, "forum/about.html")


def sponsorship(request):
    return render(request, "forum/sponsorship.html", {"overview": facts.sponsorship_overview()})


def news_list(request):
    page = get_page(Paginator(news.news_published(), NEWS_PAGE_SIZE), request.GET.get("page"))
    return render(request, "forum/news_list.html", {"page_obj": page})


def news_item(request, slug: str):
    return render(request, "forum/news_item.html", {"item": news.news_item_for_page(slug=slug)})


def event_list(request):
    calendar = events.event_calendar(
        today=timezone.localdate(),
        region=request.GET.get("region", ""),
        kind=request.GET.get("kind", ""),
    )
    return render(
        request,
        "forum/event_list.html",
        {"calendar": calendar, "regions": Region.choices, "kinds": EventKind.choices},
    )


def event_detail(request, pk: int):
    return render(request, "forum/event_detail.html", {"event": events.event_for_page(pk=pk)})
