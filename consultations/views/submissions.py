"""Official submissions: the form, the private link, the lost-link page and one's own."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.selectors import profile_for
from wsis_portal.ratelimit import ratelimit
from wsis_portal.refusals import Refusal

from .. import selectors, services
from ..forms import LostLinkForm, SubmissionForm
from .pages import _consultation


def _submission_initial(user) -> dict:
    if not user.is_authenticated:
        return {}
    initial = {"email": user.email}
    profile = profile_for(user=user)
    if profile:
        initial.update(
            full_name=profile.full_name,
            organisation_name=profile.organisation_name,
            organisation_country=profile.organisation_country,
            stakeholder_type=profile.stakeholder_type,
            telephone=profile.telephone,
        )
    return initial


def _split_m2m(cleaned: dict) -> tuple[dict, list, list]:
    data = dict(cleaned)
    return data, list(data.pop("action_lines", [])), list(data.pop("sdgs", []))


def _window_refusal(consultation, now) -> Refusal | None:
    """The refusal of the check the submit and update actions ask first, if it refuses: the
    pages decide from the same rule as the actions, and say what the action would say."""
    try:
        selectors.submission_window_check(consultation=consultation, now=now)
    except Refusal as refusal:
        return refusal
    return None


@never_cache
# Generous per IP: a regional event may send several inputs from one network.
@ratelimit("consultations-submit", "30/h", per=("ip",))
def submit(request, slug: str):
    consultation = _consultation(request, slug)
    now = timezone.now()
    state = selectors.process_state(consultation=consultation, now=now)
    context = {"consultation": consultation, "state": state}
    refusal = _window_refusal(consultation, now)
    if refusal is not None:
        # The clock decides: refused, whatever was posted, and nothing is saved.
        context["refusal"] = refusal.message
        status = 403 if request.method == "POST" else 200
        return render(request, "consultations/submit_closed.html", context, status=status)
    form = SubmissionForm(request.POST or None, initial=_submission_initial(request.user))
    if request.method == "POST" and form.is_valid():
        data, action_lines, sdgs = _split_m2m(form.cleaned_data)
        try:
            submission, _token = services.submission_create(
                consultation=consultation,
                data=data,
                action_lines=action_lines,
                sdgs=sdgs,
                user=request.user,
                now=timezone.now(),
                link_base=request.build_absolute_uri("/").rstrip("/"),
            )
        except Refusal as exc:
            context["refusal"] = exc.message
            return render(request, "consultations/submit_closed.html", context, status=403)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            done = reverse("consultations:submit_done", args=[consultation.slug])
            if submission.email_confirmed_at is None:
                done += "?confirm=1"
            return redirect(done)
    context["form"] = form
    return render(request, "consultations/submit.html", context)


@never_cache
@ratelimit("consultations-lost-link", "5/h", per=("ip",))
def submission_lost_link(request, slug: str):
    """Send fresh private links to a submitter's address; the answer never says if it matched."""
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    form = LostLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.submission_links_resend(
            consultation=consultation,
            email=form.cleaned_data["email"],
            now=timezone.now(),
            link_base=request.build_absolute_uri("/").rstrip("/"),
        )
        messages.success(
            request,
            _(
                "If a submission was sent from this address, we have emailed it a new private "
                "link. The earlier link keeps working until the new one is opened."
            ),
        )
        return redirect("consultations:submission_lost_link", slug=consultation.slug)
    return render(
        request,
        "consultations/lost_link.html",
        {"consultation": consultation, "state": state, "form": form},
    )


def submit_done(request, slug: str):
    consultation = _consultation(request, slug)
    return render(
        request,
        "consultations/submit_done.html",
        {"consultation": consultation, "to_confirm": request.GET.get("confirm") == "1"},
    )


@never_cache
def submission_private(request, slug: str, token: str):
    """View and, until the deadline, edit a submission through its private link."""
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    if state.private_links_expired:
        # Said plainly, not a bare 404: the submitter may still keep the email.
        return render(
            request,
            "consultations/submission_link_expired.html",
            {
                "consultation": consultation,
                "closed_at": state.phases[-1].ends_at,
                "expired_at": state.private_links_expire_at,
                "days": settings.CONSULTATION_LINK_DAYS_AFTER_CLOSE,
            },
            status=410,
        )
    submission = services.submission_link_open(consultation=consultation, token=token)
    if submission.email_confirmed_at is None:
        return _address_confirmation(request, consultation, submission)
    return _submission_page(request, consultation, submission)


def _address_confirmation(request, consultation, submission):
    """Double opt-in: the owner of the address confirms it before the submission counts.

    A POST, not the GET of the link, confirms: mail scanners that open links confirm nothing.
    Nothing the submitter typed is shown before that.
    """
    if request.method == "POST" and request.POST.get("confirm_address"):
        services.submission_email_confirm(submission=submission, now=timezone.now())
        messages.success(
            request, _("Thank you: your address is confirmed and your submission counts.")
        )
        return redirect(request.path)
    response = render(
        request,
        "consultations/submission_confirm.html",
        {"consultation": consultation, "submission": submission},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
@login_required
def submission_mine(request, slug: str, pk: int):
    """The signed-in submitter's own submission; anyone else gets a 404."""
    consultation = _consultation(request, slug)
    submission = selectors.submission_of_user(consultation=consultation, user=request.user, pk=pk)
    return _submission_page(request, consultation, submission)


def _submission_page(request, consultation, submission):
    now = timezone.now()
    state = selectors.process_state(consultation=consultation, now=now)
    context = {"consultation": consultation, "state": state, "submission": submission}
    if _window_refusal(consultation, now) is None:
        form = SubmissionForm(request.POST or None, instance=submission)
        # The address was confirmed (or verified on the account): changing it here would
        # count a submission from an address nobody confirmed.
        form.fields["email"].disabled = True
        if request.method == "POST" and form.is_valid():
            data, action_lines, sdgs = _split_m2m(form.cleaned_data)
            try:
                services.submission_update(
                    submission=submission,
                    data=data,
                    action_lines=action_lines,
                    sdgs=sdgs,
                    now=timezone.now(),
                )
            except Refusal as exc:
                messages.error(request, exc.message)
                return redirect(request.path)
            messages.success(request, _("Your changes are saved."))
            return redirect(request.path)
        context["form"] = form
    elif request.method == "POST":
        context["refusal"] = _(
            "The submissions deadline has passed, so this submission can no longer be "
            "changed. Nothing was saved."
        )
        response = render(request, "consultations/submission_private.html", context, status=403)
        response["Cache-Control"] = "no-store"
        return response
    response = render(request, "consultations/submission_private.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
