"""Thin views of the WSIS Prizes: parse the request, call a selector or a service, render."""

from __future__ import annotations

import re
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts.roles import EXPERT_GROUP, in_group
from accounts.selectors import user_has_verified_email
from wsis_portal.params import parse_int
from wsis_portal.publishing import mark_preview
from wsis_portal.ratelimit import (
    RateLimited,
    client_ip,
    hit_many,
    rate_limited_response,
    ratelimit,
)
from wsis_portal.refusal_responses import refusal_response, refusal_status
from wsis_portal.refusals import Refusal

from . import recognition, reminders, selectors, services
from .enums import BALLOT_STATES, EDITABLE_STATES, PhaseKind, ProjectStatus
from .forms import AttachmentsForm, ProjectForm, ScoreForm
from .models import ATTACHMENTS_PER_PROJECT, Project

PAGE_SIZE = 20


def _contest(request, year: int):
    """The contest of ``year``: 404 for a draft, except for staff who see it with a banner."""
    return mark_preview(request, selectors.contest_by_year(year, user=request.user))


def index(request):
    overview = selectors.contests_overview(now=timezone.now())
    return render(request, "prizes/index.html", overview)


def contest(request, year: int):
    item = _contest(request, year)
    now = timezone.now()
    return render(
        request,
        "prizes/contest.html",
        {
            "contest": item,
            "now": now,
            "is_expert": in_group(request.user, EXPERT_GROUP),
            **selectors.timeline(contest=item, now=now),
        },
    )


# --- submission -------------------------------------------------------------------------------


def _submission_state(contest, now):
    phase = selectors.phase(contest, PhaseKind.SUBMISSION)
    return phase, bool(phase and phase.is_open(now))


def _submit_page(request, item, now, project=None, *, form=None, attachments_form=None, status=200):
    """The submission page: the project form, its attachments and the submitter's projects."""
    phase, is_open = _submission_state(item, now)
    mine = list(
        Project.objects.filter(contest=item, submitter=request.user)
        .select_related("category__action_line")
        .order_by("title")
    )
    # A Winner decision stays unpublished, also to its submitter, until the ceremony.
    for shown in [*mine, project] if project else mine:
        shown.shown_status = ProjectStatus(selectors.public_status(shown, item, now)).label
    verified = user_has_verified_email(user=request.user)
    editable = is_open and verified and (project is None or project.status in EDITABLE_STATES)
    attachments = list(project.attachments.all()) if project else []
    if editable and form is None:
        form = ProjectForm(instance=project, contest=item, submitter=request.user)
    if editable and project and attachments_form is None:
        attachments_form = AttachmentsForm()
    return render(
        request,
        "prizes/submit.html",
        {
            "contest": item,
            "phase": phase,
            "is_open": is_open,
            "verified": verified,
            "editable": editable,
            "form": form if editable else None,
            "attachments_form": attachments_form if editable else None,
            "attachments": attachments,
            "can_add_attachments": len(attachments) < ATTACHMENTS_PER_PROJECT,
            "attachments_limit": ATTACHMENTS_PER_PROJECT,
            "project": project,
            "mine": mine,
            "now": now,
        },
        status=status,
    )


def _own_project(request, item, project_id: int) -> Project:
    """One of the signed-in user's projects; anyone else's is a 404, never a hint it exists."""
    return get_object_or_404(
        Project.objects.select_related("contest"),
        pk=project_id,
        contest=item,
        submitter=request.user,
    )


