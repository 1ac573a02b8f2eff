"""The Prizes pages offer only what a visitor can do now (issue 13: "Submit" after closing)."""

import pytest
from django.utils import timezone

from prizes.enums import PhaseKind
from tests.factories.prizes import contest_at


@pytest.mark.django_db
def test_submit_is_offered_while_submissions_are_open(client):
    contest = contest_at(timezone.now(), open_phase=PhaseKind.SUBMISSION)
    submit = f'href="/prizes/{contest.year}/submit/"'
    assert submit in client.get("/prizes/").content.decode()
    assert submit in client.get(f"/prizes/{contest.year}/").content.decode()


@pytest.mark.django_db
def test_submit_is_not_offered_once_submissions_have_closed(client):
    contest = contest_at(timezone.now(), open_phase=PhaseKind.VOTING)
    submit = f'href="/prizes/{contest.year}/submit/"'
    index = client.get("/prizes/").content.decode()
    assert submit not in index
    assert f'href="/prizes/{contest.year}/vote/"' in index
    assert submit not in client.get(f"/prizes/{contest.year}/").content.decode()
