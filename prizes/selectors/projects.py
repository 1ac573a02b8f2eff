"""One project's page and what the public may know of its status, by the clock."""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts.models import User

from ..enums import BALLOT_STATES, PhaseKind, ProjectStatus
from ..models import Contest, Project, ProjectAttachment
from .contests import phase


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


def contest_project(*, contest: Contest, project_id: int) -> Project:
    """A project of the contest, whatever its state (the caller checks who may see it); 404
    when there is none."""
    return get_object_or_404(
        Project.objects.select_related("contest"), pk=project_id, contest=contest
    )


def contest_project_or_none(*, contest: Contest, project_id: int) -> Project | None:
    """A project of the contest, or None (a refused vote's page names it when it exists)."""
    return Project.objects.filter(contest=contest, pk=project_id).first()


def own_project(*, contest: Contest, user: User, project_id: int) -> Project:
    """One of ``user``'s own projects; anyone else's is a 404, never a hint it exists."""
    return get_object_or_404(
        Project.objects.select_related("contest"), pk=project_id, contest=contest, submitter=user
    )


def submitter_projects(*, contest: Contest, user: User) -> list[Project]:
    """``user``'s projects in the contest, by title, with their category's Action Line."""
    return list(
        Project.objects.filter(contest=contest, submitter=user)
        .select_related("category__action_line")
        .order_by("title")
    )


def project_attachment(*, project: Project, attachment_id: int) -> ProjectAttachment:
    """One attachment of ``project`` (already checked as visible to the reader); else 404."""
    return get_object_or_404(project.attachments.all(), pk=attachment_id)


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
