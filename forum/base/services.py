"""Writes of the WSIS taxonomy."""

from typing import Any

from django.utils import translation

from wsis_portal.bulk_created import bulk_created

from ..models import SDG, ActionLine, BuildingBlock
from .taxonomy import ACTION_LINES, SDGS
from .taxonomy_translations import action_line_fill, reference_translations_fill, sdg_fill


def taxonomy_load(**kwargs: Any) -> None:
    """Make sure the 18 Action Lines and 17 SDGs exist (idempotent).

    Also connected to post_migrate, so a database flushed by a transactional test or an
    operator gets its reference data back.
    """
    # The texts are English: they go to the English columns whatever language is active
    # (a request or a test may have left another one active in this thread).
    with translation.override("en"):
        _taxonomy_load()


def _taxonomy_load() -> None:
    if ActionLine.objects.count() == len(ACTION_LINES) and SDG.objects.count() == len(SDGS):
        return
    if not ActionLine.objects.exists() and not SDG.objects.exists():
        # A new or flushed database (every transactional test ends with a flush): two INSERTs.
        lines = [
            ActionLine(code=code, number=number, title=title)
            for code, number, title in ACTION_LINES
        ]
        goals = [SDG(number=number, title=title, colour=colour) for number, title, colour in SDGS]
        for line in lines:
            action_line_fill(line)
        for goal in goals:
            sdg_fill(goal)
        bulk_created(ActionLine, lines)
        bulk_created(SDG, goals)
        return
    for code, number, title in ACTION_LINES:
        ActionLine.objects.update_or_create(code=code, defaults={"number": number, "title": title})
    for number, title, colour in SDGS:
        SDG.objects.update_or_create(number=number, defaults={"title": title, "colour": colour})
    reference_translations_fill(
        action_line_model=ActionLine, sdg_model=SDG, building_block_model=BuildingBlock
    )
