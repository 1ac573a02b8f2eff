"""Screenshots of the Secretariat's admin for docs/processes.md ("The Secretariat's year").

Run by ``make screenshots-admin`` against a seeded portal (``seed_demo``) and the local admin
account (``ensure_admin``); writes small PNG files to docs/screenshots/admin/. It changes
nothing: each action is taken as far as its confirmation page, never confirmed.
Usage: python bench/admin_screenshots.py [--base-url URL] [--email E] [--password P]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1280, "height": 800}
CLIP = {"width": 1280, "height": 720}


def _action(page, changelist: str, action: str, *, reason: str = "", rows: int = 1) -> None:
    """Select the first ``rows`` rows of a change list and ask for ``action``'s
    confirmation page (the admin's own form, as a person would use it)."""
    page.goto(changelist)
    boxes = page.locator("input.action-select")
    for index in range(min(rows, boxes.count())):
        boxes.nth(index).check()
    page.select_option("select[name=action]", action)
    if reason:
        page.fill("input[name=reason]", reason)
    page.click("button[name=index]")
    page.wait_for_load_state()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8765")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "admin"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--email", default="admin@wsis.local")
    parser.add_argument("--password", default="")
    args = parser.parse_args(argv)
    password = args.password or (ROOT / "var" / "admin_password").read_text().strip()
    base = args.base_url.rstrip("/")

    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    shots = [
        ("home-dashboard", lambda page: page.goto(base + "/admin/")),
        ("contest-add-presets", lambda page: page.goto(base + "/admin/prizes/contest/add/")),
        (
            "edition-next-year",
            lambda page: _action(page, base + "/admin/forum/edition/", "prepare_next_year"),
        ),
        (
            "contest-next-year",
            lambda page: _action(page, base + "/admin/prizes/contest/", "prepare_next_year"),
        ),
        (
            "call-publish",
            lambda page: _action(
                page, base + "/admin/stocktaking/call/", "publish_selected", rows=2
            ),
        ),
        (
            "consultation-back-to-draft",
            lambda page: _action(
                page,
                base + "/admin/consultations/consultation/",
                "unpublish_selected",
                reason="Published before the dates were agreed",
            ),
        ),
        (
            "winner-confirm",
            lambda page: _action(
                page, base + "/admin/prizes/project/?status__exact=champion", "confirm_winner"
            ),
        ),
        ("activity-log", lambda page: page.goto(base + "/admin/wsis_portal/activitylog/")),
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            context = browser.new_context(
                viewport=VIEWPORT, locale="en-GB", timezone_id="Europe/Zurich"
            )
            page = context.new_page()
            page.goto(base + "/admin/login/")
            page.fill("input[name=username]", args.email)
            page.fill("input[name=password]", password)
            page.click("input[type=submit]")
            page.wait_for_load_state()
            if "/admin/login/" in page.url:
                print("Sign-in to the admin failed", file=sys.stderr)
                return 1
            for stem, visit in shots:
                visit(page)
                target = out / f"{stem}.png"
                # Long lists are cut to the first screenful: the files stay small.
                page.screenshot(path=str(target), clip={"x": 0, "y": 0, **CLIP})
                print(target, target.stat().st_size // 1024, "KB")
            context.close()
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
