"""Parts of the site search page (search.html) written in Python: its template loops over 25
hits, with their attributes, were most of the page's rendering time. Each writes what the
template wrote, whitespace and escaping included (tests/wsis_portal/test_site_search_html.py
compares the whole page with the former templates)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from wsis_portal.quick_html import quick_escape
from wsis_portal.site_search import KindResult, SearchHit
from wsis_portal.templatetags.portal import num

register = template.Library()


@register.simple_tag
def search_hits(hits: Iterable[SearchHit]) -> SafeString:
    """Each hit's <li>: its title linked, its meta line and its summary, in the hit's language
    (``lang``) when known and in the direction of its own text (``dir="auto"``)."""
    parts = []
    for hit in hits:
        lang = f' lang="{quick_escape(hit.lang)}"' if hit.lang else ""
        meta = f'<p class="meta" dir="auto">{quick_escape(hit.meta)}</p>' if hit.meta else ""
        summary = f'<p dir="auto"{lang}>{quick_escape(hit.summary)}</p>' if hit.summary else ""
        parts.append(
            "\n          <li>"
            f'\n            <a href="{quick_escape(hit.url)}" dir="auto"{lang}>'
            f"{quick_escape(hit.title)}</a>"
            f"\n            {meta}\n            {summary}"
            "\n          </li>\n        "
        )
    return mark_safe("".join(parts))


@register.filter
def search_count(result: KindResult) -> SafeString:
    """How many items of a kind match: "1,234", or "1,000 or more" for a lower bound."""
    shown = conditional_escape(num(result.count))
    if result.more:
        return mark_safe(gettext("%(shown)s or more") % {"shown": shown})
    return shown
