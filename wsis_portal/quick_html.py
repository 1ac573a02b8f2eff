"""HTML escaping for values written many times a page, in Python rather than by a template."""

from __future__ import annotations

import html
from typing import Any

from django.utils.functional import Promise


def quick_escape(value: Any) -> str:
    """``conditional_escape`` without its lazy-argument wrapper: safe strings (``__html__``) as
    they are, anything else as escaped text."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
