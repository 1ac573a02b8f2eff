"""A prize project's image: checked like every upload (type, size, real content, a name made
by the server), shown on ballot cards and the project page with a meaningful or empty alt."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from prizes import services
from prizes.enums import PhaseKind, ProjectStatus
from prizes.forms import ProjectForm
from prizes.models import PROJECT_IMAGE_MAX_BYTES
from tests.factories.prizes import ProjectFactory, category, contest_at


def picture(name="village.png", fmt="PNG", size=(64, 36)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 90, 156)).save(buffer, format=fmt)
    mime = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}[fmt]
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=mime)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def draft(db):
    contest = contest_at(timezone.now(), PhaseKind.SUBMISSION)
    return ProjectFactory(contest=contest, status=ProjectStatus.DRAFT)


def save_image(project, upload, alt=""):
    return services.project_save(
        submitter=project.submitter,
        contest=project.contest,
        project=project,
        data={"image": upload, "image_alt": alt},
    )


def test_project_image_stored_under_a_server_made_name(draft, media):
    saved = save_image(draft, picture("../../My village photo.PNG"), alt="Pupils at a laptop")
    saved.refresh_from_db()
    assert re.fullmatch(r"prizes/images/[0-9a-f]{32}\.png", saved.image.name)
    assert (media / saved.image.name).exists()
    assert saved.image_alt == "Pupils at a laptop"


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("drawing.gif", b"GIF89a\x01\x00\x01\x00", "image/gif"), "not accepted"),
        (SimpleUploadedFile("report.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"), "not accepted"),
        (
            SimpleUploadedFile("fake.png", b"<html>not an image</html>", "image/png"),
            "does not match",
        ),
        (picture("photo.jpg", fmt="PNG"), "does not match its .jpg"),
        (
            SimpleUploadedFile(
                "huge.png", picture().read() + b"\0" * PROJECT_IMAGE_MAX_BYTES, "image/png"
            ),
            "too large",
        ),
    ],
    ids=["gif", "pdf", "fake-content", "wrong-extension", "too-big"],
)
def test_project_image_refused(draft, media, upload, message):
    with pytest.raises(ValidationError, match=message):
        save_image(draft, upload)
    draft.refresh_from_db()
    assert not draft.image
    assert not list(media.rglob("*.*"))


def test_project_form_refuses_bytes_that_are_no_picture(draft):
    # A PNG signature followed by garbage passes a look at the first bytes, not Pillow.
    bogus = SimpleUploadedFile("broken.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "image/png")
    data = {
        "category": draft.category_id,
        "title": draft.title,
        "description": draft.description,
        "organisation": draft.organisation,
        "country": "KE",
        "stakeholder_type": "civil_society",
        "sdgs": [],
    }
    form = ProjectForm(
        data, {"image": bogus}, instance=draft, contest=draft.contest, submitter=draft.submitter
    )
    assert not form.is_valid()
    assert "image" in form.errors


def test_ballot_card_and_project_page_show_the_image_with_its_alt(client, db, media):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    described = ProjectFactory(contest=contest, image_alt="Pupils sharing a solar laptop")
    described.image.save("a.png", picture(), save=True)
    decorative = ProjectFactory(contest=contest)
    decorative.image.save("b.png", picture(), save=True)
    without = ProjectFactory(contest=contest)
    body = client.get(reverse("prizes:ballot_category", args=[contest.year, "C1"])).content.decode()
    cards = {
        p.pk: re.search(rf'id="project-{p.pk}".*?</li>', body, re.S).group(0)
        for p in (described, decorative, without)
    }
    assert f'src="{described.image.url}" alt="Pupils sharing a solar laptop"' in cards[described.pk]
    assert f'src="{decorative.image.url}" alt=""' in cards[decorative.pk]
    assert "<img" not in cards[without.pk] and "card-media-empty" in cards[without.pk]
    page = client.get(reverse("prizes:project", args=[contest.year, described.pk])).content.decode()
    assert f'src="{described.image.url}" alt="Pupils sharing a solar laptop"' in page


@pytest.mark.parametrize("count", [1, 3])
def test_ballot_category_with_images_query_budget(
    client, db, media, count, django_assert_num_queries
):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    for i in range(count):
        project = ProjectFactory(contest=contest, category=category(contest, "C1"))
        project.image.save(f"{i}.png", picture(), save=True)
    url = reverse("prizes:ballot_category", args=[contest.year, "C1"])
    client.get(url)
    # contest + phases (2), categories with their counts, projects (no choices: anonymous)
    with django_assert_num_queries(4):
        body = client.get(url).content.decode()
    assert body.count("<img") == count
