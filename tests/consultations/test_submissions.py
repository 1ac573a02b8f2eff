import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.admin.sites import site
from django.core import mail
from django.urls import reverse

from consultations.admin import SubmissionAdmin
from consultations.enums import SubmissionStatus
from consultations.models import Submission
from consultations.services import submission_create, submission_set_status
from tests.factories.accounts import StakeholderFactory
from tests.factories.consultations import (
    SubmissionFactory,
    consultation_with_phases,
    deadline_of,
)
from tests.factories.forum import action_line, sdg
from tests.support.refusals import refused

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "full_name": "Amina Diallo",
        "email": "amina@example.org",
        "organisation_name": "ICT Observatory",
        "organisation_country": "SN",
        "telephone": "+221 33 123 45 67",
        "stakeholder_type": "civil_society",
        "input_kind": "individual",
        "thematic_aspects": "Digital skills for older persons",
        "format_innovations": "A youth hackathon",
        "language": "en",
        "action_lines": [str(action_line("C4").pk)],
        "sdgs": [str(sdg(4).pk)],
    }
    data.update(overrides)
    return data


def submit_url(consultation):
    return reverse("consultations:submit", args=[consultation.slug])


def private_link_from(email_body: str) -> str:
    match = re.search(r"http://testserver(/consultations/\S+/submissions/\S+/)", email_body)
    assert match, email_body
    return match.group(1)


def confirm_address(client, link: str) -> None:
    """Double opt-in: the owner of the address confirms it through the private link."""
    response = client.post(link, {"confirm_address": "1"})
    assert response.status_code == 302, response


def test_submission_open_to_anyone_sends_receipt_with_private_link(
    client, django_capture_on_commit_callbacks
):
    consultation = consultation_with_phases()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(consultation), form_data())
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.user is None
    assert [a.code for a in submission.action_lines.all()] == ["C4"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    link = private_link_from(mail.outbox[0].body)
    token = link.rstrip("/").rsplit("/", 1)[1]
    # Only a hash of the token is stored.
    assert token not in submission.edit_token_hash
    assert len(token) >= 40
    confirm_address(client, link)
    page = client.get(link)
    assert page.status_code == 200
    assert "ICT Observatory" in page.content.decode()


def test_submission_one_second_before_deadline_is_accepted(client):
    consultation = consultation_with_phases()
    deadline = deadline_of(consultation)
    with time_machine.travel(deadline - timedelta(seconds=1), tick=False):
        response = client.post(submit_url(consultation), form_data())
    assert response.status_code == 302
    assert Submission.objects.count() == 1


def test_submission_one_second_late_is_refused_and_nothing_saved(client):
    consultation = consultation_with_phases()
    deadline = deadline_of(consultation)
    with time_machine.travel(deadline + timedelta(seconds=1), tick=False):
        response = client.post(submit_url(consultation), form_data())
    assert response.status_code == 403
    assert "deadline" in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    assert Submission.objects.count() == 0
    assert mail.outbox == []


def test_submission_at_the_deadline_instant_is_refused_by_the_service():
    consultation = consultation_with_phases()
    with (
        time_machine.travel(deadline_of(consultation), tick=False),
        refused("closed"),
    ):
        from django.utils import timezone

        submission_create(consultation=consultation, data=form_data(), now=timezone.now())
    assert Submission.objects.count() == 0


def test_submission_before_opening_is_refused(client):
    from django.utils import timezone

    consultation = consultation_with_phases(opening=timezone.now() + timedelta(days=2))
    response = client.get(submit_url(consultation))
    assert "Submissions open on" in response.content.decode()
    assert client.post(submit_url(consultation), form_data()).status_code == 403


def test_submission_form_prefilled_from_profile(stakeholder_client, stakeholder):
    consultation = consultation_with_phases()
    response = stakeholder_client.get(submit_url(consultation))
    form = response.context["form"]
    assert form.initial["full_name"] == stakeholder.profile.full_name
    assert form.initial["organisation_name"] == stakeholder.profile.organisation_name
    assert form.initial["email"] == stakeholder.email
    response = stakeholder_client.post(submit_url(consultation), form_data())
    assert Submission.objects.get().user == stakeholder


def test_submission_required_fields_errors_next_to_fields(client):
    consultation = consultation_with_phases()
    response = client.post(
        submit_url(consultation),
        form_data(full_name="", email="not-an-email", organisation_country=""),
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"full_name", "email", "organisation_country"} <= set(errors)
    assert Submission.objects.count() == 0


def test_event_input_needs_event_name_place_and_date(client):
    consultation = consultation_with_phases()
    response = client.post(submit_url(consultation), form_data(input_kind="regional_event"))
    errors = response.context["form"].errors
    assert {"event_name", "event_place", "event_date"} <= set(errors)
    assert Submission.objects.count() == 0
    response = client.post(
        submit_url(consultation),
        form_data(
            input_kind="regional_event",
            event_name="Regional review of WSIS implementation",
            event_place="Bangkok, Thailand",
            event_date="2016-10-04",
        ),
    )
    assert response.status_code == 302
    assert Submission.objects.get().event_place == "Bangkok, Thailand"


def test_event_details_enforced_by_the_database():
    from django.db import IntegrityError

    consultation = consultation_with_phases()
    with pytest.raises(IntegrityError):
        SubmissionFactory(consultation=consultation, input_kind="national_event")


def test_private_link_edits_until_deadline_then_refuses(client, django_capture_on_commit_callbacks):
    consultation = consultation_with_phases()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(consultation), form_data())
    link = private_link_from(mail.outbox[0].body)
    confirm_address(client, link)
    response = client.post(link, form_data(organisation_name="Renamed Observatory"))
    assert response.status_code == 302
    assert Submission.objects.get().organisation_name == "Renamed Observatory"
    with time_machine.travel(deadline_of(consultation) + timedelta(seconds=1), tick=False):
        page = client.get(link)
        assert page.status_code == 200
        assert "can no longer be changed" in page.content.decode()
        assert "form" not in page.context or page.context.get("form") is None
        response = client.post(link, form_data(organisation_name="Too late"))
    assert response.status_code == 403
    assert Submission.objects.get().organisation_name == "Renamed Observatory"


