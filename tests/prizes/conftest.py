import pytest
from django.utils import timezone

from prizes.enums import PhaseKind
from tests.factories.prizes import ProjectFactory, category, contest_at


@pytest.fixture
def voting_contest(db):
    return contest_at(timezone.now(), PhaseKind.VOTING)


@pytest.fixture
def nominated(voting_contest):
    """Two nominated projects in C1 and one in C2."""
    return [
        ProjectFactory(contest=voting_contest),
        ProjectFactory(contest=voting_contest),
        ProjectFactory(contest=voting_contest, category=category(voting_contest, "C2")),
    ]
