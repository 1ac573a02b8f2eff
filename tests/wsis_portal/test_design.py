"""The design system: the staff-only style guide, the open-data page, the marks and icons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

from forum.models import SDG, ActionLine
from tests.factories.accounts import UserFactory

STATIC = Path(settings.BASE_DIR) / "static"


@pytest.mark.django_db
def test_styleguide_is_hidden_from_visitors(client):
    assert client.get("/styleguide/").status_code == 404


@pytest.mark.django_db
def test_styleguide_is_refused_to_signed_in_non_staff(client):
    client.force_login(UserFactory(is_staff=False))
    assert client.get("/styleguide/").status_code == 403


@pytest.mark.django_db
def test_styleguide_shows_every_component_to_staff(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/styleguide/")
    assert response.status_code == 200
    html = response.content.decode()
    for marker in (
        'class="breadcrumbs"',
        'class="button button-danger"',
        'class="badge badge-open"',
        'class="alert alert-error"',
        'class="card card-open"',
        'class="error-summary"',
        'class="tabs"',
        'class="pagination"',
        'class="timeline"',
        "<progress",
        'class="chart"',
        'class="table-scroll" role="region"',
        'class="empty-state"',
        'class="matrix-list"',
    ):
        assert marker in html, marker
    assert html.count('class="sdg-tile"') == 17
    assert html.count('class="al-chip"') == 18


def test_every_action_line_has_an_icon_in_the_sprite():
    sprite = (STATIC / "img" / "icons.svg").read_text()
    symbols = set(re.findall(r'<symbol id="([^"]+)"', sprite))
    codes = {
        code
        for code, _number, _title in __import__("forum.base.taxonomy").base.taxonomy.ACTION_LINES
    }
    assert len(codes) == 18
    assert codes <= symbols


@pytest.mark.django_db
def test_action_line_and_goal_marks_come_from_the_reference_data(client):
    """The matrix page draws each Action Line's icon and each Goal in its official colour."""
    html = client.get("/matrix/").content.decode()
    for action_line in ActionLine.objects.all():
        assert f"icons.svg#{action_line.code}" in html
    css = (STATIC / "css" / "site.css").read_text()
    for goal in SDG.objects.all():
        assert f'[data-sdg="{goal.number}"] {{ --sdg: {goal.colour}; }}'.lower() in css.lower()


def test_wordmark_and_favicon_are_svg_served_by_the_portal():
    for name in ("wordmark.svg", "favicon.svg"):
        text = (STATIC / "img" / name).read_text()
        assert text.startswith("<svg") and "<text" not in text  # drawn, not a font's glyphs


@pytest.mark.django_db
def test_footer_open_data_link_leads_to_a_page_for_people(client):
    home = client.get("/").content.decode()
    assert 'href="/open-data/"' in home
    page = client.get("/open-data/")
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    html = page.content.decode()
    assert 'href="/api/schema/"' in html
    assert 'href="/api/stocktaking/entries/"' in html


def test_stylesheets_use_logical_properties():
    """Right-to-left pages mirror because no sheet says left or right."""
    physical = re.compile(
        r"(?<![-\w])(margin|padding|border)-(left|right|top|bottom)\b"
        r"|(?<![-\w])(left|right|top|bottom)\s*:|text-align:\s*(left|right)|float:\s*(left|right)"
        r"|(?<![-\w])(padding|margin):\s*[^\s;]+\s+[^\s;]+\s+[^\s;]+\s+[^\s;]+\s*;"
    )
    for sheet in (STATIC / "css").glob("*.css"):
        found = physical.findall(sheet.read_text())
        assert not found, f"{sheet.name}: {found}"


@pytest.mark.django_db
def test_a_new_entry_awaiting_moderation_does_not_speak_of_a_published_version(client):
    from stocktaking.enums import EntryStatus, RevisionKind
    from stocktaking.models import EntryRevision
    from tests.factories.accounts import StakeholderFactory
    from tests.factories.stocktaking import EntryFactory

    owner = StakeholderFactory()
    new = EntryFactory(status=EntryStatus.SUBMITTED, submitter=owner)
    EntryRevision.objects.create(entry=new, kind=RevisionKind.SUBMISSION, proposed_by=owner)
    published = EntryFactory(submitter=owner)
    EntryRevision.objects.create(entry=published, kind=RevisionKind.UPDATE, proposed_by=owner)
    client.force_login(owner)
    new_page = client.get(f"/stocktaking/entries/{new.pk}/").content.decode()
    assert "published version below stays visible" not in new_page
    assert "Only you and the WSIS Secretariat can see this entry." in new_page
    updated_page = client.get(f"/stocktaking/entries/{published.pk}/").content.decode()
    assert "published version below stays visible" in updated_page
