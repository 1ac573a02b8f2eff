"""What browser tests do again and again: sign in, read emails, run axe, move by keyboard."""

from __future__ import annotations

import json
import re

from django.core import mail
from playwright.sync_api import Locator, Page, expect

from tests.factories.accounts import DEFAULT_PASSWORD

# axe-core impacts that fail a page (minor and moderate ones are reported, not failed).
BLOCKING_IMPACTS = ("serious", "critical")


def sign_in(page: Page, email: str, password: str = DEFAULT_PASSWORD, *, start: str = "/") -> None:
    """Sign in from ``start`` (through the header link unless it is the login page itself)."""
    page.goto(start)
    if "/accounts/login/" not in page.url:
        account_nav = page.get_by_role("navigation", name="Account")
        account_nav.get_by_role("link", name="Sign in").click()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.locator("main").get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    # allauth may ask to confirm when the logout link was not a POST; ours is a POST form.
    account_nav = page.get_by_role("navigation", name="Account")
    expect(account_nav.get_by_role("link", name="Sign in")).to_be_visible()


def last_link_to(path_part: str, *, to: str) -> str:
    """The path of the last link containing ``path_part`` in the emails sent to ``to``."""
    for message in reversed(mail.outbox):
        if to not in message.to:
            continue
        for path in reversed(re.findall(r"https?://[^/\s]+(/\S*)", message.body)):
            if path_part in path:
                return path
    subjects = [(m.to, m.subject) for m in mail.outbox]
    raise AssertionError(f"No email to {to} links to {path_part!r}; outbox: {subjects}")


def axe_violations(page: Page, axe_source: str) -> list[dict]:
    """Run axe-core on the page as it is now; return its serious and critical violations.

    axe is evaluated through the DevTools protocol rather than added as a <script> element,
    so the portal's Content-Security-Policy (no inline scripts) stays in force for the page.

    Not on a page opened with ``javascript=False``: ``axe.run`` waits on the page's timers,
    which never fire there, and ``page.evaluate`` has no timeout, so the test would hang
    for good. Check such a page's address in a page with JavaScript instead.
    """
    if not getattr(page, "javascript_enabled", True):
        raise AssertionError(
            "axe needs JavaScript: open this address in a page with JavaScript to check it"
        )
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source + "\n;undefined")
    results = page.evaluate(
        """async () => {
            const r = await window.axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 200)})),
            }));
        }"""
    )
    return [v for v in results if v["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page: Page, axe_source: str) -> None:
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe found on {page.url}:\n" + json.dumps(violations, indent=2)


def is_focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page: Page, locator: Locator, *, max_presses: int = 80, backwards: bool = False):
    """Press Tab until ``locator`` has the focus, as a keyboard user would; fail if it never does."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(max_presses):
        page.keyboard.press(key)
        if is_focused(locator):
            return
    raise AssertionError(f"{locator} never received the focus after {max_presses} x {key}")


def sign_up_and_confirm(
    page: Page,
    email: str,
    *,
    full_name: str,
    organisation: str,
    country: str = "Switzerland",
    stakeholder_type: str = "Academia",
) -> None:
    """Sign up from the home page, open the confirmation link of the email, be signed in."""
    page.goto("/")
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign Up")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Full name").fill(full_name)
    page.get_by_label("Organisation name").fill(organisation)
    page.get_by_label("Organisation country").select_option(label=country)
    page.get_by_label("Stakeholder type").select_option(label=stakeholder_type)
    page.get_by_label(re.compile(r"^Password:?$")).fill(DEFAULT_PASSWORD)
    page.get_by_label("Password (again)").fill(DEFAULT_PASSWORD)
    page.locator("main").get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")

    # The confirmation link from the email, opened in the same browser.
    page.goto(last_link_to("/accounts/confirm-email/", to=email))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm Email Address")
    page.locator("main").get_by_role("button", name="Confirm").click()
    expect(page).not_to_have_url(re.compile("/confirm-email/"))
    page.wait_for_load_state()
    if page.get_by_role("button", name="Sign out").count() == 0:
        # Confirmation signs in only in the browser that signed up; sign in otherwise.
        sign_in(page, email)


def admin_sign_in(page: Page, email: str, *, start: str = "/admin/") -> None:
    """Sign into the Django admin through its own login form."""
    page.goto(start)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#user-tools")).to_be_visible()


def admin_action(page: Page, row_text: str, action: str) -> None:
    """Tick the change-list row containing ``row_text`` and run ``action`` on it."""
    page.get_by_role("row").filter(has_text=row_text).get_by_role("checkbox").check()
    page.get_by_role("combobox", name="Action").select_option(action)
    page.get_by_role("button", name="Go").click()
