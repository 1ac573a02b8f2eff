from __future__ import annotations

import logging
from datetime import datetime

from forum.models import SDG, ActionLine

from .registry import OpenItem, registry

logger = logging.getLogger(__name__)


def open_items(*, now: datetime) -> list[OpenItem]:
    """What is open now and what opens next, across all processes, soonest deadline first."""
    items: list[OpenItem] = []
    for provider in registry.home:
        items.extend(provider(now))
    far = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted(items, key=lambda i: (i.opens_at or now, i.deadline or far))


def search_filter_choices() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The site search's Action Line and SDG choices (code, label), in the active language.

    Reference data that changes once in years: kept in the cache for ten minutes.
    """
    from django.core.cache import cache
    from django.utils.translation import get_language

    key = f"site-search:filter-choices:{get_language()}"
    try:
        stored = cache.get(key)
    except Exception:
        stored = None
    if stored is not None:
        return stored
    choices = (
        [(al.code, str(al)) for al in ActionLine.objects.order_by("number")],
        [(str(goal.number), str(goal)) for goal in SDG.objects.order_by("number")],
    )
    try:
        cache.set(key, choices, 600)
    except Exception:
        logger.warning("site search: could not cache the filter choices", exc_info=True)
    return choices
