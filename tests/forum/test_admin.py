import pytest

from tests.factories.forum_programme import PartnerFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_secretariat_screens_render(admin_client):
    SessionFactory()
    RegistrationFactory()
    PartnerFactory()
    for model in [
        "forum/edition",
        "forum/buildingblock",
        "forum/session",
        "forum/person",
        "forum/registration",
        "forum/partner",
        "ungis/agency",
        "ungis/chairterm",
        "ungis/initiative",
        "ungis/meeting",
        "ungis/focalpoint",
    ]:
        assert admin_client.get(f"/admin/{model}/").status_code == 200, model
        assert admin_client.get(f"/admin/{model}/add/").status_code == 200, model


def test_building_blocks_are_editable_in_the_admin(admin_client):
    from forum.models import BuildingBlock

    block = BuildingBlock.objects.get(slug="tedx")
    response = admin_client.post(
        f"/admin/forum/buildingblock/{block.pk}/change/",
        # The name is translated: the admin edits one field per language, English required.
        {"name_en": "TEDx Geneva", "name_fr": "TEDx Genève", "slug": "tedx", "order": 17},
    )
    assert response.status_code == 302
    block.refresh_from_db()
    assert block.name == "TEDx Geneva"
    assert block.name_fr == "TEDx Genève"
