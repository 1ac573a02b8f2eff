"""The process pages: the consultations, a timeline, the final brief and the nomination form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from forum.programme.hlt import published_hlt_facilitators
from wsis_portal.publishing import mark_preview
from wsis_portal.ratelimit import ratelimit
from wsis_portal.refusals import Refusal

from .. import selectors, services
from ..forms import NominationForm


def _consultation(request, slug: str):
    """404 for a draft, except for staff who preview it with a banner."""
    return mark_preview(request, selectors.consultation_get(slug=slug, user=request.user))


def consultation_list(request):
    now = timezone.now()
    consultations = list(selectors.consultations_list()[:50])
    rows = [(c, selectors.process_state(consultation=c, now=now)) for c in consultations]
    return render(request, "consultations/list.html", {"rows": rows})


def timeline(request, slug: str):
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    return render(
        request,
        "consultations/timeline.html",
        {
            "consultation": consultation,
            "state": state,
            "nominations_open": selectors.nominations_open(consultation=consultation, state=state),
            "subscribed": selectors.is_subscribed_to_consultation(
                user=request.user, consultation=consultation
            ),
            "facilitators": published_hlt_facilitators(edition=consultation.edition),
        },
    )


def final_brief(request, slug: str):
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    if not state.final_brief_public and not request.user.is_staff:
        return render(
            request,
            "consultations/final_brief_pending.html",
            {"consultation": consultation, "state": state},
            status=404,
        )
    return render(
        request,
        "consultations/final_brief.html",
        {
            "consultation": consultation,
            "state": state,
            "brief": selectors.final_brief(consultation=consultation),
            "preview": not state.final_brief_public,
        },
    )


@login_required
@ratelimit("consultations-nominate", "10/h", per=("user",))
def nominate(request, slug: str):
    consultation = _consultation(request, slug)
    state = selectors.process_state(consultation=consultation, now=timezone.now())
    context = {"consultation": consultation, "state": state}
    if not selectors.nominations_open(consultation=consultation, state=state):
        status = 403 if request.method == "POST" else 200
        return render(request, "consultations/nominate_closed.html", context, status=status)
    form = NominationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_create(
                consultation=consultation,
                user=request.user,
                data=form.cleaned_data,
                now=timezone.now(),
            )
        except Refusal:
            return render(request, "consultations/nominate_closed.html", context, status=403)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you. Your nomination is recorded."))
            return redirect(consultation.get_absolute_url())
    context["form"] = form
    return render(request, "consultations/nominate.html", context)
