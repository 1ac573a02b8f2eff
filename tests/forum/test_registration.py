import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from forum.emails import REGISTRATION_CONFIRMED
from forum.enums import AttendanceMode, RegistrationStatus
from forum.models import Registration
from forum.programme.services import (
    registration_cancel,
    registration_create,
)
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum_programme import EditionFactory, RegistrationFactory
from wsis_portal.models import OutboxMessage
from wsis_portal.refusals import Refusal
from wsis_portal.tasks import outbox_deliver

OPEN = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def at_open():
    with time_machine.travel(OPEN, tick=False):
        yield


@pytest.mark.django_db
def test_register_in_person_copies_profile(at_open):
    user = StakeholderFactory(profile__organisation_country="KE")
    registration = registration_create(
        edition=EditionFactory(), user=user, mode=AttendanceMode.IN_PERSON
    )
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.country.code == "KE"
    assert registration.stakeholder_type == user.profile.stakeholder_type


@pytest.mark.django_db
def test_in_person_capacity_is_enforced_but_remote_stays_open(at_open):
    edition = EditionFactory(in_person_capacity=1)
    registration_create(edition=edition, user=StakeholderFactory(), mode=AttendanceMode.IN_PERSON)
    late = StakeholderFactory()
    with pytest.raises(Refusal) as error:
        registration_create(edition=edition, user=late, mode=AttendanceMode.IN_PERSON)
    assert error.value.code == "full"
    assert not Registration.objects.filter(user=late).exists()
    registration_create(edition=edition, user=late, mode=AttendanceMode.REMOTE)
    assert Registration.objects.filter(user=late, mode=AttendanceMode.REMOTE).exists()


@pytest.mark.django_db
def test_cancelled_place_is_freed_and_user_can_register_again(at_open):
    edition = EditionFactory(in_person_capacity=1)
    first = StakeholderFactory()
    registration = registration_create(edition=edition, user=first, mode=AttendanceMode.IN_PERSON)
    registration_cancel(registration=registration)
    second = StakeholderFactory()
    registration_create(edition=edition, user=second, mode=AttendanceMode.IN_PERSON)
    again = registration_create(edition=edition, user=first, mode=AttendanceMode.REMOTE)
    assert again.pk == registration.pk
    assert Registration.objects.filter(edition=edition, user=first).count() == 1


@pytest.mark.django_db
def test_duplicate_registration_is_refused(at_open):
    edition = EditionFactory()
    user = StakeholderFactory()
    registration_create(edition=edition, user=user, mode=AttendanceMode.REMOTE)
    with pytest.raises(Refusal) as error:
        registration_create(edition=edition, user=user, mode=AttendanceMode.IN_PERSON)
    assert error.value.code == "duplicate"
    assert Registration.objects.filter(edition=edition, user=user).count() == 1


@pytest.mark.django_db
def test_database_refuses_a_second_registration_row():
    existing = RegistrationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            edition=existing.edition,
            user=existing.user,
            mode=AttendanceMode.REMOTE,
            stakeholder_type=existing.stakeholder_type,
            country="CH",
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "when", [datetime(2026, 12, 31, tzinfo=UTC), datetime(2027, 5, 1, tzinfo=UTC)]
)
def test_registration_outside_its_dates_is_refused(when):
    edition = EditionFactory()
    with time_machine.travel(when, tick=False), pytest.raises(Refusal) as error:
        registration_create(edition=edition, user=StakeholderFactory(), mode="remote")
    assert error.value.code == "closed"


@pytest.mark.django_db
def test_registration_needs_a_profile(at_open):
    with pytest.raises(Refusal) as error:
        registration_create(edition=EditionFactory(), user=UserFactory(), mode="remote")
    assert error.value.code == "no_profile"