@ratelimit("prizes-submit", "30/m", per=("ip", "user"))
@login_required
def submit(request, year: int, project_id: int | None = None):
    """Enter a new project or edit one's own, while the submission phase is open."""
    item = _contest(request, year)
    now = timezone.now()
    _phase, is_open = _submission_state(item, now)
    project = _own_project(request, item, project_id) if project_id is not None else None
    verified = user_has_verified_email(user=request.user)
    editable = is_open and verified and (project is None or project.status in EDITABLE_STATES)
    form = None
    status = 200
    if editable and request.method == "POST":
        form = ProjectForm(
            request.POST,
            request.FILES,
            instance=project,
            contest=item,
            submitter=request.user,
        )
        if form.is_valid():
            try:
                saved = services.project_save(
                    submitter=request.user,
                    contest=item,
                    data=form.cleaned_data,
                    project=project,
                )
                if request.POST.get("action") == "submit" and saved.status == "draft":
                    services.project_submit(submitter=request.user, project=saved)
                    messages.success(
                        request,
                        _("Your project has been submitted. A receipt is on its way by email."),
                    )
                else:
                    messages.success(request, _("Your project has been saved."))
                return redirect("prizes:submit_edit", year=year, project_id=saved.pk)
            except ValidationError as exc:
                form.add_error(None, exc)
            except Refusal as exc:
                form.add_error(None, exc.message)
        status = 400
    elif request.method == "POST":
        messages.error(request, _("This project can no longer be changed."))
    return _submit_page(request, item, now, project, form=form, status=status)


@require_POST
@ratelimit("prizes-submit", "30/m", per=("ip", "user"))
@login_required
def attachment_add(request, year: int, project_id: int):
    """Attach one or more files to one's own project: all of them, or none when one is bad."""
    item = _contest(request, year)
    now = timezone.now()
    project = _own_project(request, item, project_id)
    form = AttachmentsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            added = services.project_attachments_add(
                submitter=request.user,
                project=project,
                files=form.cleaned_data["attachments"],
                now=now,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except Refusal as exc:
            messages.error(request, exc.message)
            return _submit_page(request, item, now, project, status=refusal_status(exc))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s file has been attached.", "%(n)s files have been attached.", len(added)
                )
                % {"n": len(added)},
            )
            return redirect(reverse("prizes:submit_edit", args=[year, project.pk]) + "#attachments")
    return _submit_page(request, item, now, project, attachments_form=form, status=400)


@require_http_methods(["GET", "POST"])
@ratelimit("prizes-submit", "30/m", per=("ip", "user"))
@login_required
def attachment_remove(request, year: int, project_id: int, attachment_id: int):
    """Remove an attachment of one's own project while the submission phase is open, after
    confirming it on this page (GET asks, POST removes)."""
    item = _contest(request, year)
    now = timezone.now()
    project = _own_project(request, item, project_id)
    attachment = get_object_or_404(project.attachments.all(), pk=attachment_id)
    attachment.project = project
    if request.method == "GET":
        return render(
            request,
            "prizes/attachment_remove.html",
            {"contest": item, "project": project, "attachment": attachment},
        )
    try:
        services.project_attachment_remove(submitter=request.user, attachment=attachment, now=now)
    except Refusal as exc:
        messages.error(request, exc.message)
        return _submit_page(request, item, now, project, status=refusal_status(exc))
    messages.success(
        request, _("“%(name)s” has been removed.") % {"name": attachment.original_name}
    )
    return redirect(reverse("prizes:submit_edit", args=[year, project.pk]) + "#attachments")


def attachment_download(request, year: int, project_id: int, attachment_id: int):
    """Download an attachment: public for projects on the ballot; otherwise only for the
    submitter and staff (the same rule as the project page)."""
    item = _contest(request, year)
    shown = selectors.ballot_project(contest=item, project_id=project_id, user=request.user)
    attachment = get_object_or_404(shown.attachments.all(), pk=attachment_id)
    try:
        handle = attachment.file.open("rb")
    except OSError:
        raise Http404(_("This file is no longer available.")) from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name or "attachment",
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    if shown.status not in BALLOT_STATES:
        response["Cache-Control"] = "private, no-store"
    return response


# --- voting -----------------------------------------------------------------------------------


SHUFFLE_COOKIE = "prizes_shuffle"
SHUFFLE_SALT = "prizes.ballot.shuffle"
SHUFFLE_MAX_AGE = 60 * 60 * 24 * 30


