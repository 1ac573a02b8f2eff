"""Scheduling accepted proposals: clashes refused (in the service, on the page and in the
database), speakers' private confirmation, the programme's publication, the speakers page."""

import io
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image

from accounts.roles import SECRETARIAT
from forum.models import Placement, ProposalSpeaker
from forum.proposals.review import proposal_decide
from forum.proposals.scheduling import placement_save, programme_publish, speaker_link
from tests.factories.accounts import UserFactory
from tests.factories.proposals import (
    DURING_REVIEW,
    ProposalCallFactory,
    ProposalFactory,
    ProposalSpeakerFactory,
    RoomFactory,
)
from tests.support.refusals import refused

# 11 May 2027 in Geneva (CEST, UTC+2): 10:00-11:00 and 10:30-11:30 overlap.
TEN = datetime(2027, 5, 11, 8, 0, tzinfo=UTC)
ELEVEN = datetime(2027, 5, 11, 9, 0, tzinfo=UTC)
HALF_PAST_TEN = datetime(2027, 5, 11, 8, 30, tzinfo=UTC)
HALF_PAST_ELEVEN = datetime(2027, 5, 11, 9, 30, tzinfo=UTC)


@pytest.fixture
def staff():
    return UserFactory(is_staff=True, groups=[SECRETARIAT])


@pytest.fixture
def call():
    return ProposalCallFactory()


def accepted(call, staff, *emails, title=None):
    proposal = ProposalFactory(call=call, **({"title": title} if title else {}))
    for email in emails:
        ProposalSpeakerFactory(proposal=proposal, email=email)
    with time_machine.travel(DURING_REVIEW, tick=False):
        proposal_decide(proposal=proposal, by=staff, decision="accepted", reason="Good")
    proposal.refresh_from_db()
    return proposal.session


@pytest.mark.django_db
def test_a_room_taken_twice_is_refused(call, staff):
    room = RoomFactory(edition=call.edition, name="Room K")
    first = accepted(call, staff, "a@example.org", title="First")
    second = accepted(call, staff, "b@example.org")
    placement_save(session=first, room=room, starts_at=TEN, ends_at=ELEVEN, by=staff)
    with refused("room_taken", match="Room K is already taken .* “First”"):
        placement_save(
            session=second, room=room, starts_at=HALF_PAST_TEN, ends_at=HALF_PAST_ELEVEN, by=staff
        )
    # Back to back is fine: the ranges are half-open.
    placement_save(session=second, room=room, starts_at=ELEVEN, ends_at=HALF_PAST_ELEVEN, by=staff)
    second.refresh_from_db()
    assert (second.room, second.starts_at) == ("Room K", ELEVEN)


@pytest.mark.django_db
def test_the_database_refuses_a_double_booked_room(call, staff):
    room = RoomFactory(edition=call.edition)
    first = accepted(call, staff, "a@example.org")
    second = accepted(call, staff, "b@example.org")
    Placement.objects.create(session=first, room=room, starts_at=TEN, ends_at=ELEVEN)
    with pytest.raises(IntegrityError), transaction.atomic():
        Placement.objects.create(
            session=second, room=room, starts_at=HALF_PAST_TEN, ends_at=HALF_PAST_ELEVEN
        )


@pytest.mark.django_db
def test_a_speaker_in_two_places_at_once_is_refused(call, staff):
    first = accepted(call, staff, "ada@example.org", title="First")
    second = accepted(call, staff, "ADA@example.org", "bo@example.org")
    placement_save(
        session=first,
        room=RoomFactory(edition=call.edition),
        starts_at=TEN,
        ends_at=ELEVEN,
        by=staff,
    )
    with refused("speaker_clash", match="two places at once"):
        placement_save(
            session=second,
            room=RoomFactory(edition=call.edition),
            starts_at=HALF_PAST_TEN,
            ends_at=HALF_PAST_ELEVEN,
            by=staff,
        )
    assert not Placement.objects.filter(session=second).exists()


@pytest.mark.django_db
def test_a_slot_outside_the_edition_is_refused(call, staff):
    session = accepted(call, staff, "a@example.org")
    before = datetime(2027, 5, 9, 8, 0, tzinfo=UTC)
    with refused("outside_edition", match="outside the Forum's days"):
        placement_save(
            session=session,
            room=RoomFactory(edition=call.edition),
            starts_at=before,
            ends_at=before.replace(hour=9),
            by=staff,
        )


