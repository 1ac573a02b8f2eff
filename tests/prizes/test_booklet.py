"""The year's Winners and Champions page prints as a booklet; its PDF edition."""

from datetime import timedelta
from io import BytesIO

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ContestPhase
from tests.factories.accounts import UserFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.wsis_portal.test_pdf import SHAPED_FORMS, embedded_glyphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def contest():
    contest = contest_at(timezone.now(), PhaseKind.SELECTION)
    ContestPhase.objects.filter(contest=contest, kind=PhaseKind.VOTING).update(
        end_applied_at=timezone.now()
    )
    return contest


def _published(contest):
    start = ContestPhase.objects.get(contest=contest, kind=PhaseKind.CEREMONY).starts_at
    return time_machine.travel(start + timedelta(hours=1), tick=False)


def test_booklet_lists_winners_then_champions_by_category_once_published(client, contest):
    ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION, title="A champion in C1")
    ProjectFactory(contest=contest, status=ProjectStatus.WINNER, title="Z winner in C1")
    ProjectFactory(
        contest=contest,
        status=ProjectStatus.WINNER,
        title="The C8 winner",
        category=category(contest, "C8"),
    )
    ProjectFactory(contest=contest, status=ProjectStatus.NOMINATED, title="Only nominated")
    url = reverse("prizes:booklet", args=[contest.year])
    assert client.get(url).status_code == 404  # not published yet
    with _published(contest):
        page = client.get(url).content.decode()
    assert (
        page.index("Z winner in C1") < page.index("A champion in C1") < page.index("The C8 winner")
    )
    assert "Only nominated" not in page
    assert page.count('class="booklet-project"') == 3
    assert page.count('class="booklet-category"') == 2
    assert reverse("prizes:booklet_pdf", args=[contest.year]) in page
    assert "2 Winners, 1 Champion, 2 categories." in page


def test_booklet_prints_one_category_per_page_without_navigation():
    from pathlib import Path

    css = Path("static/css/prizes.css").read_text()
    printed = css[css.index("@media print") :]
    for rule in (
        ".site-header",
        ".no-print",
        ".booklet-category { break-before: page; }",
        "break-inside: avoid",
    ):
        assert rule in printed


def test_staff_preview_the_booklet_before_publication(client, contest):
    ProjectFactory(contest=contest, status=ProjectStatus.WINNER, title="Hidden winner")
    client.force_login(UserFactory(is_staff=True))
    page = client.get(reverse("prizes:booklet", args=[contest.year])).content.decode()
    assert "Hidden winner" in page and "Preview for the Secretariat" in page
    response = client.get(reverse("prizes:booklet_pdf", args=[contest.year]))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_booklet_pdf_names_every_project(client, contest):
    for n in range(3):
        ProjectFactory(contest=contest, status=ProjectStatus.CHAMPION, title=f"Champion {n}")
    ProjectFactory(
        contest=contest,
        status=ProjectStatus.WINNER,
        title="مشروع المدارس المتصلة",
        category=category(contest, "C2"),
    )
    url = reverse("prizes:booklet_pdf", args=[contest.year])
    assert client.get(url).status_code == 404
    with _published(contest):
        response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    reader = PdfReader(BytesIO(response.content))
    assert len(reader.pages) == 3  # the cover, then C1 and C2 each from a new page
    text = "\n".join(page.extract_text() for page in reader.pages)
    for n in range(3):
        assert f"Champion {n}" in text
    cover = reader.pages[0].extract_text()
    assert str(contest.year) in cover and "1 Winner, 3 Champions, 2 categories." in cover
    assert "C2." in reader.pages[2].extract_text()
    # The Arabic title is drawn in its joined forms.
    assert SHAPED_FORMS <= embedded_glyphs(response.content)


def test_booklet_never_splits_a_project_across_two_pages(client, contest):
    words = " ".join(f"word{n}" for n in range(120))
    for n in range(10):
        ProjectFactory(
            contest=contest,
            status=ProjectStatus.CHAMPION,
            title=f"Project {n:02d}",
            description=f"Start{n:02d} {words} End{n:02d}",
        )
    with _published(contest):
        response = client.get(reverse("prizes:booklet_pdf", args=[contest.year]))
    pages = [page.extract_text() for page in PdfReader(BytesIO(response.content)).pages]
    assert len(pages) > 3  # the blocks fill more than one page after the cover
    for n in range(10):
        holding = [i for i, text in enumerate(pages) if f"Project {n:02d}" in text]
        assert len(holding) == 1
        assert f"Start{n:02d}" in pages[holding[0]] and f"End{n:02d}" in pages[holding[0]]


@pytest.mark.parametrize("projects", [1, 3])
def test_booklet_query_count_does_not_grow_with_projects(
    client, contest, projects, django_assert_max_num_queries
):
    for n in range(projects):
        ProjectFactory(
            contest=contest,
            status=ProjectStatus.CHAMPION,
            category=category(contest, f"C{n + 1}"),
        )
    with _published(contest), django_assert_max_num_queries(6):
        assert client.get(reverse("prizes:booklet", args=[contest.year])).status_code == 200
