"""Every non-trivial read of WSIS Stocktaking: search with facets, reports, the matrix, /my/."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.postgres.search import SearchRank
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, FloatField, Prefetch, Q, QuerySet, Value
from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from accounts.enums import StakeholderType
from accounts.models import User
from forum.enums import Region
from forum.models import SDG, ActionLine
from wsis_portal.params import page_number as params_page_number
from wsis_portal.publishing import published_q
from wsis_portal.registry import MatrixItem

from .caching import _cache_version, cached, taxonomy
from .enums import CallKind, EntryStatus, RevisionStatus, Sort
from .filters import EntryFilter, search_query, uses_postgres
from .models import Call, Entry, EntryActionLine, EntryRevision, EntrySDG

PAGE_SIZE = 20
CACHE_SECONDS = 600
# Columns a result card shows; the long description is cut in the template.
CARD_FIELDS = (
    "id",
    "title",
    "organisation",
    "country",
    "region",
    "stakeholder_type",
    "start_year",
    "is_success_story",
    "published_at",
    "description",
)


def published_entries() -> QuerySet[Entry]:
    return Entry.objects.filter(status=EntryStatus.PUBLISHED)


# --- search -------------------------------------------------------------------------------


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
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    parts = []
    for name in sorted(data):
        if name in ("sort",):
            continue
        value = data[name]
        if hasattr(value, "__iter__") and not isinstance(value, str):
            value = sorted(str(getattr(v, "pk", v)) for v in value)
        parts.append((name, value))
    return tuple(parts)


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
PAGE_ORDER = {
    Sort.RELEVANCE: "rank DESC, published_at DESC, id DESC",
    Sort.NEWEST: "published_at DESC, id DESC",
    Sort.OLDEST: "published_at ASC, id ASC",
    Sort.TITLE: "title ASC, id ASC",
}
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
        page = PAGE_SQL.format(order=PAGE_ORDER[Sort(sort)], limit=int(limit), offset=int(offset))
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


def _ordered(filterset: EntryFilter, qs: QuerySet[Entry]) -> tuple[QuerySet[Entry], str]:
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    text = (data.get("q") or "").strip()
    sort = data.get("sort") or (Sort.RELEVANCE if text else Sort.NEWEST)
    if sort == Sort.RELEVANCE and not (text and uses_postgres()):
        sort = Sort.NEWEST  # ranking needs a text query and PostgreSQL's full-text search
    if sort == Sort.RELEVANCE and uses_postgres():
        qs = qs.annotate(rank=SearchRank(F("search_vector"), search_query(text)))
        return qs.order_by("-rank", "-published_at", "-id"), sort
    if sort == Sort.OLDEST:
        return qs.order_by("published_at", "id"), sort
    if sort == Sort.TITLE:
        return qs.order_by("title", "id"), sort
    return qs.order_by("-published_at", "-id"), sort


def with_taxonomy(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.prefetch_related(
        Prefetch(
            "action_lines",
            queryset=ActionLine.objects.only("id", "code", "title", "short_name"),
        ),
        Prefetch("sdgs", queryset=SDG.objects.only("id", "number", "title", "short_name")),
    )


def entry_search(
    *,
    params: QueryDict,
    page_number: str | int | None = 1,
    render_facets: Callable[[list[Facet]], str] | None = None,
    render_results: Callable[[Page[Any]], str] | None = None,
) -> dict[str, Any]:
    """One page of published entries for a query string, with facet counts.

    A fixed number of queries whatever the size of the result: one aggregate query for all
    facet counts (plus the Action Line and SDG lists that label them), the page itself and
    its Action Lines and SDGs. The facets, and their rendered HTML when ``render_facets`` is
    given, are cached per query string and language until published data next changes;
    so is the rendered page of results when ``render_results`` is given (then a repeated
    search reads the page from the cache instead of the database).
    """
    filterset = entry_filter(params)
    qs = filtered_entries(filterset)
    version = _cache_version()
    ordered, sort = _ordered(filterset, qs)
    data = filterset.form.cleaned_data if filterset.is_valid() else {}
    # Clamped before it becomes an SQL offset: a huge page number must not overflow a bigint.
    wanted = params_page_number(page_number)
    fetched: dict[str, list[int]] = {}

    def facet_bundle() -> dict[str, Any]:
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
        html = render_facets(facets) if render_facets else ""
        return {"total": counts["total"], "facets": facets, "html": html}

    key = ("facets", _normalised(filterset), get_language(), render_facets is not None)
    bundle = cached(key, facet_bundle, version)
    ordered = with_taxonomy(ordered.only(*CARD_FIELDS))
    paginator = _CountedPaginator(ordered, PAGE_SIZE, bundle["total"])
    page: Page[Any] = paginator.page(min(wanted, paginator.num_pages))
    if "page" in fetched and page.number == wanted:
        # The facet query already found this page's ids: fetch those rows by primary key.
        ids = fetched["page"]
        rows = {e.pk: e for e in with_taxonomy(Entry.objects.filter(pk__in=ids).only(*CARD_FIELDS))}
        page.object_list = [rows[i] for i in ids if i in rows]
    results_html = ""
    if render_results is not None:
        raw = tuple(sorted((k, tuple(v)) for k, v in params.lists() if k != "page"))
        results_html = cached(
            ("results", raw, page.number, get_language()), lambda: render_results(page), version
        )
    return {
        "results_html": mark_safe(results_html),  # rendered by our own autoescaping template
        "filterset": filterset,
        "page_obj": page,
        "entries": page.object_list,
        "total": bundle["total"],
        "facets": bundle["facets"],
        "facets_html": mark_safe(bundle["html"]),  # rendered by our own autoescaping template
        "sort": sort,
        "sort_choices": Sort.choices,
    }


def entry_for_viewer(*, entry_id: int, user: User | AnonymousUser) -> Entry:
    """An entry page: published entries for everyone; others only for their submitter."""
    entry = (
        with_taxonomy(Entry.objects.select_related("call").defer("search_vector"))
        .filter(pk=entry_id)
        .first()
    )
    if entry is None:
        raise Http404(_("There is no entry with this number."))
    if entry.status == EntryStatus.PUBLISHED:
        return entry
    if user.is_authenticated and (entry.submitter_id == user.pk or user.is_staff):
        return entry
    raise Http404(_("There is no published entry with this number."))


def last_decision(*, entry: Entry) -> EntryRevision | None:
    """The secretariat's latest decision on an entry (shown to its owner with the reason)."""
    return (
        EntryRevision.objects.filter(entry=entry)
        .exclude(status=RevisionStatus.PENDING)
        .order_by("-decided_at", "-id")
        .first()
    )