@pytest.mark.django_db
def test_the_page_shows_each_clash_next_to_its_field(call, staff, client):
    room = RoomFactory(edition=call.edition, name="Room K")
    first = accepted(call, staff, "ada@example.org", title="First")
    second = accepted(call, staff, "ada@example.org")
    placement_save(session=first, room=room, starts_at=TEN, ends_at=ELEVEN, by=staff)
    client.force_login(staff)
    url = reverse("forum:schedule_session", args=[2027, second.pk])
    p = f"s{second.pk}"
    data = {
        f"{p}-room": room.pk,
        f"{p}-day": "2027-05-11",
        f"{p}-starts": "10:30",
        f"{p}-ends": "11:30",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    form = next(
        x.placement_form for x in response.context["proposals"] if x.session_id == second.pk
    )
    assert "Room K is already taken" in form.errors["room"][0]
    other = RoomFactory(edition=call.edition)
    response = client.post(url, {**data, f"{p}-room": other.pk})
    form = next(
        x.placement_form for x in response.context["proposals"] if x.session_id == second.pk
    )
    assert "two places at once" in form.errors["starts"][0]
    response = client.post(url, {**data, f"{p}-room": other.pk, f"{p}-day": "2027-05-20"})
    assert response.status_code == 400  # not a day of the edition: the form refuses it
    response = client.post(
        url, {**data, f"{p}-room": other.pk, f"{p}-starts": "12:00", f"{p}-ends": "13:00"}
    )
    assert response.status_code == 302
    assert Placement.objects.get(session=second).room == other


def _as_committed() -> None:
    """Run what this test's transaction holds for its commit, as the commit would: the
    programme pages are cached under a version that writes bump after they commit."""
    from django.db import connection

    for _savepoints, callback, _robust in list(connection.run_on_commit):
        callback()
    connection.run_on_commit.clear()


@pytest.mark.django_db
def test_the_programme_is_public_only_once_published(call, staff, client):
    session = accepted(call, staff, "a@example.org", title="Hidden until published")
    programme = reverse("forum:programme", args=[2027])
    assert "Hidden until published" not in client.get(programme).content.decode()
    assert client.get(session.get_absolute_url()).status_code == 404
    with refused("unplaced"):
        programme_publish(call=call, by=staff)
    placement_save(
        session=session,
        room=RoomFactory(edition=call.edition),
        starts_at=TEN,
        ends_at=ELEVEN,
        by=staff,
    )
    programme_publish(call=call, by=staff)
    _as_committed()
    assert "Hidden until published" in client.get(programme).content.decode()
    assert client.get(session.get_absolute_url()).status_code == 200
    with refused("duplicate"):
        programme_publish(call=call, by=staff)


def _png(size=(32, 32)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 90, 156)).save(buffer, format="PNG")
    return SimpleUploadedFile("me.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.django_db
def test_speaker_confirms_through_the_private_link_with_a_photo(
    call, staff, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    session = accepted(call, staff, "ada@example.org")
    speaker = ProposalSpeaker.objects.get(email="ada@example.org")
    link = (
        speaker_link(speaker)
        .split("testserver")[-1]
        .replace(settings.PORTAL_BASE_URL.rstrip("/"), "")
    )
    page = client.get(link)
    assert page.status_code == 200
    fake = SimpleUploadedFile("me.png", b"not an image at all", content_type="image/png")
    details = {
        "name": "Ada Diallo",
        "organisation": "ITU",
        "country": "SN",
        "position": "",
        "biography": "",
    }
    response = client.post(link, {**details, "photo": fake})
    assert response.status_code == 200 and "photo" in response.context["form"].errors
    speaker.refresh_from_db()
    assert speaker.confirmed_at is None
    response = client.post(link, {**details, "photo": _png()})
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.confirmed_at is not None
    assert speaker.person.photo and speaker.person.country.code == "SN"
    # An altered link leads nowhere.
    assert client.get(link[:-3] + "xyz/").status_code == 404
    assert session.pk


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 3])
def test_schedule_page_and_speakers_page_have_query_budgets(
    call, staff, client, django_assert_max_num_queries, n
):
    for i in range(n):
        accepted(call, staff, f"s{i}@example.org", f"t{i}@example.org")
    RoomFactory(edition=call.edition)
    client.force_login(staff)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("forum:schedule", args=[2027])).status_code == 200
    client.logout()
    with django_assert_max_num_queries(8):
        assert client.get(reverse("forum:speakers", args=[2027])).status_code == 200


@pytest.mark.django_db
def test_speakers_page_lists_speakers_of_the_published_programme(call, staff, client):
    session = accepted(call, staff, "a@example.org")
    name = ProposalSpeaker.objects.get(email="a@example.org").name
    url = reverse("forum:speakers", args=[2027])
    assert name not in client.get(url).content.decode()
    placement_save(
        session=session,
        room=RoomFactory(edition=call.edition),
        starts_at=TEN,
        ends_at=ELEVEN,
        by=staff,
    )
    programme_publish(call=call, by=staff)
    assert name in client.get(url).content.decode()
