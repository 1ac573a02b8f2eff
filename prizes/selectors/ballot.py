"""The ballot: its projects in the voter's own order, its category tiles and the voter's choices."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import CharField, Count, Q, QuerySet, Value
from django.db.models.functions import MD5, Cast, Concat

from accounts.models import User

from ..enums import BALLOT_STATES
from ..filters import BallotFilter
from ..models import Category, Contest, Project, Vote


def shuffle_order(seed: str) -> MD5:
    """An order that is random-looking per voter but stable across pages and requests."""
    return MD5(Concat(Cast("id", output_field=CharField()), Value(seed)))


def ballot_projects(
    *, contest: Contest, seed: str, params: Mapping[str, Any]
) -> tuple[QuerySet[Project], BallotFilter]:
    """Projects on the ballot, filtered by category and search, in the voter's own order."""
    base = (
        Project.objects.filter(contest=contest, status__in=BALLOT_STATES)
        .select_related("category__action_line")
        .annotate(shuffle=shuffle_order(seed))
        .order_by("shuffle", "id")
    )
    filterset = BallotFilter(params, queryset=base)
    return filterset.qs, filterset


def categories_of(contest: Contest) -> list[Category]:
    return list(contest.categories.select_related("action_line").order_by("action_line__number"))


@dataclass
class BallotTile:
    """One category of the ballot as a tile: how many nominees, and the voter's choice."""

    category: Category
    nominees: int
    voted_project_id: int | None

    @property
    def code(self) -> str:
        return self.category.action_line.code


def ballot_tiles(*, contest: Contest, choices: dict[int, int]) -> list[BallotTile]:
    """Every category of the contest in Action Line order, with its number of projects on
    the ballot (one query); `choices` is `voter_choices` of the visitor."""
    categories = (
        Category.objects.filter(contest=contest)
        .select_related("action_line")
        .annotate(nominees=Count("projects", filter=Q(projects__status__in=BALLOT_STATES)))
        .order_by("action_line__number")
    )
    return [
        BallotTile(category=c, nominees=c.nominees, voted_project_id=choices.get(c.pk))
        for c in categories
    ]


def voter_choices(*, contest: Contest, user: User | AnonymousUser) -> dict[int, int]:
    """{category id: project id} of the user's votes in this contest (invalidated included)."""
    if not user.is_authenticated:
        return {}
    return dict(
        Vote.objects.filter(contest=contest, voter=user).values_list("category_id", "project_id")
    )
