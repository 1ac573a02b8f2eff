"""Champions and Winners are told once when the results are published, and get a
certificate (a PDF) that the public may see only once the results are published."""

from datetime import timedelta
from io import BytesIO

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase
from prizes.services import recognition_queue
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from wsis_portal import outbox
from wsis_portal.models import OutboxMessage
from wsis_portal.tasks import tick

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(body)).pages)


@pytest.fixture
def selection_contest():
    """A contest in its selection phase: Champions and a Winner decided, not yet published."""
    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    return contest


def _ceremony_start(contest):
    return ContestPhase.objects.get(contest=contest, kind=PhaseKind.CEREMONY).starts_at


def test_each_champion_and_winner_is_emailed_once_when_results_are_published(
    selection_contest, django_capture_on_commit_callbacks
):
    contest = selection_contest
    winner = ProjectFactory(
        contest=contest,
        status=ProjectStatus.WINNER,
        title="Connected schools",
        submitter=StakeholderFactory(email="winner@example.org", language="fr"),
    )
    champion = ProjectFactory(
        contest=contest,
        status=ProjectStatus.CHAMPION,
        title="Rural clinics online",
        submitter=StakeholderFactory(email="champion@example.org"),
    )
    ProjectFactory(contest=contest, status=ProjectStatus.NOMINATED, title="Only nominated")
    ProjectFactory(contest=contest, status=ProjectStatus.NOT_NOMINATED, title="Not nominated")

    # Before the ceremony starts nothing is sent, however often the tick runs.
    assert recognition_queue(timezone.now()) == 0
    with time_machine.travel(_ceremony_start(contest) + timedelta(minutes=1), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            tick()
            tick()  # the beat tick runs every minute: nothing is added twice
            assert recognition_queue(timezone.now()) == 0
        assert outbox.deliver_pending() == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["champion@example.org", "winner@example.org"]
    by_address = {m.to[0]: m for m in mail.outbox}
    french = by_address["winner@example.org"]
    assert "Connected schools" in french.subject
    certificate = reverse("prizes:certificate", args=[contest.year, winner.pk])
    assert f"/fr{certificate}" in french.body
    english = by_address["champion@example.org"]
    assert "Champion" in english.subject
    assert reverse("prizes:certificate", args=[contest.year, champion.pk]) in english.body

    # A second run of publication days later, or a retried delivery, sends nothing more.
    with time_machine.travel(_ceremony_start(contest) + timedelta(days=3), tick=False):
        assert recognition_queue(timezone.now()) == 0
        assert outbox.deliver_pending() == 0
    assert len(mail.outbox) == 2
    assert OutboxMessage.objects.filter(purpose="prizes.recognition").count() == 2


def test_a_worker_dying_mid_delivery_leaves_the_email_to_send_once(selection_contest, settings):
    contest = selection_contest
    ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION)
    settings.EMAIL_BACKEND = "tests.support.failing_email.FailsForSomeBackend"
    with time_machine.travel(_ceremony_start(contest) + timedelta(minutes=1), tick=False):
        ProjectFactory(
            contest=contest,
            status=ProjectStatus.WINNER,
            submitter=StakeholderFactory(email="fail-later@example.org"),
        )
        assert recognition_queue(timezone.now()) == 2
        assert outbox.deliver_pending() == 1  # one address fails: rolled back, retried later
        assert recognition_queue(timezone.now()) == 0  # the failed one is not added again
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        waiting = OutboxMessage.objects.get(status="pending")
        assert outbox.deliver_pending(now=waiting.next_attempt_at) == 1
        assert outbox.deliver_pending(now=waiting.next_attempt_at) == 0
    addresses = [m.to[0] for m in mail.outbox]
    assert len(addresses) == 2 and addresses[-1] == "fail-later@example.org"


def test_contests_whose_ceremony_ended_long_ago_are_not_written_to():
    old = contest_at(timezone.now() - timedelta(days=365), "after")
    ProjectFactory(contest=old, status=ProjectStatus.WINNER)
    assert recognition_queue(timezone.now()) == 0


