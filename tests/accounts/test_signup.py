import re

import pytest
from allauth.account.models import EmailAddress

from accounts.enums import StakeholderType
from accounts.models import StakeholderProfile, User
from tests.accounts.test_allauth_pages import assert_accessible_page
from tests.factories.accounts import StakeholderFactory

PASSWORD = "Geneva-summit-2026!"


def signup_data(**overrides):
    data = {
        "email": "ada@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "full_name": "Ada Lovelace",
        "organisation_name": "Analytical Engines Ltd",
        "organisation_country": "GB",
        "stakeholder_type": StakeholderType.PRIVATE_SECTOR,
        "job_title": "Engineer",
        "telephone": "+44 20 7946 0000",
    }
    data.update(overrides)
    return data


def confirmation_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


@pytest.mark.django_db
def test_signup_confirm_login_and_edit_profile(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    # allauth's emails are outbox messages, delivered once the request's writes commit.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", signup_data())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"

    user = User.objects.get(email="ada@example.org")
    profile = StakeholderProfile.objects.get(user=user)
    assert profile.full_name == "Ada Lovelace"
    assert profile.organisation_country.code == "GB"
    assert profile.stakeholder_type == StakeholderType.PRIVATE_SECTOR
    assert not EmailAddress.objects.get(user=user).verified

    # Mandatory verification: the password alone does not sign in yet.
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/login/", {"login": "ada@example.org", "password": PASSWORD}
        )
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert client.get("/my/").status_code == 302

    assert len(mailoutbox) == 1  # a resend waits for the cooldown
    link = confirmation_link(mailoutbox[-1])
    page = client.get(link)
    assert page.status_code == 200
    assert b"ada@example.org" in page.content
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    response = client.post("/accounts/login/", {"login": "ADA@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/my/"
    my = client.get("/my/")
    assert my.status_code == 200
    assert b"Ada Lovelace" in my.content

    form = client.get("/my/profile/")
    assert b'value="Ada Lovelace"' in form.content
    response = client.post(
        "/my/profile/",
        signup_data(full_name="Ada King", organisation_name="Royal Society", telephone=""),
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert (profile.full_name, profile.organisation_name, profile.telephone) == (
        "Ada King",
        "Royal Society",
        "",
    )


@pytest.mark.django_db
def test_signup_requires_profile_fields(client):
    response = client.post("/accounts/signup/", signup_data(full_name="", stakeholder_type="x"))
    assert response.status_code == 200
    assert not User.objects.filter(email="ada@example.org").exists()
    form = response.context["form"]
    assert "full_name" in form.errors
    assert "stakeholder_type" in form.errors


@pytest.mark.django_db
def test_profile_edit_shows_error_next_to_field(stakeholder_client):
    response = stakeholder_client.post("/my/profile/", signup_data(telephone="call me"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a telephone number" in html
    assert 'aria-invalid="true"' in html
    stakeholder_client.user.profile.refresh_from_db()
    assert stakeholder_client.user.profile.telephone == ""


@pytest.mark.django_db
def test_signup_with_registered_email_reveals_nothing(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    StakeholderFactory(email="taken@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        fresh = client.post("/accounts/signup/", signup_data(email="new@example.org"))
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post("/accounts/signup/", signup_data(email="taken@example.org"))
    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    # The owner of the address is told by email, not the visitor on the page.
    assert mailoutbox[-1].to == ["taken@example.org"]
    assert "confirm-email" not in mailoutbox[-1].body


@pytest.mark.django_db
def test_password_reset_for_unknown_email_reveals_nothing(client, mailoutbox):
    StakeholderFactory(email="known@example.org")
    known = client.post("/accounts/password/reset/", {"email": "known@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known["Location"] == "/accounts/password/reset/done/"
    done = client.get(known["Location"])
    assert done.status_code == 200
    assert b"nobody@example.org" not in done.content


@pytest.mark.django_db
def test_password_reset_from_key_sets_new_password(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    StakeholderFactory(email="known@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "known@example.org"})
    match = re.search(
        r"https?://[^/\s]+(/accounts/password/reset/key/[^\s]+/)", mailoutbox[-1].body
    )
    assert match
    page = client.get(match.group(1))
    assert page.status_code == 302  # allauth moves the key into the session
    form_url = page["Location"]
    assert_accessible_page(client.get(form_url))
    response = client.post(
        form_url, {"password1": "Another-long-pass-77", "password2": "Another-long-pass-77"}
    )
    assert response.status_code == 302
    client.logout()
    login = client.post(
        "/accounts/login/", {"login": "known@example.org", "password": "Another-long-pass-77"}
    )
    assert login.status_code == 302
    assert login["Location"] == "/my/"


@pytest.mark.django_db
def test_my_requires_login(client):
    for url in ("/my/", "/my/profile/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.django_db
def test_my_lists_profile_for_signed_in_user(stakeholder_client):
    response = stakeholder_client.get("/my/")
    assert response.status_code == 200
    assert stakeholder_client.user.profile.full_name.encode() in response.content


@pytest.mark.django_db
def test_account_emails_leave_through_the_outbox_and_keep_no_link(
    client, mailoutbox, django_capture_on_commit_callbacks, settings
):
    from wsis_portal import outbox
    from wsis_portal.models import OutboxMessage, OutboxStatus

    StakeholderFactory(email="known@example.org")
    # The mail server is down: the reset page answers as usual, the email waits.
    settings.EMAIL_BACKEND = "tests.support.failing_email.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": "known@example.org"})
    assert response.status_code == 302
    message = OutboxMessage.objects.get(to_email="known@example.org")
    assert message.status == OutboxStatus.PENDING and mailoutbox == []
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert outbox.deliver_pending(now=message.next_attempt_at) == 1
    assert "/accounts/password/reset/key/" in mailoutbox[0].body
    message.refresh_from_db()
    assert message.status == OutboxStatus.SENT and message.secret == {}


@pytest.mark.django_db
def test_confirmation_email_names_the_portal_and_confirming_signs_in(
    client, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "https://wsis.example.int"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/signup/", signup_data(email="grace@example.org"))
    assert response.status_code == 302
    message = mailoutbox[-1]
    assert message.body.startswith("Hello from WSIS Forum portal!")
    # The host appears only inside the link itself, never as the portal's name.
    assert "testserver" not in re.sub(r"https?://\S+", "", message.body)
    assert "wsis.example.int" in message.body
    link = confirmation_link(message)
    response = client.post(link)
    assert response.status_code == 302
    # Confirming the address in the browser that signed up signs the new user in.
    assert client.get("/my/").status_code == 200
