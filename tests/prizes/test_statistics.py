"""The contest statistics of the Secretariat: exact counts on a small contest, the local day
of a vote, the downloads, who may open the page and its fixed number of queries."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from accounts.roles import EXPERT_GROUP, SECRETARIAT
from prizes.enums import ProjectStatus
from prizes.statistics import contest_statistics
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at, vote

pytestmark = pytest.mark.django_db

URL = reverse("admin:prizes_vote_statistics")


def _at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
def contest():
    return contest_at(_at(2026, 3, 10, 12))


@pytest.fixture
def projects(contest):
    c1 = ProjectFactory(contest=contest, country="KE", stakeholder_type="government")
    c2 = ProjectFactory(
        contest=contest,
        category=category(contest, "C2"),
        country="EG",
        stakeholder_type="civil_society",
    )
    ProjectFactory(
        contest=contest, country="CH", stakeholder_type="academia", status=ProjectStatus.WINNER
    )
    # A draft was never sent: it is not a submission.
    ProjectFactory(contest=contest, country="US", status=ProjectStatus.DRAFT)
    return c1, c2


@pytest.fixture
def votes(projects):
    c1, c2 = projects
    kenyan = StakeholderFactory(profile__organisation_country="KE")
    egyptian = StakeholderFactory(profile__organisation_country="EG")
    swiss = StakeholderFactory(profile__organisation_country="CH")
    # 22:30 UTC on 10 March is 23:30 in Geneva (CET): still 10 March.
    vote(c1, voter=kenyan, cast_at=_at(2026, 3, 10, 22, 30))
    # 23:30 UTC on 10 March is 00:30 on 11 March in Geneva: counted on 11 March.
    vote(c2, voter=kenyan, cast_at=_at(2026, 3, 10, 23, 30))
    vote(c1, voter=egyptian, cast_at=_at(2026, 3, 12, 9))
    vote(c1, voter=UserFactory(), cast_at=_at(2026, 3, 12, 10))  # no profile
    vote(c2, voter=swiss, cast_at=_at(2026, 3, 12, 11), valid=False, invalid_reason="Bought")


def _by_key(statistics):
    return {s.key: s for s in statistics}


def test_votes_are_counted_per_local_day_with_the_quiet_days(contest, votes):
    stats = _by_key(contest_statistics(contest=contest))
    assert stats["votes-per-day"].rows == [
        (date(2026, 3, 10), 1),
        (date(2026, 3, 11), 1),
        (date(2026, 3, 12), 2),  # the invalid vote is not counted
    ]
    assert stats["votes-per-day"].daily


def test_votes_per_category_list_every_category(contest, votes):
    rows = dict(_by_key(contest_statistics(contest=contest))["votes-per-category"].rows)
    assert rows[str(category(contest, "C1").action_line)] == 3
    assert rows[str(category(contest, "C2").action_line)] == 1
    assert len(rows) == contest.categories.count()
    assert sum(rows.values()) == 4


def test_voters_are_counted_once_by_region_and_country(contest, votes):
    stats = _by_key(contest_statistics(contest=contest))
    regions = dict(stats["voters-by-region"].rows)
    # The Kenyan voter voted twice and counts once; the Swiss voter's only vote is invalid.
    assert regions["Africa"] == 1
    assert regions["Arab States"] == 1
    assert regions["Europe"] == 0
    assert regions["No region"] == 1  # the voter without a profile
    assert sum(regions.values()) == 3
    assert stats["voters-by-country"].rows == [("Egypt", 1), ("Kenya", 1), ("Not given", 1)]


def test_the_date_range_limits_the_votes_in_local_days(contest, votes):
    stats = _by_key(
        contest_statistics(contest=contest, date_from=date(2026, 3, 11), date_to=date(2026, 3, 11))
    )
    assert stats["votes-per-day"].rows == [(date(2026, 3, 11), 1)]
    assert dict(stats["voters-by-region"].rows)["Africa"] == 1
    assert sum(dict(stats["voters-by-region"].rows).values()) == 1


def test_submissions_by_region_stakeholder_type_and_action_line(contest, votes):
    stats = _by_key(contest_statistics(contest=contest))
    regions = dict(stats["submissions-by-region"].rows)
    assert (regions["Africa"], regions["Arab States"], regions["Europe"]) == (1, 1, 1)
    assert regions["Americas"] == 0  # the US project is a draft
    types = dict(stats["submissions-by-stakeholder-type"].rows)
    assert (types["Government"], types["Civil Society"], types["Academia"]) == (1, 1, 1)
    assert types["Private Sector"] == 0
    lines = dict(stats["submissions-by-action-line"].rows)
    assert lines[str(category(contest, "C1").action_line)] == 2
    assert lines[str(category(contest, "C2").action_line)] == 1


@pytest.fixture
def secretariat_client(client):
    client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
    return client


def test_the_page_shows_the_charts_and_tables(secretariat_client, contest, votes):
    response = secretariat_client.get(URL, {"contest": contest.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="img"' in html
    assert '<title id="votes-per-day-title">Valid votes per day</title>' in html
    assert '<desc id="votes-per-day-desc">' in html
    assert '<time datetime="2026-03-11">' in html
    assert "download=xlsx" in html


def test_the_latest_contest_is_shown_by_default(secretariat_client, contest, votes):
    response = secretariat_client.get(URL)
    assert response.context["form"].cleaned_data["contest"] == contest
    assert len(response.context["statistics"]) == 7


def test_a_bad_date_range_is_refused_next_to_the_field(secretariat_client, contest):
    response = secretariat_client.get(
        URL, {"contest": contest.pk, "date_from": "2026-03-12", "date_to": "2026-03-10"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date_to"]
    assert response.context["statistics"] == []


def test_csv_download_has_a_header_row_and_every_row(secretariat_client, contest, votes):
    response = secretariat_client.get(
        URL, {"contest": contest.pk, "download": "csv", "statistic": "votes-per-day"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="prizes-{contest.year}-votes-per-day.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert not body.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(body))) == [
        ["Day", "Votes"],
        ["2026-03-10", "1"],
        ["2026-03-11", "1"],
        ["2026-03-12", "2"],
    ]


def test_csv_download_of_an_unknown_statistic_is_404(secretariat_client, contest):
    response = secretariat_client.get(
        URL, {"contest": contest.pk, "download": "csv", "statistic": "nope"}
    )
    assert response.status_code == 404


def test_xlsx_download_opens_with_one_sheet_per_statistic(secretariat_client, contest, votes):
    response = secretariat_client.get(URL, {"contest": contest.pk, "download": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 7
    sheet = workbook["Valid votes per day"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Valid votes per day", None)
    assert rows[2] == ("Day", "Votes")
    assert [(cell.date(), n) for cell, n in rows[3:]] == [
        (date(2026, 3, 10), 1),
        (date(2026, 3, 11), 1),
        (date(2026, 3, 12), 2),
    ]
    countries = list(workbook["Voters by country"].iter_rows(values_only=True))
    assert countries[3:] == [("Egypt", 1), ("Kenya", 1), ("Not given", 1)]


def test_staff_without_the_statistics_permission_get_403(client, contest):
    client.force_login(UserFactory(is_staff=True, groups=[EXPERT_GROUP]))
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"download": "xlsx"}).status_code == 403


def test_a_stakeholder_is_sent_to_the_admin_sign_in(client, contest):
    client.force_login(StakeholderFactory())
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_the_admin_index_links_the_statistics_pages(secretariat_client):
    html = secretariat_client.get(reverse("admin:index")).content.decode()
    assert URL in html
    assert reverse("admin:stocktaking_entry_statistics") in html


def test_the_admin_index_hides_them_without_the_permission(client):
    client.force_login(UserFactory(is_staff=True))
    html = client.get(reverse("admin:index")).content.decode()
    assert URL not in html


def _page_queries(client, contest, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        response = client.get(URL, {"contest": contest.pk})
    assert response.status_code == 200


# Session, user, permissions (user's and group's), the contests offered, the contest chosen,
# the categories, votes per day and category, voters per country, projects.
PAGE_QUERIES = 10


def test_the_page_runs_a_fixed_number_of_queries(
    secretariat_client, contest, projects, django_assert_num_queries
):
    c1, c2 = projects
    vote(c1, voter=StakeholderFactory(), cast_at=_at(2026, 3, 10, 12))
    with django_assert_num_queries(PAGE_QUERIES):
        assert secretariat_client.get(URL, {"contest": contest.pk}).status_code == 200
    for country in ("FR", "BR", "JP"):
        voter = StakeholderFactory(profile__organisation_country=country)
        vote(c1, voter=voter, cast_at=_at(2026, 3, 11, 12))
        vote(c2, voter=voter, cast_at=_at(2026, 3, 12, 12))
    ProjectFactory(contest=contest, country="IN")
    with django_assert_num_queries(PAGE_QUERIES):
        assert secretariat_client.get(URL, {"contest": contest.pk}).status_code == 200


def test_the_planner_has_statistics_on_the_grouped_local_day(postgres):
    """The extended statistics (migration 0009) must name the very expression the per-day
    query groups by, or PostgreSQL ignores them and plans the 2,000,000-vote scan alone."""
    from django.db import connection
    from django.db.models.functions import TruncDate
    from django.utils import timezone

    from prizes.models import Vote

    query = Vote.objects.annotate(
        day=TruncDate("cast_at", tzinfo=timezone.get_current_timezone())
    ).values_list("day")
    with connection.cursor() as cursor:
        sql = cursor.mogrify(*query.query.sql_with_params()).decode()
        expression = sql.split(" AS ")[0].removeprefix("SELECT ").replace('"prizes_vote".', "")
        cursor.execute(
            "SELECT pg_get_statisticsobjdef(oid) FROM pg_statistic_ext "
            "WHERE stxname = 'prizes_vote_local_day'"
        )
        (definition,) = cursor.fetchone()
    normalised = definition.replace("'::text", "'").replace('"', "")
    assert expression.replace('"', "") in normalised, (expression, definition)
