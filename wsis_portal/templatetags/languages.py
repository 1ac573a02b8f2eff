"""Template helpers for the language in the address (see wsis_portal/i18n.py)."""

from django import template

from wsis_portal import i18n

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list[tuple[str, str]]:
    """hreflang alternates of the current page; none for a page outside i18n_patterns or a 404."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if request is None or match is None or match.namespace == "admin":
        return []
    return i18n.alternates(request)


@register.filter
def startswith(value, prefix) -> bool:
    """Whether the address ``value`` lies under ``prefix`` (navigation's aria-current)."""
    return bool(prefix) and str(value).startswith(str(prefix))
