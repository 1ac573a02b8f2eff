"""The public search: the filtered entries, their facet counts (one query) and one page of results."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchRank
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import F, FloatField, QuerySet, Sum, Value
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from accounts.enums import StakeholderType
from forum.enums import Region
from forum.models import SDG, ActionLine
from wsis_portal.params import page_number as params_page_number

from ..caching import _cache_version, cached, taxonomy
from ..enums import Sort
from ..filters import EntryFilter, search_query, uses_postgres
from ..models import Entry, EntryActionLine, EntrySDG, FacetCount
from ..sorting import SORT_CHOICES, SORTS, sort_for
from .entries import CARD_FIELDS, published_entries, with_taxonomy

PAGE_SIZE = 20
CACHE_SECONDS = 600


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected_count(self) -> int:
        return sum(1 for o in self.options if o.selected)


def entry_filter(params: QueryDict) -> EntryFilter:
    return EntryFilter(params, queryset=published_entries())


def filtered_entries(filterset: EntryFilter) -> QuerySet[Entry]:
    """The published entries matching a bound FilterSet (all of them when it is invalid)."""
    if filterset.is_valid():
        return filterset.qs
    return published_entries().none()


def _normalised(filterset: EntryFilter) -> tuple[Any, ...]:
    """The filters that decide the result set, in one order; sort and page do not change it.

    An invalid query matches nothing: it must not share a key with the unfiltered search.
    """
    if not filterset.is_valid():
        return ("invalid",)
    data = filterset.form.cleaned_data
    parts = []
    for name in sorted(data):
        if name in ("sort",):
            continue
        value = data[name]
        if hasattr(value, "__iter__") and not isinstance(value, str):
            value = sorted(str(getattr(v, "pk", v)) for v in value)
        parts.append((name, value))
    return tuple(parts)


def _unfiltered(filterset: EntryFilter) -> bool:
    """True when the query keeps every published entry (no text, no facet value; any sort)."""
    if not filterset.is_valid():
        return False
    for name, value in filterset.form.cleaned_data.items():
        if name == "sort" or value is None:
            continue
        if isinstance(value, str) and not value.strip():
            continue
        if hasattr(value, "__len__") and not isinstance(value, str) and len(value) == 0:
            continue
        return False  # a value, False included (success_story=false filters too)
    return True


FACET_SQL = """
WITH f (id, region, country, stakeholder_type, start_year, story, published_at, title, rank)
    AS ({filtered})
SELECT 'region', region, COUNT(*) FROM f GROUP BY region
UNION ALL SELECT 'country', country, COUNT(*) FROM f GROUP BY country
UNION ALL SELECT 'stakeholder_type', stakeholder_type, COUNT(*) FROM f GROUP BY stakeholder_type
UNION ALL SELECT 'year', CAST(start_year AS TEXT), COUNT(*) FROM f GROUP BY start_year
UNION ALL SELECT 'success_story', CASE WHEN story THEN '1' ELSE '0' END, COUNT(*) FROM f GROUP BY story
UNION ALL SELECT 'action_line', CAST(l.action_line_id AS TEXT), COUNT(*)
    FROM {al_table} l INNER JOIN f ON l.entry_id = f.id GROUP BY l.action_line_id
