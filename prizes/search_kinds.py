"""What the WSIS Prizes make searchable on ``/search/``: projects on a published ballot."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wsis_portal.publishing import published_q
from wsis_portal.search_ranking import ranked_page, stored_probe
from wsis_portal.site_search import SearchHit, SearchKind, SearchParams

from .enums import BALLOT_STATES
from .models import Category, Contest, Project


def _public_projects(params: SearchParams) -> QuerySet[Project]:
    """Projects the public may see: on the ballot of a published contest (never drafts)."""
    projects = Project.objects.filter(published_q("contest__"), status__in=BALLOT_STATES)
    if params.action_line:
        projects = projects.filter(category__action_line__code=params.action_line)
    if params.sdg:
        projects = projects.filter(sdgs__number=params.sdg)
    if params.year:
        projects = projects.filter(contest__year=params.year)
    return projects


def _project_rows(params: SearchParams) -> QuerySet[Project]:
    # Only pooled projects are read, and the pool holds only those that pass the filters.
    return Project.objects.select_related("contest")


def search_projects(params: SearchParams, offset: int, limit: int) -> tuple[int, list[SearchHit]]:
    count, rows = ranked_page(
        _public_projects, params, offset=offset, limit=limit, rows=_project_rows
    )
    return count, [
        SearchHit(
            title=project.title,
            url=project.get_absolute_url(),
            summary=Truncator(project.description).words(40),
            meta=f"{project.contest} · {project.organisation}",
        )
        for project in rows
    ]


KIND = SearchKind(
    key="projects",
    label=_("WSIS Prizes projects"),
    search=search_projects,
    filters=frozenset({"action_line", "sdg", "year"}),
    order=20,
    watch=(Project, Project.sdgs.through, Contest, Category),
    probe=stored_probe(Project),
)
