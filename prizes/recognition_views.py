"""Thin views of the recognition: a Champion's or Winner's certificate, and the year's
Winners and Champions booklet as a printable page and as a PDF (both PDFs drawn by a
worker, ``recognition_files``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from wsis_portal.drawn_file_views import drawn_file_response
from wsis_portal.publishing import mark_preview

from . import recognition, selectors
from .recognition_files import booklet_file, certificate_file


@require_safe
def certificate(request: HttpRequest, year: int, project_id: int) -> HttpResponse:
    contest = selectors.contest_by_year(year, user=request.user)
    found = recognition.certificate_of(
        contest=contest, project_id=project_id, user=request.user, now=timezone.now()
    )
    return drawn_file_response(
        request,
        certificate_file(found),
        filename=f"wsis-prizes-{year}-{found.status}-{project_id}.pdf",
        being_prepared=_("This certificate is being prepared. Please try again in a minute."),
        disposition="inline",
        # A preview for staff must not be kept by a shared cache.
        private=found.preview or contest.is_draft,
    )


@require_safe
def booklet(request: HttpRequest, year: int) -> HttpResponse:
    contest = mark_preview(request, selectors.contest_by_year(year, user=request.user))
    data = recognition.booklet(contest=contest, user=request.user, now=timezone.now())
    return render(request, "prizes/booklet.html", {"contest": contest, "booklet": data})


@require_safe
def booklet_download(request: HttpRequest, year: int) -> HttpResponse:
    contest = selectors.contest_by_year(year, user=request.user)
    preview = recognition.booklet_preview(contest=contest, user=request.user, now=timezone.now())
    return drawn_file_response(
        request,
        booklet_file(contest, preview=preview),
        filename=f"wsis-prizes-{year}-winners-and-champions.pdf",
        being_prepared=_(
            "The PDF of the Winners and Champions is being prepared. Please try again in a minute."
        ),
        disposition="inline",
        private=preview or contest.is_draft,
    )
