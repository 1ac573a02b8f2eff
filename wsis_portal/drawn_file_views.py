"""The response of a file drawn by a worker (``drawn_files``): the copy with its validators,
a 304 to a client that has it, or a 503 with ``Retry-After`` before the first copy exists."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from .drawn_files import RETRY_AFTER_SECONDS, Copy


def drawn_file_response(
    request: HttpRequest,
    copy: Copy | None,
    *,
    filename: str,
    being_prepared: str,
    content_type: str = "application/pdf",
    disposition: str = "attachment",
    private: bool = False,
) -> HttpResponse:
    """``being_prepared`` is the translated message of the 503; ``private`` keeps the file
    out of shared caches (a preview for staff)."""
    if copy is None:
        response = render(request, "503.html", {"message": being_prepared}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        patch_cache_control(response, no_store=True)
        return response
    last_modified = int(copy.last_modified.timestamp()) if copy.last_modified else None
    unchanged = get_conditional_response(request, etag=copy.etag, last_modified=last_modified)
    if unchanged is not None:
        response = unchanged
    else:
        response = HttpResponse(copy.body, content_type=content_type)
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    if copy.etag is not None and last_modified is not None:
        response["ETag"] = copy.etag
        response["Last-Modified"] = http_date(last_modified)
    if private:
        patch_cache_control(response, private=True, no_store=True)
    return response
