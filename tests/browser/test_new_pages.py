"""The pages added with outcome reports, the site search and the Prizes booklet, on a phone
and a laptop, in English and Arabic: no sideways scroll, the right ``lang``/``dir``, and no
serious or critical axe-core violation at the phone's width (the laptop's is checked in Arabic
and Chinese by test_languages.py). One seeded dataset per language, all pages in a loop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import axe_violations, sign_in
from tests.browser.new_pages import new_public_pages
from tests.browser.test_layout import WIDTHS, open_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ar"])
def test_new_pages_fit_a_phone_and_pass_axe(new_page, axe_source, language):
    owner, pages = new_public_pages()
    problems = []
    for width in WIDTHS:
        page = new_page()
        sign_in(page, owner.email, start="/accounts/login/")  # the report form is the owner's
        page.set_viewport_size({"width": width, "height": 900})
        for name, path, shown in pages:
            response = open_in(page, path, language)
            if response is None or response.status != 200:
                problems.append(f"{name}: HTTP {response.status if response else 'none'}")
                continue
            expect(page.locator("html")).to_have_attribute("lang", language)
            expect(page.locator("html")).to_have_attribute(
                "dir", "rtl" if language == "ar" else "ltr"
            )
            expect(page.get_by_role("heading", level=1)).to_have_count(1)
            expect(page.locator("main")).to_contain_text(shown)
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
