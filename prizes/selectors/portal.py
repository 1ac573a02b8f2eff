"""What prizes gives the portal's registry: home items, /my/ sections, the matrix, Action Line pages."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from forum.models import SDG, ActionLine
from wsis_portal.publishing import published_q
from wsis_portal.registry import MatrixItem, MySection, OpenItem

from ..enums import BALLOT_STATES, PhaseKind, ProjectStatus
from ..models import ContestPhase, ExpertAssignment, Project, Vote
from .projects import public_status

# Phases are announced on the home page this long before they start.
HOME_NOTICE = timedelta(days=120)


def home_next_change(now: datetime) -> datetime | None:
    """The next phase to open, close or come within the notice period (one query)."""
    found = (
        ContestPhase.objects.filter(published_q("contest__"), ends_at__gt=now)
        .exclude(kind=PhaseKind.NOMINATION)
        .aggregate(
            opens=Min("starts_at", filter=Q(starts_at__gt=now)),
            closes=Min("ends_at"),
            announced=Min("starts_at", filter=Q(starts_at__gt=now + HOME_NOTICE)),
        )
    )
    if found["announced"] is not None:
        found["announced"] -= HOME_NOTICE
    return min((moment for moment in found.values() if moment), default=None)


def home_items(now: datetime) -> list[OpenItem]:
    """Open or upcoming phases of every contest whose ceremony has not passed."""
    items = []
    soon = now + HOME_NOTICE
    phases = (
        ContestPhase.objects.filter(published_q("contest__"), ends_at__gt=now, starts_at__lte=soon)
        .exclude(kind=PhaseKind.NOMINATION)
        .select_related("contest")
        .order_by("starts_at")
    )
    actions = {
        PhaseKind.SUBMISSION: (_("Enter your project"), "prizes:submit"),
        PhaseKind.VOTING: (_("Vote for the projects you support"), "prizes:ballot"),
        PhaseKind.SELECTION: (_("The Expert Group is choosing the winners"), "prizes:results"),
        PhaseKind.CEREMONY: (_("See the winners"), "prizes:results"),
    }
    for p in phases:
        action, route = actions[p.kind]
        opened = p.is_open(now)
        items.append(
            OpenItem(
                process=_("WSIS Prizes"),
                title=_("%(contest)s: %(phase)s")
                % {"contest": p.contest.name, "phase": p.get_kind_display()},
                url=reverse(route, args=[p.contest.year]),
                action=action,
                deadline=p.ends_at if opened else None,
                opens_at=None if opened else p.starts_at,
            )
        )
    return items


def my_sections(user: User) -> list[MySection]:
    now = timezone.now()
    projects = list(
        Project.objects.filter(submitter=user)
        .select_related("contest", "category__action_line")
        .prefetch_related("contest__phases")
        .order_by("-contest__year", "title")
    )
    from ..recognition import certificate_visible  # it reads the selectors: imported late

    for project in projects:
        project.shown_status = ProjectStatus(public_status(project, project.contest, now)).label
        project.certificate = certificate_visible(
            project=project, contest=project.contest, user=user, now=now
        )
    votes = list(
        Vote.objects.filter(voter=user)
        .select_related("contest", "category__action_line", "project")
        .order_by("-contest__year", "category__action_line__number")
    )
    sections = []
    assignments = list(
        ExpertAssignment.objects.filter(expert=user)
        .select_related("contest")
        .prefetch_related("categories__action_line")
        .order_by("-contest__year")
    )
    if assignments:
        sections.append(
            MySection(
                title=_("WSIS Prizes: Expert Group scoring"),
                items=assignments,
                template_name="prizes/my_assignments.html",
            )
        )
    return [
        *sections,
        MySection(
            title=_("My WSIS Prizes projects"),
            items=projects,
            template_name="prizes/my_projects.html",
            empty_text=_("You have not entered a project in the WSIS Prizes."),
            links=[(_("WSIS Prizes"), reverse("prizes:index"))],
        ),
        MySection(
            title=_("My WSIS Prizes votes"),
            items=votes,
            template_name="prizes/my_votes.html",
            empty_text=_("You have not voted in the WSIS Prizes."),
        ),
    ]


def matrix_counts() -> dict[tuple[str, int], int]:
    """Projects on a ballot per (category Action Line, SDG), in one query."""
    rows = (
        Project.sdgs.through.objects.filter(
            published_q("project__contest__"), project__status__in=BALLOT_STATES
        )
        .values("project__category__action_line__code", "sdg__number")
        .annotate(n=Count("*"))
        .order_by()
    )
    return {(r["project__category__action_line__code"], r["sdg__number"]): r["n"] for r in rows}


def matrix_items(action_line: ActionLine, sdg: SDG, limit: int) -> list[MatrixItem]:
    projects = (
        Project.objects.filter(
            published_q("contest__"),
            status__in=BALLOT_STATES,
            category__action_line=action_line,
            sdgs=sdg,
        )
        .select_related("contest")
        .order_by("-contest__year", "title")[:limit]
    )
    return [
        MatrixItem(
            kind=_("WSIS Prizes project"),
            title=p.title,
            url=p.get_absolute_url(),
            subtitle=f"{p.organisation} · {p.contest.name}",
        )
        for p in projects
    ]


def action_line_winners(action_line: ActionLine) -> dict[str, Any]:
    """Published WSIS Prize Winners of this Action Line's category, newest contest first."""
    now = timezone.now()
    projects = list(
        Project.objects.filter(
            published_q("contest__"),
            category__action_line=action_line,
            status=ProjectStatus.WINNER,
            contest__phases__kind=PhaseKind.CEREMONY,
            contest__phases__starts_at__lte=now,
        )
        .select_related("contest")
        .order_by("-contest__year", "title")[:20]
    )
    return {"prize_winners": projects}
