"""One search for the whole site (``/search/``): the kinds of content each app makes searchable.

The base never imports a domain app, so each app registers its searchable kinds from its
``AppConfig.ready`` (``site_search.register(SearchKind(...))``). A kind answers one question:
for these search terms and filters, how many public items match, and which ones rank first
(offset, limit). It searches only what the public may see (published, not drafts) and reads
its text in every language (``wsis_portal.search``); the titles it returns are in the
visitor's language where the content is translated (modeltranslation reads the active one).

A whole answer is cached (``CACHE_SECONDS``) under the data version of the site search: a
kind names the models its results read (``watch``) and any write to one of them bumps the
version, so a search never shows what a later write changed. The version lives in the cache
itself; when the cache is down every search is computed.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import get_language

Label = str | Promise

# The filters a kind may support; a kind that lacks one has no results when it is set
# (UNGIS members have no year: "2025" cannot narrow them, so they are left out).
FILTERS = ("action_line", "sdg", "year")

# A cached answer lives this long at most, whatever the version: it bounds what a write that
# sends no signal (a bulk update, a migration) can leave stale.
CACHE_SECONDS = 120
# A kind counts (and ranks) at most this many matches; above it the page says "1,000 or more".
COUNT_CAP = 1000
VERSION_KEY = "site-search:data-version"
# The planner settings of a search's transaction (one round trip; see _compute).
SEARCH_SETTINGS = (
    "SET LOCAL enable_seqscan = off; SET LOCAL max_parallel_workers_per_gather = 0; "
    "SET LOCAL enable_mergejoin = off"
)
# The words of the warm-up search (warm_up): no item holds them.
WARM_UP_WORDS = "zqxwarmupzqx"


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
    # The models (many-to-many "through" models included) whose writes change the results.
    watch: tuple[type[Model], ...] = ()
    # (table, its search document's SQL) holding every item the kind could find, public or
    # not: when no row of it matches the words, the kind answers none without its query.
    probe: tuple[str, str] | None = None

    def supports(self, params: SearchParams) -> bool:
        return params.active_filters() <= self.filters


@dataclass
class KindResult:
    kind: SearchKind
    count: int
    hits: list[SearchHit]
    # The count is a lower bound: more items match than were counted ("1,000+").
    more: bool = False


_kinds: dict[str, SearchKind] = {}


def register(kind: SearchKind) -> None:
    """Add a kind of content; registering the same key twice keeps the first (ready() reruns)."""
    _kinds.setdefault(kind.key, kind)
    for model in kind.watch:
        uid = f"site-search-{model._meta.label_lower}"
        post_save.connect(_data_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_data_changed, sender=model, dispatch_uid=f"{uid}-delete")
        m2m_changed.connect(_data_changed, sender=model, dispatch_uid=f"{uid}-m2m")


def bump_version() -> None:
    """Make every cached answer stale (the cache is an optimisation: an outage is ignored)."""
    with contextlib.suppress(Exception):
        cache.set(VERSION_KEY, time.time_ns(), None)


def _data_changed(**kwargs: Any) -> None:
    # Now, so this transaction's next searches see its write, and again after the commit,
    # so an answer computed meanwhile from the data before the commit is not kept.
    bump_version()
    transaction.on_commit(bump_version)


def _version() -> str:
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = time.time_ns()
            cache.add(VERSION_KEY, version, None)
            version = cache.get(VERSION_KEY, version)
    except Exception:
        return ""
    return str(version)


def kinds() -> list[SearchKind]:
    return sorted(_kinds.values(), key=lambda k: (k.order, k.key))


def kind_keys() -> list[str]:
    return [k.key for k in kinds()]


def site_search(
    *, params: SearchParams, only: str = "", offset: int = 0, limit: int = 20, preview: int = 5
) -> list[KindResult]:
    """Every kind's count and best hits: ``preview`` of each, or a page of the ``only`` kind.

    A kind the filters cannot apply to answers zero without a query. Each kind costs one
    query, whatever the number of matches (``wsis_portal.search_ranking`` bounds it); the
    answer is cached until the searched data next changes.
    """
    version = _version()
    if not version:
        return _compute(params=params, only=only, offset=offset, limit=limit, preview=preview)
    parts = (params, only, offset, limit, preview, get_language(), sorted(_kinds))
    digest = hashlib.sha1(repr(parts).encode()).hexdigest()
    key = f"site-search:{version}:{digest}"
    try:
        stored = cache.get(key)
    except Exception:
        stored = None
    if stored is not None:
        return [KindResult(kind=_kinds[k], count=c, hits=h, more=m) for k, c, h, m in stored]
    results = _compute(params=params, only=only, offset=offset, limit=limit, preview=preview)
    with contextlib.suppress(Exception):
        cache.set(
            key,
            [(r.kind.key, r.count, r.hits, r.more) for r in results],
            CACHE_SECONDS,
        )
    return results


def warm_up(*, preview: int) -> None:
    """Run the grouped page's search once in every language, for words no item holds.

    A new web worker's first search compiled each kind's query shape in the visitor's
    language (``wsis_portal.search_plans``: a few ms of Python each) and its database
    connection read the catalogue of every table, index and function the search touches:
    70 ms against 30 for the next one at WSIS scale, and under load such first requests
    were most of the slowest five in a hundred. Done when a worker starts, they are paid
    before any visitor waits (gunicorn replaces each worker every few thousand requests).
    Every kind's query runs (no probe skips it) and, as its words match nothing, costs
    little; nothing is cached.
    """
    params = SearchParams(text=WARM_UP_WORDS)
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            _compute(params=params, only="", offset=0, limit=0, preview=preview, probe=False)


def _compute(
    *,
    params: SearchParams,
    only: str,
    offset: int,
    limit: int,
    preview: int,
    probe: bool = True,
) -> list[KindResult]:
    with transaction.atomic(savepoint=False):
        if params.text and connection.vendor == "postgresql":
            # For this transaction only: a word in a quarter of 100,000 entries looks to the
            # planner like a job for a sequential scan, which reads every row's large
            # document (1.5 s); the GIN index finds the same rows without reading them.
            # No parallel workers either: starting one costs more than the scan it shares
            # ("community network" over the entries: 24 ms alone, 32 ms with a worker), and
            # concurrent searches have no idle core to give it.
            # No merge joins: with sequential scans off, the planner joined a few dozen
            # matching outcome reports to their sessions by walking the whole sessions' index
            # in order (2,988 rows, 1 ms for 79 reports) instead of looking each one up.
            # The same round trip asks which kinds' tables hold the words at all (_probe).
            probed = [k for k in kinds() if probe and k.probe and k.supports(params)]
            with connection.cursor() as cursor:
                if probed:
                    cursor.execute(SEARCH_SETTINGS + _probe(probed), {"q": params.text})
                    found = cursor.fetchone()
                else:
                    cursor.execute(SEARCH_SETTINGS)
                    found = ()
            unmatched = {k.key for k, hit in zip(probed, found, strict=True) if not hit}
        else:
            unmatched = set()
        return _kinds_search(
            params=params,
            only=only,
            offset=offset,
            limit=limit,
            preview=preview,
            unmatched=unmatched,
        )


def _probe(probed: list[SearchKind]) -> str:
    """One row: for each kind, whether any row of its table matches the words.

    A kind with no match at all (most kinds, for most words) then costs no query: planning
    its statement and building its queryset cost more than this test of its GIN index. A
    GIN index answers with the bitmap of every match, not the first one, so only tables of a
    few thousand rows are worth probing: the entries' ("community network": 26,798 matches)
    cost 9-10 ms, more than the entries' own statement.
    """
    tests = ", ".join(
        f"EXISTS (SELECT 1 FROM {table} WHERE {document} @@ wsis_search_match(%(q)s))"
        for table, document in (k.probe for k in probed if k.probe)
    )
    return f"; SELECT {tests}"


def _kinds_search(
    *,
    params: SearchParams,
    only: str,
    offset: int,
    limit: int,
    preview: int,
    unmatched: AbstractSet[str] = frozenset(),
) -> list[KindResult]:
    results = []
    for kind in kinds():
        if not params.text or not kind.supports(params) or kind.key in unmatched:
            results.append(KindResult(kind=kind, count=0, hits=[]))
            continue
        if only and kind.key != only:
            count, hits = kind.search(params, 0, 0)
        elif only:
            count, hits = kind.search(params, offset, limit)
        else:
            count, hits = kind.search(params, 0, preview)
        results.append(
            KindResult(kind=kind, count=min(count, COUNT_CAP), hits=hits, more=count > COUNT_CAP)
        )
    return results
