"""Casting a vote (the busiest write of the portal), its rules, and invalidating one."""

from __future__ import annotations

import functools
import hashlib
from contextlib import nullcontext
from datetime import UTC, datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.models import User
from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from ..enums import BALLOT_STATES, PhaseKind
from ..models import Contest, ContestPhase, Project, Vote


def fingerprint(value: str, *, purpose: str) -> str:
    """A salted SHA-256 of an IP address or user agent: comparable, never reversible to the raw value."""
    return hashlib.sha256(f"{settings.SECRET_KEY}:{purpose}:{value}".encode()).hexdigest()


@functools.cache
def _vote_sql() -> tuple[str, str]:
    """The two statements of a vote, built once from the models' table names."""
    project, contest, phase = (m._meta.db_table for m in (Project, Contest, ContestPhase))
    email, vote = EmailAddress._meta.db_table, Vote._meta.db_table
    check = (
        f"SELECT p.id, p.contest_id, p.category_id, ph.starts_at, ph.ends_at, "
        f"EXISTS (SELECT 1 FROM {email} e WHERE e.user_id = %s AND e.verified) "
        f"FROM {project} p JOIN {contest} c ON c.id = p.contest_id "
        f"LEFT JOIN {phase} ph ON ph.contest_id = p.contest_id AND ph.kind = %s "
        f"WHERE p.id = %s AND c.year = %s AND p.status IN ({', '.join(['%s'] * len(BALLOT_STATES))})"
    )
    insert = (
        f"INSERT INTO {vote} (contest_id, category_id, project_id, voter_id, cast_at, ip_hash, "
        f"user_agent_hash, valid, invalid_reason) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
        f"RETURNING id"
    )
    return check, insert


def _aware(value: datetime) -> datetime:
    """A datetime read by raw SQL (SQLite returns text) as an aware datetime."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


ALREADY_VOTED = _lazy(
    "You have already voted in this category. A vote cannot be changed once it is cast."
)


def vote_check(
    *,
    on_ballot: bool,
    verified: bool,
    voting_starts: datetime | None,
    voting_ends: datetime | None,
    already_voted: bool = False,
    now: datetime,
) -> None:
    """The rules of a vote, from facts the caller has read: ``vote_cast`` reads them in its
    one SELECT, the confirmation page (a preview) from the selectors. Refuses with the
    first rule broken; the unique constraint has the last word on ``already_voted``."""
    if not on_ballot:
        raise Refusal("not_on_ballot", _("This project is not on the ballot."))
    if not verified:
        raise Refusal("unverified", _("Confirm your email address before voting."))
    if voting_starts is None or voting_ends is None or not voting_starts <= now < voting_ends:
        raise Refusal(
            "closed", _("Voting is not open: votes are accepted only during the voting phase.")
        )
    if already_voted:
        raise Refusal("already_voted", ALREADY_VOTED)


def vote_cast(
    *,
    voter: User,
    year: int,
    project_id: int,
    ip: str,
    user_agent: str,
    now: datetime | None = None,
) -> Vote:
    """Cast ``voter``'s one vote in the project's category.

    The busiest write of the portal, so it costs two statements: one SELECT checks the
    project is on the ballot, the voting window by the clock and the verified email; one
    INSERT writes the vote. The database's unique constraint on (contest, category, voter)
    is what stops a second vote, also when two requests race: its IntegrityError becomes
    the ``already_voted`` refusal, never a server error. The SQL is written out (not built by the ORM per
    request) and ``full_clean`` is skipped: every value is set here from checked data and
    the constraints decide. In autocommit the single INSERT is atomic by itself; inside an
    outer transaction it runs in a savepoint so that a refusal leaves that transaction usable.
    """
    now = now or timezone.now()
    check, insert = _vote_sql()
    with connection.cursor() as cursor:
        cursor.execute(check, [voter.pk, PhaseKind.VOTING, project_id, year, *BALLOT_STATES])
        row = cursor.fetchone()
    if row is None:
        vote_check(on_ballot=False, verified=True, voting_starts=None, voting_ends=None, now=now)
    pk, contest_id, category_id, voting_starts, voting_ends, verified = row
    vote_check(
        on_ballot=True,
        verified=verified,
        voting_starts=_aware(voting_starts),
        voting_ends=_aware(voting_ends),
        now=now,
    )
    vote = Vote(
        contest_id=contest_id,
        category_id=category_id,
        project_id=pk,
        voter_id=voter.pk,
        cast_at=now,
        ip_hash=fingerprint(ip, purpose="ip"),
        user_agent_hash=fingerprint(user_agent[:500], purpose="ua"),
    )
    params = [
        vote.contest_id,
        vote.category_id,
        vote.project_id,
        vote.voter_id,
        connection.ops.adapt_datetimefield_value(now),
        vote.ip_hash,
        vote.user_agent_hash,
        True,
        "",
    ]
    try:
        savepoint = transaction.atomic() if connection.in_atomic_block else nullcontext()
        with savepoint, connection.cursor() as cursor:
            cursor.execute(insert, params)
            vote.pk = cursor.fetchone()[0]
    except IntegrityError:
        raise Refusal("already_voted", ALREADY_VOTED) from None
    vote._state.adding = False
    vote._state.db = connection.alias
    return vote


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
