"""The admin's searches over the big tables find what Django's search finds, from indexes.

Issue 16 item 5: each search field across a relation is looked up on its own
(wsis_portal/admin_search.py), each ``icontains`` field of the large tables has a trigram
index of Django's very expression (wsis_portal/trigram.py).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import StakeholderProfile, User
from accounts.roles import SECRETARIAT
from accounts.signals import ensure_groups
from prizes.enums import PhaseKind
from prizes.fingerprint import fingerprint
from prizes.models import Project
from stocktaking.models import Entry
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.prizes import ProjectFactory, contest_at, vote
from tests.factories.stocktaking import EntryFactory
from wsis_portal import admin_search

pytestmark = pytest.mark.usefixtures("postgres")


def found(client, url: str, q: str) -> set[str]:
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return {str(row) for row in response.context["cl"].result_list}


@pytest.fixture
def people():
    return {
        "amina": StakeholderFactory(
            email="amina.diallo@ties.example",
            profile__full_name="Amina Diallo",
            profile__organisation_name="Thiès Digital Trust",
        ),
        "li": StakeholderFactory(
            email="li.wei@kunming.example",
            profile__full_name="Li Wei",
            profile__organisation_name="Kunming Digital Services",
        ),
        "staff": UserFactory(email="staff.diallo@itu.example", is_staff=True),
    }


def test_users_are_found_by_part_of_email_name_or_organisation(admin_client, people):
    url = "/admin/accounts/user/"
    assert found(admin_client, url, "DIALLO@ties") == {"amina.diallo@ties.example"}
    assert found(admin_client, url, "wei") == {"li.wei@kunming.example"}
    assert found(admin_client, url, "digital") == {
        "amina.diallo@ties.example",
        "li.wei@kunming.example",
    }
    assert found(admin_client, url, "diallo") == {
        "amina.diallo@ties.example",
        "staff.diallo@itu.example",
    }
    # Every word must match some field (Django's rule), not necessarily the same one.
    assert found(admin_client, url, "kunming services") == {"li.wei@kunming.example"}
    assert found(admin_client, url, "kunming diallo") == set()
    assert found(admin_client, url, '"Thiès Digital"') == {"amina.diallo@ties.example"}


def test_many_matches_keep_djangos_condition_and_the_same_rows(admin_client, people, monkeypatch):
    monkeypatch.setattr(admin_search, "LISTED_UP_TO", 1)
    url = "/admin/accounts/user/"
    assert found(admin_client, url, "digital") == {
        "amina.diallo@ties.example",
        "li.wei@kunming.example",
    }
    assert found(admin_client, url, "example wei") == {"li.wei@kunming.example"}


def test_the_secretariat_never_finds_a_staff_account(client, people):
    ensure_groups()
    client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
    assert found(client, "/admin/accounts/user/", "diallo") == {"amina.diallo@ties.example"}
    emails = found(client, "/admin/account/emailaddress/", "diallo")
    assert emails == {"amina.diallo@ties.example"}


def test_profiles_registrations_and_addresses_by_email_or_name(admin_client, people):
    profiles = found(admin_client, "/admin/accounts/stakeholderprofile/", "ties.example")
    assert profiles == {"Amina Diallo (Thiès Digital Trust)"}
    assert found(admin_client, "/admin/account/emailaddress/", "wei@kun") == {
        "li.wei@kunming.example"
    }


def test_votes_by_voter_email_project_title_or_whole_ip_hash(admin_client):
    contest = contest_at(timezone.now() + timedelta(days=400), PhaseKind.VOTING)
    twinning = ProjectFactory(contest=contest, title="South-South Twinning of IT Offices")
    other = ProjectFactory(contest=contest, title="Telemedicine Network")
    ip_hash = fingerprint("192.0.2.7", purpose="ip")
    by_amina = vote(other, UserFactory(email="amina@ties.example"), ip_hash=ip_hash)
    by_li = vote(twinning, UserFactory(email="li@kunming.example"))

    def votes(q: str) -> set[int]:
        response = admin_client.get("/admin/prizes/vote/", {"q": q})
        assert response.status_code == 200
        return {v.pk for v in response.context["cl"].result_list}

    assert votes("amina@") == {by_amina.pk}
    assert votes("twinning") == {by_li.pk}
    assert votes(ip_hash.upper()) == {by_amina.pk}
    # A part of a hash is not searched (the votes have no index for it).
    assert votes(ip_hash[:20]) == set()
    assert votes("nobody") == set()


def test_entries_by_part_of_title_or_organisation(admin_client):
    EntryFactory(title="Gyumri Telemedicine Network", organisation="Youth Hub")
    EntryFactory(title="Municipal e-government", organisation="Makassar Telemedicine Office")
    EntryFactory(title="Broadband", organisation="Other")
    titles = found(admin_client, "/admin/stocktaking/entry/", "TELEMEDICINE")
    assert titles == {"Gyumri Telemedicine Network", "Municipal e-government"}


INDEXED = [
    (User.objects.filter(email__icontains="diallo"), "accounts_user_email_trgm"),
    (
        StakeholderProfile.objects.filter(full_name__icontains="diallo"),
        "accounts_profile_name_trgm",
    ),
    (
        StakeholderProfile.objects.filter(organisation_name__icontains="trust"),
        "accounts_profile_org_trgm",
    ),
    (Entry.objects.filter(title__icontains="telemedicine"), "stk_entry_title_trgm"),
    (Entry.objects.filter(organisation__icontains="hub"), "stk_entry_organisation_trgm"),
    (Project.objects.filter(title__icontains="twinning"), "prizes_project_title_trgm"),
]


def only_bitmap_scans() -> None:
    # On a few rows PostgreSQL prefers reading the table or walking another index with a
    # filter; with only bitmap scans left, an index appears in the plan only if it answers
    # Django's expression (a different expression would not).
    with connection.cursor() as cursor:
        for scan in ("seqscan", "indexscan", "indexonlyscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")


@pytest.mark.parametrize(("queryset", "index"), INDEXED, ids=[i for _, i in INDEXED])
def test_djangos_icontains_can_use_the_trigram_index(queryset, index):
    only_bitmap_scans()
    assert index in queryset.order_by().explain()


def test_email_addresses_icontains_can_use_their_trigram_index():
    from allauth.account.models import EmailAddress

    only_bitmap_scans()
    plan = EmailAddress.objects.filter(email__icontains="diallo").order_by().explain()
    assert "account_emailaddress_email_trgm" in plan


def test_a_search_across_relations_never_joins_the_searched_tables(admin_client, people):
    with CaptureQueriesContext(connection) as ctx:
        found(admin_client, "/admin/accounts/user/", "diallo")
    page = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith('SELECT "accounts_user"."id", "accounts_user"."password"')
        and 'ORDER BY "accounts_user"."email"' in q["sql"]
    ]
    # The page's rows are fetched by key; each field was looked up on its own, bounded.
    assert len(page) == 1 and "LIKE" not in page[0] and '"id" IN (' in page[0]
    lookups = [q["sql"] for q in ctx.captured_queries if "LIKE UPPER" in q["sql"]]
    assert len(lookups) == 3 and all(sql.endswith("LIMIT 1001") for sql in lookups)
