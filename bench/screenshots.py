"""Screenshots of the main pages on a laptop (1,366 px) and a phone (390 px).

Run by ``make screenshots`` against a seeded portal (``seed_demo``); writes PNG files to
docs/screenshots/layout/ (the per-language screenshots of docs/translations.md live beside it).
Usage: python bench/screenshots.py [--base-url URL] [--out DIR] [--chromium PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTHS = {"laptop": (1366, 850), "phone": (390, 844)}
# (file stem, path): the pages a new visitor meets first.
PAGES = [
    ("home", "/"),
    ("matrix", "/matrix/"),
    ("stocktaking", "/stocktaking/"),
    ("prizes", "/prizes/"),
    ("forum", "/forum/"),
    ("consultations", "/consultations/"),
    ("ungis", "/ungis/"),
    ("signup", "/accounts/signup/"),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots" / "layout"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--full-page", action="store_true", help="capture whole pages")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for device, (width, height) in WIDTHS.items():
                context = browser.new_context(
                    viewport={"width": width, "height": height},
                    locale="en-GB",
                    timezone_id="Europe/Zurich",
                    device_scale_factor=1,
                )
                page = context.new_page()
                for stem, path in PAGES:
                    response = page.goto(args.base_url.rstrip("/") + path)
                    if response is None or response.status != 200:
                        print(f"{path}: HTTP {response and response.status}", file=sys.stderr)
                        return 1
                    target = out / f"{stem}-{device}.png"
                    page.screenshot(path=str(target), full_page=args.full_page)
                    print(target)
                context.close()
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
