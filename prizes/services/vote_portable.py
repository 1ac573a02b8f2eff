"""The vote's statement without PostgreSQL: what ``prizes_vote_cast`` (migration
prizes/0015) does, written with the ORM for a laptop's SQLite (``make run``).

It returns the function's row, so ``vote_cast_next`` tells the rules apart the same way. The
unique constraint on (contest, category, voter) still decides a second vote: the INSERT that
breaks it is rolled back to a savepoint and the vote is reported as not written.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction

from accounts.models import User
from accounts.selectors import user_has_verified_email

from ..models import Category, Project, Vote
from ..selectors.contests import phase_of


def vote_row_portable(
    *,
    voter: User,
    project: int,
    year: int,
    now: datetime,
    ip: str,
    ua: str,
    kind: str,
    states: list[str],
) -> tuple[Any, ...]:
    """(project, contest, category, voting starts, voting ends, verified, vote id, next
    category code), with None for the project when it is not on this ballot."""
    found = (
        Project.objects.filter(pk=project, contest__year=year, status__in=states)
        .select_related("contest", "category__action_line")
        .first()
    )
    if found is None:
        return (None,) * 8
    voting = phase_of(found.contest, kind)
    starts, ends = (voting.starts_at, voting.ends_at) if voting else (None, None)
    verified = user_has_verified_email(user=voter)
    facts = (found.pk, found.contest_id, found.category_id, starts, ends, verified)
    if not verified or starts is None or ends is None or not starts <= now < ends:
        return (*facts, None, None)
    following = _next_category(
        voter=voter, found=found, states=states, current=found.category.action_line.number
    )
    try:
        with transaction.atomic():
            vote = Vote.objects.create(
                contest_id=found.contest_id,
                category_id=found.category_id,
                project_id=found.pk,
                voter=voter,
                cast_at=now,
                ip_hash=ip,
                user_agent_hash=ua,
            )
    except IntegrityError:
        return (*facts, None, None)
    return (*facts, vote.pk, following)


def _next_category(*, voter: User, found: Project, states: list[str], current: int) -> str | None:
    """The next category with projects on the ballot and no vote of this voter, after the
    current one in Action Line order, wrapping around."""
    voted = Vote.objects.filter(voter=voter, contest_id=found.contest_id).values("category_id")
    candidates = (
        Category.objects.filter(contest_id=found.contest_id, projects__status__in=states)
        .exclude(pk=found.category_id)
        .exclude(pk__in=voted)
        .values_list("action_line__code", "action_line__number")
        .distinct()
    )
    ordered = sorted(candidates, key=lambda row: (row[1] <= current, row[1]))
    return ordered[0][0] if ordered else None
