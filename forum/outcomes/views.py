"""Outcome reporting pages: a session owner's report form and the edition's Outcome Document."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wsis_portal.drawn_file_views import drawn_file_response
from wsis_portal.publishing import mark_preview
from wsis_portal.refusal_responses import refusal_response
from wsis_portal.refusals import Refusal

from . import selectors
from .caching import outcome_document_pdf_file
from .forms import OutcomeReportForm
from .selectors import outcome_report_check
from .services import outcome_report_submit


@login_required
@require_http_methods(["GET", "POST"])
def outcome_report(request: HttpRequest, year: int, session_id: int) -> HttpResponse:
    session = selectors.session_to_report(year=year, session_id=session_id, user=request.user)
    call = selectors.outcome_call_of(session.edition)
    report = selectors.report_of(session)
    try:
        # The page asks the rules the action asks: a refused owner never sees the form.
        outcome_report_check(session=session, user=request.user, call=call, now=timezone.now())
    except Refusal as refusal:
        return refusal_response(
            request,
            refusal,
            template="forum/outcome_report_refused.html",
            context={"session": session, "report": report},
        )
    form = OutcomeReportForm(request.POST if request.method == "POST" else None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            outcome_report_submit(session=session, user=request.user, **form.cleaned_data)
        except Refusal as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(
                request,
                _("Thank you: the outcome report of “%(title)s” is saved.") % {"title": session},
            )
            return redirect(session.get_absolute_url() + "#outcomes")
    return render(
        request,
        "forum/outcome_report_form.html",
        {
            "session": session,
            "edition": session.edition,
            "form": form,
            "call": call,
            "report": report,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def outcome_document(request: HttpRequest, year: int) -> HttpResponse:
    data = selectors.outcome_document(year=year, user=request.user)
    mark_preview(request, data.edition)
    return render(request, "forum/outcome_document.html", {"doc": data, "edition": data.edition})


def outcome_document_download(request: HttpRequest, year: int) -> HttpResponse:
    """The PDF, drawn by a worker once per change to the document (``caching``): the last
    copy drawn, or a 503 asking to come back while the first is drawn; a client that has
    the copy served gets a 304."""
    return drawn_file_response(
        request,
        outcome_document_pdf_file(year=year, user=request.user),
        filename=f"wsis-forum-{year}-outcome-document.pdf",
        being_prepared=_(
            "The PDF of this Outcome Document is being prepared. Please try again in a minute."
        ),
    )
