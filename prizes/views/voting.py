"""The ballot, a project's page and the vote (with its confirmation page)."""

from __future__ import annotations

import functools
import re
import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.selectors import user_has_verified_email
from wsis_portal.params import parse_int
from wsis_portal.ratelimit import PendingHits, RateLimited, client_ip, rate_limited_response
from wsis_portal.refusal_responses import refusal_response, refusal_status
from wsis_portal.refusals import Refusal

from .. import recognition, reminders, selectors, services
from ..enums import BALLOT_STATES, PhaseKind
from ..fingerprint import fingerprint
from .pages import _contest

SHUFFLE_COOKIE = "prizes_shuffle"
SHUFFLE_SALT = "prizes.ballot.shuffle"
SHUFFLE_MAX_AGE = 60 * 60 * 24 * 30


def _shuffle_seed(request) -> tuple[str, bool]:
    """A per-voter seed, and whether it is new (so the response must keep it).

    Derived from the account when signed in; for anonymous visitors kept in a signed cookie,
    not in the session, so a cookie-less visit of the ballot writes no session row.
    """
    if request.user.is_authenticated:
        return fingerprint(str(request.user.pk), purpose="shuffle")[:16], False
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


@functools.lru_cache(maxsize=512)
def _after_vote(
    urlconf: str | None, prefix: str, language: str | None, year: int, code: str | None
) -> str:
    """Where a vote leads: the next category's page, or the ballot. The addresses depend only
    on these arguments, so the busiest request reverses each of them once per process."""
    if code:
        return reverse("prizes:ballot_category", args=[year, code])
    return reverse("prizes:ballot", args=[year])


# Per account: a person casts at most 18 votes in a contest (one per category). Per IP:
# higher, because many voters share one address behind a campus or office NAT.
VOTE_RATE_USER = getattr(settings, "PRIZES_VOTE_RATE_USER", "20/m")
VOTE_RATE_IP = getattr(settings, "PRIZES_VOTE_RATE_IP", "120/m")


def _rate_limited_before_user(view):
    """A vote POST is rate-limited per IP and per account, both counted in one Redis command
    sent as soon as the session names the account, before the user's row is loaded: Redis's
    answer then travels while that row is read, and the thread does not wait a second time
    for its turn (``PendingHits``; docs/performance.md, "Fourth pass"). It is checked once
    sign-in is confirmed and before anything else, as before. An anonymous POST is sent to
    sign in uncounted, as before; one whose session names an account that no longer signs
    in (password changed, account deactivated) is counted against that account and the IP,
    then sent to sign in."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        # The session's row is read here (the user's row is not, yet).
        account = request.session.get(SESSION_KEY) if request.method == "POST" else None
        if account is None:
            return view(request, *args, **kwargs)
        pending = PendingHits(
            [
                ("prizes-vote:ip", client_ip(request), VOTE_RATE_IP),
                # The session keeps the account's primary key as text: str(request.user.pk).
                ("prizes-vote:user", str(account), VOTE_RATE_USER),
            ]
        )
        try:
            if request.user.is_authenticated:  # the user's row, read while Redis answers
                pending.check()
        except RateLimited as exc:
            return rate_limited_response(request, exc)
        finally:
            pending.close()
        return view(request, *args, **kwargs)

    return wrapped


@_rate_limited_before_user
@login_required
def vote(request, year: int, project_id: int):
    """GET: the confirmation page. POST: cast the vote (works without JavaScript), once
    ``_rate_limited_before_user`` has let it through."""
    if request.method == "POST":
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
            shown = selectors.contest_project_or_none(contest=item, project_id=project_id)
            return _vote_refusal(request, item, shown, exc)
        # The voter goes on to the next category not yet voted in (or to the ballot, which
        # then says every category is done), named by the vote's own statement; that page
        # thanks them when this project is among their votes (no message storage to sign
        # on the busiest request).
        target = _after_vote(
            get_urlconf(), get_script_prefix(), get_language(), year, cast.next_category
        )
        response = HttpResponseRedirect(f"{target}?voted={cast.project_id}")
        response.status_code = 303
        return response
    item = _contest(request, year)
    shown = selectors.ballot_project(contest=item, project_id=project_id, user=request.user)
    now = timezone.now()
    voting = selectors.phase(item, PhaseKind.VOTING)
    # The preview asks the very rules the vote will be checked against.
    problem = None
    try:
        selectors.vote_check(
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
