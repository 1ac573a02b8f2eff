"""Illustrative matrix linkages are never shown as documented (issue 17, item 3)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from forum import demo
from forum.enums import LinkEvidence
from forum.models import MatrixLink
from tests.factories.forum import MatrixLinkFactory, action_line, sdg

pytestmark = pytest.mark.django_db


def test_documented_link_without_source_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        MatrixLink.objects.create(
            action_line=action_line("C2"),
            sdg=sdg(9),
            rationale="r",
            source="",
            evidence=LinkEvidence.DOCUMENTED,
        )


def test_documented_link_without_source_gets_a_field_message():
    link = MatrixLink(
        action_line=action_line("C2"), sdg=sdg(9), rationale="r", evidence="documented"
    )
    with pytest.raises(ValidationError, match="must name its source"):
        link.full_clean()


def test_matrix_marks_illustrative_and_documented_cells_apart(client):
    MatrixLinkFactory(action_line=action_line("C2"), sdg=sdg(9))
    MatrixLinkFactory(
        action_line=action_line("C3"), sdg=sdg(4), source="", evidence=LinkEvidence.ILLUSTRATIVE
    )
    html = client.get("/matrix/").content.decode()
    table = html.split('<table class="matrix">')[1].split("</table>")[0]
    assert table.count("documented linkage</span>") == 1
    assert table.count("illustrative linkage</span>") == 1
    assert 'class="cell shade-0 linked illustrative"' in table
    # The phone list marks the illustrative chip too.
    phone_list = html.split('<ol class="matrix-list">')[1].split("</ol>")[0]
    assert phone_list.count("illustrative linkage</span>") == 1
    assert 'class="sdg-chip illustrative"' in phone_list


@pytest.mark.parametrize("path", ["/matrix/C3/4/", "/action-lines/C3/", "/sdgs/4/"])
def test_illustrative_link_is_labelled_wherever_it_appears(client, path):
    MatrixLinkFactory(
        action_line=action_line("C3"), sdg=sdg(4), source="", evidence=LinkEvidence.ILLUSTRATIVE
    )
    html = client.get(path).content.decode()
    assert "badge-illustrative" in html
    assert "no published source states it" in html
    assert "badge-documented" not in html


def test_documented_link_shows_its_source(client):
    MatrixLinkFactory(action_line=action_line("C2"), sdg=sdg(9))
    html = client.get("/matrix/C2/9/").content.decode()
    assert "badge-documented" in html
    assert "WSIS Action Lines Supporting Implementation of the SDGs" in html


def test_demo_links_are_all_illustrative_and_cite_nothing():
    demo.seed()
    links = MatrixLink.objects.filter(is_demo=True)
    assert links.count() == len(demo.DEMO_LINKS)
    assert set(links.values_list("evidence", flat=True)) == {LinkEvidence.ILLUSTRATIVE}
    assert set(links.values_list("source", flat=True)) == {""}


def test_api_says_which_links_are_documented(client):
    MatrixLinkFactory(action_line=action_line("C2"), sdg=sdg(9))
    rows = client.get("/api/matrix/").json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    assert rows[0]["evidence"] == "documented"
