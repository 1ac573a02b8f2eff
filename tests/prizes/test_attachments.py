"""A project's attachments: added and removed by the submitter while the submission phase is
open, checked for type, content and size, at most five, private until the project is nominated."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ATTACHMENT_MAX_BYTES, ContestPhase, Project, ProjectAttachment
from prizes.services import project_attachment_remove, project_attachments_add, project_save
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.support.refusals import NOT_ALLOWED, refused

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def pdf(name="report.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def png(name="poster.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def open_contest(db):
    return contest_at(timezone.now(), PhaseKind.SUBMISSION)


@pytest.fixture
def draft(open_contest):
    return ProjectFactory(contest=open_contest, status=ProjectStatus.DRAFT)


def stored_files(media):
    return sorted(p.name for p in media.rglob("*") if p.is_file())


def add_url(project):
    return reverse("prizes:attachment_add", args=[project.contest.year, project.pk])


def remove_url(attachment):
    project = attachment.project
    return reverse(
        "prizes:attachment_remove", args=[project.contest.year, project.pk, attachment.pk]
    )


def download_url(attachment):
    project = attachment.project
    return reverse("prizes:attachment", args=[project.contest.year, project.pk, attachment.pk])


def attach(project, upload=None):
    attachment = ProjectAttachment(project=project, file=upload or pdf())
    attachment.save()
    return attachment


# --- services -----------------------------------------------------------------------------------


def test_attachments_add_and_remove_within_window(draft, media, django_capture_on_commit_callbacks):
    added = project_attachments_add(
        submitter=draft.submitter, project=draft, files=[pdf("Plan 2031.pdf"), png()]
    )
    assert [a.original_name for a in draft.attachments.all()] == ["Plan 2031.pdf", "poster.png"]
    first = added[0]
    assert first.content_type == "application/pdf" and first.size == len(PDF)
    assert first.file.name.startswith("prizes/attachments/") and "Plan" not in first.file.name
    assert len(stored_files(media)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        project_attachment_remove(submitter=draft.submitter, attachment=first)
    assert [a.original_name for a in draft.attachments.all()] == ["poster.png"]
    assert len(stored_files(media)) == 1


def test_attachments_refused_after_deadline(draft, media):
    kept = attach(draft)
    phase = ContestPhase.objects.get(contest=draft.contest, kind=PhaseKind.SUBMISSION)
    with time_machine.travel(phase.ends_at + timedelta(seconds=1), tick=False):
        with refused("closed", match="phase ended"):
            project_attachments_add(submitter=draft.submitter, project=draft, files=[pdf()])
        with refused("closed"):
            project_attachment_remove(submitter=draft.submitter, attachment=kept)
    assert list(draft.attachments.all()) == [kept]
    assert len(stored_files(media)) == 1


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("notes.txt", b"plain text", "text/plain"), "not accepted"),
        (SimpleUploadedFile("fake.pdf", b"not a pdf at all", "application/pdf"), "does not match"),
        (SimpleUploadedFile("photo.jpg", PNG, "image/jpeg"), "does not match its .jpg"),
        (
            SimpleUploadedFile("big.pdf", PDF + b"0" * ATTACHMENT_MAX_BYTES, "application/pdf"),
            "too large",
        ),
    ],
)
def test_attachments_bad_file_refuses_whole_batch(draft, media, upload, message):
    with pytest.raises(ValidationError) as refused:
        project_attachments_add(
            submitter=draft.submitter, project=draft, files=[pdf(), upload, png()]
        )
    problems = refused.value.message_dict["attachments"]
    assert len(problems) == 1 and upload.name in problems[0] and message in problems[0]
    assert not draft.attachments.exists()
    assert stored_files(media) == []


def test_attachments_at_most_five(draft):
    project_attachments_add(
        submitter=draft.submitter, project=draft, files=[pdf(f"{n}.pdf") for n in range(4)]
    )
    with pytest.raises(ValidationError, match="at most 5 attachments; you can add 1 more"):
        project_attachments_add(submitter=draft.submitter, project=draft, files=[pdf(), png()])
    assert draft.attachments.count() == 4
    project_attachments_add(submitter=draft.submitter, project=draft, files=[png()])
    with pytest.raises(ValidationError, match="you can add 0 more"):
        project_attachments_add(submitter=draft.submitter, project=draft, files=[pdf()])
    assert draft.attachments.count() == 5


def test_new_project_with_too_many_files_saves_nothing(open_contest, media):
    submitter = UserFactory()
    data = {
        "category": category(open_contest, "C2"),
        "title": "Six files",
        "description": " ".join(["word"] * 160),
        "organisation": "Six Files Ltd",
        "country": "KE",
        "stakeholder_type": "civil_society",
        "attachments": [pdf(f"{n}.pdf") for n in range(6)],
    }
    with pytest.raises(ValidationError, match="at most 5 attachments"):
        project_save(submitter=submitter, contest=open_contest, data=data)
    assert not Project.objects.filter(submitter=submitter).exists()
    assert stored_files(media) == []
    data["attachments"] = data["attachments"][:5]
    project = project_save(submitter=submitter, contest=open_contest, data=data)
    assert project.attachments.count() == 5 and len(stored_files(media)) == 5


def test_attachments_only_by_the_submitter_of_an_editable_project(draft, open_contest):
    other = UserFactory()
    kept = attach(draft)
    with refused(NOT_ALLOWED):
        project_attachments_add(submitter=other, project=draft, files=[pdf()])
    with refused(NOT_ALLOWED):
        project_attachment_remove(submitter=other, attachment=kept)
    nominated = ProjectFactory(contest=open_contest, status=ProjectStatus.NOMINATED)
    with refused(NOT_ALLOWED, match="can no longer be changed"):
        project_attachments_add(submitter=nominated.submitter, project=nominated, files=[pdf()])
    assert list(draft.attachments.all()) == [kept] and not nominated.attachments.exists()


# --- pages --------------------------------------------------------------------------------------


def test_attachment_pages_add_list_and_remove(client, draft, media):
    client.force_login(draft.submitter)
    edit = reverse("prizes:submit_edit", args=[draft.contest.year, draft.pk])
    page = client.get(edit).content.decode()
    assert 'enctype="multipart/form-data"' in page and f'action="{add_url(draft)}"' in page
    response = client.post(add_url(draft), {"attachments": [pdf("Budget.pdf"), png()]})
    assert response.status_code == 302
    page = client.get(edit).content.decode()
    budget = draft.attachments.get(original_name="Budget.pdf")
    assert "Budget.pdf" in page and download_url(budget) in page and remove_url(budget) in page
    download = client.get(download_url(budget))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="Budget.pdf"' in download["Content-Disposition"]
    # Removing asks first, on a page of its own; only its POST removes.
    confirm = client.get(remove_url(budget))
    assert confirm.status_code == 200
    assert "Yes, remove it" in confirm.content.decode()
    assert draft.attachments.filter(original_name="Budget.pdf").exists()
    assert client.post(remove_url(budget)).status_code == 302
    assert [a.original_name for a in draft.attachments.all()] == ["poster.png"]


def test_attachment_page_shows_errors_next_to_field_and_saves_nothing(client, draft, media):
    client.force_login(draft.submitter)
    bad = SimpleUploadedFile("scan.pdf", b"GIF89a not a pdf", "application/pdf")
    response = client.post(add_url(draft), {"attachments": [pdf(), bad]})
    assert response.status_code == 400
    page = response.content.decode()
    field_at = page.index('id="id_attachments"')
    error_at = page.rindex("scan.pdf: The file")  # the first is in the error summary
    assert page.rfind('class="field"', 0, error_at) == page.rfind('class="field"', 0, field_at)
    assert not draft.attachments.exists() and stored_files(media) == []
    empty = client.post(add_url(draft), {})
    assert empty.status_code == 400 and "This field is required" in empty.content.decode()


def test_attachment_page_limit_hides_form_and_refuses_sixth(client, draft):
    for n in range(5):
        attach(draft, pdf(f"{n}.pdf"))
    client.force_login(draft.submitter)
    page = client.get(reverse("prizes:submit_edit", args=[draft.contest.year, draft.pk]))
    assert f'action="{add_url(draft)}"' not in page.content.decode()
    assert "the most allowed" in page.content.decode()
    response = client.post(add_url(draft), {"attachments": [png()]})
    assert response.status_code == 400 and "at most 5 attachments" in response.content.decode()
    assert draft.attachments.count() == 5


def test_attachment_pages_refused_after_deadline(client, draft):
    kept = attach(draft)
    phase = ContestPhase.objects.get(contest=draft.contest, kind=PhaseKind.SUBMISSION)
    with time_machine.travel(phase.ends_at + timedelta(seconds=1), tick=False):
        client.force_login(draft.submitter)
        added = client.post(add_url(draft), {"attachments": [png()]})
        removed = client.post(remove_url(kept))
        page = client.get(reverse("prizes:submit_edit", args=[draft.contest.year, draft.pk]))
    assert added.status_code == 403 and "phase ended" in added.content.decode()
    assert removed.status_code == 403
    assert list(draft.attachments.all()) == [kept]
    html = page.content.decode()
    assert download_url(kept) in html and remove_url(kept) not in html
    assert f'action="{add_url(draft)}"' not in html


def test_attachment_pages_of_another_users_project_are_404(client, draft):
    kept = attach(draft)
    client.force_login(UserFactory())
    assert client.post(add_url(draft), {"attachments": [png()]}).status_code == 404
    assert client.post(remove_url(kept)).status_code == 404
    assert client.get(download_url(kept)).status_code == 404
    assert list(draft.attachments.all()) == [kept]


@pytest.mark.parametrize(
    "status", [ProjectStatus.DRAFT, ProjectStatus.SUBMITTED, ProjectStatus.NOT_NOMINATED]
)
def test_attachments_of_unnominated_projects_are_private(client, admin_client, draft, status):
    draft.status = status
    draft.save(update_fields=["status"])
    kept = attach(draft)
    assert client.get(download_url(kept)).status_code == 404  # anonymous
    client.force_login(UserFactory())
    assert client.get(download_url(kept)).status_code == 404
    staff = admin_client.get(download_url(kept))
    b"".join(staff.streaming_content)  # reads and closes the file
    assert staff.status_code == 200
    client.force_login(draft.submitter)
    mine = client.get(download_url(kept))
    b"".join(mine.streaming_content)  # reads and closes the file
    assert mine.status_code == 200 and "no-store" in mine["Cache-Control"]


def test_attachments_of_nominated_projects_are_public(client, open_contest):
    project = ProjectFactory(contest=open_contest, status=ProjectStatus.NOMINATED)
    kept = attach(project, pdf("Impact study.pdf"))
    page = client.get(project.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Impact study.pdf" in html and download_url(kept) in html
    download = client.get(download_url(kept))
    b"".join(download.streaming_content)  # reads and closes the file
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    other = ProjectFactory(contest=open_contest, status=ProjectStatus.NOMINATED)
    wrong = reverse("prizes:attachment", args=[open_contest.year, other.pk, kept.pk])
    assert client.get(wrong).status_code == 404


def test_deleting_a_project_removes_its_files_once_committed(
    draft, media, django_capture_on_commit_callbacks
):
    attach(draft)
    attach(draft, png())
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        draft.delete()
    assert len(stored_files(media)) == 2  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    assert stored_files(media) == []


def test_attachment_lists_query_count_does_not_grow(client, open_contest):
    """The project page and the submission page: one query for the attachments, 1 or 3."""
    counts = []
    for n in (1, 3):
        project = ProjectFactory(contest=open_contest, status=ProjectStatus.NOMINATED)
        draft = ProjectFactory(
            contest=open_contest, status=ProjectStatus.DRAFT, submitter=project.submitter
        )
        for i in range(n):
            attach(project, pdf(f"{i}.pdf"))
            attach(draft, pdf(f"{i}.pdf"))
        client.force_login(project.submitter)
        edit = reverse("prizes:submit_edit", args=[open_contest.year, draft.pk])
        client.get(project.get_absolute_url())
        client.get(edit)  # warm caches (session, site settings)
        with CaptureQueriesContext(connection) as public:
            assert client.get(project.get_absolute_url()).status_code == 200
        with CaptureQueriesContext(connection) as own:
            assert client.get(edit).content.decode().count("/remove/") == n
        counts.append((len(public), len(own)))
    assert counts[0] == counts[1], counts


def test_admin_project_page_has_attachments_inline(admin_client, draft):
    attach(draft, pdf("Annex.pdf"))
    page = admin_client.get(reverse("admin:prizes_project_change", args=[draft.pk]))
    assert page.status_code == 200
    assert "attachments-TOTAL_FORMS" in page.content.decode()
    assert "Annex.pdf" in page.content.decode()


# --- data migration -----------------------------------------------------------------------------


def test_migration_moves_the_single_attachment_into_the_new_model(postgres, media):
    """Run prizes 0002 for real (PostgreSQL rolls the DDL back with the test's transaction)."""
    (media / "prizes" / "attachments").mkdir(parents=True)
    (media / "prizes" / "attachments" / "abc.pdf").write_bytes(PDF)
    submitter = UserFactory()
    before = [("prizes", "0001_initial")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Contest = old.get_model("prizes", "Contest")
    Category = old.get_model("prizes", "Category")
    OldProject = old.get_model("prizes", "Project")
    contest = Contest.objects.create(year=2091, title="WSIS Prizes 2091")
    old_category = Category.objects.create(
        contest=contest, action_line=old.get_model("forum", "ActionLine").objects.first()
    )
    common = {
        "contest": contest,
        "category": old_category,
        "description": "words",
        "country": "KE",
        "stakeholder_type": "civil_society",
        "submitter_id": submitter.pk,
    }
    with_file = OldProject.objects.create(
        title="With a file",
        organisation="A",
        attachment="prizes/attachments/abc.pdf",
        **common,
    )
    without = OldProject.objects.create(title="Without", organisation="B", **common)
    with connection.cursor() as cursor:  # ALTER TABLE refuses pending deferred FK checks
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    executor = MigrationExecutor(connection)
    executor.migrate([("prizes", "0002_project_attachments")])

    moved = ProjectAttachment.objects.get()
    assert moved.project_id == with_file.pk
    assert moved.file.name == "prizes/attachments/abc.pdf"
    assert moved.original_name == "abc.pdf" and moved.content_type == "application/pdf"
    with moved.file.open("rb") as handle:
        assert handle.read() == PDF
    assert moved.size == len(PDF)
    assert not ProjectAttachment.objects.filter(project_id=without.pk).exists()
    columns = [
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), "prizes_project"
        )
    ]
    assert "attachment" not in columns

    # And back: the project keeps its first attachment in the single field again.
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    restored = old.get_model("prizes", "Project").objects.get(pk=with_file.pk)
    assert restored.attachment.name == "prizes/attachments/abc.pdf"
