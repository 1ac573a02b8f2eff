"""One agency, one key: "UN DESA" and "UNDESA" cannot both be entered (issue 17, item 3)."""

import pytest
from django.db import IntegrityError, transaction

from forum.base.agency_keys import AGENCY_KEY_TAKEN, agency_key
from forum.enums import FacilitatorRole
from forum.models import ActionLineFacilitator, FacilitationSource
from tests.factories.forum import action_line, sourced_role
from ungis.models import Agency

pytestmark = pytest.mark.django_db


def role_form(**fields: str) -> dict[str, str]:
    return {
        "agency_name": "United Nations Department of Economic and Social Affairs",
        "role": FacilitatorRole.CO,
        "locator": "Table, row C2",
        **fields,
    }


def test_the_key_drops_spaces_hyphens_full_stops_and_case():
    assert {agency_key(a) for a in ("UN DESA", "UNDESA", "un-desa", "U.N. DESA")} == {"UNDESA"}


def test_the_database_refuses_a_second_agency_spelt_otherwise():
    assert Agency.objects.filter(acronym="UNDESA").exists()  # reference data
    for acronym in ("UN DESA", "un-desa", "UN.DESA"):
        with pytest.raises(IntegrityError), transaction.atomic():
            Agency.objects.create(acronym=acronym, name="Department of Economic and Social Affairs")
    Agency.objects.create(acronym="UN DOALOS", name="Division for Ocean Affairs")


def test_the_database_refuses_a_second_role_of_one_agency_in_one_action_line():
    sourced_role("C2", "UN-Habitat")
    with pytest.raises(IntegrityError), transaction.atomic():
        sourced_role("C2", "UN HABITAT", source_title="Another report")
    # The same agency may facilitate another Action Line.
    sourced_role("C4", "UN HABITAT")


def test_model_validation_puts_the_error_on_the_acronym_field():
    agency = Agency(acronym="Un-Desa", name="Department of Economic and Social Affairs")
    with pytest.raises(Exception) as raised:
        agency.full_clean()
    errors = raised.value.error_dict
    assert list(errors) == ["acronym"]
    assert errors["acronym"][0].code == AGENCY_KEY_TAKEN


def test_admin_agency_form_shows_the_error_next_to_the_acronym(admin_client):
    response = admin_client.post(
        "/admin/ungis/agency/add/",
        {
            "acronym": "UN DESA",
            "name_en": "Department of Economic and Social Affairs",
            "is_member": "on",
            "focal_points-TOTAL_FORMS": "0",
            "focal_points-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "already exists, perhaps spelt otherwise" in str(form.errors["acronym"])
    assert not form.non_field_errors()
    assert Agency.objects.filter(acronym="UN DESA").count() == 0


def test_admin_role_form_shows_the_error_next_to_the_agency(admin_client):
    existing = sourced_role("C2", "UNDESA")
    before = ActionLineFacilitator.objects.count()
    response = admin_client.post(
        "/admin/forum/actionlinefacilitator/add/",
        role_form(
            action_line=str(action_line("C2").pk), agency="UN DESA", source=str(existing.source_id)
        ),
    )
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "already has a role in this Action Line" in str(form.errors["agency"])
    assert ActionLineFacilitator.objects.count() == before


def test_admin_source_refuses_two_new_rows_of_one_agency_without_a_server_error(admin_client):
    c2 = str(action_line("C2").pk)
    prefix = "roles"
    rows = {
        f"{prefix}-TOTAL_FORMS": "2",
        f"{prefix}-INITIAL_FORMS": "0",
        **{f"{prefix}-0-{k}": v for k, v in role_form(action_line=c2, agency="UNDESA").items()},
        **{f"{prefix}-1-{k}": v for k, v in role_form(action_line=c2, agency="UN DESA").items()},
    }
    response = admin_client.post(
        "/admin/forum/facilitationsource/add/",
        {"title": "A later report", "publisher": "ITU", **rows},
    )
    assert response.status_code == 200
    (formset,) = [f.formset for f in response.context["inline_admin_formsets"]]
    assert "row for this Action Line above" in str(formset.forms[1].errors["agency"])
    assert not FacilitationSource.objects.filter(title="A later report").exists()
