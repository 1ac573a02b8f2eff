"""Writes of the WSIS taxonomy."""

from typing import Any

from .models import SDG, ActionLine
from .taxonomy import ACTION_LINES, SDGS


def taxonomy_load(**kwargs: Any) -> None:
    """Make sure the 18 Action Lines and 17 SDGs exist (idempotent).

    Also connected to post_migrate, so a database flushed by a transactional test or an
    operator gets its reference data back.
    """
    if ActionLine.objects.count() == len(ACTION_LINES) and SDG.objects.count() == len(SDGS):
        return
    for code, number, title in ACTION_LINES:
        ActionLine.objects.update_or_create(code=code, defaults={"number": number, "title": title})
    for number, title, colour in SDGS:
        SDG.objects.update_or_create(number=number, defaults={"title": title, "colour": colour})
