import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forum.enums import FacilitatorRole
from forum.models import ActionLineFacilitator
from tests.factories.accounts import UserFactory
from tests.factories.forum import sourced_role
from tests.factories.ungis import agency, focal_point
from ungis.enums import ChairRole
from ungis.members import MEMBERS
from ungis.models import Agency, ChairTerm, Initiative, Meeting
from ungis.services import members_load

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "blue").save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_28_members_exist_after_migrate():
    assert Agency.objects.filter(is_member=True).count() == 28
    assert len(MEMBERS) == 28
    assert agency("UN-HABITAT").name == "United Nations Human Settlements Programme"
    assert agency("WB").name == "World Bank"


def test_joint_initiatives_have_lead_agencies():
    leads = {i.slug: {a.acronym for a in i.lead_agencies.all()} for i in Initiative.objects.all()}
    assert leads == {
        "open-access-scientific-knowledge": {"UNESCO"},
        "stip-reviews": {"UNCTAD"},
        "child-online-protection": {"ITU"},
    }


def test_members_load_restores_a_flushed_table_and_keeps_edits():
    Agency.objects.filter(acronym="ITU").update(website="https://www.itu.int")
    Agency.objects.exclude(acronym="ITU").delete()
    members_load()
    assert Agency.objects.count() == 28
    assert agency("ITU").website == "https://www.itu.int"


def test_pages_render(client):
    for url in ["/ungis/", "/ungis/members/", "/ungis/members/UNESCO/", "/ungis/chairs/"]:
        assert client.get(url).status_code == 200, url
    assert client.get("/ungis/members/NOPE/").status_code == 404
    about = client.get("/ungis/").content.decode()
    assert "Child Online Protection" in about and "Tunis Agenda" in about


@pytest.mark.parametrize("count", [1, 3])
def test_directory_query_budget(client, django_assert_max_num_queries, count):
    # Members without a loaded role (ILO, IAEA, OECD), each given one with its locator.
    added = [
        sourced_role(code, acronym, locator=f"Paragraph {n}")
        for n, (code, acronym) in enumerate(
            [("C7-EEMP", "ILO"), ("C6", "IAEA"), ("C4", "OECD")][:count]
        )
    ]
    with django_assert_max_num_queries(4):
        response = client.get("/ungis/members/")
    body = response.content.decode()
    assert all(f"Paragraph {n}" in body for n in range(len(added)))


@pytest.mark.parametrize("count", [1, 3])
def test_chairs_query_budget(client, django_assert_max_num_queries, count):
    for n in range(count):
        ChairTerm.objects.create(
            agency=agency(MEMBERS[n][0]),
            role=ChairRole.CHAIR,
            year=2020 + n,
            source="UNGIS meeting report",
        )
    with django_assert_max_num_queries(2):
        response = client.get("/ungis/chairs/")
    assert len(response.context["years"]) == count


def test_member_page_shows_its_sourced_roles_chair_terms_and_initiatives(client):
    ChairTerm.objects.create(
        agency=agency("ITU"), role=ChairRole.VICE_CHAIR, year=2026, source="UNGIS meeting report"
    )
    page = client.get("/ungis/members/ITU/").content.decode()
    # C5 as migration forum/0024 loads it, cited as the Action Line page cites it.
    assert "/action-lines/C5/" in page and "Lead facilitator" in page
    assert "ITU Contribution to the Implementation of the WSIS Outcomes" in page
    assert "Introduction, item b" in page
    assert "Vice-Chair" in page and "Child Online Protection" in page
    # UNGIS adds no block of its own to the Action Line page, which shows forum's roles.
    action_line_page = client.get("/action-lines/C5/")
    sections = action_line_page.context["sections"]
    assert not any(s["template_name"].startswith("ungis/") for s in sections)


def test_focal_point_edits_own_agency(client):
    user = focal_point("WHO")
    client.force_login(user)
    assert "Edit this profile" in client.get("/ungis/members/WHO/").content.decode()
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = client.post(
        "/ungis/members/WHO/edit/",
        {"website": "https://www.who.int", "description": "Health for all.", "logo": logo},
    )
    assert response.status_code == 302
    who = agency("WHO")
    assert who.website == "https://www.who.int"
    assert who.description == "Health for all."
    assert who.updated_by == user
    assert who.logo.name.startswith("ungis/logos/") and not who.logo.name.endswith("logo.png")
    who.logo.delete(save=False)


def test_focal_point_cannot_edit_another_agency(client):
    client.force_login(focal_point("WHO"))
    assert "Edit this profile" not in client.get("/ungis/members/ITU/").content.decode()
    assert client.get("/ungis/members/ITU/edit/").status_code == 403
    response = client.post("/ungis/members/ITU/edit/", {"description": "Hijacked"})
    assert response.status_code == 403
    assert agency("ITU").description == ""
    assert client.get("/ungis/members/NOPE/edit/").status_code == 404


