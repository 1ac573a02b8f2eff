"""The one sort table of published entries: the search page's form, its SQL and the API read it.

Each row: the key (the ``sort`` value of the page's form and of the API, the same name in both),
the label the page shows, and the ORM ordering. The SQL ordering of the search page's one-query
page of results is derived from the ORM ordering, so the three cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise

from .enums import Sort


@dataclass(frozen=True)
class SortOrder:
    key: str
    label: str | Promise
    ordering: tuple[str, ...]
    # Relevance ranks by the text query: without one (or without PostgreSQL) it sorts newest first.
    needs_text: bool = False

    @property
    def sql(self) -> str:
        """The ordering as SQL over columns named like the model's fields (``rank DESC, id DESC``)."""
        return ", ".join(
            f"{name[1:]} DESC" if name.startswith("-") else f"{name} ASC" for name in self.ordering
        )


SORTS: dict[str, SortOrder] = {
    row.key: row
    for row in (
        SortOrder(
            Sort.RELEVANCE, Sort.RELEVANCE.label, ("-rank", "-published_at", "-id"), needs_text=True
        ),
        SortOrder(Sort.NEWEST, Sort.NEWEST.label, ("-published_at", "-id")),
        SortOrder(Sort.OLDEST, Sort.OLDEST.label, ("published_at", "id")),
        SortOrder(Sort.TITLE, Sort.TITLE.label, ("title", "id")),
    )
}
SORT_CHOICES = [(row.key, row.label) for row in SORTS.values()]
DEFAULT_SORT = Sort.NEWEST


def sort_for(key: str | None, *, text: str, can_rank: bool) -> SortOrder:
    """The row to apply for a requested key. No key: relevance with a text query, else newest.

    An unknown key also falls back to newest here; the FilterSet refuses it before (the page
    explains the error, the API answers 400), so this fallback only keeps the query well formed.
    """
    row = SORTS.get(key or (Sort.RELEVANCE if text else DEFAULT_SORT), SORTS[DEFAULT_SORT])
    if row.needs_text and not (text and can_rank):
        return SORTS[DEFAULT_SORT]
    return row
