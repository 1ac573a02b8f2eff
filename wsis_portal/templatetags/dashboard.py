"""The admin home's dashboard (wsis_portal.dashboard), read for the signed-in person."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from wsis_portal.dashboard import dashboard_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_dashboard(context: dict[str, Any]) -> list:
    request = context.get("request")
    if request is None or not request.user.is_active or not request.user.is_staff:
        return []
    return dashboard_sections(user=request.user, now=timezone.now())


@register.filter
def age(delta: Any) -> str:
    """A waiting time in the largest whole unit: "3 days", "5 hours", "12 minutes"."""
    from django.utils.translation import ngettext

    if delta is None:
        return ""
    seconds = max(int(delta.total_seconds()), 0)
    days, hours, minutes = seconds // 86400, seconds // 3600, seconds // 60
    if days:
        return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}
    if hours:
        return ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours}
    return ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}
