"""Every write of WSIS Stocktaking, one module per part: ``entries`` (drafts, submissions, updates
and the entry's transition function), ``moderation`` and ``imports``. The package re-exports them
all (``from stocktaking.services import entry_submit`` keeps working)."""

from .entries import (
    CACHE_VERSION_KEY,
    ENTRY_FIELDS,
    entry_save_draft,
    entry_status_change,
    entry_submit,
    entry_update_propose,
    search_cache_bump,
)
from .imports import IMPORT_COLUMNS, IMPORT_MAX_ROWS, ImportResult, entries_import
from .moderation import revision_publish, revision_reject, revision_status_change

__all__ = [
    "CACHE_VERSION_KEY",
    "ENTRY_FIELDS",
    "IMPORT_COLUMNS",
    "IMPORT_MAX_ROWS",
    "ImportResult",
    "entries_import",
    "entry_save_draft",
    "entry_status_change",
    "entry_submit",
    "entry_update_propose",
    "revision_publish",
    "revision_reject",
    "revision_status_change",
    "search_cache_bump",
]
