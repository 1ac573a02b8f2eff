"""Admin lists over large tables without counting every row on every page view.

Django's change list counts its rows twice per request: the filtered list (for the
paginator) and the whole table (for "N total"). ``SELECT count(*)`` over 500,000 accounts or
2,000,000 votes reads the whole table or index each time, which alone costs more than the
300 ms the Secretariat's screens are allowed (issue 16, item 5). PostgreSQL already keeps an
estimate of every table's row count (``pg_class.reltuples``, refreshed by autovacuum's
ANALYZE) and of every query's (the planner's row estimate); a list of 500,000 rows reads the
same whether its paginator says 500,000 or 499,812.

Use ``LargeTableAdmin`` (the paginator and no full count) on every admin over a table that
can grow past a few thousand rows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

from wsis_portal.admin_rows import QuickRowsAdmin
from wsis_portal.admin_search import IndexedSearchAdmin

if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin
else:
    _AdminBase = object

# Below this many rows an exact count is cheap (an index-only scan of a few thousand
# entries) and the list's total is exact; above it the total is PostgreSQL's estimate.
EXACT_UP_TO = 10_000


def table_row_estimate(queryset: QuerySet) -> int:
    """PostgreSQL's estimate of the rows in the queryset's table; -1 if never analysed."""
    table = queryset.model._meta.db_table
    with connections[queryset.db].cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
        row = cursor.fetchone()
    return int(row[0]) if row else -1


def plan_row_estimate(queryset: QuerySet) -> int:
    """The planner's estimate of the rows the queryset returns (EXPLAIN, nothing is run)."""
    plan = json.loads(queryset.order_by().explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def is_whole_table(queryset: QuerySet) -> bool:
    """True when the queryset returns every row of its table once (no WHERE, no DISTINCT,
    no GROUP BY, no UNION); ``select_related`` joins along foreign keys add no rows."""
    query = queryset.query
    return (
        not query.where
        and not query.distinct
        and query.group_by is None
        and not query.combinator
        and not query.low_mark
        and query.high_mark is None
    )


class EstimatedCountPaginator(Paginator):
    """A paginator whose ``count`` is exact for small results and estimated for large ones.

    - the whole table: ``pg_class.reltuples`` when it says more than ``exact_up_to``;
    - a filtered or searched list: rows are counted up to ``exact_up_to`` + 1 (a bounded
      ``count(*)`` over a ``LIMIT`` subquery, which stops early); only when that bound is
      reached does the total become the planner's estimate (never less than the bound).

    Anything that is not a PostgreSQL queryset is counted as Django always does.
    """

    exact_up_to = EXACT_UP_TO

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet) or connections[queryset.db].vendor != "postgresql":
            return super().count
        if is_whole_table(queryset):
            estimate = table_row_estimate(queryset)
            if estimate > self.exact_up_to:
                return estimate
            return super().count
        bounded = queryset.order_by()[: self.exact_up_to + 1].count()
        if bounded <= self.exact_up_to:
            return bounded
        return max(bounded, plan_row_estimate(queryset))


class LargeTableAdmin(IndexedSearchAdmin, QuickRowsAdmin):
    """Mixin for a ModelAdmin over a large table: estimated counts, no "N total" count, the
    rows' HTML built once per page where it can (``wsis_portal.admin_rows``) and a search
    across relations that each field's index answers (``wsis_portal.admin_search``; give
    every ``icontains`` search field a trigram index, ``wsis_portal.trigram``).

    Put it first among the bases. Pair it with ``list_select_related`` for every foreign key
    the list shows and an index for the list's default ordering.
    """

    paginator = EstimatedCountPaginator
    show_full_result_count = False


def country_column(field: str, description: Any) -> Callable[[Any], str]:
    """A list column showing a ``CountryField`` by its name.

    Django's own column for a field with choices looks the value up in ``field.flatchoices``,
    which django-countries rebuilds (250 translated, sorted names) on every call: twice per
    row, 2 seconds for a page of 100 rows. The ``Country`` object names itself directly.
    """

    @admin.display(description=description, ordering=field)
    def column(obj: Any) -> str:
        country = getattr(obj, field)
        return str(country.name) if country else ""

    return column
