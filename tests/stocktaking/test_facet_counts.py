"""The trigger-kept facet counts (stocktaking_facetcount) equal a count of the entries themselves,
whatever writes them: services, the ORM, bulk updates, raw SQL, deletions."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from stocktaking import services
from stocktaking.enums import EntryStatus
from stocktaking.models import Entry, EntryActionLine, EntrySDG
from stocktaking.selectors import facet_counts, published_entries
from stocktaking.selectors.matrix import pair_counts, pair_counts_counted
from stocktaking.selectors.search import summary_counts
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum import action_line, sdg
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.django_db


def _same_as_counting(call_ids=None, region=""):
    qs = published_entries()
    if call_ids is not None:
        qs = qs.filter(call_id__in=call_ids)
    if region:
        qs = qs.filter(region=region)
    counted = facet_counts(qs)
    counted.pop("page")
    for facet in ("region", "country", "stakeholder_type", "year", "success_story"):
        counted[facet] = {k: v for k, v in counted[facet].items() if v}
    assert summary_counts(call_ids=call_ids, region=region) == counted
    # The (Action Line, SDG) pairs of the matrix, summed from the same rows.
    assert pair_counts() == pair_counts_counted()
    return counted


def test_counts_follow_every_kind_of_write(postgres):
    first, second = CallFactory(), CallFactory()
    kenya = EntryFactory(call=first, country="KE", action_lines=["C2", "C4"], sdgs=[9, 4])
    russia = EntryFactory(call=second, country="RU", action_lines=["C5"], sdgs=[], start_year=2018)
    EntryFactory(call=None, country="BR", is_success_story=True)
    draft = EntryFactory(status=EntryStatus.DRAFT, country="EG", action_lines=["C7-EHEA"])
    counted = _same_as_counting()
    assert counted["total"] == 3 and counted["action_line"][action_line("C2").pk] == 2
    # Kenya's four pairs, and Brazil's default C2 x SDG 9.
    assert pair_counts() == {("C2", 9): 2, ("C2", 4): 1, ("C4", 9): 1, ("C4", 4): 1}
    _same_as_counting(call_ids=[first.pk])
    _same_as_counting(call_ids=[first.pk, second.pk], region="cis")

    # An ORM save that moves an entry to another country and region; a title change counts nothing.
    kenya.country, kenya.region, kenya.title = "FR", "europe", "Renamed"
    kenya.save()
    # Links added and removed on a published entry, and on a draft (not counted).
    EntryActionLine.objects.create(entry=russia, action_line=action_line("C9"))
    EntrySDG.objects.filter(entry=kenya, sdg=sdg(4)).delete()
    EntrySDG.objects.create(entry=draft, sdg=sdg(1))
    _same_as_counting()
    # A bulk publication, a bulk unpublication, a move to another call, raw SQL.
    Entry.objects.filter(pk=draft.pk).update(
        status=EntryStatus.PUBLISHED, published_at=timezone.now()
    )
    Entry.objects.filter(pk=russia.pk).update(status=EntryStatus.REJECTED, published_at=None)
    Entry.objects.filter(call=first).update(call=second)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE stocktaking_entrysdg SET sdg_id = %s WHERE entry_id = %s",
            [sdg(17).pk, kenya.pk],
        )
        cursor.execute("UPDATE stocktaking_entry SET is_success_story = NOT is_success_story")
    _same_as_counting()
    _same_as_counting(call_ids=[second.pk], region="europe")
    # Deletions: the ORM deletes the links first; raw SQL may delete the entry first.
    Entry.objects.filter(pk=kenya.pk).delete()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM stocktaking_entry WHERE id = %s", [draft.pk])
        cursor.execute("DELETE FROM stocktaking_entryactionline WHERE entry_id = %s", [draft.pk])
        cursor.execute("DELETE FROM stocktaking_entrysdg WHERE entry_id = %s", [draft.pk])
    counted = _same_as_counting()
    assert counted["total"] == 1
    assert pair_counts() == {("C2", 9): 1}  # Brazil's


def test_the_matrix_sums_the_kept_pairs(postgres, client):
    EntryFactory(action_lines=["C2", "C4"], sdgs=[9])
    EntryFactory(action_lines=["C2"], sdgs=[9, 4])
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/matrix/")
    assert response.status_code == 200
    sql = [q["sql"] for q in ctx.captured_queries]
    assert any("stocktaking_facetcount" in q for q in sql)
    assert not any("stocktaking_entrysdg" in q for q in sql)  # no join of the links
    assert pair_counts() == {("C2", 9): 2, ("C4", 9): 1, ("C2", 4): 1}


def test_a_publication_shows_in_the_next_unfiltered_page(
    postgres, client, django_capture_on_commit_callbacks
):
    CallFactory()
    EntryFactory(country="KE", action_lines=["C2"])
    assert client.get("/stocktaking/").context["total"] == 1
    user = StakeholderFactory()
    entry = services.entry_save_draft(
        user=user,
        data={
            "title": "Rural telecentres",
            "description": "Telecentres in villages.",
            "organisation": "Org",
            "stakeholder_type": "government",
            "country": "RU",
            "start_year": 2021,
            "website": "",
            "contact_email": "a@example.org",
        },
        action_lines=[action_line("C4")],
        sdgs=[sdg(4)],
    )
    revision = services.entry_submit(entry=entry, user=user)
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(revision=revision, by=UserFactory(is_staff=True))
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/stocktaking/")
    assert response.context["total"] == 2
    facets = {f.name: {o.value: o.count for o in f.options} for f in response.context["facets"]}
    assert facets["region"]["cis"] == 1 and facets["region"]["africa"] == 1
    assert facets["action_line"]["C4"] == 1 and facets["sdg"]["4"] == 1
    assert facets["country"] == {"KE": 1, "RU": 1}
    assert "Rural telecentres" in response.content.decode()
    # The unfiltered page sums the kept counts; it never groups the entries themselves.
    assert not [q["sql"] for q in ctx.captured_queries if "UNION ALL" in q["sql"]]
    assert any("stocktaking_facetcount" in q["sql"] for q in ctx.captured_queries)


def test_a_repeated_search_reads_no_entry_from_the_database(postgres, client):
    from django.core.cache import cache

    from stocktaking.services import search_cache_bump

    search_cache_bump()
    for i in range(3):
        EntryFactory(title=f"Telemedicine network {i}")
    url = "/stocktaking/?q=telemedicine&region=africa&sort=title"
    cache.clear()
    search_cache_bump()
    assert "Telemedicine network 2" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(url).content.decode()
    assert "Telemedicine network 2" in body and "Telemedicine network 0" in body
    assert not [q["sql"] for q in ctx.captured_queries if "stocktaking_" in q["sql"]]


def test_report_year_totals_from_kept_counts_equal_counting_the_entries(postgres):
    from stocktaking.selectors.reports import report_year_counts

    early, late, same_year = CallFactory(year=2023), CallFactory(year=2024), CallFactory(year=2025)
    same_year.report_year = late.report_year  # two calls feed one report
    same_year.save()
    for call, n in ((early, 2), (late, 1), (same_year, 3)):
        for _ in range(n):
            EntryFactory(call=call)
    EntryFactory(call=late, status=EntryStatus.DRAFT)
    EntryFactory(call=None)
    counted = dict(
        published_entries()
        .filter(call__report_year__isnull=False)
        .values_list("call__report_year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    assert counted == {early.report_year: 2, late.report_year: 4}
    assert report_year_counts() == counted
