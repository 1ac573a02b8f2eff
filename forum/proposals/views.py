"""The proposer's pages: the call, one's proposals, the proposal form and its submission."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.selectors import profile_for, signed_in_user
from wsis_portal.publishing import mark_preview
from wsis_portal.refusal_responses import refusal_status
from wsis_portal.refusals import Refusal

from ..models import Proposal, ProposalCall
from . import selectors, services
from .forms import ProposalForm, SpeakerFormSet


def call_page(request: HttpRequest, year: int) -> HttpResponse:
    """The call's public page: dates, guidelines, the published review criteria."""
    call = selectors.call_for_year(year=year, user=request.user)
    mark_preview(request, call.edition)
    now = timezone.now()
    return render(
        request,
        "forum/proposals/call.html",
        {
            "call": call,
            "edition": call.edition,
            "criteria": selectors.call_criteria(call=call),
            "is_open": call.is_open(now),
            "not_yet_open": now < call.starts_at,
            "proposals": selectors.proposals_of(user=request.user, call=call),
        },
    )


def _forms(request: HttpRequest, call: ProposalCall, proposal: Proposal | None):
    data = request.POST if request.method == "POST" else None
    form = ProposalForm(data, call=call, instance=proposal, prefix="proposal")
    speakers = SpeakerFormSet(
        data,
        queryset=selectors.speakers_for_form(proposal=proposal),
        prefix="speakers",
    )
    if proposal is not None and data is None:
        form.initial["action_lines"] = list(proposal.action_lines.all())
        form.initial["sdgs"] = list(proposal.sdgs.all())
    return form, speakers


def _save(request: HttpRequest, call: ProposalCall, proposal: Proposal | None):
    """Validate and save; returns the proposal, or None with the errors on the forms."""
    form, speakers = _forms(request, call, proposal)
    if not (form.is_valid() and speakers.is_valid()):
        return None, form, speakers
    try:
        saved = services.proposal_save(
            call=call,
            user=signed_in_user(request),
            data={f: form.cleaned_data[f] for f in services.PROPOSAL_FIELDS},
            action_lines=form.cleaned_data["action_lines"],
            sdgs=form.cleaned_data["sdgs"],
            preferred_days=form.cleaned_data["preferred_days"],
            speakers=speakers.speakers(),
            proposal=proposal,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return None, form, speakers
    return saved, form, speakers


def _refused(request: HttpRequest, call: ProposalCall, refusal: Refusal) -> HttpResponse:
    return render(
        request,
        "forum/proposals/closed.html",
        {"call": call, "edition": call.edition, "refusal": refusal},
        status=refusal_status(refusal),
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_new(request: HttpRequest, year: int) -> HttpResponse:
    call = selectors.call_for_year(year=year, user=request.user)
    user = signed_in_user(request)
    if profile_for(user=user) is None:
        messages.warning(
            request, _("Complete your stakeholder profile before proposing a session.")
        )
        return redirect(f"{reverse('accounts:profile')}?{urlencode({'next': request.path})}")
    try:
        selectors.proposal_edit_check(call=call, user=user, proposal=None, now=timezone.now())
    except Refusal as refusal:
        return _refused(request, call, refusal)
    if request.method == "POST":
        proposal, form, speakers = _save(request, call, None)
        if proposal is not None:
            return _after_save(request, call, proposal)
    else:
        form, speakers = _forms(request, call, None)
    return render(
        request,
        "forum/proposals/proposal_form.html",
        {"call": call, "edition": call.edition, "form": form, "speakers": speakers},
    )


def _after_save(request: HttpRequest, call: ProposalCall, proposal: Proposal) -> HttpResponse:
    if "submit" in request.POST and proposal.is_draft:
        try:
            services.proposal_submit(proposal=proposal, user=signed_in_user(request))
        except Refusal as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request, _("Your proposal is submitted. A receipt is on its way to your email.")
            )
            return redirect("forum:proposal_call", call.edition.year)
    else:
        messages.success(request, _("Your proposal is saved."))
    return redirect("forum:proposal_edit", call.edition.year, proposal.pk)


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    """One's own proposal: editable until the deadline, read-only afterwards."""
    call = selectors.call_for_year(year=year, user=request.user)
    proposal = selectors.proposal_of(user=request.user, call=call, pk=pk)
    try:
        selectors.proposal_edit_check(
            call=call, user=request.user, proposal=proposal, now=timezone.now()
        )
    except Refusal as refusal:
        if request.method == "POST":
            return _refused(request, call, refusal)
        return render(
            request,
            "forum/proposals/proposal_detail.html",
            {"call": call, "edition": call.edition, "proposal": proposal, "refusal": refusal},
        )
    if request.method == "POST":
        saved, form, speakers = _save(request, call, proposal)
        if saved is not None:
            return _after_save(request, call, saved)
    else:
        form, speakers = _forms(request, call, proposal)
    return render(
        request,
        "forum/proposals/proposal_form.html",
        {
            "call": call,
            "edition": call.edition,
            "form": form,
            "speakers": speakers,
            "proposal": proposal,
        },
    )


@login_required
@require_POST
def proposal_submit(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    call = selectors.call_for_year(year=year, user=request.user)
    proposal = selectors.proposal_of(user=request.user, call=call, pk=pk)
    try:
        services.proposal_submit(proposal=proposal, user=signed_in_user(request))
    except Refusal as refusal:
        messages.error(request, refusal.message)
        return redirect("forum:proposal_edit", year, pk)
    messages.success(
        request, _("Your proposal is submitted. A receipt is on its way to your email.")
    )
    return redirect("forum:proposal_call", year)
