"""Each busy admin list costs a fixed number of queries, however many rows it shows.

Issue 16 item 5: at WSIS scale a list shows 100 rows, so a query per row (a foreign key
not selected with the rows, a callable column reading a relation) is 100 queries. Each list
is opened with one row and with four more, every row pointing to different related rows,
and must cost the same number of queries, at most its budget.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.roles import SECRETARIAT
from accounts.signals import ensure_groups
from forum.models import BuildingBlock
from prizes.enums import PhaseKind
from prizes.models import Tally
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum import action_line
from tests.factories.forum_outcomes import OutcomeReportFactory
from tests.factories.forum_programme import EditionFactory, RegistrationFactory, SessionFactory
from tests.factories.prizes import ProjectFactory, category, contest_at, vote
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.usefixtures("postgres")

CODES = ["C1", "C2", "C3", "C4", "C5"]


def _users(n: int) -> None:
    for _ in range(n):
        StakeholderFactory()


def _building_blocks(n: int) -> None:
    start = BuildingBlock.objects.count()
    BuildingBlock.objects.bulk_create(
        BuildingBlock(name=f"Block {start + i}", slug=f"block-{start + i}", order=start + i)
        for i in range(n)
    )


def _outcome_reports(n: int) -> None:
    for i in range(n):
        edition = EditionFactory(year=2027 + i)
        OutcomeReportFactory(
            session=SessionFactory(edition=edition), submitted_by=StakeholderFactory()
        )


def _registrations(n: int) -> None:
    for i in range(n):
        RegistrationFactory(edition=EditionFactory(year=2027 + i))


def _sessions(n: int) -> None:
    blocks = list(BuildingBlock.objects.all())
    for i in range(n):
        SessionFactory(edition=EditionFactory(year=2027 + i), building_block=blocks[i])


def _contest_projects(n: int):
    contest = contest_at(timezone.now() + timedelta(days=400 * n), PhaseKind.VOTING)
    return [ProjectFactory(contest=contest, category=category(contest, CODES[i])) for i in range(n)]


def _projects(n: int) -> None:
    _contest_projects(n)


def _tallies(n: int) -> None:
    for i, project in enumerate(_contest_projects(n)):
        Tally.objects.create(
            project=project,
            contest=project.contest,
            category=project.category,
            votes=10 - i,
            rank=1,
            computed_at=timezone.now(),
        )


def _votes(n: int) -> None:
    for project in _contest_projects(n):
        vote(project)


def _entries(n: int) -> None:
    for i in range(n):
        entry = EntryFactory(call=CallFactory(year=2030 + i + n * 10))
        entry.action_lines.add(action_line(CODES[i]))


LISTS: dict[str, tuple[str, Callable[[int], None], int]] = {
    # name: (address, add n rows, budget of queries for a superuser)
    "emails": ("/admin/account/emailaddress/", _users, 5),
    "profiles": ("/admin/accounts/stakeholderprofile/", _users, 5),
    "users": ("/admin/accounts/user/", _users, 6),
    "building blocks": ("/admin/forum/buildingblock/", _building_blocks, 5),
    "outcome reports": ("/admin/forum/outcomereport/", _outcome_reports, 7),
    "registrations": ("/admin/forum/registration/", _registrations, 8),
    "sessions": ("/admin/forum/session/", _sessions, 9),
    "projects": ("/admin/prizes/project/", _projects, 9),
    "tallies": ("/admin/prizes/tally/", _tallies, 7),
    "votes": ("/admin/prizes/vote/", _votes, 9),
    "entries": ("/admin/stocktaking/entry/", _entries, 8),
}


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return [q["sql"] for q in ctx.captured_queries]


def _same_count(client, url: str, add: Callable[[int], None]) -> int:
    add(1)
    one = _queries(client, url)
    add(4)
    five = _queries(client, url)
    assert len(five) == len(one), "\n".join(five)
    return len(one)


@pytest.mark.parametrize("name", sorted(LISTS))
def test_admin_list_query_count_is_fixed(admin_client, name):
    url, add, budget = LISTS[name]
    assert _same_count(admin_client, url, add) <= budget


# The Secretariat sees the account lists through StakeholderAccountsOnly's filter, and its
# permissions are read from its groups (one query more).
SECRETARIAT_BUDGETS = {"emails": 6, "profiles": 6, "users": 6, "registrations": 10}


@pytest.mark.parametrize("name", sorted(SECRETARIAT_BUDGETS))
def test_admin_list_query_count_is_fixed_for_the_secretariat(client, name):
    ensure_groups()
    client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
    url, add, _ = LISTS[name]
    assert _same_count(client, url, add) <= SECRETARIAT_BUDGETS[name]