def pending_update(*, entry: Entry) -> EntryRevision | None:
    return EntryRevision.objects.filter(entry=entry, status=RevisionStatus.PENDING).first()


# --- exports -------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    ("id", "id"),
    ("title", "title"),
    ("organisation", "organisation"),
    ("stakeholder_type", "stakeholder_type"),
    ("country", "country"),
    ("region", "region"),
    ("start_year", "start_year"),
    ("website", "website"),
    ("is_success_story", "success_story"),
    ("published_at", "published_at"),
    ("description", "description"),
)
EXPORT_HEADER = [label for _, label in EXPORT_COLUMNS] + ["action_lines", "sdgs", "url"]
EXPORT_CHUNK = 2000


def export_rows(qs: QuerySet[Entry], *, base_url: str = "") -> Iterator[dict[str, Any]]:
    """The rows of an export, read in chunks with a server-side cursor; never the whole set.

    Each chunk of entries costs two more queries for its Action Lines and SDGs. No contact
    email: it is never public.
    """
    columns = [c for c, _ in EXPORT_COLUMNS]
    rows = qs.order_by("id").values_list(*columns).iterator(chunk_size=EXPORT_CHUNK)
    batch: list[tuple[Any, ...]] = []
    try:
        for row in rows:
            batch.append(row)
            if len(batch) >= EXPORT_CHUNK:
                yield from _export_batch(batch, base_url)
                batch = []
        if batch:
            yield from _export_batch(batch, base_url)
    finally:
        # Close the server-side cursor now, not when the generator is collected; after a
        # database error mid-export closing it fails too, and that second error is noise.
        with contextlib.suppress(Exception):
            rows.close()  # type: ignore[attr-defined]