@pytest.mark.django_db
def test_confirmation_email_is_sent_once_on_commit(at_open, django_capture_on_commit_callbacks):
    user = StakeholderFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(edition=EditionFactory(), user=user, mode="in_person")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "WSIS Forum 2027" in mail.outbox[0].subject
    assert "in person" in mail.outbox[0].body
    # A re-delivered task sends nothing.
    message = OutboxMessage.objects.get(object_id=registration.pk, purpose=REGISTRATION_CONFIRMED)
    assert outbox_deliver(message.pk) is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_register_page_requires_sign_in(client):
    EditionFactory()
    response = client.get("/forum/2027/register/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_register_page_sends_users_without_profile_to_profile(client, at_open):
    EditionFactory()
    client.force_login(UserFactory())
    response = client.get("/forum/2027/register/", follow=True)
    assert response.redirect_chain[-1][0] == "/my/profile/?next=%2Fforum%2F2027%2Fregister%2F"
    assert "Complete your stakeholder profile first" in response.content.decode()
    saved = client.post(
        "/my/profile/?next=/forum/2027/register/",
        {
            "full_name": "Ada Diallo",
            "organisation_name": "Sahel Connect",
            "organisation_country": "SN",
            "stakeholder_type": "civil_society",
            "next": "/forum/2027/register/",
        },
    )
    assert saved.status_code == 302
    assert saved["Location"] == "/forum/2027/register/"


@pytest.mark.django_db
def test_register_through_the_page_and_see_it_on_my(
    at_open, stakeholder_client, django_capture_on_commit_callbacks
):
    EditionFactory()
    page = stakeholder_client.get("/forum/2027/register/")
    assert "100 in-person places left" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = stakeholder_client.post("/forum/2027/register/", {"mode": "in_person"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    my = stakeholder_client.get("/my/").content.decode()
    assert "WSIS Forum registrations" in my and "WSIS Forum 2027" in my
    again = stakeholder_client.get("/forum/2027/register/").content.decode()
    assert "You are registered" in again


@pytest.mark.django_db
def test_register_page_shows_error_next_to_field_when_full(at_open, stakeholder_client):
    edition = EditionFactory(in_person_capacity=0)
    response = stakeholder_client.post("/forum/2027/register/", {"mode": "in_person"})
    assert response.status_code == 200
    assert "All in-person places are taken" in str(response.context["form"].errors["mode"])
    assert not Registration.objects.filter(edition=edition).exists()
    missing = stakeholder_client.post("/forum/2027/register/", {})
    assert "Choose whether you will attend" in missing.content.decode()


@pytest.mark.django_db
def test_home_page_lists_open_registration(client, at_open):
    EditionFactory()
    body = client.get("/").content.decode()
    assert "Registration for WSIS Forum 2027" in body


@pytest.mark.django_db
def test_secretariat_exports_registrations_as_safe_csv(admin_client):
    registration = RegistrationFactory(
        user=StakeholderFactory(profile__full_name="=HYPERLINK(evil)")
    )
    response = admin_client.post(
        "/admin/forum/registration/",
        {"action": "export_csv", "_selected_action": [registration.pk]},
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in content
    assert registration.user.email in content


@pytest.mark.django_db
def test_edition_admin_exports_its_registrations(admin_client):
    registration = RegistrationFactory()
    RegistrationFactory(edition=EditionFactory(year=2026))
    response = admin_client.post(
        "/admin/forum/edition/",
        {"action": "export_registrations", "_selected_action": [registration.edition.pk]},
    )
    lines = b"".join(response.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 2  # header + one registration of 2027


def open_now_edition(**kwargs):
    """Registration open at the real clock: threads must not share a travelled clock."""
    now = timezone.now()
    return EditionFactory(
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=1),
        **kwargs,
    )


def test_capacity_holds_under_concurrent_registrations(transactional_db, postgres):
    """Eight people ask for the last three places at the same moment: three get them."""
    edition = open_now_edition(in_person_capacity=3)
    users = [StakeholderFactory() for _ in range(8)]
    barrier = threading.Barrier(len(users))
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(user):
        try:
            barrier.wait(timeout=10)
            registration_create(edition=edition, user=user, mode=AttendanceMode.IN_PERSON)
            result = "ok"
        except Refusal as error:
            result = error.code
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=attempt, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["full"] * 5 + ["ok"] * 3
    assert Registration.objects.filter(edition=edition, mode=AttendanceMode.IN_PERSON).count() == 3


def test_duplicate_submissions_at_once_make_one_registration(transactional_db, postgres):
    edition = open_now_edition()
    user = StakeholderFactory()
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def attempt():
        try:
            barrier.wait(timeout=10)
            registration_create(edition=edition, user=user, mode=AttendanceMode.REMOTE)
            outcomes.append("ok")
        except Refusal as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["duplicate"] * 3 + ["ok"]
    assert Registration.objects.filter(edition=edition, user=user).count() == 1


@pytest.mark.django_db
def test_cancel_own_registration_through_the_page(at_open, stakeholder_client):
    registration = RegistrationFactory(user=stakeholder_client.user)
    assert "Cancel my registration" in stakeholder_client.get("/my/").content.decode()
    # The link asks first, on a page of its own; only its POST cancels.
    confirm = stakeholder_client.get("/forum/2027/register/cancel/")
    assert confirm.status_code == 200
    assert "Yes, cancel my registration" in confirm.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    response = stakeholder_client.post("/forum/2027/register/cancel/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    # Nothing left to cancel: 404, not 500.
    assert stakeholder_client.post("/forum/2027/register/cancel/").status_code == 404


@pytest.mark.django_db
def test_cannot_cancel_someone_elses_registration(at_open, stakeholder_client):
    other = RegistrationFactory()
    assert stakeholder_client.post("/forum/2027/register/cancel/").status_code == 404
    other.refresh_from_db()
    assert other.status == RegistrationStatus.CONFIRMED


@pytest.mark.django_db
def test_registration_cannot_be_cancelled_after_the_forum():
    registration = RegistrationFactory()
    with time_machine.travel(datetime(2027, 5, 15, 12, tzinfo=UTC), tick=False):
        with pytest.raises(Refusal) as error:
            registration_cancel(registration=registration)
    assert error.value.code == "over"


@pytest.mark.django_db
def test_register_page_when_closed_shows_no_form(stakeholder_client):
    EditionFactory(registration_opens_at=None, registration_closes_at=None)
    response = stakeholder_client.get("/forum/2027/register/")
    body = response.content.decode()
    assert "Registration for this Forum is not open." in body
    assert 'name="mode"' not in body
    response = stakeholder_client.post("/forum/2027/register/", {"mode": "remote"})
    assert "Registration for this Forum is not open." in str(response.context["form"].errors)
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_home_page_announces_registration_before_it_opens(client):
    EditionFactory()
    with time_machine.travel(datetime(2026, 12, 1, tzinfo=UTC), tick=False):
        response = client.get("/")
    upcoming = response.context["upcoming"]
    assert [item.title for item in upcoming] == ["Registration for WSIS Forum 2027"]
    assert upcoming[0].opens_at == datetime(2027, 1, 1, tzinfo=UTC)
