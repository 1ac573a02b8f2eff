"""The Expert Group's queue and the Winners their scores propose."""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Count

from accounts.models import User
from accounts.roles import EXPERT_GROUP, in_group

from ..enums import ProjectStatus
from ..models import Contest, ExpertAssignment, ExpertScore, Project


def expert_can_score(*, expert: User, project: Project) -> bool:
    """Whether ``expert`` is in the Expert Group and assigned the project's category."""
    if not in_group(expert, EXPERT_GROUP):
        return False
    return ExpertAssignment.objects.filter(
        contest_id=project.contest_id, expert=expert, categories=project.category_id
    ).exists()


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
