"""Speakers' private confirmation links expire; an expired one says so and gets a new one;
the Secretariat re-sends one from the schedule."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from forum.models import ProposalSpeaker
from forum.proposals import emails
from forum.proposals.speaker_links import LINK_DAYS, speaker_link
from tests.factories.accounts import UserFactory
from tests.forum.test_proposal_scheduling import accepted, call, staff  # noqa: F401
from wsis_portal.models import ActivityLog, OutboxMessage

pytestmark = pytest.mark.django_db


def _path(link: str, settings) -> str:
    return link.replace(settings.PORTAL_BASE_URL.rstrip("/"), "").split("testserver")[-1]


def _links_sent(speaker) -> int:
    return OutboxMessage.objects.filter(
        purpose=emails.SPEAKER_CONFIRM, object_id=speaker.pk
    ).count()


def test_link_opens_the_form_until_it_expires_then_offers_a_new_one(call, staff, client, settings):  # noqa: F811
    accepted(call, staff, "ada@example.org")
    speaker = ProposalSpeaker.objects.get(email="ada@example.org")
    assert _links_sent(speaker) == 1
    sent_at = timezone.now()
    with time_machine.travel(sent_at, tick=False):
        link = _path(speaker_link(speaker), settings)
    with time_machine.travel(sent_at + timedelta(days=LINK_DAYS) - timedelta(minutes=1)):
        page = client.get(link)
        assert page.status_code == 200
        assert "I confirm that I will speak" in page.content.decode()
    with time_machine.travel(sent_at + timedelta(days=LINK_DAYS, minutes=1)):
        page = client.get(link)
        html = page.content.decode()
        assert page.status_code == 410
        assert "This link has expired" in html and "I confirm that I will speak" not in html
        # Nothing can be confirmed through it any more.
        client.post(link, {"name": "Someone else", "organisation": "X", "country": "FR"})
        speaker.refresh_from_db()
        assert speaker.confirmed_at is None and speaker.person.name != "Someone else"
        assert _links_sent(speaker) == 2
        renewed = client.post(link)
        assert renewed.status_code == 410 and "A new link is on its way" in renewed.content.decode()
        # Twice on one day is one email.
        assert _links_sent(speaker) == 2
        message = OutboxMessage.objects.filter(purpose=emails.SPEAKER_CONFIRM).latest("pk")
        assert message.to_email == "ada@example.org"
        fresh = _path(message.secret["link"], settings)
        assert client.get(fresh).status_code == 200


def test_an_altered_expired_link_is_still_not_found(call, staff, client, settings):  # noqa: F811
    accepted(call, staff, "ada@example.org")
    speaker = ProposalSpeaker.objects.get(email="ada@example.org")
    link = _path(speaker_link(speaker), settings)
    with time_machine.travel(timezone.now() + timedelta(days=LINK_DAYS + 5)):
        assert client.get(link[:-3] + "xyz/").status_code == 404


def test_secretariat_resends_a_link_from_the_schedule(call, staff, client):  # noqa: F811
    accepted(call, staff, "ada@example.org")
    speaker = ProposalSpeaker.objects.get(email="ada@example.org")
    url = reverse("forum:speaker_link_resend", args=[2027, speaker.pk])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 403
    assert _links_sent(speaker) == 1
    client.force_login(staff)
    board = client.get(reverse("forum:schedule", args=[2027])).content.decode()
    assert f'action="{url}"' in board
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        response = client.post(url, follow=True)
    assert "A new private link is on its way" in response.content.decode()
    assert _links_sent(speaker) == 2
    log = ActivityLog.objects.get(action="speaker_link_renew")
    assert log.actor == staff and "ada@example.org" in log.reason
    assert (
        client.post(reverse("forum:speaker_link_resend", args=[2026, speaker.pk])).status_code
        == 404
    )
