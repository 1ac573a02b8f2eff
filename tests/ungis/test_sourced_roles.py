"""UNGIS shows only the facilitation roles a source states, each cited (issue 17, item 3)."""

import re

import pytest
from django.utils import translation

from forum.base.agency_keys import agency_key
from forum.base.selectors_facilitation import roles_of_agency
from forum.enums import FacilitatorRole
from tests.factories.forum import sourced_role

pytestmark = pytest.mark.django_db

NO_ROLE = "No facilitation role of this agency is recorded with its source yet."


def directory_row(html: str, acronym: str) -> str:
    """The directory's table row of one agency."""
    rows = re.findall(r"<tr>.*?</tr>", html, flags=re.S)
    (row,) = [r for r in rows if f'href="/ungis/members/{acronym}/"' in r]
    return row


def test_member_page_shows_a_sourced_role_with_its_source(client):
    page = client.get("/ungis/members/WMO/").content.decode()
    assert '<a href="/action-lines/C7-EENV/">' in page and "Lead facilitator" in page
    assert "10-Year WSIS Action Line Facilitator" in page
    assert "WMO, UNEP and ITU" in page and "Title page" in page
    assert NO_ROLE not in page


def test_a_source_with_a_link_and_a_symbol_is_cited_in_full(client):
    page = client.get("/ungis/members/UNDESA/").content.decode()
    # C1 from the ITU note (symbol, date), C11 from the Forum 2025 programme (a link).
    assert "<bdi>WG-SP-FP-06/40 (Rev.2)</bdi>" in page and "Table, row Action Line C1" in page
    assert 'href="https://www.itu.int/net4/wsis/forum/2025/Agenda/Session/400"' in page
    assert page.index("/action-lines/C1/") < page.index("/action-lines/C11/")


@pytest.mark.parametrize("acronym", ["WHO", "UNDP", "ILO", "UNODC"])
def test_no_role_appears_for_an_agency_without_a_sourced_row(client, acronym):
    # The demo once gave WHO e-health and e-environment, UNDP C4 and ILO e-employment
    # from memory; no retrieved source states them.
    from ungis import demo

    demo.seed()
    page = client.get(f"/ungis/members/{acronym}/").content.decode()
    assert NO_ROLE in page
    assert "/action-lines/" not in page.split('id="facilitation"')[1].split("</section>")[0]
    row = directory_row(client.get("/ungis/members/").content.decode(), acronym)
    assert "<td>—</td>" in row and "/action-lines/" not in row


def test_e_environment_is_shown_as_its_source_states_it(client):
    from ungis import demo

    demo.seed()
    html = client.get("/ungis/members/").content.decode()
    assert "/action-lines/C7-EENV/" in directory_row(html, "WMO")
    assert "/action-lines/C7-EENV/" in directory_row(html, "ITU")
    for unsourced in ("WHO", "UN-HABITAT"):
        assert "/action-lines/C7-EENV/" not in directory_row(html, unsourced)


def test_directory_lists_each_role_with_its_role_and_source(client):
    row = directory_row(client.get("/ungis/members/").content.decode(), "UNESCO")
    for code in ("C3", "C7-ELEA", "C7-ESCI", "C8", "C9", "C10"):
        assert f'href="/action-lines/{code}/"' in row
    assert "Lead facilitator" in row and "Interim focal point" in row
    assert "UNESCO and WSIS - Geneva Plan of Action" in row and "Decision of the meeting" in row
    # In Action Line order.
    assert row.index("/action-lines/C3/") < row.index("/action-lines/C7-ELEA/")
    assert row.index("/action-lines/C9/") < row.index("/action-lines/C10/")


def test_acronyms_are_matched_however_the_source_writes_them(client):
    assert agency_key("UN DESA") == agency_key("UNDESA") == "UNDESA"
    assert agency_key("UN-Habitat") == agency_key("UN-HABITAT") == "UNHABITAT"
    sourced_role("C7-EENV", "UN Habitat", FacilitatorRole.CO, locator="Annex 2")
    sourced_role("C4", "U.N.D.P.", locator="Annex 3")
    assert [r.locator for r in roles_of_agency("UN-HABITAT")] == ["Annex 2"]
    page = client.get("/ungis/members/UN-HABITAT/").content.decode()
    assert "Co-facilitator" in page and "Annex 2" in page
    html = client.get("/ungis/members/").content.decode()
    assert "Annex 2" in directory_row(html, "UN-HABITAT")
    assert "Annex 3" in directory_row(html, "UNDP")


def test_roles_and_sources_are_shown_in_the_reader_language(client):
    with translation.override("fr"):
        page = client.get("/fr/ungis/members/UNESCO/").content.decode()
    assert "Point focal par intérim" in page and "Source :" in page
    with translation.override("fr"):
        page = client.get("/fr/ungis/members/WHO/").content.decode()
    assert "Aucun rôle de coordination de cette organisation" in page
