"""One search for the whole site (``/search/``): the kinds of content each app makes searchable.

The base never imports a domain app, so each app registers its searchable kinds from its
``AppConfig.ready`` (``site_search.register(SearchKind(...))``). A kind answers one question:
for these search terms and filters, how many public items match, and which ones rank first
(offset, limit). It searches only what the public may see (published, not drafts) and reads
its text in every language (``wsis_portal.search``); the titles it returns are in the
visitor's language where the content is translated (modeltranslation reads the active one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise

Label = str | Promise

# The filters a kind may support; a kind that lacks one has no results when it is set
# (UNGIS members have no year: "2025" cannot narrow them, so they are left out).
FILTERS = ("action_line", "sdg", "year")


@dataclass(frozen=True)
class SearchParams:
    """What the visitor asked: the words, and optional filters (Action Line code, SDG, year)."""

    text: str
    action_line: str = ""
    sdg: int | None = None
    year: int | None = None

    def active_filters(self) -> set[str]:
        return {
            name
            for name, value in (
                ("action_line", self.action_line),
                ("sdg", self.sdg),
                ("year", self.year),
            )
            if value
        }


@dataclass(frozen=True)
class SearchHit:
    """One result: what the list shows of it."""

    title: str
    url: str
    summary: str = ""
    meta: str = ""
    lang: str = ""


# (params, offset, limit) -> (how many match, the hits ranked offset..offset+limit)
KindSearch = Callable[[SearchParams, int, int], tuple[int, list[SearchHit]]]


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: Label
    search: KindSearch
    filters: frozenset[str] = field(default_factory=frozenset)
    order: int = 50

    def supports(self, params: SearchParams) -> bool:
        return params.active_filters() <= self.filters


@dataclass
class KindResult:
    kind: SearchKind
    count: int
    hits: list[SearchHit]


_kinds: dict[str, SearchKind] = {}


def register(kind: SearchKind) -> None:
    """Add a kind of content; registering the same key twice keeps the first (ready() reruns)."""
    _kinds.setdefault(kind.key, kind)


def kinds() -> list[SearchKind]:
    return sorted(_kinds.values(), key=lambda k: (k.order, k.key))


def kind_keys() -> list[str]:
    return [k.key for k in kinds()]


def site_search(
    *, params: SearchParams, only: str = "", offset: int = 0, limit: int = 20, preview: int = 5
) -> list[KindResult]:
    """Every kind's count and best hits: ``preview`` of each, or a page of the ``only`` kind.

    A kind the filters cannot apply to answers zero without a query. Each kind costs one
    query (its count rides on its ranked page as a window), whatever the number of matches.
    """
    results = []
    for kind in kinds():
        if not params.text or not kind.supports(params):
            results.append(KindResult(kind=kind, count=0, hits=[]))
            continue
        if only and kind.key != only:
            count, hits = kind.search(params, 0, 0)
        elif only:
            count, hits = kind.search(params, offset, limit)
        else:
            count, hits = kind.search(params, 0, preview)
        results.append(KindResult(kind=kind, count=count, hits=hits))
    return results
