"""The search page writes, byte for byte, the HTML of its former all-template rendering.

Parts of ``search.html`` moved to Python for speed (wsis_portal/templatetags/search_page.py).
``search_page_before/`` keeps the templates as they were before that move; each request
below renders its context a second time through them (the same request, the same results)
and the two pages must be equal as strings, so one character of difference fails. The
CSRF token is the only random part of a page: it is made the same for both renderings.
When the page changes on purpose, change the reference templates the same way (as the
list's ``start`` on a later page was).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.middleware import csrf
from django.template.backends.django import DjangoTemplates
from django.urls import reverse
from django.utils import translation

import wsis_portal.views_search as views_search
from tests.factories.consultations import DiscussionFactory
from tests.factories.stocktaking import EntryFactory
from tests.wsis_portal.test_site_search import WORD, one_of_each

pytestmark = pytest.mark.usefixtures("postgres", "kept_connection")

BEFORE = Path(__file__).parent / "search_page_before"
LANGUAGES = ["en", "ar", "zh-hans"]


def _reference() -> DjangoTemplates:
    """The project's template engine with the former templates in front of the current ones."""
    options = settings.TEMPLATES[0]["OPTIONS"]
    former = {
        str(path.relative_to(BEFORE)): path.read_text(encoding="utf-8")
        for path in BEFORE.rglob("*.html")
    }
    return DjangoTemplates(
        {
            "NAME": "search-page-before",
            "DIRS": settings.TEMPLATES[0]["DIRS"],
            "APP_DIRS": False,
            "OPTIONS": {
                **options,
                "loaders": [
                    ("django.template.loaders.locmem.Loader", former),
                    "django.template.loaders.filesystem.Loader",
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    )


@pytest.fixture
def pages(monkeypatch):
    """Each search's page as the former templates write it, in the order of the requests."""
    reference = _reference()
    written: list[str] = []
    render = views_search.render

    def both(request, template_name, context, status=200):
        written.append(reference.get_template(template_name).render(context, request))
        return render(request, template_name, context, status=status)

    monkeypatch.setattr(views_search, "render", both)
    # A CSRF token is masked anew at each rendering: the same mask for both.
    monkeypatch.setattr(csrf, "_mask_cipher_secret", lambda secret: secret * 2)
    return written


def _get(client, language: str, **params):
    with translation.override(language):
        url = reverse("site_search")
    return client.get(url, params)


def _same(response, pages: list[str]) -> str:
    html = response.content.decode()
    assert pages, "the view did not render"
    assert html == pages[-1]
    return html


@pytest.fixture
def items():
    found = one_of_each()
    # Hits whose text needs escaping, in a language of their own (lang="…").
    EntryFactory(title=f'{WORD} <b>"fish" & chips</b>', description=f"It's {WORD} & <i>co</i>.")
    DiscussionFactory(title=f"{WORD} débat «ouvert»", language="fr")
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_grouped_results(client, pages, items, language):
    html = _same(_get(client, language, q=WORD), pages)
    assert 'class="site-search-hits"' in html and 'lang="fr"' in html
    assert "&lt;b&gt;&quot;fish&quot; &amp; chips&lt;/b&gt;" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_filtered_query_with_characters_to_escape(client, pages, items, language):
    _same(_get(client, language, q=f"{WORD} chips & <b>", sdg="4"), pages)
    _same(_get(client, language, q=WORD, action_line="C3", year="2027"), pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lower_bound_counts(client, pages, items, language, monkeypatch):
    """A count that is a lower bound reads "… or more" in the navigation and the headings."""
    search = views_search.site_search

    def bounded(**kwargs):
        results = search(**kwargs)
        for result in results[::2]:
            result.more = True
        return results

    monkeypatch.setattr(views_search, "site_search", bounded)
    html = _same(_get(client, language, q=WORD), pages)
    assert html.count('aria-current="true"') == 1
    _same(_get(client, language, q=WORD, kind="entries"), pages)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_kind_with_pagination(client, pages, language):
    for n in range(23):
        EntryFactory(title=f"{WORD} entry {n}", description=f"Number {n} & more.")
    first = _same(_get(client, language, q=WORD, kind="entries"), pages)
    second = _same(_get(client, language, q=WORD, kind="entries", page="2"), pages)
    assert 'rel="next"' in first and 'rel="prev"' in second


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_results_no_words_and_form_errors(client, pages, language):
    _same(_get(client, language, q="nothingmatchesthis"), pages)
    _same(_get(client, language), pages)
    response = _get(client, language, q=WORD, kind="nope", sdg="99", year="1800")
    assert response.status_code == 400
    assert 'id="search-errors"' in _same(response, pages)
