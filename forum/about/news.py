"""Reads of the portal's news."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from ..models import NewsItem


def news_published() -> QuerySet[NewsItem]:
    return NewsItem.objects.published()


def news_item_for_page(*, slug: str) -> NewsItem:
    """A published item; drafts and items not yet due are 404 to everyone on the public site."""
    return get_object_or_404(NewsItem.objects.published(), slug=slug)
