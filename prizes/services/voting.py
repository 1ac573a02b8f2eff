"""Casting a vote (the busiest write of the portal), its rules, and invalidating one."""

from __future__ import annotations

import functools
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from allauth.account.models import EmailAddress
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from forum.models import ActionLine
from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from ..enums import BALLOT_STATES, PhaseKind
from ..fingerprint import fingerprint
from ..models import Category, Contest, ContestPhase, Project, Vote
from ..selectors.rules import vote_check


@functools.cache
def _vote_sql() -> str:
    """The one statement of a vote, built once from the models' table names.

    It reads the facts the rules need (project on the ballot, voting window, verified
    email), inserts the vote only when they hold (ON CONFLICT DO NOTHING: the unique
    constraint on (contest, category, voter) decides a second vote, also in a race), and
    names the next category the voter has not voted in, all in one round trip.
    """
    project, contest, phase = (m._meta.db_table for m in (Project, Contest, ContestPhase))
    category, line = Category._meta.db_table, ActionLine._meta.db_table
    email, vote = EmailAddress._meta.db_table, Vote._meta.db_table
    states = ", ".join(["%(state" + str(i) + ")s" for i in range(len(BALLOT_STATES))])
    return f"""
        WITH facts AS (
            SELECT p.id, p.contest_id, p.category_id, ph.starts_at, ph.ends_at,
                   EXISTS (SELECT 1 FROM {email} e
                           WHERE e.user_id = %(voter)s AND e.verified) AS verified
            FROM {project} p JOIN {contest} c ON c.id = p.contest_id
            LEFT JOIN {phase} ph ON ph.contest_id = p.contest_id AND ph.kind = %(kind)s
            WHERE p.id = %(project)s AND c.year = %(year)s AND p.status IN ({states})
        ),
        cast_vote AS (
            INSERT INTO {vote} (contest_id, category_id, project_id, voter_id, cast_at,
                                ip_hash, user_agent_hash, valid, invalid_reason)
            SELECT f.contest_id, f.category_id, f.id, %(voter)s, %(now)s, %(ip)s, %(ua)s,
                   true, ''
            FROM facts f
            WHERE f.verified AND f.starts_at <= %(now)s AND %(now)s < f.ends_at
            ON CONFLICT DO NOTHING
            RETURNING id
        )
        SELECT f.id, f.contest_id, f.category_id, f.starts_at, f.ends_at, f.verified,
               (SELECT id FROM cast_vote),
               (SELECT al.code
                FROM {category} k JOIN {line} al ON al.id = k.action_line_id
                WHERE k.contest_id = f.contest_id AND k.id <> f.category_id
                  AND EXISTS (SELECT 1 FROM {project} q
                              WHERE q.contest_id = f.contest_id AND q.category_id = k.id
                                AND q.status IN ({states}))
                  AND NOT EXISTS (SELECT 1 FROM {vote} v WHERE v.voter_id = %(voter)s
                                  AND v.contest_id = f.contest_id AND v.category_id = k.id)
                ORDER BY al.number <= (SELECT a.number FROM {category} kc
                                       JOIN {line} a ON a.id = kc.action_line_id
                                       WHERE kc.id = f.category_id),
                         al.number
                LIMIT 1)
        FROM facts f
    """


# The statement's fixed parameters: the voting phase's kind and the states on the ballot.
_VOTE_CONSTANTS: dict[str, str] = {
    "kind": PhaseKind.VOTING.value,
    **{f"state{i}": str(state) for i, state in enumerate(BALLOT_STATES)},
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

    The busiest write of the portal, so it is one statement (``_vote_sql``): it reads the
    facts of the rules, inserts the vote when they hold, and finds the next category, in
    one round trip and, in autocommit, one implicit transaction. The rules are then told
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
    savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with savepoint, connection.cursor() as cursor:
        cursor.execute(_vote_sql(), params)
        row = cursor.fetchone()
    if row is None:
        vote_check(on_ballot=False, verified=True, voting_starts=None, voting_ends=None, now=now)
    pk, contest_id, category_id, voting_starts, voting_ends, verified, vote_id, following = row
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
