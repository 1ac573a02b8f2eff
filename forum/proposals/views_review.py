"""The review pages: reviewers score proposals; the Secretariat ranks and decides."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.selectors import signed_in_user
from wsis_portal.params import get_page
from wsis_portal.refusal_responses import refusal_status
from wsis_portal.refusals import Refusal

from . import selectors
from .enums import ProposalStatus
from .forms import DecisionForm, ReviewForm
from .review import (
    conflict_of_interest,
    is_reviewer,
    is_secretariat,
    proposal_decide,
    review_check,
    review_save,
)

PAGE_SIZE = 50
FILTER_KEYS = ("status", "building_block", "action_line", "reviewed")


def _allowed(request: HttpRequest) -> tuple[bool, bool]:
    reviewer, secretariat = is_reviewer(request.user), is_secretariat(request.user)
    if not (reviewer or secretariat):
        raise PermissionDenied
    return reviewer, secretariat


@login_required
def review_list(request: HttpRequest, year: int) -> HttpResponse:
    """Proposals ranked by their average score, with filters; reviewers see which they may
    score, the Secretariat decides from here."""
    reviewer, secretariat = _allowed(request)
    call = selectors.call_for_year(year=year, user=request.user)
    filters = {key: request.GET.get(key, "") for key in FILTER_KEYS}
    if filters["building_block"] and not filters["building_block"].isdigit():
        filters["building_block"] = ""
    paginator = Paginator(selectors.ranked_proposals(call=call, filters=filters), PAGE_SIZE)
    page = get_page(paginator, request.GET.get("page"))
    proposals = list(page.object_list)
    mine = selectors.reviews_by(user=request.user, proposals=proposals)
    for proposal in proposals:
        proposal.my_total = mine.get(proposal.pk)
    return render(
        request,
        "forum/proposals/review_list.html",
        {
            "call": call,
            "edition": call.edition,
            "page_obj": page,
            "proposals": proposals,
            "filters": filters,
            "statuses": [s for s in ProposalStatus if s != ProposalStatus.DRAFT],
            **selectors.review_filter_choices(),
            "is_reviewer": reviewer,
            "is_secretariat": secretariat,
            "review_open": call.review_is_open(timezone.now()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review_proposal(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    reviewer, secretariat = _allowed(request)
    call = selectors.call_for_year(year=year, user=request.user)
    proposal = selectors.proposal_for_staff(call=call, pk=pk)
    user = signed_in_user(request)
    criteria = selectors.call_criteria(call=call)
    refusal = None
    form = None
    status = 200
    if reviewer:
        try:
            review_check(proposal=proposal, reviewer=user, now=timezone.now())
        except Refusal as error:
            refusal = error
            status = refusal_status(error) if request.method == "POST" else 200
        else:
            own = next((r for r in proposal.reviews.all() if r.reviewer_id == user.pk), None)
            initial: dict[str, object] = {"comment": own.comment} if own else {}
            if own:
                initial |= {f"criterion_{s.criterion_id}": s.value for s in own.scores.all()}
            data = request.POST if request.method == "POST" else None
            form = ReviewForm(data, criteria=criteria, initial=initial)
            if data is not None and form.is_valid():
                try:
                    review_save(
                        proposal=proposal,
                        reviewer=user,
                        scores=form.scores(),
                        comment=form.cleaned_data["comment"],
                    )
                except Refusal as error:
                    form.add_error(None, error.message)
                    status = refusal_status(error)
                else:
                    messages.success(request, _("Your review is saved."))
                    return redirect("forum:review_list", year)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "forum/proposals/review_proposal.html",
        {
            "call": call,
            "edition": call.edition,
            "proposal": proposal,
            "criteria": criteria,
            "form": form,
            "refusal": refusal,
            "conflict": reviewer and conflict_of_interest(proposal=proposal, reviewer=user),
            "is_secretariat": secretariat,
            "reviews": list(proposal.reviews.all()) if secretariat else [],
            "decision_form": DecisionForm(merge_targets=selectors.merge_targets(proposal=proposal))
            if secretariat and proposal.status == ProposalStatus.SUBMITTED
            else None,
        },
        status=status,
    )


@login_required
@require_POST
def proposal_decide_view(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    if not is_secretariat(request.user):
        raise PermissionDenied
    call = selectors.call_for_year(year=year, user=request.user)
    proposal = selectors.proposal_for_staff(call=call, pk=pk)
    form = DecisionForm(request.POST, merge_targets=selectors.merge_targets(proposal=proposal))
    status = 400
    if form.is_valid():
        try:
            proposal_decide(
                proposal=proposal,
                by=signed_in_user(request),
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                merge_into=form.cleaned_data.get("merge_into"),
            )
        except Refusal as error:
            form.add_error(None, error.message)
            status = refusal_status(error)
        else:
            messages.success(request, _("The decision is recorded and the proposer is emailed."))
            return redirect("forum:review_list", year)
    return render(
        request,
        "forum/proposals/review_proposal.html",
        {
            "call": call,
            "edition": call.edition,
            "proposal": proposal,
            "criteria": selectors.call_criteria(call=call),
            "is_secretariat": True,
            "reviews": list(proposal.reviews.all()),
            "decision_form": form,
        },
        status=status,
    )
