"""Factories of the WSIS Prizes: contests placed around a moment, projects, votes."""

from __future__ import annotations

from datetime import datetime, timedelta

import factory
from django.utils import timezone

from forum.models import Edition
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import Category, Contest, Project, Vote
from prizes.services import contest_create
from tests.factories.accounts import UserFactory

DESCRIPTION = " ".join(["word"] * 160)

# Phase lengths in days, in order; the contest is placed so that ``open_phase`` holds ``at``.
PHASE_DAYS = [30, 10, 20, 10, 5]


def contest_at(
    at: datetime,
    open_phase: str = PhaseKind.VOTING,
    year: int | None = None,
    **rules,
) -> Contest:
    """A contest whose ``open_phase`` started one day before ``at`` ("after" = all ended)."""
    kinds = [k.value for k in PhaseKind]
    if open_phase == "after":
        start = at - timedelta(days=sum(PHASE_DAYS) + 1)
    elif open_phase == "before":
        start = at + timedelta(days=1)
    else:
        index = kinds.index(open_phase)
        start = at - timedelta(days=sum(PHASE_DAYS[:index]) + 1)
    phases = {}
    cursor = start
    for kind, days in zip(kinds, PHASE_DAYS, strict=True):
        phases[kind] = (cursor, cursor + timedelta(days=days))
        cursor += timedelta(days=days)
    year = (
        year
        or (Contest.objects.order_by("-year").values_list("year", flat=True).first() or 2030) + 1
    )
    rules.setdefault("published", True)
    rules.setdefault("edition", edition_around(*phases[PhaseKind.CEREMONY.value], year=year))
    return contest_create(year=year, title=f"WSIS Prizes {year}", phases=phases, **rules)


def edition_around(starts_at: datetime, ends_at: datetime, *, year: int) -> Edition:
    """The Forum edition whose days hold a ceremony from ``starts_at`` to ``ends_at``."""
    first = timezone.localtime(starts_at).date()
    last = timezone.localtime(ends_at).date()
    edition, _ = Edition.objects.get_or_create(
        year=year,
        defaults={"starts_on": first, "ends_on": max(first, last), "published_at": timezone.now()},
    )
    return edition


def category(contest: Contest, code: str = "C1") -> Category:
    return Category.objects.get(contest=contest, action_line__code=code)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    contest = None
    category = factory.LazyAttribute(lambda o: category(o.contest, "C1"))
    title = factory.Sequence(lambda n: f"Project {n}")
    description = DESCRIPTION
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    country = "KE"
    stakeholder_type = "civil_society"
    submitter = factory.SubFactory(UserFactory)
    status = ProjectStatus.NOMINATED


def vote(project: Project, voter=None, **kwargs) -> Vote:
    return Vote.objects.create(
        contest_id=project.contest_id,
        category_id=project.category_id,
        project=project,
        voter=voter or UserFactory(),
        **kwargs,
    )
