"""Stocktaking statistics: entries by region, stakeholder type and Action Line."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import SECRETARIAT
from stocktaking.enums import EntryStatus
from stocktaking.statistics import entry_statistics
from tests.factories.accounts import UserFactory
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:stocktaking_entry_statistics")


@pytest.fixture
def entries():
    call = CallFactory(year=2031)
    # 23:30 UTC on 31 March 2031 is 1 April in Geneva (CEST, UTC+2 from 30 March).
    EntryFactory(
        country="KE",
        stakeholder_type="government",
        action_lines=["C1", "C2"],
        call=call,
        submitted_at=datetime(2031, 3, 31, 23, 30, tzinfo=UTC),
    )
    EntryFactory(
        country="FR",
        stakeholder_type="academia",
        action_lines=["C2"],
        status=EntryStatus.SUBMITTED,
        submitted_at=datetime(2031, 3, 31, 12, tzinfo=UTC),
    )
    EntryFactory(country="AQ", stakeholder_type="academia", action_lines=["C7-EGOV"])
    EntryFactory(country="BR", status=EntryStatus.DRAFT)  # never sent: not counted
    return call


def _rows(statistics, key):
    return dict(next(s for s in statistics if s.key == key).rows)


def test_entries_by_region_type_and_action_line(entries):
    stats = entry_statistics()
    regions = _rows(stats, "entries-by-region")
    assert (regions["Africa"], regions["Europe"], regions["Americas"]) == (1, 1, 0)
    assert regions["No region"] == 1  # Antarctica
    types = _rows(stats, "entries-by-stakeholder-type")
    assert (types["Government"], types["Academia"], types["Civil Society"]) == (1, 2, 0)
    lines = _rows(stats, "entries-by-action-line")
    by_code = {label.split(".")[0]: n for label, n in lines.items()}
    assert (by_code["C1"], by_code["C2"], by_code["C3"], by_code["C7-EGOV"]) == (1, 2, 0, 1)
    assert len(lines) == 18


def test_filters_by_call_status_and_local_day(entries):
    assert sum(_rows(entry_statistics(call=entries), "entries-by-region").values()) == 1
    submitted = entry_statistics(status=EntryStatus.SUBMITTED)
    assert _rows(submitted, "entries-by-region")["Europe"] == 1
    assert sum(_rows(submitted, "entries-by-region").values()) == 1
    april = entry_statistics(date_from=date(2031, 4, 1), date_to=date(2031, 4, 1))
    assert _rows(april, "entries-by-region")["Africa"] == 1
    assert sum(_rows(april, "entries-by-region").values()) == 1


@pytest.fixture
def secretariat_client(client):
    client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
    return client


def test_page_csv_and_xlsx(secretariat_client, entries):
    page = secretariat_client.get(URL)
    assert page.status_code == 200
    assert "Entries by ITU region" in page.content.decode()
    response = secretariat_client.get(URL, {"download": "csv", "statistic": "entries-by-region"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Region", "Entries"]
    assert ["Africa", "1"] in rows and ["No region", "1"] in rows
    workbook = load_workbook(io.BytesIO(secretariat_client.get(URL, {"download": "xlsx"}).content))
    assert workbook.sheetnames == [
        "Entries by ITU region",
        "Entries by stakeholder type",
        "Entries by Action Line",
    ]


def test_staff_without_the_permission_get_403(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(URL).status_code == 403


def test_the_page_runs_a_fixed_number_of_queries(
    secretariat_client, entries, django_assert_num_queries
):
    # Session, user, permissions (2), the calls offered, the two counts, the Action Lines.
    with django_assert_num_queries(8):
        secretariat_client.get(URL)
    for country in ("JP", "EG", "US"):
        EntryFactory(country=country, action_lines=["C3", "C4"])
    with django_assert_num_queries(8):
        secretariat_client.get(URL)
