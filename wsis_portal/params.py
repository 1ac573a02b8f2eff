"""The one place where a number typed by a visitor (query string, form value, CSV cell) is read.

Every view, selector, API and import parses numbers through ``parse_int`` so that odd input
never reaches ``int()`` or the database unchecked: only ASCII digits count (``"²"`` and
``"٣"`` pass ``str.isdigit()`` but are not numbers here), anything else is treated as absent,
and a number outside the range the caller gives is clamped (page numbers) or refused.
"""

from __future__ import annotations

import re

from django.core.paginator import Page, Paginator

_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")

# No listing of the portal has this many pages; a larger number is clamped before any
# arithmetic (offsets) or SQL sees it, so a bigint can never overflow.
MAX_PAGE = 100_000


def parse_int(
    value: object,
    *,
    default: int | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    clamp: bool = False,
) -> int | None:
    """``value`` as an int, or ``default`` when it is absent or not a plain ASCII integer.

    Out of ``[minimum, maximum]`` the number is clamped into range when ``clamp`` is true,
    otherwise it counts as absent (``default``). More than 18 digits is never a number we
    accept: it would overflow a PostgreSQL bigint.
    """
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        text = value.strip()
        if not _INTEGER.fullmatch(text):
            if clamp and re.fullmatch(r"\+?[0-9]+", text) and maximum is not None:
                return maximum  # a huge page number means "the last page"
            if clamp and re.fullmatch(r"-[0-9]+", text) and minimum is not None:
                return minimum
            return default
        number = int(text)
    else:
        return default
    if minimum is not None and number < minimum:
        return minimum if clamp else default
    if maximum is not None and number > maximum:
        return maximum if clamp else default
    return number


def page_number(value: object) -> int:
    """A requested page number clamped to 1..MAX_PAGE; anything not a number is page 1."""
    return parse_int(value, default=1, minimum=1, maximum=MAX_PAGE, clamp=True) or 1


def get_page(paginator: Paginator, value: object) -> Page:
    """The page asked for, clamped into the paginator's range (never an error page)."""
    wanted = page_number(value)
    return paginator.page(min(wanted, paginator.num_pages))
