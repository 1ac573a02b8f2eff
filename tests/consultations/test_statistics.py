"""Consultation statistics: inputs per phase (the phase that had begun last)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse

from accounts.roles import SECRETARIAT
from consultations.statistics import consultation_statistics
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.consultations import (
    CommentFactory,
    DiscussionFactory,
    SubmissionFactory,
    consultation_with_phases,
)

pytestmark = pytest.mark.django_db

URL = reverse("admin:consultations_submission_statistics")
OPENING = datetime(2031, 9, 1, 7, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.fixture
def consultation():
    consultation = consultation_with_phases(opening=OPENING)
    discussion = DiscussionFactory(consultation=consultation)
    with time_machine.travel(OPENING - DAY, tick=False):  # before Phase I
        SubmissionFactory(consultation=consultation)
    with time_machine.travel(OPENING + 2 * DAY, tick=False):  # Phase I
        SubmissionFactory(consultation=consultation)
        SubmissionFactory(consultation=consultation, email_confirmed_at=None)  # not counted
        SubmissionFactory(consultation=consultation, status="rejected")  # not counted
        consultation.nominations.create(
            nominated_by=StakeholderFactory(),
            nominee_name="A. Nominee",
            organisation="Org",
            stakeholder_group="academia",
            justification="Because.",
        )
    CommentFactory(discussion=discussion, created_at=OPENING + 12 * DAY)  # Phase II (day 10-30)
    CommentFactory(discussion=discussion, created_at=OPENING + 12 * DAY, is_hidden=True)
    with time_machine.travel(OPENING + 37 * DAY, tick=False):  # Phase IV (day 35-50)
        SubmissionFactory(consultation=consultation)
    CommentFactory(created_at=OPENING + 37 * DAY)  # another consultation's discussion
    return consultation


def _rows(statistics, key):
    return next(s for s in statistics if s.key == key).rows


def test_inputs_are_counted_in_the_phase_begun_last(consultation):
    stats = consultation_statistics(consultation=consultation)
    labels = [label for label, _n in _rows(stats, "inputs-per-phase")]
    assert labels[0] == "Before Phase I"
    assert labels[1] == "Phase I: Opening of the open consultations"
    assert len(labels) == 7
    assert [n for _l, n in _rows(stats, "submissions-per-phase")] == [1, 1, 0, 0, 1, 0, 0]
    assert [n for _l, n in _rows(stats, "comments-per-phase")] == [0, 0, 1, 0, 0, 0, 0]
    assert [n for _l, n in _rows(stats, "nominations-per-phase")] == [0, 1, 0, 0, 0, 0, 0]
    assert [n for _l, n in _rows(stats, "inputs-per-phase")] == [1, 2, 1, 0, 1, 0, 0]


def test_nothing_before_phase_i_leaves_that_row_out():
    consultation = consultation_with_phases(opening=OPENING)
    stats = consultation_statistics(consultation=consultation)
    assert len(_rows(stats, "inputs-per-phase")) == 6


@pytest.fixture
def secretariat_client(client):
    client.force_login(UserFactory(is_staff=True, groups=[SECRETARIAT]))
    return client


def test_page_and_csv(secretariat_client, consultation):
    assert secretariat_client.get(URL).status_code == 200
    response = secretariat_client.get(
        URL,
        {"consultation": consultation.pk, "download": "csv", "statistic": "inputs-per-phase"},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Phase", "Inputs"]
    assert rows[1] == ["Before Phase I", "1"]
    assert len(rows) == 8


def test_staff_without_the_permission_get_403(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(URL).status_code == 403


def test_the_page_runs_a_fixed_number_of_queries(
    secretariat_client, consultation, django_assert_num_queries
):
    # Session, user, permissions (2), consultations offered, the one chosen, its phases,
    # submissions, comments, nominations.
    with django_assert_num_queries(10):
        secretariat_client.get(URL, {"consultation": consultation.pk})
    for _ in range(3):
        SubmissionFactory(consultation=consultation)
    with django_assert_num_queries(10):
        secretariat_client.get(URL, {"consultation": consultation.pk})
