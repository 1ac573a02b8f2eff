"""The Expert Group's review and scores."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import EXPERT_GROUP, in_group
from wsis_portal.ratelimit import ratelimit
from wsis_portal.refusals import Refusal

from .. import selectors, services
from ..enums import PhaseKind
from ..forms import ScoreForm
from .pages import _contest


@login_required
def review(request, year: int):
    if not in_group(request.user, EXPERT_GROUP):
        raise Http404(_("This page is for members of the Expert Group."))
    item = _contest(request, year)
    now = timezone.now()
    selection = selectors.phase(item, PhaseKind.SELECTION)
    queue = selectors.expert_queue(contest=item, expert=request.user)
    for row in queue:
        row["form"] = ScoreForm(instance=row["score"], prefix=f"p{row['project'].pk}")
    return render(
        request,
        "prizes/review.html",
        {
            "contest": item,
            "queue": queue,
            "selection": selection,
            "selection_open": bool(selection and selection.is_open(now)),
        },
    )


@require_POST
@ratelimit("prizes-score", "60/m", per=("user",))
@login_required
def review_score(request, year: int, project_id: int):
    item = _contest(request, year)
    shown = selectors.contest_project(contest=item, project_id=project_id)
    if not selectors.expert_can_score(expert=request.user, project=shown):
        return render(
            request,
            "403.html",
            {"exception": _("You are not assigned to score this category.")},
            status=403,
        )
    form = ScoreForm(request.POST, prefix=f"p{shown.pk}")
    if form.is_valid():
        try:
            services.expert_score_save(
                expert=request.user,
                project=shown,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("Your score for “%(title)s” is saved.") % {"title": shown})
        except Refusal as exc:
            messages.error(request, exc.message)
    else:
        messages.error(
            request,
            _("The score for “%(title)s” was not saved: give a whole number from 1 to 10.")
            % {"title": shown},
        )
    return redirect(reverse("prizes:review", args=[year]) + f"#project-{shown.pk}")
