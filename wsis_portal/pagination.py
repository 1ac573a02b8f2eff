"""Page-number pagination for the API that clamps the page asked for instead of refusing it."""

from __future__ import annotations

from rest_framework.pagination import PageNumberPagination

from .params import page_number


class ClampedPageNumberPagination(PageNumberPagination):
    """``?page=`` out of range, negative, huge or not a number gives the nearest real page.

    DRF answers such pages with 404; an open-data client that walks past the end, or a
    probe with ``page=999999999999999999999``, gets the last page instead, like the site.
    """

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw in self.last_page_strings:
            return paginator.num_pages
        wanted = page_number(raw)
        return min(wanted, paginator.num_pages)
