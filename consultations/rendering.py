"""Turn what people write into HTML that cannot run script: Markdown, then an allow-list."""

from __future__ import annotations

import markdown
import nh3
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe

from .enums import CommentFormat

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "hr",
}
# Only links carry an attribute; nh3 adds rel itself and drops every other attribute
# (onerror=, style=, ...). Only these URL schemes survive (no javascript:, no data:).
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener noreferrer"


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_comment(body: str, body_format: str) -> SafeString:
    """HTML of a comment: plain text is escaped; Markdown is rendered then sanitised."""
    if body_format == CommentFormat.MARKDOWN:
        # Markdown passes raw HTML through; the allow-list below removes all of it.
        html = markdown.markdown(body, output_format="html")
        return mark_safe(sanitise_html(html))
    return mark_safe(linebreaks(escape(body)))
