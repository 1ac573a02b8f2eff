import pytest
from django.http import QueryDict

from stocktaking.models import Entry
from stocktaking.selectors import entry_search, facet_counts, published_entries
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db


def _search(query: str) -> dict:
    return entry_search(params=QueryDict(query), page_number=1)


def test_search_vector_is_kept_current_by_the_database(postgres):
    entry = EntryFactory(title="Solar powered telecentres", description="Energy for kiosks.")
    assert Entry.objects.filter(search_vector="telecentre").exists()  # stemmed
    Entry.objects.filter(pk=entry.pk).update(title="Mobile libraries")
    assert not Entry.objects.filter(search_vector="telecentre").exists()
    assert Entry.objects.filter(search_vector="library").exists()
    entry.refresh_from_db()
    entry.description = "Bookmobiles in the Andes."
    entry.save()
    assert Entry.objects.filter(search_vector="bookmobile").exists()


def test_full_text_search_ranks_title_matches_first(postgres):
    in_text = EntryFactory(title="Rural schools", description="Telemedicine for clinics too.")
    in_title = EntryFactory(title="Telemedicine network", description="Doctors online.")
    EntryFactory(title="Open data portal", description="Budgets online.")
    result = _search("q=telemedicine")
    assert result["total"] == 2
    assert [e.pk for e in result["entries"]] == [in_title.pk, in_text.pk]
    assert result["sort"] == "relevance"


def test_websearch_syntax_and_no_match(postgres):
    EntryFactory(title="Cybersecurity awareness", description="Schools and parents.")
    EntryFactory(title="Cybersecurity for banks", description="Finance.")
    assert _search('q="cybersecurity awareness"')["total"] == 1
    assert _search("q=cybersecurity -banks")["total"] == 1
    assert _search("q=volcano")["total"] == 0


def test_facets_count_every_value_of_the_filtered_results(postgres):
    EntryFactory(country="KE", action_lines=["C2", "C4"], sdgs=[9, 4], is_success_story=True)
    EntryFactory(country="EG", action_lines=["C2"], sdgs=[9], stakeholder_type="government")
    EntryFactory(country="RU", action_lines=["C5"], sdgs=[], start_year=2018)
    EntryFactory(country="RU", status="draft", action_lines=["C5"])
    counts = facet_counts(published_entries())
    assert counts["total"] == 3
    assert counts["region"] == {"africa": 1, "arab-states": 1, "cis": 1}
    assert counts["country"] == {"KE": 1, "EG": 1, "RU": 1}
    assert counts["year"] == {2020: 2, 2018: 1}
    assert counts["success_story"] == {True: 1, False: 2}
    result = _search("action_line=C2&region=africa&region=arab-states")
    assert result["total"] == 2
    facets = {f.name: f for f in result["facets"]}
    al = {o.value: (o.count, o.selected) for o in facets["action_line"].options}
    assert al["C2"] == (2, True) and al["C4"] == (1, False) and al["C5"] == (0, False)
    sdg = {o.value: o.count for o in facets["sdg"].options}
    assert sdg["9"] == 2 and sdg["4"] == 1
    types = {o.value: o.count for o in facets["stakeholder_type"].options}
    assert types["government"] == 1 and types["civil_society"] == 1


def test_text_query_and_two_facets_together(postgres):
    EntryFactory(title="E-health records", country="KE", action_lines=["C7-EHEA"], sdgs=[3])
    EntryFactory(title="E-health records", country="FR", action_lines=["C7-EHEA"], sdgs=[3])
    EntryFactory(title="E-health records", country="KE", action_lines=["C7-EGOV"], sdgs=[3])
    EntryFactory(title="Farm prices", country="KE", action_lines=["C7-EHEA"], sdgs=[2])
    result = _search("q=health+records&region=africa&action_line=C7-EHEA")
    assert result["total"] == 1
    assert {o.value: o.count for o in result["facets"][1].options}["3"] == 1


def test_sorting_and_pagination_keep_the_filters(postgres, client):
    for i in range(23):
        EntryFactory(title=f"Entry {i:02d}", country="BR")
    EntryFactory(title="Other", country="JP")
    result = _search("region=americas&sort=title&page=2")
    first = _search("region=americas&sort=title")
    assert first["total"] == 23 and first["page_obj"].paginator.num_pages == 2
    assert [e.title for e in first["entries"]][:2] == ["Entry 00", "Entry 01"]
    page2 = entry_search(params=QueryDict("region=americas&sort=title"), page_number=2)
    assert [e.title for e in page2["entries"]] == ["Entry 20", "Entry 21", "Entry 22"]
    assert result["sort"] == "title"
    body = client.get("/stocktaking/?region=americas&sort=title").content.decode()
    assert "region=americas&amp;sort=title&amp;page=2" in body


def test_plain_fallback_search_when_not_on_postgresql(monkeypatch):
    from stocktaking import filters, selectors

    monkeypatch.setattr(filters, "uses_postgres", lambda: False)
    monkeypatch.setattr(selectors.search, "uses_postgres", lambda: False)
    EntryFactory(title="Solar kiosks", organisation="Sun Org")
    EntryFactory(title="Other", description="Mentions SOLAR power.")
    EntryFactory(title="Unrelated")
    result = _search("q=solar")
    assert result["total"] == 2
    assert result["sort"] == "newest"


def test_invalid_country_or_year_is_an_error_not_a_crash(client):
    EntryFactory()
    for query in ("country=XX", "year=1200", "sdg=99", "action_line=C99"):
        response = client.get(f"/stocktaking/?{query}")
        assert response.status_code == 200
        assert response.context["total"] == 0, query
        assert "Some filters could not be used." in response.content.decode()
    assert _search("country=KE&year=2020")["total"] == 1
