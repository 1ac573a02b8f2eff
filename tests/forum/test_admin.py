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


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_the_sessions_list_first_page_is_in_the_order_of_an_index(admin_client, language):
    """The admin's sessions list orders by the model's order in the visitor's language and
    then the newest key; an index of those columns lets PostgreSQL read the first page in
    order instead of sorting every session's wide translated row."""
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    SessionFactory()
    with CaptureQueriesContext(connection) as ctx:
        response = admin_client.get(
            reverse("admin:forum_session_changelist"), HTTP_ACCEPT_LANGUAGE=language
        )
    assert response.status_code == 200
    (page,) = [
        q["sql"]
        for q in ctx.captured_queries
        if q["sql"].startswith('SELECT "forum_session"."id"') and "ORDER BY" in q["sql"]
    ]
    order = page[page.index("ORDER BY") :]
    columns = [
        (column, "DESC" if direction == "DESC" else "")
        for column, direction in re.findall(r'"forum_session"\."(\w+)" (ASC|DESC)', order)
    ]
    assert columns[1][0] == "title_" + language.replace("-", "_")
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'forum_session'")
        definitions = [row[0] for row in cursor.fetchall()]
    wanted = ", ".join(f"{column} {direction}".strip() for column, direction in columns)
    assert any(d.endswith(f"({wanted})") for d in definitions), (wanted, definitions)