def _shuffle_seed(request) -> tuple[str, bool]:
    """A per-voter seed, and whether it is new (so the response must keep it).

    Derived from the account when signed in; for anonymous visitors kept in a signed cookie,
    not in the session, so a cookie-less visit of the ballot writes no session row.
    """
    if request.user.is_authenticated:
        return services.fingerprint(str(request.user.pk), purpose="shuffle")[:16], False
    seed = request.get_signed_cookie(SHUFFLE_COOKIE, default="", salt=SHUFFLE_SALT)
    if re.fullmatch(r"[0-9a-f]{16}", seed):
        return seed, False
    return secrets.token_hex(8), True


def _keep_shuffle_seed(response, seed: str) -> None:
    response.set_signed_cookie(
        SHUFFLE_COOKIE,
        seed,
        salt=SHUFFLE_SALT,
        max_age=SHUFFLE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def _voting_context(item, now) -> dict:
    voting = selectors.phase(item, PhaseKind.VOTING)
    return {"voting": voting, "voting_open": bool(voting and voting.is_open(now)), "now": now}


def _progress(tiles, choices) -> dict:
    total = sum(1 for tile in tiles if tile.nominees)
    done = sum(1 for tile in tiles if tile.nominees and tile.voted_project_id)
    return {
        "total_categories": total,
        "voted_count": done,
        "voted_percent": round(100 * done / total) if total else 0,
        "ballot_complete": bool(total) and done == total,
        # The voter's progress as a picture: categories voted in and still open to a vote.
        "progress_bars": [(_("Voted"), done), (_("Not voted yet"), total - done)],
    }


def ballot(request, year: int):
    """The ballot: one tile per category with the voter's progress ("7 of 18")."""
    item = _contest(request, year)
    code = (request.GET.get("category") or "").strip().upper()
    if re.fullmatch(r"C\d{1,2}", code):
        # The former filter's address (?category=C4) leads to that category's own page.
        target = reverse("prizes:ballot_category", args=[year, code])
        query = request.GET.get("q", "").strip()[:100]
        return redirect(f"{target}?{urlencode({'q': query})}" if query else target)
    now = timezone.now()
    choices = selectors.voter_choices(contest=item, user=request.user)
    tiles = selectors.ballot_tiles(contest=item, choices=choices)
    just_voted = parse_int(request.GET.get("voted"), minimum=1)
    return render(
        request,
        "prizes/ballot.html",
        {
            "contest": item,
            "tiles": tiles,
            "just_voted": just_voted in choices.values(),
            "vote_reminder_on": reminders.vote_reminder_on(contest=item, user=request.user),
            **_voting_context(item, now),
            **_progress(tiles, choices),
        },
    )


def ballot_category(request, year: int, code: str):
    """One category's nominees on one page, in the voter's own shuffled order."""
    item = _contest(request, year)
    now = timezone.now()
    choices = selectors.voter_choices(contest=item, user=request.user)
    tiles = selectors.ballot_tiles(contest=item, choices=choices)
    index = next((i for i, t in enumerate(tiles) if t.code.upper() == code.upper()), None)
    if index is None:
        raise Http404(_("This contest has no such category."))
    tile = tiles[index]
    if tile.code != code:
        return redirect("prizes:ballot_category", year, tile.code)
    seed, new_seed = _shuffle_seed(request)
    query = request.GET.get("q", "").strip()[:100]
    projects, _filterset = selectors.ballot_projects(
        contest=item, seed=seed, params={"category": tile.code, "q": query}
    )
    just_voted = parse_int(request.GET.get("voted"), minimum=1)
    with_nominees = [t for t in tiles if t.nominees]
    position = with_nominees.index(tile) if tile in with_nominees else None
    response = render(
        request,
        "prizes/ballot_category.html",
        {
            "contest": item,
            "tile": tile,
            "category": tile.category,
            "projects": list(projects),
            "query": query,
            "choices": choices,
            "voted_projects": set(choices.values()),
            "just_voted": just_voted in choices.values(),
            "previous_tile": with_nominees[position - 1] if position else None,
            "next_tile": (
                with_nominees[position + 1]
                if position is not None and position + 1 < len(with_nominees)
                else None
            ),
            **_voting_context(item, now),
            **_progress(tiles, choices),
        },
    )
    if new_seed:
        _keep_shuffle_seed(response, seed)
    return response


def project(request, year: int, project_id: int):
    item = _contest(request, year)
    now = timezone.now()
    shown = selectors.ballot_project(contest=item, project_id=project_id, user=request.user)
    voting = selectors.phase(item, PhaseKind.VOTING)
    choices = selectors.voter_choices(contest=item, user=request.user)
    return render(
        request,
        "prizes/project.html",
        {
            "contest": item,
            "project": shown,
            "status": selectors.public_status(shown, item, now),
            "voting_open": bool(voting and voting.is_open(now)),
            "voted_here": choices.get(shown.category_id),
            "certificate": recognition.certificate_visible(
                project=shown, contest=item, user=request.user, now=now
            ),
        },
    )


def _vote_refusal(request, item, shown, exc: Refusal):
    return refusal_response(
        request,
        exc,
        template="prizes/vote_refused.html",
        context={"contest": item, "project": shown},
    )


# Per account: a person casts at most 18 votes in a contest (one per category). Per IP:
# higher, because many voters share one address behind a campus or office NAT.
VOTE_RATE_USER = getattr(settings, "PRIZES_VOTE_RATE_USER", "20/m")
VOTE_RATE_IP = getattr(settings, "PRIZES_VOTE_RATE_IP", "120/m")


@login_required
def vote(request, year: int, project_id: int):
    """GET: the confirmation page. POST: cast the vote (works without JavaScript).

    A POST is rate-limited per IP and per account, both counted in one cache round trip.
    """
    if request.method == "POST":
        try:
            hit_many(
                [
                    ("prizes-vote:ip", client_ip(request), VOTE_RATE_IP),
                    ("prizes-vote:user", str(request.user.pk), VOTE_RATE_USER),
                ]
            )
        except RateLimited as exc:
            return rate_limited_response(request, exc)
        try:
            cast = services.vote_cast_next(
                voter=request.user,
                year=year,
                project_id=project_id,
                ip=client_ip(request),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        except Refusal as exc:
            item = _contest(request, year)
            shown = Project.objects.filter(contest=item, pk=project_id).first()
            return _vote_refusal(request, item, shown, exc)
        # The voter goes on to the next category not yet voted in (or to the ballot, which
        # then says every category is done), named by the vote's own statement; that page
        # thanks them when this project is among their votes (no message storage to sign
        # on the busiest request).
        target = (
            reverse("prizes:ballot_category", args=[year, cast.next_category])
            if cast.next_category
            else reverse("prizes:ballot", args=[year])
        )
        response = HttpResponseRedirect(f"{target}?voted={cast.vote.project_id}")
        response.status_code = 303
        return response
    item = _contest(request, year)
    shown = selectors.ballot_project(contest=item, project_id=project_id, user=request.user)
    now = timezone.now()
    voting = selectors.phase(item, PhaseKind.VOTING)
    # The preview asks the very rules the vote will be checked against.
    problem = None
    try:
        services.vote_check(
            on_ballot=shown.status in BALLOT_STATES,
            verified=user_has_verified_email(user=request.user),
            voting_starts=voting.starts_at if voting else None,
            voting_ends=voting.ends_at if voting else None,
            already_voted=shown.category_id
            in selectors.voter_choices(contest=item, user=request.user),
            now=now,
        )
    except Refusal as refusal:
        problem = refusal
    return render(
        request,
        "prizes/vote_confirm.html",
        {"contest": item, "project": shown, "problem": problem, "voting": voting},
        status=200 if problem is None else refusal_status(problem, preview=True),
    )


def results(request, year: int):
    item = _contest(request, year)
    now = timezone.now()
    return render(
        request,
        "prizes/results.html",
        {
            "contest": item,
            "now": now,
            **selectors.results(
                contest=item,
                now=now,
                region=request.GET.get("region", ""),
                country=request.GET.get("country", "")[:2],
            ),
        },
    )


# --- Expert Group ------------------------------------------------------------------------------


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
    shown = get_object_or_404(
        Project.objects.select_related("contest"), pk=project_id, contest=item
    )
    if not services.expert_can_score(expert=request.user, project=shown):
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