def _export_batch(batch: list[tuple[Any, ...]], base_url: str) -> Iterator[dict[str, Any]]:
    ids = [row[0] for row in batch]
    lines: dict[int, list[str]] = {}
    for entry_id, code in (
        EntryActionLine.objects.filter(entry_id__in=ids)
        .order_by("action_line__number")
        .values_list("entry_id", "action_line__code")
    ):
        lines.setdefault(entry_id, []).append(code)
    goals: dict[int, list[int]] = {}
    for entry_id, number in (
        EntrySDG.objects.filter(entry_id__in=ids)
        .order_by("sdg__number")
        .values_list("entry_id", "sdg__number")
    ):
        goals.setdefault(entry_id, []).append(number)
    labels = [label for _, label in EXPORT_COLUMNS]
    for row in batch:
        item = dict(zip(labels, row, strict=True))
        item["published_at"] = item["published_at"].isoformat() if item["published_at"] else None
        item["action_lines"] = lines.get(row[0], [])
        item["sdgs"] = goals.get(row[0], [])
        item["url"] = f"{base_url}/stocktaking/entries/{row[0]}/"
        yield item


# --- reports -------------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    value: int
    percent: float
    url: str = ""

    @property
    def bar_width(self) -> float:
        """Width of the bar in percent of the chart (the bars take 45% of the width)."""
        return round(self.percent * 0.45, 2)

    @property
    def value_x(self) -> float:
        return round(46 + self.percent * 0.45, 2)


def _bars(pairs: list[tuple[str, int, str]]) -> list[Bar]:
    top = max((v for _, v, _ in pairs), default=0)
    return [Bar(label, v, round(100 * v / top, 1) if top else 0.0, url) for label, v, url in pairs]


def report_years() -> list[dict[str, Any]]:
    """The WSIS Stocktaking Reports: one per report year that has a call, newest first."""
    calls = list(Call.objects.filter(published_q()).order_by("-report_year", "kind"))
    counts = dict(
        published_entries()
        .filter(call__report_year__isnull=False)
        .order_by()
        .values_list("call__report_year")
        .annotate(n=Count("pk"))
    )
    years: dict[int, dict[str, Any]] = {}
    for call in calls:
        item = years.setdefault(
            call.report_year, {"year": call.report_year, "title": call.report_name, "calls": []}
        )
        item["calls"].append(call)
        item["count"] = counts.get(call.report_year, 0)
    return list(years.values())


