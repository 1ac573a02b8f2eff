"""Double opt-in: the anonymous submission form relays no typed text from our address, and a
submission counts only once the owner of its address has confirmed it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from consultations.models import Submission
from consultations.selectors import final_brief
from tests.accounts.test_signup import signup_data
from tests.consultations.test_submissions import form_data, private_link_from, submit_url
from tests.factories.accounts import StakeholderFactory
from tests.factories.consultations import SubmissionFactory, consultation_with_phases

pytestmark = pytest.mark.django_db

# What an attacker types to turn the receipt into a message from the Secretariat.
HOSTILE = {
    "full_name": "Dear colleague. URGENT: your account is suspended, log in at https://evil.example/x",
    "organisation_name": "Verify-now at evil.example",
    "telephone": "+41 99 999 9999",
    "thematic_aspects": "Transfer the fee to IBAN CH00 0000 before Friday",
    "format_innovations": "Reply-with-your-credentials",
    "email": "victim@example.org",
}
TYPED_MARKERS = [
    "URGENT",
    "evil.example",
    "Verify-now",
    "99 999 9999",
    "IBAN",
    "Reply-with-your",
    "Dear colleague",
]


def _assert_quotes_nothing_typed(message) -> None:
    text = message.subject + "\n" + message.body
    for marker in TYPED_MARKERS:
        assert marker not in text, (marker, text)


def _anonymous_submission(client, capture, **overrides):
    consultation = consultation_with_phases()
    with capture(execute=True):
        response = client.post(submit_url(consultation), form_data(**{**HOSTILE, **overrides}))
    assert response.status_code == 302
    return consultation, response


def test_first_email_to_an_unconfirmed_address_quotes_nothing_typed_and_asks_to_confirm(
    client, django_capture_on_commit_callbacks
):
    _consultation, response = _anonymous_submission(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["victim@example.org"]
    _assert_quotes_nothing_typed(message)
    assert "confirm your address" in message.body
    assert private_link_from(message.body)
    # The page after sending says the address must be confirmed.
    done = client.get(response["Location"]).content.decode()
    assert "confirm your address" in done


def test_unconfirmed_submission_does_not_count_until_the_owner_confirms(
    client, django_capture_on_commit_callbacks
):
    consultation, _ = _anonymous_submission(
        client, django_capture_on_commit_callbacks, full_name="Amina Diallo"
    )
    submission = Submission.objects.get()
    assert submission.email_confirmed_at is None
    assert final_brief(consultation=consultation)["total"] == 0
    assert not Submission.objects.counted().exists()

    link = private_link_from(mail.outbox[0].body)
    # Opening the link (as a mail scanner would) confirms nothing and shows nothing typed.
    page = client.get(link)
    body = page.content.decode()
    assert page.status_code == 200 and "Confirm my address" in body
    assert "Amina Diallo" not in body and "evil.example" not in body
    submission.refresh_from_db()
    assert submission.email_confirmed_at is None

    response = client.post(link, {"confirm_address": "1"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.email_confirmed_at is not None
    assert final_brief(consultation=consultation)["total"] == 1
    # Now the link shows the submission and its form.
    assert "Amina Diallo" in client.get(link).content.decode()


def test_signed_in_user_with_a_verified_address_needs_no_confirmation(
    client, django_capture_on_commit_callbacks
):
    user = StakeholderFactory(email="ada@example.org")
    client.force_login(user)
    consultation = consultation_with_phases()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(consultation), form_data(email="ADA@example.org"))
    submission = Submission.objects.get()
    assert submission.email_confirmed_at is not None
    assert final_brief(consultation=consultation)["total"] == 1
    assert "Thank you for your official submission" in mail.outbox[0].body


def test_signed_in_user_typing_another_address_must_confirm_it(
    client, django_capture_on_commit_callbacks
):
    client.force_login(StakeholderFactory(email="ada@example.org"))
    consultation = consultation_with_phases()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(consultation), form_data(**HOSTILE))
    assert Submission.objects.get().email_confirmed_at is None
    _assert_quotes_nothing_typed(mail.outbox[0])


def test_unverified_account_must_confirm_too(client, django_capture_on_commit_callbacks):
    user = StakeholderFactory(email="new@example.org", verified=False)
    client.force_login(user)
    consultation = consultation_with_phases()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(consultation), form_data(email="new@example.org"))
    assert Submission.objects.get().email_confirmed_at is None


def test_lost_link_email_quotes_nothing_typed(client, django_capture_on_commit_callbacks):
    consultation, _ = _anonymous_submission(client, django_capture_on_commit_callbacks)
    SubmissionFactory(consultation=consultation, **HOSTILE)  # a confirmed one, same address
    url = reverse("consultations:submission_lost_link", args=[consultation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"email": "victim@example.org"})
    resent = mail.outbox[1:]
    assert len(resent) == 2
    for message in resent:
        _assert_quotes_nothing_typed(message)
        assert private_link_from(message.body)


def test_confirmed_address_cannot_be_changed_through_the_private_link(
    client, django_capture_on_commit_callbacks
):
    _anonymous_submission(client, django_capture_on_commit_callbacks, email="amina@example.org")
    link = private_link_from(mail.outbox[0].body)
    client.post(link, {"confirm_address": "1"})
    response = client.post(link, form_data(email="someone-else@example.org"))
    assert response.status_code == 302
    assert Submission.objects.get().email == "amina@example.org"


def test_secretariat_sees_unconfirmed_submissions_apart(admin_client):
    confirmed = SubmissionFactory(full_name="Confirmed Person")
    SubmissionFactory(
        consultation=confirmed.consultation, full_name="Pending Person", email_confirmed_at=None
    )
    url = reverse("admin:consultations_submission_changelist")
    pending = admin_client.get(url, {"confirmed": "no"}).content.decode()
    assert "Pending Person" in pending and "Confirmed Person" not in pending
    counted = admin_client.get(url, {"confirmed": "yes"}).content.decode()
    assert "Confirmed Person" in counted and "Pending Person" not in counted
    listing = admin_client.get(url).content.decode()
    assert "address confirmed" in listing.lower()


def test_signup_confirmation_email_quotes_nothing_typed_but_the_address(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    """allauth's sign-up form also mails a typed address: it must not carry the typed name."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            signup_data(
                email="victim@example.org",
                full_name=HOSTILE["full_name"],
                organisation_name=HOSTILE["organisation_name"],
                job_title="Call-now URGENT",
            ),
        )
    assert len(mailoutbox) == 1
    _assert_quotes_nothing_typed(mailoutbox[0])


def test_password_reset_email_quotes_nothing_typed(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    StakeholderFactory(
        email="victim@example.org",
        profile__full_name=HOSTILE["full_name"],
        profile__organisation_name=HOSTILE["organisation_name"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "victim@example.org"})
    assert len(mailoutbox) == 1
    _assert_quotes_nothing_typed(mailoutbox[0])
