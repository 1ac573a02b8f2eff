"""The voter's switch for the reminder before voting closes (on the ballot)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from wsis_portal.ratelimit import ratelimit

from . import selectors, services


@require_POST
@ratelimit("prizes-vote-reminder", "30/m", per=("user",))
@login_required
def vote_reminder(request: HttpRequest, year: int) -> HttpResponse:
    """Turn the reminder on (``remind=1``) or off; a refusal (voting not open) reaches the
    refusal middleware, which answers 403 with its sentence."""
    if not isinstance(request.user, User):
        raise PermissionDenied
    contest = selectors.contest_by_year(year, user=request.user)
    wanted = request.POST.get("remind") == "1"
    services.vote_reminder_set(
        contest=contest, voter=request.user, wanted=wanted, now=timezone.now()
    )
    if wanted:
        messages.success(
            request,
            _(
                "We will email you before voting closes if you have not voted in every "
                "category by then."
            ),
        )
    else:
        messages.success(request, _("You will not get a reminder before voting closes."))
    return redirect(reverse("prizes:ballot", args=[year]) + "#vote-reminder")
