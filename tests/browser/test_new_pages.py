"""The pages added with outcome reports, the site search and the Prizes booklet, and the pages
that answer an edge (an expired link, bad input, a capped count, the sourced facilitation
roles, /my/), on a phone and a laptop, in English and Arabic: no sideways scroll, the right
``lang``/``dir``, one h1, and no serious or critical axe-core violation at the phone's width
(the laptop's is checked in Arabic and Chinese by test_languages.py). One seeded dataset per
language, all pages in a loop. With WSIS_SCREENSHOTS_DIR set, each page is saved there."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, sign_in
from tests.browser.new_pages import edge_pages, new_public_pages
from tests.browser.test_layout import WIDTHS, open_in

pytestmark = pytest.mark.browser

ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def _save_screenshot(page, language: str, name: str, width: int) -> None:
    folder = os.environ.get("WSIS_SCREENSHOTS_DIR")
    if folder:
        target = Path(folder) / language
        target.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(target / f"{name}-{width}.png"), full_page=True)


def _check_pages(new_page, axe_source, language, owner, pages, *, translated=False):
    problems = []
    for width in WIDTHS:
        page = new_page()
        sign_in(page, owner.email, start="/accounts/login/")  # the report form is the owner's
        page.set_viewport_size({"width": width, "height": 900})
        for name, path, shown, status in pages:
            response = open_in(page, path, language)
            if response is None or response.status != status:
                problems.append(f"{name}: HTTP {response.status if response else 'none'}")
                continue
            _save_screenshot(page, language, name, width)
            expect(page.locator("html")).to_have_attribute("lang", language)
            expect(page.locator("html")).to_have_attribute(
                "dir", "rtl" if language == "ar" else "ltr"
            )
            expect(page.get_by_role("heading", level=1)).to_have_count(1)
            if translated and language == "ar":
                for text in page.locator("main").locator("h1, h2").all_inner_texts():
                    if not ARABIC_LETTER.search(text):
                        problems.append(f"{name}: heading not in Arabic: {text!r}")
            if shown and shown not in page.locator("main").inner_text():
                problems.append(f"{name}: {shown!r} not shown")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems.append(f"{name} at {width} px: {scroll_width} px wide")
            if width < 960:
                for violation in axe_violations(page, axe_source):
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    problems.append(
                        f"{name} at {width} px: axe {violation['impact']} {violation['id']} "
                        f"{targets}"
                    )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_new_pages_fit_a_phone_and_pass_axe(new_page, axe_source, language):
    owner, pages = new_public_pages()
    checked = [(name, path, shown, 200) for name, path, shown in pages]
    _check_pages(new_page, axe_source, language, owner, checked)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_edge_pages_fit_a_phone_in_their_language_and_pass_axe(new_page, axe_source, language):
    """An expired speaker link (410), the 400 pages of bad search input, "1,000 or more"
    results, the Action Line and UNGIS pages with their sources, and /my/ with a proposal,
    an open registration window and a certificate: each in the site's layout and language
    (in Arabic, no heading left in English)."""
    owner, _pages = new_public_pages()
    _check_pages(new_page, axe_source, language, owner, edge_pages(owner), translated=True)
