import copy
from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from wsis_portal.numbers import number_display

register = template.Library()


@register.simple_tag(takes_context=True)
def query_replace(context, **changes) -> str:
    """The current query string with some parameters replaced (for pagination and sorting)."""
    # A shallow copy: QueryDict.copy() deep-copies, and every value set below is a new list.
    query = copy.copy(context["request"].GET)
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    return query.urlencode()


@register.filter
def num(value, decimals=None):
    """A count or figure in the reader's language's digits grouping ({{ total|num }}); anything
    that is not a number is left as it is."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return value
    return number_display(value, decimals=None if decimals is None else int(decimals))


@register.filter
def bdi(value) -> SafeString:
    """``value`` (escaped) isolated in a <bdi>, for a text of unknown direction inside a
    translated sentence: an English title quoted in Arabic keeps its words and the quotation
    marks in place ({% blocktranslate with title=proposal.title|bdi %})."""
    return format_html("<bdi>{}</bdi>", value)
