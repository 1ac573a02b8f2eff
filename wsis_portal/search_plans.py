"""The site search's queries compiled to SQL once per shape, not once per search.

A cold search sends one ORM query per kind; building and compiling those querysets (nested
subqueries, a window, joins for ``select_related``) cost about 20 ms of Python per search
at WSIS scale, as much as the database's work for a common word. What a kind sends depends
only on which filters are set and on the page's bounds; the words and the filters' values
are parameters. So each shape is built once with stand-in values, compiled once, and kept:
the next search of that shape swaps its own values into the kept parameters and runs the
kept SQL through the kept compiler, which reads the rows into model instances exactly as
the queryset would (``select_related`` and annotations included).

A shape is kept only if each stand-in value came out as a parameter of its own (never
rewritten, never written into the SQL text): a builder that transforms a value (a
``LIKE`` pattern, a lower-cased copy) is simply compiled every time.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.utils.translation import get_language

from . import search_prepared
from .site_search import SearchParams

# Stand-ins for what a visitor sends: values no search sends (the form strips words to at
# most 200 characters, takes years 1990-2100 and SDGs 1-17), yet within the range of the
# small integer columns they are compared with (Django answers an out-of-range lookup
# without SQL, so a stand-in out of range would compile to nothing).
STAND_IN = SearchParams(
    text="\x1esite-search-words\x1e",
    action_line="\x1esite-search-action-line\x1e",
    sdg=32_051,
    year=32_052,
)
# A bound on the kept shapes: kinds x filter combinations x page bounds stay far below it.
MAX_SHAPES = 512


@dataclass(frozen=True)
class _Plan:
    queryset: QuerySet[Any, Any]  # built from the stand-ins: the model, db and iterable
    compiler: SQLCompiler  # after as_sql(): the selected columns and how rows become objects
    sql: str
    params: tuple[Any, ...]  # the stand-ins where the visitor's values go


_plans: dict[tuple[Any, ...], _Plan | None] = {}


def _stand_ins(params: SearchParams) -> SearchParams:
    """The stand-ins for the words and for the filters that ``params`` sets (the shape)."""
    return SearchParams(
        text=STAND_IN.text,
        action_line=STAND_IN.action_line if params.action_line else "",
        sdg=STAND_IN.sdg if params.sdg else None,
        year=STAND_IN.year if params.year else None,
    )


def _values(params: SearchParams) -> dict[Any, Any]:
    """Each stand-in of this shape and the visitor's value that replaces it."""
    pairs = [
        (STAND_IN.text, params.text),
        (STAND_IN.action_line, params.action_line or None),
        (STAND_IN.sdg, params.sdg),
        (STAND_IN.year, params.year),
    ]
    return {stand_in: value for stand_in, value in pairs if value}


def _is_stand_in(value: Any) -> bool:
    # bool is an int: True == 1 must never look like a stand-in (none is 1, but be exact).
    return type(value) in (str, int) and value in (
        STAND_IN.text,
        STAND_IN.action_line,
        STAND_IN.sdg,
        STAND_IN.year,
    )


def _plan(queryset: QuerySet[Any, Any], params: SearchParams) -> _Plan | None:
    """``queryset`` (built from the stand-ins of ``params``' shape) compiled, if it can be kept."""
    compiler = queryset.query.get_compiler(using=queryset.db)
    try:
        sql, sql_params = compiler.as_sql()
    except (EmptyResultSet, FullResultSet):  # answered without SQL: nothing to keep
        return None
    wanted = set(_values(params))
    found = {p for p in sql_params if _is_stand_in(p)}
    if found != wanted or any(str(stand_in) in sql for stand_in in wanted):
        return None
    return _Plan(queryset=queryset, compiler=compiler, sql=sql, params=tuple(sql_params))


def _keepable(function: Callable[..., Any]) -> bool:
    # A function made anew for each search (a lambda, a closure) would add a shape per call.
    name = getattr(function, "__qualname__", "<lambda>")
    return "<lambda>" not in name and "<locals>" not in name


def compiled(
    build: Callable[..., QuerySet[Any, Any]], params: SearchParams, *args: Any
) -> QuerySet[Any, Any]:
    """``build(params, *args)``, its SQL compiled once for this ``build``, ``args`` and filters.

    ``args`` (hashable) are whatever else shapes the SQL: the page's bounds, the builders it
    calls. ``build`` and any function among ``args`` must be module-level functions (a
    lambda or closure is built and compiled every time). The queryset returned is for
    reading its rows only.
    """
    if not all(_keepable(f) for f in (build, *args) if callable(f)):
        return build(params, *args)
    key = (build, *args, tuple(sorted(params.active_filters())), get_language())
    # Read once: another thread may clear the dict between a test and a second read.
    try:
        plan = _plans[key]
    except KeyError:
        if len(_plans) >= MAX_SHAPES:
            _plans.clear()
        plan = _plans[key] = _plan(build(_stand_ins(params), *args), params)
    if plan is None:
        return build(params, *args)
    values = _values(params)
    sql_params = tuple(values[p] if _is_stand_in(p) else p for p in plan.params)
    queryset = plan.queryset.all()  # a copy: the kept one is never run

    def get_compiler(
        using: str | None = None, connection: Any = None, elide_empty: bool = True
    ) -> SQLCompiler:
        compiler = copy.copy(plan.compiler)
        compiler.connection = connection or connections[using or queryset.db]
        # Run as the connection's prepared statement of this SQL (search_prepared).
        compiler.as_sql = lambda *a, **k: search_prepared.execution(  # type: ignore[method-assign]
            compiler.connection, plan.sql, sql_params
        )
        return compiler

    queryset.query.get_compiler = get_compiler  # type: ignore[method-assign]
    return queryset
