"""``{% quick_result_list cl %}``: Django's ``{% result_list cl %}`` with the rows built by
``wsis_portal.admin_cells`` (``templates/admin/change_list.html`` uses it for every list)."""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.admin.templatetags.admin_list import result_headers, result_hidden_fields
from django.contrib.admin.templatetags.base import InclusionAdminNode

from wsis_portal.admin_cells import quick_results

register = template.Library()


def quick_result_list(cl: Any) -> dict[str, Any]:
    """What Django's ``result_list`` gives its template, with the rows of ``quick_results``."""
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": quick_results(cl),
    }


@register.tag(name="quick_result_list")
def quick_result_list_tag(parser: Any, token: Any) -> InclusionAdminNode:
    # The same per-model, per-app or global change_list_results.html as Django's tag.
    return InclusionAdminNode(
        parser,
        token,
        func=quick_result_list,
        template_name="change_list_results.html",
        takes_context=False,
    )
