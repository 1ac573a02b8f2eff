"""Each layer does its one job: views never query the ORM, selectors return data, not HTML.

The scan reads the portal's source as Python syntax trees. In a view module (``views*.py`` or a
module of a ``views`` package) it reports a model manager (``.objects``, ``_default_manager``),
``get_object_or_404``/``get_list_or_404`` and queryset-building calls (``.filter()``,
``.select_related()``, …): a view asks a selector for what it shows and a service for what it
changes. In a selector module it reports anything that renders or marks HTML as safe: rendering
and its cache belong to the view or the template.

``PENDING`` lists the modules not yet moved; each must still break the rule (so the list can only
shrink), and no other module may.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("accounts", "consultations", "forum", "prizes", "stocktaking", "ungis", "wsis_portal")

QUERYSET_CALLS = {
    "filter",
    "exclude",
    "annotate",
    "aggregate",
    "select_related",
    "prefetch_related",
    "order_by",
    "only",
    "defer",
    "distinct",
    "values_list",
}
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}
RENDERING = {"render_to_string", "get_template", "select_template", "mark_safe", "format_html"}

# Modules still to move (remove a module's line when it is clean; the test then keeps it clean).
PENDING_VIEWS: set[str] = {
    "consultations/views/discussions.py",
    "stocktaking/views.py",
}
PENDING_SELECTORS: set[str] = {
    "stocktaking/selectors/search.py",
}


def _modules(kind: str) -> Iterator[Path]:
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            if path.name.startswith(kind) or path.parent.name == kind:
                yield path


def _orm_uses(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in SHORTCUTS:
                found.append((node.lineno, func.id))
            elif isinstance(func, ast.Attribute) and func.attr in QUERYSET_CALLS:
                found.append((node.lineno, func.attr))
    return found


def _rendering(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.startswith("django.template"):
                found.append((node.lineno, module))
            found += [(node.lineno, a.name) for a in node.names if a.name in RENDERING]
        elif isinstance(node, ast.Attribute) and node.attr in RENDERING:
            found.append((node.lineno, node.attr))
    return found


def _breaches(kind: str, scan) -> dict[str, list[tuple[int, str]]]:
    breaches = {}
    for path in _modules(kind):
        hits = scan(ast.parse(path.read_text(), filename=str(path)))
        if hits:
            breaches[str(path.relative_to(ROOT))] = sorted(hits)
    return breaches


def test_the_scans_find_what_they_look_for():
    view = ast.parse(
        "def v(request, pk):\n"
        "    e = get_object_or_404(Entry, pk=pk)\n"
        "    rows = Entry.objects.all()\n"
        "    return rows.filter(x=1).select_related('y')\n"
    )
    assert {name for _, name in _orm_uses(view)} == {
        "get_object_or_404",
        "objects",
        "filter",
        "select_related",
    }
    selector = ast.parse(
        "from django.template.loader import render_to_string\n"
        "from django.utils.safestring import mark_safe\n"
    )
    assert {name for _, name in _rendering(selector)} >= {"render_to_string", "mark_safe"}
    assert _orm_uses(ast.parse("def v(request):\n    return entries_page(request.GET)\n")) == []


def test_views_do_not_query_the_orm():
    breaches = _breaches("views", _orm_uses)
    new = {path: hits for path, hits in breaches.items() if path not in PENDING_VIEWS}
    assert not new, f"views query the ORM (ask a selector or a service instead): {new}"
    done = sorted(PENDING_VIEWS - set(breaches))
    assert not done, f"these views are clean now: remove them from PENDING_VIEWS: {done}"


def test_selectors_return_data_not_html():
    breaches = _breaches("selectors", _rendering)
    new = {path: hits for path, hits in breaches.items() if path not in PENDING_SELECTORS}
    assert not new, f"selectors render HTML (move it to the view or template): {new}"
    done = sorted(PENDING_SELECTORS - set(breaches))
    assert not done, f"these selectors are clean now: remove them from PENDING_SELECTORS: {done}"
