"""Drafts until the Secretariat publishes them (issue 14, item 1)."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation
from forum.models import Edition
from prizes.enums import PhaseKind
from prizes.models import Contest
from stocktaking.enums import CallKind
from stocktaking.models import Call
from stocktaking.selectors.calls import open_call
from tests.factories.consultations import consultation_with_phases
from tests.factories.forum_programme import EditionFactory
from tests.factories.prizes import contest_at
from tests.factories.stocktaking import CallFactory
from wsis_portal.models import ActivityLog

pytestmark = pytest.mark.django_db

BANNER = "is not published"


def _draft(model, obj):
    model.objects.filter(pk=obj.pk).update(published_at=None)
    obj.refresh_from_db()
    return obj


@pytest.fixture
def drafts():
    """A draft of each kind, each with an open phase (so it would show as "open now")."""
    contest = _draft(Contest, contest_at(timezone.now(), PhaseKind.SUBMISSION))
    consultation = _draft(Consultation, consultation_with_phases(title="Draft consultation"))
    edition = _draft(Edition, EditionFactory(year=2099, theme="Draft edition theme"))
    call = _draft(Call, CallFactory(kind=CallKind.NEW_ENTRIES))
    return {"contest": contest, "consultation": consultation, "edition": edition, "call": call}


def _pages(drafts):
    contest, consultation = drafts["contest"], drafts["consultation"]
    return [
        reverse("prizes:contest", args=[contest.year]),
        reverse("prizes:results", args=[contest.year]),
        reverse("prizes:ballot", args=[contest.year]),
        reverse("consultations:timeline", args=[consultation.slug]),
        reverse("consultations:discussions", args=[consultation.slug]),
        reverse("forum:edition", args=[drafts["edition"].year]),
        reverse("forum:programme", args=[drafts["edition"].year]),
    ]


@pytest.mark.parametrize("who", ["anonymous", "stakeholder"])
def test_the_public_gets_404_for_every_draft(drafts, who, stakeholder_client):
    client = Client() if who == "anonymous" else stakeholder_client
    for url in _pages(drafts):
        assert client.get(url).status_code == 404, url


def test_drafts_are_in_no_public_list(drafts, client):
    lists = [
        reverse("prizes:index"),
        reverse("consultations:list"),
        reverse("forum:editions"),
        reverse("home"),
    ]
    for url in lists:
        body = client.get(url).content.decode()
        assert drafts["contest"].title not in body, url
        assert "Draft consultation" not in body, url
        assert "Draft edition theme" not in body, url
    from tests.factories.forum_programme import SessionFactory

    SessionFactory(edition=drafts["edition"], title="Draft session")
    api = client.get(reverse("api-forum-sessions", args=[drafts["edition"].year]))
    assert "Draft session" not in api.content.decode()


def test_a_draft_call_is_not_open(drafts):
    assert open_call(kind=CallKind.NEW_ENTRIES) is None
    Call.objects.filter(pk=drafts["call"].pk).update(published_at=timezone.now())
    assert open_call(kind=CallKind.NEW_ENTRIES) == drafts["call"]


def test_staff_preview_drafts_with_a_banner(drafts, admin_client):
    for url in _pages(drafts):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert BANNER in response.content.decode(), url


def test_published_pages_have_no_banner(admin_client):
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    body = admin_client.get(reverse("prizes:contest", args=[contest.year])).content.decode()
    assert BANNER not in body


@pytest.mark.parametrize(
    ("key", "changelist"),
    [
        ("contest", "admin:prizes_contest_changelist"),
        ("consultation", "admin:consultations_consultation_changelist"),
        ("edition", "admin:forum_edition_changelist"),
        ("call", "admin:stocktaking_call_changelist"),
    ],
)
def test_publish_action_confirms_then_publishes(drafts, admin_client, client, key, changelist):
    obj = drafts[key]
    data = {"action": "publish_selected", "_selected_action": [obj.pk]}
    page = admin_client.post(reverse(changelist), data)
    assert page.status_code == 200
    assert str(obj) in page.content.decode()
    obj.refresh_from_db()
    assert obj.published_at is None
    done = admin_client.post(reverse(changelist), {**data, "confirm": "yes"}, follow=True)
    assert "1 draft published." in done.content.decode()
    obj.refresh_from_db()
    assert obj.published_at is not None
    log = ActivityLog.objects.get(object_id=obj.pk, action="publish", field="published_at")
    assert log.actor is not None and log.actor.is_superuser


def test_published_contest_is_public(drafts, client):
    contest = drafts["contest"]
    Contest.objects.filter(pk=contest.pk).update(published_at=timezone.now())
    assert client.get(reverse("prizes:contest", args=[contest.year])).status_code == 200


def test_a_new_contest_is_a_draft(db):
    from prizes.services import contest_create
    from tests.factories.prizes import edition_around

    phases = {}
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    for phase in contest.phases.all():
        phases[phase.kind] = (phase.starts_at, phase.ends_at)
    edition = edition_around(*phases[PhaseKind.CEREMONY], year=contest.year + 1)
    created = contest_create(year=contest.year + 1, title="New", phases=phases, edition=edition)
    assert created.is_draft