@pytest.mark.parametrize("in_group", [True, False])
def test_link_and_group_are_both_required(client, in_group):
    if in_group:
        user = UserFactory(groups=["UNGIS Focal Point"])  # in the group, linked to nothing
    else:
        user = focal_point("WHO", in_group=False)  # linked but not in the group
    client.force_login(user)
    assert client.get("/ungis/members/WHO/edit/").status_code == 403


def test_anonymous_is_sent_to_login(client):
    response = client.get("/ungis/members/WHO/edit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_bad_logo_and_url_are_refused_next_to_the_field(client):
    client.force_login(focal_point("WHO"))
    fake = SimpleUploadedFile("logo.png", b"not an image at all", content_type="image/png")
    response = client.post(
        "/ungis/members/WHO/edit/",
        {"website": "not a url", "description": "X", "logo": fake},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "website" in errors and "logo" in errors
    assert agency("WHO").description == ""


def test_focal_point_sees_agency_on_my(client):
    client.force_login(focal_point("WMO"))
    body = client.get("/my/").content.decode()
    assert "Your UNGIS agency" in body and "/ungis/members/WMO/edit/" in body


def test_directory_and_member_pages_do_not_grow_with_rows(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    sourced_role("C7-EEMP", "ILO")
    ChairTerm.objects.create(
        agency=agency("ITU"), role=ChairRole.CHAIR, year=2020, source="UNGIS meeting report"
    )
    urls = ["/ungis/members/", "/ungis/members/ILO/", "/ungis/chairs/", "/ungis/"]
    before = [count(url) for url in urls]
    for code in ("C4", "C6"):
        sourced_role(code, "ILO", FacilitatorRole.CO, source_title=f"Report on {code}")
        sourced_role(code, "UNDP", source_title=f"Review of {code}")
    ChairTerm.objects.create(
        agency=agency("ITU"), role=ChairRole.CHAIR, year=2021, source="UNGIS meeting report"
    )
    ChairTerm.objects.create(
        agency=agency("UNDP"), role=ChairRole.VICE_CHAIR, year=2021, source="UNGIS meeting report"
    )
    assert [count(url) for url in urls] == before


def test_ungis_demo_is_idempotent():
    from ungis import demo

    loaded = ActionLineFacilitator.objects.count()
    demo.seed()
    counts = (Meeting.objects.count(), Initiative.objects.count(), ChairTerm.objects.count())
    demo.seed()
    assert (Meeting.objects.count(), Initiative.objects.count(), ChairTerm.objects.count()) == (
        counts
    )
    assert counts[0] > 0
    # The demo invents no facilitation role: only the sourced ones of the migration remain.
    assert ActionLineFacilitator.objects.count() == loaded


def test_profile_service_refuses_other_agencies():
    from tests.support.refusals import refused
    from ungis.services import agency_profile_update

    user = focal_point("WHO")
    with refused("not_owner"):
        agency_profile_update(agency=agency("ITU"), user=user, data={"description": "No"})
    updated = agency_profile_update(agency=agency("WHO"), user=user, data={"description": "Yes"})
    assert updated.description == "Yes"


def test_members_list_shows_the_uploaded_logo_and_a_mark_without_one(client):
    """Logos come from the focal points' checked uploads; a member without one gets a
    designed mark (its acronym), not a broken image."""
    user = focal_point("WHO")
    client.force_login(user)
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    client.post(
        "/ungis/members/WHO/edit/",
        {"website": "https://www.who.int", "description": "Health for all.", "logo": logo},
    )
    who = agency("WHO")
    html = client.get("/ungis/members/").content.decode()
    assert f'<img src="{who.logo.url}" alt=""' in html
    assert '<span class="logo-tile empty" aria-hidden="true">ITU</span>' in html
    assert 'role="region" aria-labelledby="members-caption" tabindex="0"' in html
    who.logo.delete(save=False)


def test_chair_terms_without_a_source_are_not_shown_as_fact(client):
    ChairTerm.objects.create(agency=agency("ITU"), role=ChairRole.CHAIR, year=2030)
    ChairTerm.objects.create(
        agency=agency("UNESCO"), role=ChairRole.CHAIR, year=2031, source="UNGIS report 2031"
    )
    page = client.get("/ungis/chairs/").content.decode()
    assert "2031" in page and "UNGIS report 2031" in page
    assert "2030" not in page
    assert client.get("/ungis/members/ITU/").context["chair_terms"] == []


def test_demo_invents_no_chair_term():
    from ungis import demo

    demo.seed()
    assert not ChairTerm.objects.exists()


def test_admin_asks_for_the_source_of_a_chair_term(admin_client):
    response = admin_client.post(
        "/admin/ungis/chairterm/add/",
        {"agency": agency("ITU").pk, "role": ChairRole.CHAIR, "year": 2032, "source": ""},
    )
    assert response.status_code == 200
    assert not ChairTerm.objects.filter(year=2032).exists()
