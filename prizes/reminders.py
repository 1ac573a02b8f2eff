"""Reads behind the contest's reminders (issue 14, item 8): whether a voter asked for the
reminder before voting closes, and which categories they have not voted in yet."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q

from .enums import BALLOT_STATES, ProjectStatus
from .models import Category, Contest, Project, Vote
from .models_reminders import VotingReminder


def vote_reminder_on(*, contest: Contest, user: Any) -> bool:
    """Did this person ask for the reminder before voting closes?"""
    if not getattr(user, "is_authenticated", False):
        return False
    return VotingReminder.objects.filter(contest=contest, voter=user).exists()


def votable_categories(*, contest_id: int) -> list[Category]:
    """The categories with at least one project on the ballot, in Action Line order."""
    return list(
        Category.objects.filter(contest_id=contest_id)
        .annotate(nominees=Count("projects", filter=Q(projects__status__in=BALLOT_STATES)))
        .filter(nominees__gt=0)
        .select_related("action_line")
        .order_by("action_line__number")
    )


def categories_not_voted(*, contest_id: int, user: Any) -> list[Category]:
    """The categories one can vote in where this person has not voted (an invalidated vote
    counts as voted: the ballot does not take a second one)."""
    voted = set(
        Vote.objects.filter(contest_id=contest_id, voter=user).values_list("category_id", flat=True)
    )
    return [c for c in votable_categories(contest_id=contest_id) if c.pk not in voted]


def drafts_of(*, contest_id: int, user: Any) -> list[Project]:
    """This person's projects of the contest still in draft."""
    return list(
        Project.objects.filter(contest_id=contest_id, submitter=user, status=ProjectStatus.DRAFT)
        .select_related("category__action_line")
        .order_by("pk")
    )
