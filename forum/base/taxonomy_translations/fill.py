"""Filling the empty translation columns of the reference rows."""

from __future__ import annotations

from .action_lines import ACTION_LINE_TITLES, C7_SHORT, C7_SHORT_EN
from .building_blocks import BUILDING_BLOCKS
from .languages import LANGUAGES
from .sdgs import SDG_SHORT, SDG_TITLES


def _fill(obj, field: str, texts: dict[str, str]) -> bool:
    """Set the empty translation columns of ``field``; True when something changed."""
    changed = False
    for lang in LANGUAGES:
        column = f"{field}_{lang}"
        if not getattr(obj, column, None):
            setattr(obj, column, texts[lang])
            changed = True
    return changed


def action_line_fill(line) -> bool:
    """Set an Action Line's empty translated titles and C7 short names; True when one changed."""
    if line.code not in ACTION_LINE_TITLES:
        return False
    changed = _fill(line, "title", ACTION_LINE_TITLES[line.code])
    if line.code in C7_SHORT:
        if not line.short_name_en:
            line.short_name_en = C7_SHORT_EN[line.code]
            changed = True
        texts = dict(zip(LANGUAGES, C7_SHORT[line.code], strict=True))
        changed = _fill(line, "short_name", texts) or changed
    return changed


def sdg_fill(goal) -> bool:
    """Set a Goal's empty translated titles and short names; True when one changed."""
    if goal.number not in SDG_TITLES:
        return False
    changed = _fill(goal, "title", SDG_TITLES[goal.number])
    english, *others = SDG_SHORT[goal.number]
    if not goal.short_name_en:
        goal.short_name_en = english
        changed = True
    return _fill(goal, "short_name", dict(zip(LANGUAGES, others, strict=True))) or changed


def building_block_fill(block) -> bool:
    """Set a building block's empty translated names; True when one changed."""
    if block.slug not in BUILDING_BLOCKS:
        return False
    return _fill(block, "name", BUILDING_BLOCKS[block.slug])


def reference_translations_fill(*, action_line_model, sdg_model, building_block_model) -> None:
    """Fill the empty translation columns of the reference rows (idempotent).

    Takes the model classes so that a data migration can pass its historical models.
    """
    for line in action_line_model.objects.filter(code__in=ACTION_LINE_TITLES):
        if action_line_fill(line):
            line.save()
    for goal in sdg_model.objects.filter(number__in=SDG_TITLES):
        if sdg_fill(goal):
            goal.save()
    for block in building_block_model.objects.filter(slug__in=BUILDING_BLOCKS):
        if building_block_fill(block):
            block.save()
