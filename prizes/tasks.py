"""Thin Celery tasks of the contest: they take ids, are idempotent and ``acks_late``."""

from __future__ import annotations

from celery import shared_task
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from accounts.roles import EXPERT_GROUP
from wsis_portal.i18n import language_of
from wsis_portal.mail import email_send_once


@shared_task(acks_late=True, ignore_result=True)
def transitions_apply(at: str | None = None) -> list[str]:
    """Apply due transitions (what the beat tick does). ``at`` replays a tick as of a given
    time, for the lifecycle test that moves the clock; beat never passes it."""
    from .services import transitions_apply as apply

    when = parse_datetime(at) if at else timezone.now()
    return apply(when)


@shared_task(acks_late=True, ignore_result=True)
def tally_recompute(contest_id: int) -> int:
    """Recount the live tally of one contest (idempotent: an upsert of the same rows)."""
    from .models import Contest
    from .services import tally_compute

    contest = Contest.objects.filter(pk=contest_id).first()
    if contest is None:
        return 0
    return len(tally_compute(contest=contest))


@shared_task(acks_late=True, ignore_result=True)
def project_receipt_send(project_id: int) -> None:
    from .models import Project

    project = Project.objects.select_related("submitter", "contest", "category").filter(
        pk=project_id
    )
    project = project.first()
    if project is None or project.submitted_at is None:
        return
    with language_of(project.submitter):
        email_send_once(
            key=f"prizes:receipt:{project.pk}:{project.submitted_at.isoformat()}",
            subject=_("[WSIS] %(contest)s: %(title)s")
            % {"contest": project.contest, "title": project.title},
            body=render_to_string("prizes/email/receipt.txt", {"project": project}),
            to=project.submitter.email,
        )


@shared_task(acks_late=True, ignore_result=True)
def submitters_notify(contest_id: int) -> int:
    """Voting is open: tell each submitter whether their projects are on the ballot."""
    from .enums import BALLOT_STATES, ProjectStatus
    from .models import Project

    projects = Project.objects.filter(
        contest_id=contest_id,
        status__in=[*BALLOT_STATES, ProjectStatus.NOT_NOMINATED],
    ).select_related("submitter", "contest", "category__action_line")
    sent = 0
    for project in projects:
        with language_of(project.submitter):
            sent += email_send_once(
                key=f"prizes:voting-open:{contest_id}:{project.pk}",
                subject=_("[WSIS] %(contest)s: %(title)s")
                % {"contest": project.contest, "title": project.title},
                body=render_to_string(
                    "prizes/email/voting_open.txt",
                    {"project": project, "nominated": project.status in BALLOT_STATES},
                ),
                to=project.submitter.email,
            )
    return sent


@shared_task(acks_late=True, ignore_result=True)
def expert_group_notify(contest_id: int) -> int:
    """Voting has closed: the Expert Group can score the Champions."""
    from .models import Contest

    contest = Contest.objects.filter(pk=contest_id).first()
    if contest is None:
        return 0
    experts = (
        get_user_model()
        .objects.filter(groups__name=EXPERT_GROUP, is_active=True)
        .only("pk", "email", "language")
    )
    sent = 0
    for expert in experts:
        with language_of(expert):
            sent += email_send_once(
                key=f"prizes:experts:{contest_id}:{expert.pk}",
                subject=_("[WSIS] %(contest)s: the Champions are ready for scoring")
                % {"contest": contest},
                body=render_to_string("prizes/email/experts.txt", {"contest": contest}),
                to=expert.email,
            )
    return sent
