"""Reads of the recognition of Champions and Winners: who may see a certificate, and the
year's Winners and Champions booklet (issue 14, item 7).

Results are published when the ceremony phase starts (``selectors.results``). From then on
anyone may see a Champion's or Winner's certificate and the booklet; before, only staff
may, as a preview marked as such. Nobody ever gets a certificate for a project that is
neither Champion nor Winner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from wsis_portal.publishing import can_preview

from .enums import PhaseKind, ProjectStatus
from .models import Category, Contest, Project
from .selectors import categories_of, phase

RECOGNISED = (ProjectStatus.WINNER, ProjectStatus.CHAMPION)


def results_published(contest: Contest, now: datetime) -> bool:
    """True once the ceremony phase of a published contest has started."""
    ceremony = phase(contest, PhaseKind.CEREMONY)
    return bool(not contest.is_draft and ceremony and ceremony.has_started(now))


def certificate_visible(*, project: Project, contest: Contest, user: Any, now: datetime) -> bool:
    """May this person see this project's certificate now? Staff always (a preview before
    publication); everyone else, the owner included, once the results are published."""
    if project.status not in RECOGNISED:
        return False
    return can_preview(user) or results_published(contest, now)


@dataclass(frozen=True)
class Certificate:
    project: Project
    status: str
    preview: bool


def certificate_of(*, contest: Contest, project_id: int, user: Any, now: datetime) -> Certificate:
    """The certificate this person may see, or 404 (never a hint that it exists)."""
    project = (
        Project.objects.filter(contest=contest, pk=project_id, status__in=RECOGNISED)
        .select_related("category__action_line")
        .first()
    )
    if project is None or not certificate_visible(
        project=project, contest=contest, user=user, now=now
    ):
        raise Http404(_("There is no certificate for this project."))
    project.contest = contest  # already loaded with its edition and phases
    return Certificate(
        project=project,
        status=project.status,
        preview=not results_published(contest, now),
    )


@dataclass(frozen=True)
class BookletEntry:
    project: Project
    status: str


@dataclass(frozen=True)
class BookletCategory:
    category: Category
    entries: list[BookletEntry]


@dataclass(frozen=True)
class Booklet:
    contest: Contest
    categories: list[BookletCategory]
    winner_count: int
    champion_count: int
    preview: bool


def booklet_preview(*, contest: Contest, user: Any, now: datetime) -> bool:
    """Whether the booklet this person may see is a preview (staff, before the results are
    published); 404 for everyone else before then."""
    published = results_published(contest, now)
    if not published and not can_preview(user):
        raise Http404(_("The Winners and Champions of this contest are not published yet."))
    return not published


def booklet(*, contest: Contest, user: Any, now: datetime) -> Booklet:
    """The year's Winners and Champions, category by category, Winners first; 404 before
    the results are published (staff see a preview). Two queries whatever the size."""
    return booklet_of(contest, preview=booklet_preview(contest=contest, user=user, now=now))


def booklet_of(contest: Contest, *, preview: bool) -> Booklet:
    """The booklet of ``contest`` (its access checked by the caller)."""
    projects = (
        Project.objects.filter(contest=contest, status__in=RECOGNISED)
        .select_related("category__action_line")
        # "winner" sorts after "champion": descending puts the Winners first.
        .order_by("category__action_line__number", "-status", "title", "pk")
    )
    by_category: dict[int, list[BookletEntry]] = {}
    winners = champions = 0
    for project in projects:
        project.contest = contest
        by_category.setdefault(project.category_id, []).append(
            BookletEntry(project=project, status=project.status)
        )
        if project.status == ProjectStatus.WINNER:
            winners += 1
        else:
            champions += 1
    sections = [
        BookletCategory(category=category, entries=by_category[category.pk])
        for category in categories_of(contest)
        if category.pk in by_category
    ]
    return Booklet(
        contest=contest,
        categories=sections,
        winner_count=winners,
        champion_count=champions,
        preview=preview,
    )
