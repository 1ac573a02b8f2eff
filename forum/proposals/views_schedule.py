"""The Secretariat's scheduling page (one form per session, no JavaScript needed), the
programme's publication, the speakers' private confirmation page and the speakers page."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.selectors import signed_in_user
from wsis_portal.publishing import mark_preview
from wsis_portal.refusal_responses import refusal_status
from wsis_portal.refusals import Refusal

from ..models import ProposalCall
from ..programme.selectors import edition_by_year
from . import selectors
from .forms import PlacementForm, SpeakerDetailsForm
from .review import is_secretariat
from .scheduling import placement_save, programme_publish, speaker_confirm
from .selectors import edition_days
from .speaker_links import (
    LINK_DAYS,
    SpeakerLinkExpired,
    speaker_for_secretariat,
    speaker_from_token,
    speaker_link_renew,
)

# Where each clash is shown: next to the field it is about.
REFUSAL_FIELDS = {"outside_edition": "day", "room_taken": "room", "speaker_clash": "starts"}


def _form_for(call: ProposalCall, proposal: Any, rooms: Any, data: Any = None) -> PlacementForm:
    placement = getattr(proposal.session, "placement", None)
    initial = {}
    if placement is not None:
        starts, ends = (
            timezone.localtime(placement.starts_at),
            timezone.localtime(placement.ends_at),
        )
        initial = {
            "room": placement.room_id,
            "day": starts.date().isoformat(),
            "starts": starts.time(),
            "ends": ends.time(),
        }
    return PlacementForm(
        data,
        rooms=rooms,
        days=edition_days(call),
        initial=initial,
        prefix=f"s{proposal.session_id}",
    )


def _board(request: HttpRequest, call: ProposalCall, bound: Any = None, status: int = 200):
    rooms = selectors.rooms_of(edition=call.edition)
    proposals = selectors.accepted_sessions(call=call)
    for proposal in proposals:
        if bound is not None and bound.prefix == f"s{proposal.session_id}":
            proposal.placement_form = bound  # type: ignore[attr-defined]
        else:
            proposal.placement_form = _form_for(call, proposal, rooms)  # type: ignore[attr-defined]
    return render(
        request,
        "forum/proposals/schedule.html",
        {
            "call": call,
            "edition": call.edition,
            "proposals": proposals,
            "unplaced": sum(1 for p in proposals if not hasattr(p.session, "placement")),
        },
        status=status,
    )


def _secretariat_call(request: HttpRequest, year: int) -> ProposalCall:
    if not is_secretariat(request.user):
        raise PermissionDenied
    return selectors.call_for_year(year=year, user=request.user)


@login_required
def schedule(request: HttpRequest, year: int) -> HttpResponse:
    return _board(request, _secretariat_call(request, year))


@login_required
@require_POST
def schedule_session(request: HttpRequest, year: int, session_id: int) -> HttpResponse:
    call = _secretariat_call(request, year)
    proposal = next(
        (p for p in selectors.accepted_sessions(call=call) if p.session_id == session_id), None
    )
    if proposal is None or proposal.session is None:
        raise Http404
    form = _form_for(call, proposal, selectors.rooms_of(edition=call.edition), request.POST)
    if not form.is_valid():
        return _board(request, call, bound=form, status=400)
    day = form.cleaned_data["day"]
    starts_at = timezone.make_aware(datetime.combine(day, form.cleaned_data["starts"]))
    ends_at = timezone.make_aware(datetime.combine(day, form.cleaned_data["ends"]))
    try:
        placement_save(
            session=proposal.session,
            room=form.cleaned_data["room"],
            starts_at=starts_at,
            ends_at=ends_at,
            by=signed_in_user(request),
        )
    except Refusal as refusal:
        form.add_error(REFUSAL_FIELDS.get(refusal.code), refusal.message)
        return _board(request, call, bound=form, status=refusal_status(refusal))
    messages.success(request, _("“%(title)s” is placed.") % {"title": proposal.title})
    return redirect(reverse("forum:schedule", args=[year]) + f"#session-{session_id}")


@login_required
@require_POST
def schedule_publish(request: HttpRequest, year: int) -> HttpResponse:
    call = _secretariat_call(request, year)
    try:
        programme_publish(call=call, by=signed_in_user(request))
    except Refusal as refusal:
        messages.error(request, refusal.message)
        return redirect("forum:schedule", year)
    messages.success(request, _("The programme is published."))
    return redirect("forum:programme", year)


@require_http_methods(["GET", "POST"])
def speaker_confirm_page(request: HttpRequest, token: str) -> HttpResponse:
    """A speaker's private page: the link is the key (signed), no account needed."""
    try:
        speaker = speaker_from_token(token)
    except SpeakerLinkExpired as expired:
        return _link_expired(request, expired.speaker)
    if speaker is None or speaker.person is None:
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = SpeakerDetailsForm(data, request.FILES or None, instance=speaker.person)
    if data is not None and form.is_valid():
        details = {field: form.cleaned_data[field] for field in SpeakerDetailsForm.Meta.fields}
        try:
            speaker_confirm(speaker=speaker, details=details)
        except Refusal as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("Thank you: you are confirmed as a speaker."))
            return redirect(request.path)
    return render(
        request,
        "forum/proposals/speaker_confirm.html",
        {"speaker": speaker, "proposal": speaker.proposal, "form": form},
    )


def _link_expired(request: HttpRequest, speaker: Any) -> HttpResponse:
    """An authentic but old link: say so, and let its owner have a new one by email."""
    sent = False
    if request.method == "POST" and speaker.person is not None:
        speaker_link_renew(speaker=speaker)
        sent = True
    return render(
        request,
        "forum/proposals/speaker_link_expired.html",
        {"speaker": speaker, "proposal": speaker.proposal, "days": LINK_DAYS, "sent": sent},
        status=410,
    )


@login_required
@require_POST
def speaker_link_resend(request: HttpRequest, year: int, speaker_id: int) -> HttpResponse:
    """The Secretariat sends a speaker a new private link from the schedule."""
    _secretariat_call(request, year)
    speaker = speaker_for_secretariat(speaker_id=speaker_id, year=year)
    if speaker is None:
        raise Http404
    try:
        speaker_link_renew(speaker=speaker, by=signed_in_user(request))
    except Refusal as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(
            request, _("A new private link is on its way to %(name)s.") % {"name": speaker.name}
        )
    anchor = f"#session-{speaker.proposal.session_id}" if speaker.proposal.session_id else ""
    return redirect(reverse("forum:schedule", args=[year]) + anchor)


def speakers_page(request: HttpRequest, year: int) -> HttpResponse:
    edition = mark_preview(request, edition_by_year(year, user=request.user))
    return render(
        request,
        "forum/proposals/speakers.html",
        {"edition": edition, "speakers": selectors.speakers_of_edition(edition=edition)},
    )