UNION ALL SELECT 'sdg', CAST(g.sdg_id AS TEXT), COUNT(*)
    FROM {sdg_table} g INNER JOIN f ON g.entry_id = f.id GROUP BY g.sdg_id
{page}"""
# The page of results from the same filtered set, so the text search runs once per request.
PAGE_SQL = """UNION ALL SELECT 'page', CAST(p.id AS TEXT), p.rn FROM (
    SELECT q.id, ROW_NUMBER() OVER (ORDER BY {order}) AS rn
    FROM (SELECT * FROM f ORDER BY {order} LIMIT {limit} OFFSET {offset}) q
) p
"""
# From the one sort table, so the SQL page orders exactly as the ORM and the API do.
PAGE_ORDER = {key: row.sql for key, row in SORTS.items()}
FACETS = ("region", "country", "stakeholder_type", "year", "success_story", "action_line", "sdg")


def facet_counts(
    qs: QuerySet[Entry],
    *,
    sort: str | None = None,
    text: str = "",
    offset: int = 0,
    limit: int = 0,
) -> dict[str, Any]:
    """Counts per value of every facet over ``qs``, in ONE query whatever the result size.

    The filtered entries are computed once (a CTE, so the text search runs once) and every
    facet is an aggregate over it; the Action Line and SDG counts join the indexed through
    tables to it. The total is the sum of the region counts (each entry has exactly one
    region value, possibly blank). With ``sort`` and ``limit`` the same query also returns
    the ids of one page of results in that order (``counts["page"]``).
    """
    ranked = sort == Sort.RELEVANCE and text and uses_postgres()
    rank = (
        SearchRank(F("search_vector"), search_query(text))
        if ranked
        else Value(0.0, output_field=FloatField())
    )
    columns = (
        "pk", "region", "country", "stakeholder_type", "start_year", "is_success_story",
        "published_at", "title", "rank",
    )  # fmt: skip
    try:
        filtered, params = (
            qs.order_by().annotate(rank=rank).values_list(*columns).query.sql_with_params()
        )
    except EmptyResultSet:  # e.g. an invalid filter: nothing matches, no query needed
        return {**{name: {} for name in FACETS}, "total": 0, "page": []}
    page = ""
    if sort in PAGE_ORDER and limit:
        page = PAGE_SQL.format(order=PAGE_ORDER[sort], limit=int(limit), offset=int(offset))
    sql = FACET_SQL.format(
        filtered=filtered,
        al_table=EntryActionLine._meta.db_table,
        sdg_table=EntrySDG._meta.db_table,
        page=page,
    )
    counts: dict[str, Any] = {name: {} for name in FACETS}
    page_rows: list[tuple[int, int]] = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for facet, value, n in cursor.fetchall():
            if facet == "page":
                page_rows.append((n, int(value)))
                continue
            if facet in ("year", "action_line", "sdg"):
                value = int(value) if value is not None else None
            elif facet == "success_story":
                value = value == "1"
            counts[facet][value] = n
    counts["total"] = sum(counts["region"].values())
    counts["page"] = [entry_id for _, entry_id in sorted(page_rows)]
    return counts


def summary_counts(
    *, call_ids: Iterable[int] | QuerySet[Any, Any] | None = None, region: str = ""
) -> dict[str, Any]:
    """The facet counts of all published entries (of some calls, of one region) as
    ``facet_counts`` gives them, summed from the trigger-kept ``FacetCount`` rows: a few
    thousand rows instead of every entry. PostgreSQL only (the triggers are)."""
    rows = FacetCount.objects.filter(facet__in=FACETS).exclude(n=0)
    if call_ids is not None:
        rows = rows.filter(call_key__in=call_ids)
    if region:
        rows = rows.filter(region=region)
    counts: dict[str, Any] = {name: {} for name in FACETS}
    for facet, value, n in rows.values_list("facet", "value").annotate(total=Sum("n")).order_by():
        if facet in ("year", "action_line", "sdg"):
            value = int(value)
        elif facet == "success_story":
            value = value == "1"
        counts[facet][value] = n
    counts["total"] = sum(counts["region"].values())
    return counts


def _build_facets(
    filterset: EntryFilter, counts: dict[str, Any], action_lines: list[ActionLine], sdgs: list[SDG]
) -> list[Facet]:
    data = filterset.form.cleaned_data if filterset.is_valid() else {}

    def chosen(name: str) -> set[str]:
        return {str(getattr(v, "pk", v)) for v in (data.get(name) or [])}

    al_chosen, sdg_chosen = chosen("action_line"), chosen("sdg")
    facets = [
        Facet(
            "action_line",
            _("Action Line"),
            [
                FacetOption(
                    al.code,
                    f"{al.code} {al.short_title}",
                    counts["action_line"].get(al.pk, 0),
                    al.code in al_chosen,
                )
                for al in action_lines
            ],
        ),
        Facet(
            "sdg",
            _("Sustainable Development Goal"),
            [
                FacetOption(
                    str(s.number),
                    f"{s.number}. {s.short_title}",
                    counts["sdg"].get(s.pk, 0),
                    str(s.number) in sdg_chosen,
                )
                for s in sdgs
            ],
        ),
        Facet(
            "region",
            _("Region"),
            [
                FacetOption(
                    r.value,
                    str(r.label),
                    counts["region"].get(r.value, 0),
                    r.value in chosen("region"),
                )
                for r in Region
            ],
        ),
        Facet(
            "stakeholder_type",
            _("Stakeholder type"),
            [
                FacetOption(
                    t.value,
                    str(t.label),
                    counts["stakeholder_type"].get(t.value, 0),
                    t.value in chosen("stakeholder_type"),
                )
                for t in StakeholderType
            ],
        ),
    ]
    country_sel = chosen("country")
    country_opts = [
        FacetOption(code, countries.name(code) or code, n, code in country_sel)
        for code, n in counts["country"].items()
        if code
    ]
    country_opts += [
        FacetOption(code, countries.name(code), 0, True)
        for code in country_sel
        if code not in counts["country"]
    ]
    country_opts.sort(key=lambda o: (-o.count, o.label))
    facets.append(Facet("country", _("Country"), country_opts))
    year_sel = chosen("year")
    year_opts = [
        FacetOption(str(y), str(y), n, str(y) in year_sel) for y, n in counts["year"].items() if y
    ]
    year_opts += [FacetOption(y, y, 0, True) for y in year_sel if int(y) not in counts["year"]]
    year_opts.sort(key=lambda o: -int(o.value))
    facets.append(Facet("year", _("Start year"), year_opts))
    facets.append(
        Facet(
            "success_story",
            _("Success stories"),
            [
                FacetOption(
                    "true",
                    _("Success stories only"),
                    counts["success_story"].get(True, 0),
                    data.get("success_story") is True,
                )
            ],
        )
    )
    return facets


class _CountedPaginator(Paginator):  # type: ignore[type-arg]
    """A paginator told its count (from the facet totals) instead of running COUNT(*)."""

    def __init__(self, object_list: Any, per_page: int, count: int) -> None:
        super().__init__(object_list, per_page)
        self.count = count


def ordered_entries(qs: QuerySet[Entry], *, sort: str | None, text: str) -> QuerySet[Entry]:
    """``qs`` in the order of a sort key of the one table (the page and the API both use it)."""
    row = sort_for(sort, text=text, can_rank=uses_postgres())
    if row.needs_text:
        qs = qs.annotate(rank=SearchRank(F("search_vector"), search_query(text)))
    return qs.order_by(*row.ordering)


def _ordered(filterset: EntryFilter, qs: QuerySet[Entry]) -> tuple[QuerySet[Entry], str]:
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    text = (data.get("q") or "").strip()
    requested = data.get("sort") or None
    sort = sort_for(requested, text=text, can_rank=uses_postgres()).key
    return ordered_entries(qs, sort=sort, text=text), sort


def entry_search(*, params: QueryDict, page_number: str | int | None = 1) -> dict[str, Any]:
    """One page of published entries for a query string, with facet counts (data, no HTML).

    A fixed number of queries whatever the size of the result: one aggregate query for all
    facet counts (plus the Action Line and SDG lists that label them), the page itself and
    its Action Lines and SDGs. The facets are cached per query and language until published
    data next changes. The page of results stays a lazy queryset until something reads it,
    so a view that keeps its rendering in the cache (``cache_version`` and ``facets_key``
    name it) answers a repeated search without reading the page from the database.
    """
    filterset = entry_filter(params)
    qs = filtered_entries(filterset)
    version = _cache_version()
    ordered, sort = _ordered(filterset, qs)
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    # Clamped before it becomes an SQL offset: a huge page number must not overflow a bigint.
    wanted = params_page_number(page_number)
    fetched: dict[str, list[int]] = {}

    unfiltered = uses_postgres() and _unfiltered(filterset)

    def facet_bundle() -> dict[str, Any]:
        if unfiltered:
            # Every published entry: the counts are kept by triggers, the page read by index.
            counts = summary_counts()
            action_lines, sdgs = taxonomy()
            facets = _build_facets(filterset, counts, action_lines, sdgs)
            return {"total": counts["total"], "facets": facets}
        counts = facet_counts(
            qs,
            sort=sort,
            text=(data.get("q") or "").strip(),
            offset=(wanted - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
        )
        fetched["page"] = counts.pop("page")
        action_lines, sdgs = taxonomy()
        facets = _build_facets(filterset, counts, action_lines, sdgs)
        return {"total": counts["total"], "facets": facets}

    facets_key = ("facets", _normalised(filterset), get_language())
    bundle = cached(facets_key, facet_bundle, version)
    ordered = with_taxonomy(ordered.only(*CARD_FIELDS))
    paginator = _CountedPaginator(ordered, PAGE_SIZE, bundle["total"])
    page: Page[Any] = paginator.page(min(wanted, paginator.num_pages))
    if "page" in fetched and page.number == wanted:
        # The facet query already found this page's ids: fetch those rows by primary key.
        ids = fetched["page"]
        rows = {e.pk: e for e in with_taxonomy(Entry.objects.filter(pk__in=ids).only(*CARD_FIELDS))}
        page.object_list = [rows[i] for i in ids if i in rows]
    return {
        "filterset": filterset,
        "page_obj": page,
        "entries": page.object_list,
        "total": bundle["total"],
        "facets": bundle["facets"],
        "sort": sort,
        "sort_choices": SORT_CHOICES,
        "cache_version": version,
        "facets_key": facets_key,
    }