def test_certificate_is_a_pdf_naming_the_project_and_its_distinction(client, selection_contest):
    contest = selection_contest
    winner = ProjectFactory(
        contest=contest,
        status=ProjectStatus.WINNER,
        title="Connected schools",
        organisation="Digital Bridges Foundation",
        country="KE",
        category=category(contest, "C3"),
    )
    url = reverse("prizes:certificate", args=[contest.year, winner.pk])
    with time_machine.travel(_ceremony_start(contest) + timedelta(minutes=1), tick=False):
        text = _text(client.get(url))
    assert "Connected schools" in text
    assert "Digital Bridges Foundation" in text and "Kenya" in text
    assert "WSIS Prize Winner" in text and str(contest.year) in text
    assert "C3." in text  # the category's Action Line
    assert "Preview" not in text


def test_certificate_keeps_non_latin_scripts_and_speaks_the_page_language(
    client, selection_contest
):
    contest = selection_contest
    champion = ProjectFactory(
        contest=contest,
        status=ProjectStatus.CHAMPION,
        title="智慧农业平台",
        organisation="Московский университет",
        country="CN",
    )
    url = reverse("prizes:certificate", args=[contest.year, champion.pk])
    with time_machine.travel(_ceremony_start(contest) + timedelta(minutes=1), tick=False):
        text = _text(client.get(url))
        french = _text(client.get("/fr" + url))
    assert "智慧农业平台" in text and "Московский университет" in text
    assert "China" in text and "C1. The role of governments" in text
    # The page's language: the country and the Action Line are in French.
    assert "智慧农业平台" in french and "Chine" in french and "Rôle des gouvernements" in french


@pytest.mark.parametrize(
    "who, before, after",
    [
        ("anonymous", 404, 200),
        ("stranger", 404, 200),
        ("owner", 404, 200),
        ("staff", 200, 200),
    ],
)
def test_certificate_access(client, selection_contest, who, before, after):
    contest = selection_contest
    owner = StakeholderFactory()
    champion = ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION, submitter=owner)
    users = {
        "stranger": StakeholderFactory(),
        "owner": owner,
        "staff": UserFactory(is_staff=True),
    }
    if who in users:
        client.force_login(users[who])
    url = reverse("prizes:certificate", args=[contest.year, champion.pk])
    response = client.get(url)
    assert response.status_code == before
    if before == 200:
        assert "Preview" in _text(response)  # staff see a marked preview before publication
        assert "no-store" in response["Cache-Control"]
    with time_machine.travel(_ceremony_start(contest) + timedelta(minutes=1), tick=False):
        assert client.get(url).status_code == after


def test_no_certificate_for_a_project_that_is_not_recognised(client, selection_contest):
    contest = selection_contest
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    for status in (ProjectStatus.NOMINATED, ProjectStatus.DRAFT, ProjectStatus.NOT_NOMINATED):
        project = ProjectFactory(contest=contest, status=status)
        with time_machine.travel(_ceremony_start(contest) + timedelta(minutes=1), tick=False):
            url = reverse("prizes:certificate", args=[contest.year, project.pk])
            assert client.get(url).status_code == 404
    # A project of another year's contest is not reachable through this year's address.
    other = contest_at(timezone.now(), PhaseKind.SELECTION)
    elsewhere = ProjectFactory(contest=other, status=ProjectStatus.WINNER)
    url = reverse("prizes:certificate", args=[contest.year, elsewhere.pk])
    assert client.get(url).status_code == 404


def test_a_draft_contest_has_no_public_certificate(client, selection_contest):
    contest = selection_contest
    champion = ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION)
    type(contest).objects.filter(pk=contest.pk).update(published_at=None)
    url = reverse("prizes:certificate", args=[contest.year, champion.pk])
    with time_machine.travel(_ceremony_start(contest) + timedelta(minutes=1), tick=False):
        assert client.get(url).status_code == 404
        assert recognition_queue(timezone.now()) == 0
