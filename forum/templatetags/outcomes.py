"""``{% session_outcomes session %}``: a session page's outcome report, and its owner's link."""

from __future__ import annotations

from typing import Any

from django import template

from forum.outcomes import selectors as selectors_outcomes

register = template.Library()


@register.inclusion_tag("forum/includes/session_outcomes.html", takes_context=True)
def session_outcomes(context: dict[str, Any], session: Any) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        "session": session,
        "report": selectors_outcomes.report_of(session),
        "is_owner": selectors_outcomes.is_owner(session=session, user=user),
    }
