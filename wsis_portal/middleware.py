"""Guards around every request: input no view should see, and outages no view should turn
into a server error.

- A NUL byte in the path, the query string or a form value is refused with 400 before any
  view runs: PostgreSQL cannot store or compare text that holds one, so it would end as a 500.
- A request body larger than the limits of settings (DATA_UPLOAD_MAX_MEMORY_SIZE for forms,
  MAX_UPLOAD_SIZE for files) is refused with 413, without reading the rest of it.
- A cache (Redis) that cannot be reached while a view runs gives a 503 page that says to
  try again, never a 500; a view that writes does so in a transaction, so nothing is left
  half-saved (allauth's own rate limits raise before anything is written).
"""

from __future__ import annotations

import logging

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .uploads import UploadTooLarge

logger = logging.getLogger(__name__)

NUL = "\x00"

try:  # the redis client is a dependency, but keep the guard importable without it
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    CACHE_OUTAGES: tuple[type[BaseException], ...] = (
        ConnectionError,
        TimeoutError,
        RedisConnectionError,
        RedisTimeoutError,
    )
except ImportError:  # pragma: no cover
    CACHE_OUTAGES = (ConnectionError, TimeoutError)


def _has_nul(values) -> bool:
    return any(NUL in key or any(NUL in v for v in vals) for key, vals in values.lists())


def _is_api(request) -> bool:
    return request.path_info.startswith("/api/")


def _api_error(message: str, status: int):
    # The open-data API answers in JSON, with the error shape its schema documents.
    return JsonResponse({"detail": str(message)}, status=status)


def bad_request_response(request, message: str):
    if _is_api(request):
        return _api_error(message, 400)
    return render(request, "400.html", {"message": message}, status=400)


def too_large_response(request):
    message = _(
        "What you sent is larger than this site accepts. Make files smaller than the limit "
        "given next to the field (or send fewer of them) and try again."
    )
    if _is_api(request):
        response = _api_error(message, 413)
    else:
        response = render(request, "413.html", {"message": message}, status=413)
    # The rest of the body was never read; the connection cannot carry another request.
    response["Connection"] = "close"
    return response


def unavailable_response(request):
    message = _(
        "This part of the site is briefly unavailable. Nothing was saved; "
        "please try again in a minute."
    )
    if _is_api(request):
        response = _api_error(message, 503)
    else:
        response = render(request, "503.html", {"message": message}, status=503)
    response["Retry-After"] = "60"
    return response


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refused = self._refuse(request)
        if refused is not None:
            return refused
        return self.get_response(request)

    def _refuse(self, request):
        message = _("The address or the form contains a character that is not allowed.")
        if NUL in request.path_info or _has_nul(request.GET):
            return bad_request_response(request, message)
        if request.method in ("POST", "PUT", "PATCH"):
            try:
                has_nul = _has_nul(request.POST)
            except (RequestDataTooBig, UploadTooLarge):
                return too_large_response(request)
            except TooManyFieldsSent:
                return bad_request_response(request, _("The form has too many fields."))
            if getattr(request, "upload_too_large", False):
                return too_large_response(request)
            if has_nul:
                return bad_request_response(request, message)
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, (RequestDataTooBig, UploadTooLarge)):
            return too_large_response(request)
        if isinstance(exception, CACHE_OUTAGES):
            logger.error(
                "cache unavailable during %s %s", request.method, request.path, exc_info=exception
            )
            return unavailable_response(request)
        return None
