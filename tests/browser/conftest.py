"""Fixtures of the real-browser suite: one headless Chromium per session, a page per test.

Every browser test runs against pytest-django's ``live_server`` (a thread of this process,
so ``time_machine`` moves its clock and ``django.core.mail.outbox`` holds its emails) on the
real PostgreSQL test database. Locally without Chromium or axe-core the tests skip; when
CI=true they fail (``require_service``).
"""

from __future__ import annotations

import os
import re
import urllib.request
from pathlib import Path

import pytest
from django.db import connections

from tests.conftest import ROOT, require_service

CHROMIUM = Path(os.environ.get("BROWSER_TESTS_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# Generous for a shared 2-core machine, far below pytest's patience.
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    """Run the browser tests last.

    They are transactional (live_server): each one ends by emptying every table. Running them
    after the rest keeps the reference data (Action Lines, SDGs, groups) of other tests intact,
    and a failure in a quick test shows before the slow suite starts.
    """
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser:
        others = [item for item in items if not item.get_closest_marker("browser")]
        items[:] = others + browser


@pytest.fixture(scope="session")
def _chromium():
    """The session's one Chromium, or None when it (or playwright) is not installed."""
    if not CHROMIUM.exists():
        yield None
        return
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        yield None
        return
    # Playwright's sync API keeps an asyncio event loop running in this thread, so Django
    # refuses the ORM calls the tests make between browser steps (factories, assertions) with
    # SynchronousOnlyOperation. Those calls are plain synchronous code and safe: allow them,
    # only while the browser runs (the browser tests run last, see above).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def browser(_chromium):
    require_service(_chromium is not None, f"Chromium ({CHROMIUM}) with playwright")
    return _chromium


@pytest.fixture(scope="session")
def axe_source() -> str:
    require_service(
        AXE_JS.exists(), f"axe-core ({AXE_JS}; run `bash .ci/browser-deps` to install it)"
    )
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def _reference_data_restored(django_db_setup, django_db_blocker):
    """Put back the migrations' reference data when the browser tests are over.

    A transactional test empties every table when it ends; ``serialized_rollback`` restores the
    rows before each browser test, and this puts them back after the last one, so a database
    kept with ``--reuse-db`` still holds the Action Lines, SDGs and groups next time.
    """
    yield
    with django_db_blocker.unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)


_warmed: set[str] = set()


@pytest.fixture
def server(live_server, django_db_serialized_rollback, _reference_data_restored, postgres):
    """The live server's base URL, with the reference data of the migrations in the DB."""
    if live_server.url not in _warmed:
        # The server's first request imports the views and compiles the base templates: 12 s
        # on this shared machine under load, more than a page load may take. Made once here,
        # a test run alone no longer fails its first navigation on a cold process.
        urllib.request.urlopen(live_server.url + "/", timeout=120).read()
        _warmed.add(live_server.url)
    return live_server.url


@pytest.fixture
def new_page(request, browser, server):
    """Open pages in fresh contexts (a context = a separate cookie jar, i.e. another person).

    ``new_page()`` returns a page whose relative URLs resolve against the live server; every
    page of the test is closed at the end. Content-Security-Policy violations reported by the
    browser fail the test: the portal serves no inline script or style.
    """
    contexts = []
    csp_violations: list[str] = []

    def open_page(*, javascript: bool = True, locale: str = "en-GB"):
        context = browser.new_context(
            base_url=server,
            java_script_enabled=javascript,
            locale=locale,
            timezone_id="Europe/Zurich",
        )
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        # Read by helpers.axe_violations: axe cannot run where JavaScript is off.
        page.javascript_enabled = javascript
        page.on(
            "console",
            lambda msg: (
                csp_violations.append(f"{page.url}: {msg.text}")
                if "Content Security Policy" in msg.text
                else None
            ),
        )
        return page

    open_page.contexts = contexts
    yield open_page
    try:
        if csp_violations:
            saved = save_evidence(request.node.name, open_pages(contexts))
            pytest.fail(
                "The browser blocked content by CSP:\n"
                + "\n".join(csp_violations)
                + "\nEvidence: "
                + ", ".join(saved)
            )
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def page(new_page):
    """The test's main page (one visitor)."""
    return new_page()


def open_pages(contexts) -> list:
    return [page for context in contexts for page in context.pages if not page.is_closed()]


def save_evidence(test_name: str, pages) -> list[str]:
    """Save a full-page screenshot, the HTML and the URL of each page; return what was saved."""
    folder = ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name).strip("_")
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for index, page in enumerate(pages, start=1):
        stem = folder / f"page{index}"
        try:
            page.screenshot(path=f"{stem}.png", full_page=True)
            Path(f"{stem}.html").write_text(page.content(), encoding="utf-8")
            Path(f"{stem}.url").write_text(page.url + "\n", encoding="utf-8")
            saved.append(str(stem.relative_to(ROOT)) + ".{png,html,url}")
        except Exception as error:  # a crashed page must not hide the real failure
            saved.append(f"{stem.name}: could not be saved ({error})")
    return saved


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failing browser test, save each open page's screenshot and HTML as evidence.

    They go to ``test-artifacts/browser/<test name>/`` (kept by CI as artifacts).
    """
    report = yield
    if report.failed and report.when in ("setup", "call"):
        opener = getattr(item, "funcargs", {}).get("new_page")
        pages = open_pages(getattr(opener, "contexts", []))
        if pages:
            report.sections.append(("browser evidence", "\n".join(save_evidence(item.name, pages))))
    return report
