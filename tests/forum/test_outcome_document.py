"""The edition's Outcome Document, generated from its outcome reports (issue 15, item 4)."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from forum import demo_outcomes
from forum.demo_programme import CURRENT_YEAR
from forum.enums import DocumentKind
from forum.models import OutcomeDocument, OutcomeReport
from forum.outcomes.services import outcome_document_generate
from tests.factories.accounts import UserFactory
from tests.factories.forum import MatrixLinkFactory, action_line, sdg
from tests.factories.forum_outcomes import OutcomeReportFactory
from tests.factories.forum_programme import EditionFactory, SessionFactory
from wsis_portal.models import ActivityLog
from wsis_portal.refusals import Refusal

pytestmark = pytest.mark.django_db


def doc_url(year: int = 2027) -> str:
    return reverse("forum:outcome_document", args=[year])


def pdf_url(year: int = 2027) -> str:
    return reverse("forum:outcome_document_pdf", args=[year])


@pytest.fixture
def reports():
    """Three reports: C3 only, C1 and C3, C1 with a Chinese key message."""
    edition = EditionFactory()
    return [
        OutcomeReportFactory(
            session=SessionFactory(edition=edition, title="Open access to knowledge"),
            key_messages="Libraries are infrastructure.",
            recommendations="Fund public libraries.",
            action_lines=[action_line("C3")],
            sdgs=[sdg(4)],
        ),
        OutcomeReportFactory(
            session=SessionFactory(edition=edition, title="Governments and AI"),
            key_messages="Governance includes users.",
            recommendations="Open regional dialogues.",
            action_lines=[action_line("C1"), action_line("C3")],
            sdgs=[sdg(16)],
        ),
        OutcomeReportFactory(
            session=SessionFactory(edition=edition, title="Digital skills for women"),
            key_messages="数字技能是缩小数字鸿沟的关键。",
            recommendations="Собирать данные с разбивкой по полу.",
            action_lines=[action_line("C1")],
        ),
    ]


def test_generating_makes_it_the_editions_outcome_document(client, reports):
    edition = reports[0].session.edition
    assert client.get(doc_url()).status_code == 404
    document = outcome_document_generate(edition=edition, actor=UserFactory(is_staff=True))
    assert document.kind == DocumentKind.OUTCOME_DOCUMENT
    assert document.url.endswith(doc_url())
    assert ActivityLog.objects.filter(action="outcome_document_generate").count() == 1
    # Generating again updates the same row; the edition page lists it with its documents.
    outcome_document_generate(edition=edition, actor=None)
    assert OutcomeDocument.objects.filter(edition=edition).count() == 1
    assert document.url in client.get(edition.get_absolute_url()).content.decode()


def test_nothing_to_generate_without_reports(client):
    with pytest.raises(Refusal) as refusal:
        outcome_document_generate(edition=EditionFactory(), actor=None)
    assert refusal.value.code == "empty"
    assert not OutcomeDocument.objects.exists()


def test_staff_preview_the_document_before_it_is_generated(client, reports):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(doc_url())
    assert response.status_code == 200
    assert "has not generated this Outcome Document yet" in response.content.decode()


def test_document_is_grouped_by_action_line_in_their_order(client, reports):
    outcome_document_generate(edition=reports[0].session.edition, actor=None)
    html = client.get(doc_url()).content.decode()
    sections = re.findall(r'<section id="al-([^"]+)"', html)
    assert sections == ["C1", "C3"]
    c1, c3 = html.split('<section id="al-C3"')
    assert "Governments and AI" in c1 and "Digital skills for women" in c1
    assert "Open access to knowledge" not in c1
    assert "Governments and AI" in c3 and "Open access to knowledge" in c3
    assert "Libraries are infrastructure." in c3 and "Fund public libraries." in c3
    assert "3 sessions" in html
    assert f'href="{pdf_url()}"' in html
    assert "outcome_document.css" in html  # the print style sheet


def test_print_style_sheet_hides_the_site_around_the_document(client):
    from django.contrib.staticfiles import finders

    with open(finders.find("css/outcome_document.css"), encoding="utf-8") as file:
        css = file.read()
    assert "@media print" in css
    assert ".site-header" in css and "break-before: page" in css


def test_pdf_is_a_valid_pdf_with_every_section(client, reports):
    outcome_document_generate(edition=reports[0].session.edition, actor=None)
    response = client.get(pdf_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Outcome Document" in text
    assert text.index("C1.") < text.index("C3.")
    assert "Governments and AI" in text and "Libraries are infrastructure." in text
    assert "数字技能" in text  # Chinese, with the Unicode fonts
    assert "Собирать" in text


def test_pdf_and_page_are_not_public_before_generation(client, reports):
    assert client.get(pdf_url()).status_code == 404


def test_matrix_cell_and_action_line_page_list_the_reports(client, reports):
    MatrixLinkFactory(action_line=action_line("C3"), sdg=sdg(4))
    cell = client.get(reverse("forum:matrix_cell", args=["C3", 4])).content.decode()
    assert "Open access to knowledge" in cell and reports[0].get_absolute_url() in cell
    assert "Governments and AI" not in cell  # tagged C3 but SDG 16
    page = client.get(reverse("forum:action_line", args=["C1"])).content.decode()
    assert "Session outcome reports" in page
    assert "Governments and AI" in page and "Digital skills for women" in page
    assert "Open access to knowledge" not in page


def test_matrix_counts_each_report_once_per_pair_joining_each_relation_once(reports):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from forum.outcomes.selectors import report_matrix_counts

    reports[1].sdgs.add(sdg(4))  # C1 and C3, SDGs 4 and 16
    with CaptureQueriesContext(connection) as queries:
        counts = report_matrix_counts()
    assert counts == {("C3", 4): 2, ("C1", 16): 1, ("C3", 16): 1, ("C1", 4): 1}
    # A second join of a relation made PostgreSQL expect millions of rows (and compile JIT).
    sql = queries.captured_queries[-1]["sql"]
    assert sql.count('JOIN "forum_outcomereport_action_lines"') == 1
    assert sql.count('JOIN "forum_outcomereport_sdgs"') == 1


def test_reports_of_unpublished_editions_are_not_listed(client):
    report = OutcomeReportFactory(
        session=SessionFactory(edition=EditionFactory(year=2031, published_at=None)),
        action_lines=[action_line("C1")],
        sdgs=[sdg(1)],
    )
    page = client.get(reverse("forum:action_line", args=["C1"])).content.decode()
    assert report.session.title not in page


@pytest.mark.parametrize("n", [1, 3])
def test_listing_pages_query_budget(client, django_assert_max_num_queries, n):
    MatrixLinkFactory(action_line=action_line("C5"), sdg=sdg(5))
    for _ in range(n):
        OutcomeReportFactory(action_lines=[action_line("C5")], sdgs=[sdg(5)])
    with django_assert_max_num_queries(16):
        assert client.get(reverse("forum:action_line", args=["C5"])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("forum:matrix_cell", args=["C5", 5])).status_code == 200
    outcome_document_generate(edition=EditionFactory(), actor=None)
    with django_assert_max_num_queries(8):
        assert client.get(doc_url()).status_code == 200


def test_demo_seed_writes_reports_and_generates_the_document(client):
    edition = EditionFactory(year=CURRENT_YEAR)
    for code in ("C1", "C2", "C5"):
        SessionFactory(edition=edition, action_lines=[action_line(code)], sdgs=[sdg(9)])
    demo_outcomes.seed()
    demo_outcomes.seed()  # idempotent
    assert OutcomeReport.objects.filter(session__edition=edition).count() == 3
    assert OutcomeDocument.objects.filter(
        edition=edition, kind=DocumentKind.OUTCOME_DOCUMENT
    ).exists()
    assert client.get(doc_url(CURRENT_YEAR)).status_code == 200
