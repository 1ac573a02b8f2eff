"""A submitter's project: entering, editing and submitting it, and the Secretariat's nomination."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal import outbox
from wsis_portal.refusals import Refusal

from .. import emails
from ..enums import PhaseKind, ProjectStatus
from ..models import Contest, Project
from ..selectors.rules import phase_require_open, project_require_editable
from .attachments import _attachments_prepare, _attachments_store
from .transitions import project_status_change

PROJECT_FIELDS = (
    "category",
    "title",
    "description",
    "organisation",
    "country",
    "stakeholder_type",
    "website",
    "image_alt",
)


def project_save(
    *,
    submitter: User,
    contest: Contest,
    data: dict[str, Any],
    project: Project | None = None,
    now: datetime | None = None,
) -> Project:
    """Create or edit a submitter's own project while the submission phase is open.

    ``data["attachments"]`` (optional) lists new files; they are stored with the project in
    one transaction, or none is when one of them is refused.
    """
    project_require_editable(submitter=submitter, contest=contest, project=project, now=now)
    if project is None:
        project = Project(contest=contest, submitter=submitter)
    for name in PROJECT_FIELDS:
        if name in data:
            setattr(project, name, data[name])
    # A form's image is None when unchanged and False when the submitter clears it.
    if data.get("image") is not None:
        project.image = data["image"] or ""
    project.full_clean()
    files = list(data.get("attachments") or [])
    pending = _attachments_prepare(project=project, files=files, existing=0) if files else []
    try:
        with transaction.atomic():
            project.save()
            if "sdgs" in data:
                project.sdgs.set(data["sdgs"])
            if pending:
                locked = Project.objects.select_for_update().get(pk=project.pk)
                _attachments_store(project=locked, pending=pending)
    except IntegrityError:
        # Two entries of one organisation in one category raced past full_clean().
        raise ValidationError(
            _(
                "Your organisation already has a project in this category. "
                "Each organisation may enter one project per category."
            )
        ) from None
    return project


def project_submit(*, submitter: User, project: Project, now: datetime | None = None) -> Project:
    """Submit a draft during the submission phase and send the receipt email."""
    if project.submitter_id != submitter.pk:
        raise Refusal("not_owner", _("You can only submit your own projects."))
    phase_require_open(contest=project.contest, kind=PhaseKind.SUBMISSION, now=now)
    if project.status != ProjectStatus.DRAFT:
        raise Refusal("submitted", _("This project has already been submitted."))
    with transaction.atomic():
        project.full_clean()
        project_status_change(
            project=project,
            to=ProjectStatus.SUBMITTED,
            by=submitter,
            action="project_submit",
            now=now,
        )
        outbox.add(purpose=emails.RECEIPT, obj=project, to=project.submitter)
    return project


def projects_nominate(
    *, projects: QuerySet[Project], by: User, nominate: bool, reason: str = ""
) -> int:
    """The secretariat's decision on submitted projects, before voting opens."""
    to = ProjectStatus.NOMINATED if nominate else ProjectStatus.NOT_NOMINATED
    if not nominate and not reason.strip():
        raise Refusal("reason", _("Give a reason when you decline a project."))
    changed = 0
    with transaction.atomic():
        ids = list(projects.order_by().values_list("pk", flat=True))
        locked = Project.objects.filter(pk__in=ids).select_related("contest").order_by("pk")
        for project in locked.select_for_update(of=("self",)):
            if project.contest.voting_has_opened():
                raise Refusal(
                    "frozen",
                    _("Voting has opened in %(contest)s: nominations are frozen.")
                    % {"contest": project.contest},
                )
            if project.status == to:
                continue
            project_status_change(
                project=project, to=to, by=by, action="projects_nominate", reason=reason
            )
            changed += 1
    return changed
