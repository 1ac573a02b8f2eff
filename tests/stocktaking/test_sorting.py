"""One sort table (stocktaking/sorting.py) serves the search page, its SQL and the API."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from stocktaking.selectors import PAGE_ORDER
from stocktaking.sorting import SORT_CHOICES, SORTS
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(postgres):
    """Titles, publication dates and relevance to "telemedicine" in three different orders."""
    now = timezone.now()
    rows = [
        ("Beta telemedicine telemedicine network", 3, "Telemedicine clinics."),
        ("Alpha clinics", 1, "Telemedicine for rural telemedicine schools."),
        ("Delta telemedicine", 2, "Doctors online."),
        ("Gamma clinic", 4, "One telemedicine mention."),
    ]
    return [
        EntryFactory(title=title, description=text, published_at=now - timedelta(days=age))
        for title, age, text in rows
    ]


def _page_ids(client, query: str) -> list[int]:
    cache.clear()
    response = client.get(f"/stocktaking/?{query}")
    assert response.status_code == 200
    return [e.pk for e in response.context["entries"]]


def _api_ids(client, query: str) -> list[int]:
    response = client.get(f"/api/stocktaking/entries/?{query}")
    assert response.status_code == 200
    return [e["id"] for e in response.json()["results"]]


@pytest.mark.parametrize("key", list(SORTS))
def test_every_key_orders_the_page_and_the_api_alike(client, entries, key):
    with_text = _page_ids(client, f"q=telemedicine&sort={key}")
    assert with_text == _api_ids(client, f"q=telemedicine&sort={key}")
    assert sorted(with_text) == sorted(e.pk for e in entries)
    assert _page_ids(client, f"sort={key}") == _api_ids(client, f"sort={key}")


def test_the_keys_give_their_documented_orders(client, entries):
    beta, alpha, delta, gamma = entries
    assert _api_ids(client, "sort=newest") == [alpha.pk, delta.pk, beta.pk, gamma.pk]
    assert _api_ids(client, "sort=oldest") == [gamma.pk, beta.pk, delta.pk, alpha.pk]
    assert _api_ids(client, "sort=title") == [alpha.pk, beta.pk, delta.pk, gamma.pk]
    # Ranked by the text query; without one, relevance means newest first.
    assert _page_ids(client, "q=telemedicine&sort=relevance")[0] == beta.pk
    assert _api_ids(client, "sort=relevance") == _api_ids(client, "sort=newest")
    # Defaults as before: the page ranks a text search, the API lists newest first.
    assert _page_ids(client, "q=telemedicine") == _page_ids(client, "q=telemedicine&sort=relevance")
    assert _api_ids(client, "q=telemedicine") == _api_ids(client, "q=telemedicine&sort=newest")


def test_the_form_the_sql_and_the_filter_read_the_same_table(client, entries):
    assert [key for key, _ in SORT_CHOICES] == list(SORTS) == list(PAGE_ORDER)
    assert PAGE_ORDER["oldest"] == "published_at ASC, id ASC"
    assert PAGE_ORDER["relevance"] == "rank DESC, published_at DESC, id DESC"
    body = client.get("/stocktaking/").content.decode()
    for key, label in SORT_CHOICES:
        assert f'<option value="{key}"' in body and str(label) in body


def test_an_unknown_key_is_refused_as_before(client, entries):
    page = client.get("/stocktaking/?sort=random")
    assert page.status_code == 200
    assert "Some filters could not be used." in page.content.decode()
    assert page.context["total"] == 0
    api = client.get("/api/stocktaking/entries/?sort=random")
    assert api.status_code == 400
    assert "sort" in api.json()


def test_an_invalid_query_does_not_share_the_unfiltered_cache(client, entries):
    cache.clear()
    assert client.get("/stocktaking/?sort=random").context["total"] == 0
    assert client.get("/stocktaking/").context["total"] == len(entries)
    assert client.get("/stocktaking/?region=atlantis").context["total"] == 0
