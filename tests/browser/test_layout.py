"""Phones first: no public page scrolls sideways, in English and in Arabic (issue 13 item 2).

Each page is loaded at a phone's (390 px) and a laptop's (1,366 px) width, and the document's
``scrollWidth`` must not exceed the viewport: a wide table scrolls inside its own region.
The list follows the URL configuration's public pages (forms that need a signed-in user are
measured by their sign-in page; staff pages are not public).
"""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from prizes.enums import PhaseKind as PrizePhase
from tests.browser.helpers import assert_accessible, sign_in
from tests.factories.accounts import StakeholderFactory
from tests.factories.consultations import DiscussionFactory, consultation_with_phases
from tests.factories.forum import MatrixLinkFactory
from tests.factories.forum_programme import EditionFactory, SessionFactory
from tests.factories.prizes import ProjectFactory, contest_at
from tests.factories.stocktaking import CallFactory, EntryFactory

pytestmark = pytest.mark.browser

WIDTHS = (390, 1366)
LONG_URL = "https://www.example.org/programmes/" + "digital-inclusion-for-rural-communities-" * 3


def public_pages() -> list[str]:
    """Create what each public page shows, and return the pages' paths."""
    MatrixLinkFactory()
    edition = EditionFactory(year=2027)
    session = SessionFactory(
        edition=edition,
        title="Measuring meaningful connectivity in least developed countries and small islands",
    )
    contest = contest_at(timezone.now(), open_phase=PrizePhase.VOTING)
    project = ProjectFactory(
        contest=contest,
        title="Connecting rural schools to the national research and education network",
    )
    call = CallFactory(year=2025, report_year=2026)
    entry = EntryFactory(
        title="Digital literacy for rural women and girls", website=LONG_URL, call=call
    )
    consultation = consultation_with_phases()
    discussion = DiscussionFactory(consultation=consultation)
    slug = consultation.slug
    return [
        "/",
        "/matrix/",
        "/matrix/C2/9/",
        "/action-lines/C7-EGOV/",
        "/sdgs/9/",
        "/forum/",
        "/forum/2027/",
        "/forum/2027/programme/",
        f"/forum/2027/sessions/{session.pk}/",
        "/prizes/",
        f"/prizes/{contest.year}/",
        f"/prizes/{contest.year}/vote/",
        f"/prizes/{contest.year}/projects/{project.pk}/",
        f"/prizes/{contest.year}/results/",
        "/stocktaking/",
        f"/stocktaking/entries/{entry.pk}/",
        "/stocktaking/reports/",
        "/stocktaking/reports/2026/",
        "/consultations/",
        f"/consultations/{slug}/",
        f"/consultations/{slug}/submit/",
        f"/consultations/{slug}/discussions/",
        f"/consultations/{slug}/discussions/{discussion.pk}/",
        "/ungis/",
        "/ungis/members/",
        "/ungis/members/ITU/",
        "/ungis/chairs/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/open-data/",
        "/about/",
        "/news/",
        "/forum/partnership/",
    ]


def open_in(page, path: str, language: str):
    """Open ``path`` in ``language``: by its language prefix when the portal has them,
    otherwise with the language cookie."""
    if language == "en":
        return page.goto(path)
    page.context.add_cookies(
        [{"name": "django_language", "value": language, "url": page.url or "http://x"}]
    )
    response = page.goto(f"/{language}{path}")
    if response is None or response.status == 404:
        response = page.goto(path)
    return response


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_public_page_scrolls_sideways(new_page, server, language):
    paths = public_pages()
    too_wide = []
    for width in WIDTHS:
        page = new_page()
        page.set_viewport_size({"width": width, "height": 900})
        page.goto("/")
        for path in paths:
            response = open_in(page, path, language)
            assert response is not None and response.status == 200, (
                path,
                response and response.status,
            )
            expect(page.locator("html")).to_have_attribute("lang", language)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                too_wide.append(f"{path} at {width} px: {scroll_width} px wide")
    assert not too_wide, "\n".join(too_wide)


def test_the_measure_catches_a_page_that_is_too_wide(page):
    """The check itself can fail: a block wider than the phone makes the page scroll."""
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto("/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Set through the CSSOM, which the Content-Security-Policy allows (no style attribute).
    page.evaluate(
        """() => {
            const block = document.createElement('div');
            block.style.width = '900px';
            block.style.height = '10px';
            document.querySelector('main').append(block);
        }"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") > 390


def test_phone_menu_opens_without_javascript(new_page):
    page = new_page(javascript=False)
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/")
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav).to_be_hidden()
    page.get_by_text("Menu", exact=True).click()
    expect(main_nav).to_be_visible()
    main_nav.get_by_role("link", name="Stocktaking").click()
    page.wait_for_url("**/stocktaking/")


def test_wide_screens_show_the_navigation_without_a_menu_button(page):
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto("/")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_text("Menu", exact=True)).to_be_hidden()


def test_full_matrix_fits_a_laptop_and_phones_get_a_list(new_page):
    MatrixLinkFactory()
    laptop = new_page()
    laptop.set_viewport_size({"width": 1366, "height": 900})
    laptop.goto("/matrix/")
    region = laptop.get_by_role(
        "region", name="WSIS Action Lines (rows) by Sustainable Development Goals (columns)"
    )
    expect(region).to_be_visible()
    # All 17 Goals are visible without scrolling the region sideways.
    assert region.evaluate("r => r.scrollWidth <= r.clientWidth")
    last_goal = laptop.locator("thead th").last
    assert last_goal.evaluate("th => th.getBoundingClientRect().right <= window.innerWidth")
    phone = new_page()
    phone.set_viewport_size({"width": 390, "height": 800})
    phone.goto("/matrix/")
    expect(phone.locator(".matrix-list")).to_be_visible()
    expect(phone.locator("table.matrix")).to_be_hidden()
    expect(phone.locator(".matrix-list .sdg-chip").first).to_be_visible()


def test_filters_are_collapsed_above_the_results_on_a_phone(new_page):
    EntryFactory()
    page = new_page()
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/stocktaking/")
    heading = page.get_by_role("heading", name="Filter the results")
    expect(heading).to_be_hidden()
    results = page.locator(".stk-results")
    # The results start within the first screen, not under the filters.
    assert results.evaluate("r => r.getBoundingClientRect().top") < 800
    page.locator("details.filters > summary").click()
    expect(heading).to_be_visible()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("width", WIDTHS)
def test_redesigned_pages_are_accessible(new_page, axe_source, language, width):
    """axe-core finds no serious or critical violation on the pages this design changed,
    on a phone and a laptop, left to right and right to left (the style guide included)."""
    MatrixLinkFactory()
    EntryFactory()
    EditionFactory(year=2027)
    staff = StakeholderFactory()
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    page = new_page()
    sign_in(page, staff.email, start="/accounts/login/")  # at a laptop's width: no menu to open
    page.set_viewport_size({"width": width, "height": 900})
    for path in (
        "/",
        "/matrix/",
        "/stocktaking/",
        "/forum/2027/programme/",
        "/open-data/",
        "/styleguide/",
    ):
        open_in(page, path, language)
        if width < 960:
            page.locator(".site-menu > summary").click()  # the open menu is checked too
        assert_accessible(page, axe_source)
