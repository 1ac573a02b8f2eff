"""Page weight and largest contentful paint, for docs/performance.md (issue 13).

Measures, for each portal given (e.g. the current code and a baseline started from an older
commit on the same database): the home page's HTML size, the CSS and JavaScript each main page
loads (uncompressed), and the largest contentful paint (LCP) of the home page and the ballot on
a 390 px phone, unthrottled and on a throttled mobile connection (median of five loads).
Usage: python bench/design_measure.py NAME=URL [NAME=URL ...] [--ballot PATH]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import urllib.request

PAGES = [
    "/",
    "/matrix/",
    "/stocktaking/",
    "/prizes/",
    "/forum/",
    "/consultations/",
    "/ungis/members/",
    "/accounts/signup/",
]
ASSET = re.compile(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"')
# A mid-range phone on a slow mobile network: 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT.
SLOW = {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 93_750}
LCP_JS = """() => new Promise(resolve => {
    new PerformanceObserver(list => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1].startTime);
    }).observe({type: 'largest-contentful-paint', buffered: true});
    setTimeout(() => resolve(null), 5000);
})"""


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def page_weight(base: str, path: str) -> tuple[int, int]:
    """(HTML bytes, CSS+JS bytes) of one page, uncompressed."""
    html = fetch(base + path)
    assets = set(ASSET.findall(html.decode()))
    return len(html), sum(len(fetch(base + a if a.startswith("/") else a)) for a in assets)


def lcp(browser, url: str, *, slow: bool, runs: int = 5) -> float:
    values = []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        page = context.new_page()
        if slow:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(url, wait_until="load")
        value = page.evaluate(LCP_JS)
        if value is not None:
            values.append(value)
        context.close()
    return statistics.median(values) if values else float("nan")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("portals", nargs="+", help="NAME=URL")
    parser.add_argument("--ballot", default="/prizes/2026/vote/")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    portals = [p.split("=", 1) for p in args.portals]

    from playwright.sync_api import sync_playwright

    print("| Page | " + " | ".join(f"{n}: HTML KB | {n}: CSS+JS KB" for n, _ in portals) + " |")
    print("|---" * (1 + 2 * len(portals)) + "|")
    for path in [*PAGES, args.ballot]:
        cells = []
        for _name, base in portals:
            html, assets = page_weight(base, path)
            cells += [f"{html / 1000:.1f}", f"{assets / 1000:.1f}"]
        print(f"| `{path}` | " + " | ".join(cells) + " |")
    print()
    print("| LCP at 390 px (median of 5, ms) | " + " | ".join(n for n, _ in portals) + " |")
    print("|---" * (1 + len(portals)) + "|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for label, path in (("home", "/"), ("ballot", args.ballot)):
                for slow in (False, True):
                    network = "slow 4G, CPU ÷4" if slow else "unthrottled"
                    values = [f"{lcp(browser, base + path, slow=slow):.0f}" for _n, base in portals]
                    print(f"| {label} ({network}) | " + " | ".join(values) + " |")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
