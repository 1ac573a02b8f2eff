"""Every non-trivial read of the WSIS Prizes contest."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Avg, CharField, Count, Prefetch, Q, QuerySet, Value
from django.db.models.functions import MD5, Cast, Concat
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from forum.enums import Region
from forum.models import SDG, ActionLine
from forum.regions import countries_of_region
from wsis_portal.publishing import published_q, visible
from wsis_portal.registry import MatrixItem, MySection, OpenItem

from .enums import BALLOT_STATES, PHASE_ORDER, PhaseKind, ProjectStatus
from .filters import BallotFilter
from .models import Category, Contest, ContestPhase, ExpertAssignment, ExpertScore, Project, Vote


def contest_by_year(year: int, *, user: Any = None) -> Contest:
    """The contest of ``year``; a draft only for staff (preview), 404 for everyone else."""
    contest = (
        visible(Contest.objects.filter(year=year), user)
        .select_related("edition")
        .prefetch_related(Prefetch("phases", queryset=ContestPhase.objects.order_by("starts_at")))
        .first()
    )
    if contest is None:
        raise Http404(_("There is no WSIS Prizes contest for this year."))
    return contest


def phase(contest: Contest, kind: str) -> ContestPhase | None:
    return next((p for p in contest.phases.all() if p.kind == kind), None)


@dataclass
class TimelineStep:
    phase: ContestPhase
    state: str  # "past", "current" or "future"


def timeline(*, contest: Contest, now: datetime) -> dict[str, Any]:
    """The five phases in order, the current one marked, and the next deadline."""
    phases = sorted(contest.phases.all(), key=lambda p: PHASE_ORDER.index(p.kind))
    steps = []
    current = None
    for p in phases:
        if p.is_open(now):
            state, current = "current", p
        elif p.has_ended(now):
            state = "past"
        else:
            state = "future"
        steps.append(TimelineStep(phase=p, state=state))
    upcoming = [p.starts_at for p in phases if p.starts_at > now] + [
        p.ends_at for p in phases if p.ends_at > now
    ]
    next_deadline = min(upcoming) if upcoming else None
    return {
        "steps": steps,
        "current": current,
        "next_deadline": next_deadline,
        "time_left": (next_deadline - now) if next_deadline else None,
    }


def contests_overview(*, now: datetime) -> dict[str, Any]:
    """The current contest (the latest whose ceremony has not ended) and the archive."""
    contests = list(
        Contest.objects.filter(published_q())
        .prefetch_related(Prefetch("phases", queryset=ContestPhase.objects.order_by("starts_at")))
        .order_by("-year")
    )
    current = [c for c in contests if any(not p.has_ended(now) for p in c.phases.all())]
    for contest in current:
        # What a visitor can do now: the page offers only the actions that are open.
        open_kinds = {p.kind for p in contest.phases.all() if p.is_open(now)}
        contest.submissions_open = PhaseKind.SUBMISSION in open_kinds  # type: ignore[attr-defined]
        contest.voting_open = PhaseKind.VOTING in open_kinds  # type: ignore[attr-defined]
    archive = [c for c in contests if c not in current]
    return {"current": current, "archive": archive}


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


def ballot_project(*, contest: Contest, project_id: int, user: User | AnonymousUser) -> Project:
    """A project page: public when on the ballot; drafts only for their submitter and staff.

    The same rule guards the project's attachments (listed on the page, downloaded by a view).
    """
    project = (
        Project.objects.filter(contest=contest, pk=project_id)
        .select_related("category__action_line", "contest")
        .prefetch_related("sdgs", "attachments")
        .first()
    )
    if project is None:
        raise Http404(_("This project does not exist."))
    if project.status in BALLOT_STATES:
        return project
    if user.is_authenticated and (user.pk == project.submitter_id or user.is_staff):
        return project
    raise Http404(_("This project is not public."))


def champions_announced(contest: Contest, now: datetime) -> bool:
    """Champions are announced on the announcement date, the end of Phase IV (seed 002:
    "Champions will be announced on 25 April"), not the moment voting closes."""
    announcement = phase(contest, PhaseKind.SELECTION) or phase(contest, PhaseKind.VOTING)
    return bool(announcement and announcement.has_ended(now))


def public_status(project: Project, contest: Contest, now: datetime) -> str:
    """What the public (and the submitter) may know: a Champion stays Nominated until the
    announcement date, and a Winner stays a Champion until the ceremony phase starts."""
    if project.status in (ProjectStatus.CHAMPION, ProjectStatus.WINNER) and not (
        champions_announced(contest, now)
    ):
        return ProjectStatus.NOMINATED
    if project.status == ProjectStatus.WINNER:
        ceremony = phase(contest, PhaseKind.CEREMONY)
        if ceremony is None or not ceremony.has_started(now):
            return ProjectStatus.CHAMPION
    return project.status


@dataclass
class CategoryResult:
    category: Category
    winners: list[Project]
    champions: list[Project]
    tallies: list[Any]
    chart: list[tuple[str, int, str]] = field(default_factory=list)


def results(*, contest: Contest, now: datetime, region: str = "") -> dict[str, Any]:
    """What the results page may show now, by the clock.

    Champions on the announcement date (the end of Phase IV) once the final tally has run;
    Winners once the ceremony phase has started, and then no longer among the Champions
    (a category has one Winner and its other top projects are Champions: 2016 had 18
    Winners and 70 Champions); live counts during voting only when the contest allows it.
    """
    voting = phase(contest, PhaseKind.VOTING)
    ceremony = phase(contest, PhaseKind.CEREMONY)
    announcement = phase(contest, PhaseKind.SELECTION) or voting
    winners_public = bool(ceremony and ceremony.has_started(now))
    voting_closed = bool(voting and voting.has_ended(now))
    champions_ready = bool(voting and voting.end_applied_at and champions_announced(contest, now))
    live = bool(contest.live_results_public and voting and voting.is_open(now))
    categories = categories_of(contest)
    by_category: dict[int, CategoryResult] = {
        c.pk: CategoryResult(category=c, winners=[], champions=[], tallies=[]) for c in categories
    }
    region = region if region in Region.values else ""
    if voting_closed and champions_ready:
        projects = Project.objects.filter(
            contest=contest, status__in=[ProjectStatus.CHAMPION, ProjectStatus.WINNER]
        )
        if region:
            # The ESCAP regional review asks for "WSIS Prize winners from the region" (seed 003).
            projects = projects.filter(country__in=countries_of_region(region))
        projects = projects.select_related("tally").order_by("category_id", "tally__rank", "id")
        for project in projects:
            result = by_category[project.category_id]
            if winners_public and project.status == ProjectStatus.WINNER:
                result.winners.append(project)
            else:
                result.champions.append(project)
    if live:
        from .models import Tally

        for tally in (
            Tally.objects.filter(contest=contest)
            .select_related("project")
            .order_by("category_id", "rank")
        ):
            if tally.rank <= 10:
                by_category[tally.category_id].tallies.append(tally)
        for result in by_category.values():
            # (label, value, link) rows of the category's bar chart, most voted first.
            result.chart = [
                (
                    t.project.title,
                    t.votes,
                    reverse("prizes:project", args=[contest.year, t.project_id]),
                )
                for t in result.tallies
            ]
    computed = None
    if live:
        from .models import Tally

        computed = (
            Tally.objects.filter(contest=contest)
            .order_by("-computed_at")
            .values_list("computed_at", flat=True)
            .first()
        )
    return {
        "categories": list(by_category.values()),
        "winners_public": winners_public,
        "voting_closed": voting_closed,
        "champions_ready": champions_ready,
        "live": live,
        "computed_at": computed,
        "ceremony": ceremony,
        "announcement": announcement,
        "region": region,
        "regions": Region.choices,
    }


def expert_queue(*, contest: Contest, expert: User) -> list[dict[str, Any]]:
    """The Champions of the categories assigned to this expert, with the expert's scores."""
    assignment = ExpertAssignment.objects.filter(contest=contest, expert=expert).first()
    if assignment is None:
        return []
    projects = (
        Project.objects.filter(
            contest=contest,
            category__in=assignment.categories.all(),
            status__in=[ProjectStatus.CHAMPION, ProjectStatus.WINNER],
        )
        .select_related("category__action_line")
        .order_by("category__action_line__number", "title")
    )
    scores = {
        s.project_id: s for s in ExpertScore.objects.filter(expert=expert, project__in=projects)
    }
    return [{"project": p, "score": scores.get(p.pk)} for p in projects]


def proposed_winners(*, contest: Contest) -> dict[int, list[int]]:
    """{category id: [project ids]} with the highest mean expert score (a tie keeps all)."""
    rows = (
        Project.objects.filter(
            contest=contest, status__in=[ProjectStatus.CHAMPION, ProjectStatus.WINNER]
        )
        .annotate(mean=Avg("scores__score"), n=Count("scores"))
        .filter(n__gt=0)
        .values("pk", "category_id", "mean")
    )
    best: dict[int, tuple[float, list[int]]] = {}
    for row in rows:
        top = best.get(row["category_id"])
        if top is None or row["mean"] > top[0]:
            best[row["category_id"]] = (row["mean"], [row["pk"]])
        elif row["mean"] == top[0]:
            top[1].append(row["pk"])
    return {category: ids for category, (_mean, ids) in best.items()}


# --- registry providers ---------------------------------------------------------------------


def home_items(now: datetime) -> list[OpenItem]:
    """Open or upcoming phases of every contest whose ceremony has not passed."""
    items = []
    soon = now + timedelta(days=120)
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
    for project in projects:
        project.shown_status = ProjectStatus(public_status(project, project.contest, now)).label
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
