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


def search_filter_taxonomy() -> tuple[list[ActionLine], list[SDG]]:
    """The Action Lines and the SDGs, each in number order, for the site search's filters."""
    return list(ActionLine.objects.order_by("number")), list(SDG.objects.order_by("number"))
