"""Action Line facilitation roles: loaded from their sources, shown with them (issue 17, item 3)."""

import importlib

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from forum.base.selectors_facilitation import facilitators_of_action_line
from forum.enums import FacilitatorRole
from forum.models import ActionLineFacilitator, FacilitationSource
from tests.factories.forum import action_line

pytestmark = pytest.mark.django_db

LOADED = importlib.import_module("forum.migrations.0024_load_action_line_facilitators")


def roles(code: str) -> dict[str, str]:
    return {f.agency: f.role for f in ActionLineFacilitator.objects.filter(action_line__code=code)}


def test_migration_loads_the_sourced_roles_the_issue_names():
    assert roles("C7-EAGR") == {"FAO": FacilitatorRole.LEAD}
    assert roles("C1") == {"UNDESA": FacilitatorRole.LEAD, "ITU": FacilitatorRole.CO}
    # The only retrieved source for C11 says UN DESA facilitates it, not that it leads.
    assert roles("C11") == {"UNDESA": FacilitatorRole.FACILITATOR, "ITU": FacilitatorRole.CO}
    assert ActionLineFacilitator.objects.count() == len(LOADED.ROLES)


def test_every_loaded_role_cites_a_document_and_a_place_in_it():
    for role in ActionLineFacilitator.objects.select_related("source"):
        assert role.locator
        assert role.source.title and role.source.publisher
    c1 = ActionLineFacilitator.objects.get(action_line__code="C1", agency="UNDESA")
    assert c1.source.symbol == "WG-SP-FP-06/40 (Rev.2)"
    assert c1.source.issued_on.isoformat() == "2006-09-14"


def test_roles_no_retrieved_source_states_are_not_loaded():
    # Left out rather than filled in from memory: see docs/processes.md.
    for code in ("C7-EGOV", "C7-EHEA", "C7-EEMP"):
        assert roles(code) == {}
    assert FacilitatorRole.LEAD not in roles("C4").values()


def test_a_role_without_its_place_in_the_source_is_refused_by_the_database():
    source = FacilitationSource.objects.create(title="A report", publisher="ITU")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionLineFacilitator.objects.create(
            action_line=action_line("C4"),
            agency="UNDP",
            agency_name="United Nations Development Programme",
            role=FacilitatorRole.LEAD,
            source=source,
            locator="",
        )


def test_a_source_without_its_publisher_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        FacilitationSource.objects.create(title="A report", publisher="")


def test_an_agency_has_one_role_per_action_line():
    existing = ActionLineFacilitator.objects.get(action_line__code="C2", agency="ITU")
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionLineFacilitator.objects.create(
            action_line=existing.action_line,
            agency="ITU",
            agency_name=existing.agency_name,
            role=FacilitatorRole.CO,
            source=existing.source,
            locator="Annex",
        )


def test_the_lead_comes_first():
    assert [f.agency for f in facilitators_of_action_line(action_line("C7-EENV"))] == [
        "WMO",
        "ITU",
        "UNEP",
    ]


def test_action_line_page_shows_each_role_beside_its_source(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get("/action-lines/C1/")
    page = response.content.decode()
    assert "UN Action Line facilitators" in page
    assert "United Nations Department of Economic and Social Affairs" in page
    assert "Lead facilitator" in page and "Co-facilitator" in page
    assert "WG-SP-FP-06/40 (Rev.2)" in page and "Table, row Action Line C1" in page


def test_action_line_page_links_a_source_that_has_a_link(client):
    page = client.get("/action-lines/C11/").content.decode()
    assert 'href="https://www.itu.int/net4/wsis/forum/2025/Agenda/Session/400"' in page
    assert "Facilitator" in page


def test_action_line_without_a_sourced_role_says_so(client):
    page = client.get("/action-lines/C7-EHEA/").content.decode()
    assert "No facilitation role of this Action Line is recorded with its source yet." in page


def test_facilitators_are_shown_in_the_reader_language(client):
    with translation.override("fr"):
        page = client.get("/fr/action-lines/C7-ELEA/").content.decode()
    assert "Point focal par intérim" in page
    assert "Source :" in page