def test_private_link_cannot_be_opened_without_the_token(
    client, stakeholder_client, django_capture_on_commit_callbacks
):
    consultation = consultation_with_phases()
    other = consultation_with_phases()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(consultation), form_data())
    link = private_link_from(mail.outbox[0].body)
    token = link.rstrip("/").rsplit("/", 1)[1]
    submission = Submission.objects.get()
    base = f"/consultations/{consultation.slug}/submissions/"
    assert client.get(base + token[:-1] + "x/").status_code == 404
    assert client.get(base + submission.edit_token_hash + "/").status_code == 404
    assert client.get(base + str(submission.pk) + "/").status_code == 404
    # The right token under another consultation is not found either.
    assert client.get(f"/consultations/{other.slug}/submissions/{token}/").status_code == 404
    # A signed-in stakeholder without the token cannot reach it.
    assert stakeholder_client.get(base + "guess/").status_code == 404


def test_secretariat_reviews_status_with_allowed_moves(user):
    submission = SubmissionFactory()
    assert submission_set_status(submission=submission, status="accepted", by=user)
    with refused("transition"):
        submission_set_status(submission=submission, status="accepted", by=user)
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED
    assert submission.status_changed_by == user


def test_admin_csv_export_escapes_formulas(rf, user):
    consultation = consultation_with_phases()
    SubmissionFactory(consultation=consultation, organisation_name="=HYPERLINK(1)")
    SubmissionFactory(consultation=consultation, organisation_name="Plain org")
    admin = SubmissionAdmin(Submission, site)
    response = admin.export_csv(rf.get("/"), Submission.objects.all())
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in body
    assert "Plain org" in body
    assert body.splitlines()[0].lstrip("\ufeff").startswith("id,submitted_at,status")


def test_admin_changelist_and_export_action(admin_client):
    consultation = consultation_with_phases()
    submission = SubmissionFactory(consultation=consultation)
    assert admin_client.get("/admin/consultations/submission/").status_code == 200
    response = admin_client.post(
        "/admin/consultations/submission/",
        {"action": "export_csv", "_selected_action": [submission.pk]},
    )
    assert response["Content-Type"].startswith("text/csv")


def test_signed_in_submitter_edits_own_submission_others_get_404(client, stakeholder):
    consultation = consultation_with_phases()
    mine = SubmissionFactory(consultation=consultation, user=stakeholder)
    theirs = SubmissionFactory(consultation=consultation, user=StakeholderFactory())
    anonymous = SubmissionFactory(consultation=consultation)
    client.force_login(stakeholder)
    url = reverse("consultations:submission_mine", args=[consultation.slug, mine.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, form_data(organisation_name="Edited while signed in"))
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.organisation_name == "Edited while signed in"
    for other in (theirs, anonymous):
        other_url = reverse("consultations:submission_mine", args=[consultation.slug, other.pk])
        assert client.get(other_url).status_code == 404
        assert client.post(other_url, form_data()).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302  # to sign in


def test_lost_link_sends_a_new_link_that_replaces_the_old_one_once_opened(
    client, django_capture_on_commit_callbacks
):
    consultation = consultation_with_phases()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(consultation), form_data())
    old_link = private_link_from(mail.outbox[0].body)
    url = reverse("consultations:submission_lost_link", args=[consultation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "AMINA@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    new_link = private_link_from(mail.outbox[1].body)
    assert new_link != old_link
    assert client.get(new_link).status_code == 200
    assert client.get(old_link).status_code == 404
    # An unknown address gets the same answer and no email.
    with django_capture_on_commit_callbacks(execute=True):
        other = client.post(url, {"email": "nobody@example.org"}, follow=True)
    assert "If a submission was sent from this address" in other.content.decode()
    assert len(mail.outbox) == 2


def test_submission_is_kept_when_the_receipt_cannot_be_sent(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.support.failing_email.EmailBackend"
    consultation = consultation_with_phases()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(consultation), form_data())
    assert response.status_code == 302
    assert Submission.objects.count() == 1
