"""The one place where a refusal becomes an HTTP response (docs/architecture.md).

Services raise ``Refusal(code, message)`` and know nothing of HTTP. Views that show a
refusal in context (next to a form, on the vote page) ask ``refusal_status`` for the
status; any refusal a view does not catch is rendered by ``RefusalMiddleware`` as the
generic "refused" page with the same status.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .refusals import Refusal

# A refusal is a 400 unless its code says the person may not act (403) or that the action
# collides with one already done (409).
STATUS_BY_CODE: dict[str, int] = {
    # the clock: a phase, a call or a deadline is not open
    "closed": 403,
    # the person may not do this
    "unverified": 403,
    "not_owner": 403,
    "not_assigned": 403,
    "not_champion": 403,
    "locked": 403,
    "no_profile": 403,
    # a conflict of interest: a reviewer of the proposing organisation
    "conflict": 403,
    # the action was done already
    "already_voted": 409,
    "duplicate": 409,
    "decided": 409,
}
DEFAULT_STATUS = 400


def refusal_status(refusal: Refusal, *, preview: bool = False) -> int:
    """The HTTP status a refusal is answered with.

    A preview (a confirmation page asked with GET) that the action would refuse is a 403
    whatever the reason: the page exists, but the person may not go on from it.
    """
    if preview:
        return 403
    return STATUS_BY_CODE.get(refusal.code, DEFAULT_STATUS)


def refusal_response(
    request: HttpRequest,
    refusal: Refusal,
    *,
    template: str = "refused.html",
    context: dict | None = None,
) -> HttpResponse:
    """Render ``template`` with the refusal's message and code, under the refusal's status."""
    return render(
        request,
        template,
        {**(context or {}), "message": refusal.message, "code": refusal.code},
        status=refusal_status(refusal),
    )


class RefusalMiddleware:
    """Answer a refusal that no view caught with the refused page, never a server error."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, Refusal):
            return refusal_response(request, exception)
        return None
