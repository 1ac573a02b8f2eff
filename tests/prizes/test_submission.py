from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from forum.models import SDG
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase, Project
from prizes.services import project_save, project_submit
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.prizes import DESCRIPTION, ProjectFactory, category, contest_at
from tests.support.refusals import NOT_ALLOWED, refused

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def open_contest(db):
    return contest_at(timezone.now(), PhaseKind.SUBMISSION)


def form_data(contest, **overrides):
    data = {
        "category": category(contest, "C3").pk,
        "title": "Community libraries online",
        "description": DESCRIPTION,
        "organisation": "Open Shelves",
        "country": "SN",
        "stakeholder_type": "civil_society",
        "sdgs": [str(SDG.objects.get(number=4).pk)],
        "website": "https://example.org",
    }
    data.update(overrides)
    return data


def test_submit_page_creates_and_submits_with_receipt(
    client, open_contest, django_capture_on_commit_callbacks
):
    submitter = StakeholderFactory()
    client.force_login(submitter)
    url = reverse("prizes:submit", args=[open_contest.year])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(open_contest, action="submit"))
    assert response.status_code == 302
    project = Project.objects.get(submitter=submitter)
    assert project.status == ProjectStatus.SUBMITTED and project.submitted_at
    assert list(project.sdgs.values_list("number", flat=True)) == [4]
    assert len(mail.outbox) == 1 and project.title in mail.outbox[0].body
    # Still editable until the phase ends.
    edit = reverse("prizes:submit_edit", args=[open_contest.year, project.pk])
    client.post(edit, form_data(open_contest, title="Community libraries, online"))
    project.refresh_from_db()
    assert project.title == "Community libraries, online"


def test_submit_description_word_count_checked(client, open_contest):
    client.force_login(StakeholderFactory())
    response = client.post(
        reverse("prizes:submit", args=[open_contest.year]),
        form_data(open_contest, description="Too short."),
    )
    assert response.status_code == 400
    assert "The description has 2 words; write between 150 and 200" in response.content.decode()
    assert not Project.objects.exists()


def test_submit_one_project_per_organisation_and_category(client, open_contest):
    ProjectFactory(
        contest=open_contest, category=category(open_contest, "C3"), organisation="open shelves"
    )
    client.force_login(StakeholderFactory())
    response = client.post(
        reverse("prizes:submit", args=[open_contest.year]), form_data(open_contest)
    )
    assert response.status_code == 400
    assert "already has a project in this category" in response.content.decode()
    assert Project.objects.count() == 1


def test_submit_attachments_type_checked(client, open_contest, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    client.force_login(StakeholderFactory())
    url = reverse("prizes:submit", args=[open_contest.year])
    fake = SimpleUploadedFile("report.pdf", b"not really a pdf", content_type="application/pdf")
    image = SimpleUploadedFile("poster.png", PNG, content_type="image/png")
    response = client.post(url, form_data(open_contest, attachments=[image, fake]))
    assert response.status_code == 400
    assert "does not match its .pdf extension" in response.content.decode()
    assert not Project.objects.exists() and not any(tmp_path.rglob("*.png"))
    image = SimpleUploadedFile("poster.png", PNG, content_type="image/png")
    response = client.post(url, form_data(open_contest, attachments=[image]))
    assert response.status_code == 302
    attachment = Project.objects.get().attachments.get()
    stored = attachment.file.name
    assert stored.startswith("prizes/attachments/") and "poster" not in stored
    assert attachment.original_name == "poster.png" and attachment.size == len(PNG)


def test_submit_after_phase_end_refused_and_says_why(client, open_contest):
    project = ProjectFactory(contest=open_contest, status=ProjectStatus.DRAFT)
    phase = ContestPhase.objects.get(contest=open_contest, kind=PhaseKind.SUBMISSION)
    with time_machine.travel(phase.ends_at + timedelta(seconds=1), tick=False):
        client.force_login(project.submitter)
        page = client.get(reverse("prizes:submit_edit", args=[open_contest.year, project.pk]))
        assert "The submission phase ended" in page.content.decode()
        with refused("closed"):
            project_submit(submitter=project.submitter, project=project)
        with refused("closed"):
            project_save(
                submitter=project.submitter,
                contest=open_contest,
                project=project,
                data={"title": "Late"},
            )
    project.refresh_from_db()
    assert project.status == ProjectStatus.DRAFT and project.title != "Late"


def test_no_one_edits_another_stakeholders_project(client, open_contest):
    project = ProjectFactory(contest=open_contest, status=ProjectStatus.DRAFT)
    intruder = StakeholderFactory()
    client.force_login(intruder)
    url = reverse("prizes:submit_edit", args=[open_contest.year, project.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, form_data(open_contest, title="Hijacked")).status_code == 404
    with refused(NOT_ALLOWED):
        project_save(submitter=intruder, contest=open_contest, project=project, data={"title": "X"})
    project.refresh_from_db()
    assert project.title != "Hijacked"


def test_unverified_user_cannot_enter_project(client, open_contest):
    user = UserFactory(verified=False)
    client.force_login(user)
    page = client.get(reverse("prizes:submit", args=[open_contest.year]))
    assert "Confirm your email address" in page.content.decode()
    with refused(NOT_ALLOWED):
        project_save(submitter=user, contest=open_contest, data={})


def test_model_rejects_short_description(open_contest):
    project = ProjectFactory.build(
        contest=open_contest, submitter=UserFactory(), description="one two three"
    )
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "description" in error.value.message_dict
