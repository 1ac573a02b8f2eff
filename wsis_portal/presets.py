"""Phase presets in the admin's add pages (issue 14, item 3)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from .params import parse_int


def preset_year(request: HttpRequest) -> int:
    """The year the add page prepares: ``?year=`` if given, else the next Forum's year (the
    yearly cycle starts in September for the Forum of the following year)."""
    today = timezone.localdate()
    default = today.year + 1 if today.month >= 7 else today.year
    year = parse_int(request.GET.get("year"), default=default) or default
    return year if 2000 <= year <= 2200 else default