def report(*, year: int, region: str | None = None) -> dict[str, Any]:
    """A WSIS Stocktaking Report: totals and breakdowns of the entries its calls brought in."""
    calls = list(Call.objects.filter(published_q(), report_year=year).order_by("starts_at"))
    if not calls:
        raise Http404(_("There is no WSIS Stocktaking Report for this year."))
    if region is not None and region not in Region.values:
        raise Http404(_("There is no such ITU region."))
    qs = published_entries().filter(call__report_year=year)
    if region:
        qs = qs.filter(region=region)
    action_lines, sdgs = taxonomy()

    def aggregates() -> dict[str, Any]:
        counts = facet_counts(qs)
        counts["success_stories"] = counts["success_story"].get(True, 0)
        return counts

    agg = cached(("report", year, region or ""), aggregates)
    search = f"{reverse('stocktaking:search')}?{'region=' + region + '&' if region else ''}"
    stories = list(
        qs.filter(is_success_story=True)
        .order_by("title", "id")
        .only("id", "title", "organisation", "country", "region")[:100]
    )
    return {
        "year": year,
        "region": Region(region) if region else None,
        "calls": calls,
        "title": calls[0].report_name,
        "total": sum(agg["region"].values()),
        "success_story_count": agg["success_stories"],
        "by_region": _bars([(str(r.label), agg["region"].get(r.value, 0), "") for r in Region]),
        "by_stakeholder_type": _bars(
            [
                (
                    str(t.label),
                    agg["stakeholder_type"].get(t.value, 0),
                    f"{search}stakeholder_type={t.value}",
                )
                for t in StakeholderType
            ]
        ),
        "by_action_line": _bars(
            [
                (
                    f"{al.code} {al.short_title}",
                    agg["action_line"].get(al.pk, 0),
                    f"{search}action_line={al.code}",
                )
                for al in action_lines
            ]
        ),
        "by_sdg": _bars(
            [
                (
                    f"SDG {s.number} {s.short_title}",
                    agg["sdg"].get(s.pk, 0),
                    f"{search}sdg={s.number}",
                )
                for s in sdgs
            ]
        ),
        "success_stories": stories,
        "regions": list(Region),
    }


# --- home page, /my/ and the matrix --------------------------------------------------------


def calls_for_home(*, now: datetime) -> list[Call]:
    """Calls open now or opening later (one query)."""
    return list(Call.objects.filter(published_q(), ends_at__gt=now).order_by("starts_at")[:4])


def next_call(*, kind: str, now: datetime | None = None) -> Call | None:
    now = now or timezone.now()
    return (
        Call.objects.filter(published_q(), kind=kind, starts_at__gt=now)
        .order_by("starts_at")
        .first()
    )


def entries_of_user(*, user: User) -> list[Entry]:
    """The signed-in user's entries with their status and whether an update awaits moderation."""
    pending = EntryRevision.objects.filter(status=RevisionStatus.PENDING, kind="update")
    return list(
        Entry.objects.filter(submitter=user)
        .defer("search_vector", "description")
        .annotate(pending_updates=Count("revisions", filter=Q(revisions__in=pending)))
        .order_by("-updated_at")
    )


def matrix_counts() -> dict[tuple[str, int], int]:
    """Published entries per (Action Line, SDG) pair, in one query (cached until data changes)."""

    def compute() -> dict[tuple[str, int], int]:
        rows = (
            EntryActionLine.objects.filter(entry__status=EntryStatus.PUBLISHED)
            .order_by()
            .values_list("action_line__code", "entry__sdg_links__sdg__number")
            .annotate(n=Count("pk"))
        )
        return {(code, number): n for code, number, n in rows if number is not None}

    return cached(("matrix",), compute)


def matrix_items(action_line: ActionLine, sdg: SDG, limit: int) -> list[MatrixItem]:
    from wsis_portal.registry import MatrixItem

    entries = (
        published_entries()
        .filter(
            action_line_links__action_line=action_line,
            sdg_links__sdg=sdg,
        )
        .only("id", "title", "organisation", "country")
        .order_by("-published_at", "-id")[:limit]
    )
    return [
        MatrixItem(
            kind=_("Stocktaking entry"),
            title=e.title,
            url=e.get_absolute_url(),
            subtitle=f"{e.organisation}, {e.country.name}",
        )
        for e in entries
    ]


def call_open(*, kind: str = CallKind.NEW_ENTRIES, now: datetime | None = None) -> Call | None:
    from .services import open_call

    return open_call(kind=kind, now=now)


def call_open_for_display(*, kind: str = CallKind.NEW_ENTRIES) -> Call | None:
    """The open call of ``kind`` for a link on a read-only page.

    The calls come from the cache (refreshed whenever a call is saved), but whether one is
    open is still decided from the clock now; the submit pages themselves read the database.
    """
    now = timezone.now()
    calls = cached(("calls",), lambda: list(Call.objects.filter(published_q()).order_by("ends_at")))
    return next((c for c in calls if c.kind == kind and c.is_open(now)), None)
