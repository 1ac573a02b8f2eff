"""Every read of WSIS Stocktaking (selectors return data, never HTML), one module per part:
``entries``, ``search``, ``exports``, ``reports``, ``calls``, ``matrix``, ``site_search``. The
package re-exports them all, so ``from stocktaking.selectors import entry_search`` and ``selectors.entry_search`` keep
working. ``EXPORT_CHUNK`` is not re-exported: it is read by ``exports``, so patch it there."""

from .calls import (
    call_open,
    call_open_for_display,
    calls_for_home,
    calls_next_change,
    next_call,
)
from .entries import (
    CARD_FIELDS,
    entries_of_user,
    entry_for_viewer,
    last_decision,
    pending_update,
    pending_update_initial,
    published_entries,
    with_taxonomy,
)
from .exports import EXPORT_COLUMNS, EXPORT_HEADER, export_rows
from .matrix import matrix_counts, matrix_items
from .reports import Bar, report, report_years
from .search import (
    CACHE_SECONDS,
    FACET_SQL,
    FACETS,
    PAGE_ORDER,
    PAGE_SIZE,
    PAGE_SQL,
    Facet,
    FacetOption,
    entry_filter,
    entry_search,
    facet_counts,
    filtered_entries,
    ordered_entries,
)
from .site_search import entries_page

__all__ = [
    "CACHE_SECONDS",
    "CARD_FIELDS",
    "EXPORT_COLUMNS",
    "EXPORT_HEADER",
    "FACETS",
    "FACET_SQL",
    "PAGE_ORDER",
    "PAGE_SIZE",
    "PAGE_SQL",
    "Bar",
    "Facet",
    "FacetOption",
    "call_open",
    "call_open_for_display",
    "calls_for_home",
    "calls_next_change",
    "entries_of_user",
    "entries_page",
    "entry_filter",
    "entry_for_viewer",
    "entry_search",
    "export_rows",
    "facet_counts",
    "filtered_entries",
    "last_decision",
    "matrix_counts",
    "matrix_items",
    "next_call",
    "ordered_entries",
    "pending_update",
    "pending_update_initial",
    "published_entries",
    "report",
    "report_years",
    "with_taxonomy",
]
