"""Casting a vote (the busiest write of the portal), its rules, and invalidating one."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from ..enums import BALLOT_STATES, PhaseKind
from ..fingerprint import fingerprint
from ..models import Vote
from ..selectors.rules import vote_check
from .vote_portable import vote_row_portable

# The vote's one statement: a PL/pgSQL function (migration prizes/0015_vote_cast_function)
# reads the facts of the rules (project on the ballot, voting window, verified email),
# inserts the vote only when they hold (ON CONFLICT DO NOTHING: the unique constraint on
# (contest, category, voter) decides a second vote, also in a race), and names the next
# category the voter has not voted in, in one round trip. A function because PostgreSQL
# keeps the plans of its statements for the connection's life: written as one CTE, the
# statement was planned on every vote, which cost more than running it. Unlike PREPARE,
# that works behind PgBouncer in transaction mode.
_VOTE_SQL = (
    "SELECT * FROM prizes_vote_cast(%(voter)s, %(project)s, %(year)s, %(now)s, %(ip)s, "
    "%(ua)s, %(kind)s, %(states)s)"
)

# The function's fixed arguments: the voting phase's kind and the states on the ballot.
_VOTE_CONSTANTS: dict[str, Any] = {
    "kind": PhaseKind.VOTING.value,
    "states": [str(state) for state in BALLOT_STATES],
}


@dataclass(frozen=True)
class CastVote:
    """A vote just cast, and the code of the next category the voter has not voted in
    (None when every category with projects on the ballot has their vote).

    The view needs only the project and the next category; the ``Vote`` instance is built
    when asked for, not on every vote."""

    vote_id: int
    contest_id: int
    category_id: int
    project_id: int
    voter_id: int
    cast_at: datetime
    ip_hash: str
    user_agent_hash: str
    next_category: str | None

    @property
    def vote(self) -> Vote:
        vote = Vote(
            pk=self.vote_id,
            contest_id=self.contest_id,
            category_id=self.category_id,
            project_id=self.project_id,
            voter_id=self.voter_id,
            cast_at=self.cast_at,
            ip_hash=self.ip_hash,
            user_agent_hash=self.user_agent_hash,
        )
        vote._state.adding = False
        vote._state.db = connection.alias
        return vote


def vote_cast(
    *,
    voter: User,
    year: int,
    project_id: int,
    ip: str,
    user_agent: str,
    now: datetime | None = None,
) -> Vote:
    """Cast ``voter``'s one vote in the project's category (see ``vote_cast_next``)."""
    return vote_cast_next(
        voter=voter, year=year, project_id=project_id, ip=ip, user_agent=user_agent, now=now
    ).vote


def vote_cast_next(
    *,
    voter: User,
    year: int,
    project_id: int,
    ip: str,
    user_agent: str,
    now: datetime | None = None,
) -> CastVote:
    """Cast ``voter``'s one vote in the project's category; say which category is next.

    The busiest write of the portal, so it is one statement (``_VOTE_SQL``, a PL/pgSQL
    function): it reads the facts of the rules, inserts the vote when they hold, and finds
    the next category, in one round trip and, in autocommit, one implicit transaction. The rules are then told
    apart from the facts it returns by ``vote_check``, the same function the confirmation
    page asks, in the same order. The database's unique constraint on (contest, category,
    voter) is what stops a second vote, also when two requests race: the insert then does
    nothing and the voter is told they have already voted, never a server error. The SQL is
    written out (not built by the ORM per request) and ``full_clean`` is skipped: every
    value comes from checked data and the constraints decide. Inside an outer transaction
    the statement runs in a savepoint so that an error leaves that transaction usable.
    """
    now = now or timezone.now()
    ip_hash = fingerprint(ip, purpose="ip")
    ua_hash = fingerprint(user_agent[:500], purpose="ua")
    params: dict[str, Any] = {
        **_VOTE_CONSTANTS,
        "voter": voter.pk,
        "project": project_id,
        "year": year,
        "now": now,
        "ip": ip_hash,
        "ua": ua_hash,
    }
    row = _vote_row(params, voter)
    pk, contest_id, category_id, voting_starts, voting_ends, verified, vote_id, following = row
    if pk is None:
        vote_check(on_ballot=False, verified=True, voting_starts=None, voting_ends=None, now=now)
    vote_check(
        on_ballot=True,
        verified=verified,
        voting_starts=voting_starts,
        voting_ends=voting_ends,
        already_voted=vote_id is None,
        now=now,
    )
    return CastVote(
        vote_id=vote_id,
        contest_id=contest_id,
        category_id=category_id,
        project_id=pk,
        voter_id=voter.pk,
        cast_at=now,
        ip_hash=ip_hash,
        user_agent_hash=ua_hash,
        next_category=following,
    )


def _vote_row(params: dict[str, Any], voter: User) -> tuple[Any, ...]:
    """The row of ``prizes_vote_cast``: by the function on PostgreSQL, by the ORM elsewhere."""
    if connection.vendor != "postgresql":
        return vote_row_portable(**{**params, "voter": voter})
    savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with savepoint, connection.cursor() as cursor:
        cursor.execute(_VOTE_SQL, params)
        return cursor.fetchone()


def vote_invalidate(*, vote: Vote, by: User, reason: str) -> Vote:
    """Flag a vote invalid with a reason; the row stays so the voter cannot vote again."""
    if not reason.strip():
        raise Refusal("reason", _("Give a reason for invalidating a vote."))
    if not vote.valid:
        return vote
    vote.invalid_reason = reason.strip()
    vote.invalidated_at = timezone.now()
    vote.invalidated_by = by
    vote.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        transition_write(
            vote,
            field="valid",
            to=False,
            actor=by,
            action="vote_invalidate",
            reason=vote.invalid_reason,
            also=["invalid_reason", "invalidated_at", "invalidated_by"],
            at=vote.invalidated_at,
        )
    return vote
