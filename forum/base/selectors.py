"""Reads of the WSIS taxonomy and the matrix."""

from __future__ import annotations

import contextlib
import hashlib
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.functional import Promise

from wsis_portal.registry import MatrixItem, registry

from ..enums import LinkEvidence
from ..models import SDG, ActionLine, MatrixLink

# How many tagged items make a cell fully shaded; fewer give lighter shades.
SHADE_STEPS = (1, 5, 20, 50)
MATRIX_VERSION_KEY = "forum:matrix-version"
# A day: the version key makes a change visible at once; this only bounds stale copies.
MATRIX_CACHE_SECONDS = 24 * 3600


@dataclass
class MatrixCell:
    action_line: ActionLine
    sdg: SDG
    linked: bool
    count: int
    evidence: str = ""

    @property
    def documented(self) -> bool:
        return self.evidence == LinkEvidence.DOCUMENTED

    @property
    def shade(self) -> int:
        """0 (nothing tagged) to 4 (the most), for the cell's background."""
        return sum(1 for step in SHADE_STEPS if self.count >= step)


@dataclass
class MatrixRow:
    action_line: ActionLine
    cells: list[MatrixCell]

    @property
    def linked_cells(self) -> list[MatrixCell]:
        """The row's Goals with a documented linkage: the chips of the phone list."""
        return [cell for cell in self.cells if cell.linked]

    @property
    def tagged(self) -> int:
        return sum(cell.count for cell in self.cells)


def tagged_counts() -> dict[tuple[str, int], int]:
    """How much content of every registered app is tagged with each pair (a query per app)."""
    totals: dict[tuple[str, int], int] = {}
    for source in registry.matrix:
        for pair, n in source.counts().items():
            totals[pair] = totals.get(pair, 0) + n
    return totals


def matrix_grid(*, with_counts: bool = True) -> dict[str, Any]:
    """The 18 × 17 grid: a fixed number of queries whatever is tagged.

    ``with_counts=False`` leaves out how much content is tagged with each pair (a query per
    app over every entry, project and session) for pages that show only the linkages.
    """
    action_lines = list(ActionLine.objects.all())
    sdgs = list(SDG.objects.all())
    links = {
        (code, number): evidence
        for code, number, evidence in MatrixLink.objects.values_list(
            "action_line__code", "sdg__number", "evidence"
        )
    }
    counts = tagged_counts() if with_counts else {}
    rows = [
        MatrixRow(
            action_line=al,
            cells=[
                MatrixCell(
                    action_line=al,
                    sdg=sdg,
                    linked=(al.code, sdg.number) in links,
                    count=counts.get((al.code, sdg.number), 0),
                    evidence=links.get((al.code, sdg.number), ""),
                )
                for sdg in sdgs
            ],
        )
        for al in action_lines
    ]
    documented = sum(1 for e in links.values() if e == LinkEvidence.DOCUMENTED)
    return {
        "sdgs": sdgs,
        "rows": rows,
        "link_count": len(links),
        "documented_count": documented,
        "illustrative_count": len(links) - documented,
    }


def matrix_version() -> str:
    """The version of the matrix's linkages; a missing key (a cleared or evicted cache) starts
    a new one, so nothing cached under an older version is read again."""
    version = _cache_get(MATRIX_VERSION_KEY)
    if version is None:
        with contextlib.suppress(Exception):
            cache.add(MATRIX_VERSION_KEY, str(time.time_ns()), None)
        version = _cache_get(MATRIX_VERSION_KEY)
    return str(version or "0")


def matrix_page_key(version: str, grid: dict[str, Any]) -> str:
    """The cache key of the matrix page's content: the linkages' version (read before the
    grid), the language, and the counts the grid shows."""
    counts = [cell.count for row in grid["rows"] for cell in row.cells]
    digest = hashlib.blake2b(repr(counts).encode(), digest_size=12).hexdigest()
    return f"forum:matrix-page:{version}:{translation.get_language()}:{digest}"


def home_matrix() -> dict[str, Any]:
    """The linkages of the grid without the tagged counts, from the cache until an Action
    Line, a Goal or a linkage next changes (``matrix_changed``); read from the database when
    the cache is down. The rows carry every language's titles, so one copy serves all."""
    version = matrix_version()
    key = f"forum:home-matrix:{version}"
    grid = _cache_get(key)
    if grid is None:
        grid = matrix_grid(with_counts=False)
        with contextlib.suppress(Exception):
            cache.set(key, grid, MATRIX_CACHE_SECONDS)
    return grid


def matrix_changed(**kwargs: Any) -> None:
    """Signal receiver: make the cached grid stale once the change is committed."""
    transaction.on_commit(_matrix_version_bump)


def _matrix_version_bump() -> None:
    with contextlib.suppress(Exception):
        cache.set(MATRIX_VERSION_KEY, str(time.time_ns()), None)


def _cache_get(key: str) -> Any:
    try:
        return cache.get(key)
    except Exception:
        return None


def action_line_by_code(code: str) -> ActionLine:
    return get_object_or_404(ActionLine, code__iexact=code)


def sdg_by_number(number: int) -> SDG:
    return get_object_or_404(SDG, number=number)


def matrix_cell(*, action_line: ActionLine, sdg: SDG, limit: int = 50) -> dict[str, Any]:
    link = MatrixLink.objects.filter(action_line=action_line, sdg=sdg).first()
    groups: list[tuple[str | Promise, list[MatrixItem]]] = []
    for source in registry.matrix:
        items = source.items(action_line, sdg, limit)
        groups.append((source.label, items))
    return {"link": link, "groups": groups}


def links_of_action_line(action_line: ActionLine) -> QuerySet[MatrixLink]:
    return MatrixLink.objects.filter(action_line=action_line).select_related("sdg")


def links_of_sdg(sdg: SDG) -> QuerySet[MatrixLink]:
    return MatrixLink.objects.filter(sdg=sdg).select_related("action_line")


def action_line_sections(action_line: ActionLine) -> list[dict[str, Any]]:
    return [
        {"title": s.title, "template_name": s.template_name, **s.context(action_line)}
        for s in registry.action_line
    ]
