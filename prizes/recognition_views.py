"""Thin views of the recognition: a Champion's or Winner's certificate, and the year's
Winners and Champions booklet as a printable page and as a PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from wsis_portal.pdf import cached_pdf
from wsis_portal.publishing import mark_preview

from . import recognition, selectors
from .certificates import booklet_pdf, certificate_pdf


def _pdf(body: bytes, filename: str, *, private: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    if private:
        # A preview for staff must not be kept by a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def certificate(request: HttpRequest, year: int, project_id: int) -> HttpResponse:
    contest = selectors.contest_by_year(year, user=request.user)
    found = recognition.certificate_of(
        contest=contest, project_id=project_id, user=request.user, now=timezone.now()
    )
    project = found.project
    verify_url = request.build_absolute_uri(project.get_absolute_url())
    body = cached_pdf(
        [
            *("certificate", project.pk, found.status, found.preview, project.updated_at),
            *(verify_url, contest.title, contest.edition_id),
        ],
        lambda: certificate_pdf(
            project=project, status=found.status, verify_url=verify_url, preview=found.preview
        ),
    )
    name = f"wsis-prizes-{year}-{found.status}-{project_id}.pdf"
    return _pdf(body, name, private=found.preview or contest.is_draft)


@require_safe
def booklet(request: HttpRequest, year: int) -> HttpResponse:
    contest = mark_preview(request, selectors.contest_by_year(year, user=request.user))
    data = recognition.booklet(contest=contest, user=request.user, now=timezone.now())
    return render(request, "prizes/booklet.html", {"contest": contest, "booklet": data})


@require_safe
def booklet_download(request: HttpRequest, year: int) -> HttpResponse:
    contest = selectors.contest_by_year(year, user=request.user)
    data = recognition.booklet(contest=contest, user=request.user, now=timezone.now())
    name = f"wsis-prizes-{year}-winners-and-champions.pdf"
    body = cached_pdf(
        [
            *("booklet", contest.pk, contest.title, data.preview),
            *((e.project.pk, e.project.updated_at) for c in data.categories for e in c.entries),
        ],
        lambda: booklet_pdf(booklet=data),
    )
    return _pdf(body, name, private=data.preview or contest.is_draft)
