"""Forum statistics: registrations of an edition by stakeholder type, region and country."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import SECRETARIAT
from forum.enums import AttendanceMode, RegistrationStatus
from forum.statistics import registration_statistics
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum_programme import EditionFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:forum_registration_statistics")


def _person(country: str, kind: str):
    return StakeholderFactory(profile__organisation_country=country, profile__stakeholder_type=kind)


@pytest.fixture
def edition():
    edition = EditionFactory(year=2031)
    RegistrationFactory(
        edition=edition,
        user=_person("KE", "government"),
        created_at=datetime(2031, 1, 10, 23, 30, tzinfo=UTC),  # 11 January in Geneva
    )
    RegistrationFactory(edition=edition, user=_person("KE", "academia"), mode=AttendanceMode.REMOTE)
    RegistrationFactory(edition=edition, user=_person("AQ", "academia"))
    RegistrationFactory(
        edition=edition, user=_person("JP", "academia"), status=RegistrationStatus.CANCELLED
    )
    RegistrationFactory(edition=EditionFactory(year=2030), user=_person("CH", "academia"))
    return edition


def _rows(statistics, key):
    return dict(next(s for s in statistics if s.key == key).rows)


def test_registrations_by_type_participation_region_and_country(edition):
    stats = registration_statistics(edition=edition, status=RegistrationStatus.CONFIRMED)
    types = _rows(stats, "registrations-by-stakeholder-type")
    assert (types["Government"], types["Academia"], types["Civil Society"]) == (1, 2, 0)
    assert _rows(stats, "registrations-by-participation") == {"In person": 2, "Remotely": 1}
    regions = _rows(stats, "registrations-by-region")
    assert regions["Africa"] == 2
    assert regions["No region"] == 1
    assert _rows(stats, "registrations-by-country")["Kenya"] == 2
    everyone = registration_statistics(edition=edition)
    assert _rows(everyone, "registrations-by-region")["Asia-Pacific"] == 1  # the cancelled one


def test_registrations_by_local_day(edition):
    stats = registration_statistics(
        edition=edition, date_from=date(2031, 1, 11), date_to=date(2031, 1, 11)
    )
    assert _rows(stats, "registrations-by-stakeholder-type")["Government"] == 1
    assert sum(_rows(stats, "registrations-by-stakeholder-type").values()) == 1


@pytest.fixture
def secretariat_client(client):
    client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
    return client


def test_default_is_the_latest_edition_confirmed(secretariat_client, edition):
    response = secretariat_client.get(URL)
    assert response.status_code == 200
    assert response.context["form"].cleaned_data["edition"] == edition
    assert response.context["form"].cleaned_data["status"] == RegistrationStatus.CONFIRMED


def test_downloads(secretariat_client, edition):
    response = secretariat_client.get(
        URL,
        {
            "edition": edition.pk,
            "status": "confirmed",
            "download": "csv",
            "statistic": "registrations-by-country",
        },
    )
    assert (
        'filename="forum-2031-registrations-registrations-by-country.csv"'
        in (response["Content-Disposition"])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["Country", "Registrations"], ["Kenya", "2"], ["Antarctica", "1"]]
    workbook = load_workbook(
        io.BytesIO(
            secretariat_client.get(
                URL, {"edition": edition.pk, "status": "confirmed", "download": "xlsx"}
            ).content
        )
    )
    sheet = workbook["Registrations by country"]
    assert list(sheet.iter_rows(values_only=True))[3:] == [("Kenya", 2), ("Antarctica", 1)]


def test_staff_without_the_permission_get_403(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(URL).status_code == 403


def test_the_page_runs_a_fixed_number_of_queries(
    secretariat_client, edition, django_assert_num_queries
):
    # Session, user, permissions (2), editions offered, edition chosen, the count.
    with django_assert_num_queries(7):
        secretariat_client.get(URL, {"edition": edition.pk})
    for country in ("FR", "EG", "US"):
        RegistrationFactory(edition=edition, user=_person(country, "government"))
    with django_assert_num_queries(7):
        secretariat_client.get(URL, {"edition": edition.pk})
