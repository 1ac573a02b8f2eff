"""The contest's outbox handlers: its emails and its recount requests (registered in apps.py).

One message per recipient: each email is its own row, so a failure on one address delays
that email alone and never sends the others twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from wsis_portal.mail import Email
from wsis_portal.models import OutboxMessage

if TYPE_CHECKING:
    from .models import ContestPhase

RECEIPT = "prizes.receipt"
VOTING_OPEN = "prizes.voting-open"
EXPERTS_READY = "prizes.experts-ready"
TALLY_RECOMPUTE = "prizes.tally-recompute"
RECOGNITION = "prizes.recognition"
DRAFTS_REMINDER = "prizes.drafts-reminder"
VOTE_REMINDER = "prizes.vote-reminder"


def receipt(message: OutboxMessage) -> Email | None:
    """The receipt of a submitted project."""
    from .models import Project

    project = (
        Project.objects.select_related("submitter", "contest", "category")
        .filter(pk=message.object_pk, submitted_at__isnull=False)
        .first()
    )
    if project is None:
        return None
    return Email(
        subject=_("[WSIS] %(contest)s: %(title)s")
        % {"contest": project.contest, "title": project.title},
        body=render_to_string("prizes/email/receipt.txt", {"project": project}),
        to=project.submitter.email,
    )


def voting_open(message: OutboxMessage) -> Email | None:
    """Voting is open: tell a submitter whether their project is on the ballot."""
    from .models import Project

    project = (
        Project.objects.select_related("submitter", "contest", "category__action_line")
        .filter(pk=message.object_pk)
        .first()
    )
    if project is None:
        return None
    return Email(
        subject=_("[WSIS] %(contest)s: %(title)s")
        % {"contest": project.contest, "title": project.title},
        body=render_to_string(
            "prizes/email/voting_open.txt",
            {"project": project, "nominated": bool(message.data.get("nominated"))},
        ),
        to=project.submitter.email,
    )


def experts_ready(message: OutboxMessage) -> Email | None:
    """Voting has closed: an Expert Group member can score the Champions."""
    from .models import Contest

    contest = Contest.objects.filter(pk=message.object_pk).first()
    if contest is None or message.recipient is None or not message.recipient.is_active:
        return None
    return Email(
        subject=_("[WSIS] %(contest)s: the Champions are ready for scoring") % {"contest": contest},
        body=render_to_string("prizes/email/experts.txt", {"contest": contest}),
        to=message.recipient.email,
    )


def tally_recompute(message: OutboxMessage) -> None:
    """Recount the live tally of one contest (idempotent: an upsert of the same rows)."""
    from .models import Contest
    from .services import tally_compute

    contest = Contest.objects.filter(pk=message.object_pk).first()
    if contest is not None:
        tally_compute(contest=contest)


def recognition(message: OutboxMessage) -> Email | None:
    """The results are published: a Champion or Winner is congratulated, with the link to
    the certificate (built in the recipient's language, which the delivery has set)."""
    from .models import Project

    project = (
        Project.objects.select_related("submitter", "contest__edition", "category__action_line")
        .filter(pk=message.object_pk, status__in=["winner", "champion"])
        .first()
    )
    if project is None or not project.submitter.is_active:
        return None
    base = settings.PORTAL_BASE_URL.rstrip("/")
    year = project.contest.year
    context = {
        "project": project,
        "winner": project.status == "winner",
        "certificate_url": base + reverse("prizes:certificate", args=[year, project.pk]),
        "booklet_url": base + reverse("prizes:booklet", args=[year]),
    }
    if project.status == "winner":
        subject = _("[WSIS] Congratulations: “%(title)s” is a WSIS Prize Winner %(year)s")
    else:
        subject = _("[WSIS] Congratulations: “%(title)s” is a WSIS Prize Champion %(year)s")
    return Email(
        subject=subject % {"title": project.title, "year": year},
        body=render_to_string("prizes/email/recognition.txt", context),
        to=project.submitter.email,
    )


def _open_phase(contest_id: int, kind: str) -> ContestPhase | None:
    from django.utils import timezone

    from .models import ContestPhase

    phase = (
        ContestPhase.objects.select_related("contest")
        .filter(contest_id=contest_id, kind=kind)
        .first()
    )
    return phase if phase is not None and phase.is_open(timezone.now()) else None


def drafts_reminder(message: OutboxMessage) -> Email | None:
    """The submission deadline is near: a submitter's drafts, each with its link; nothing
    once they are all submitted or the deadline has passed."""
    from .enums import PhaseKind
    from .reminders import drafts_of

    user = message.recipient
    phase = _open_phase(message.object_pk, PhaseKind.SUBMISSION)
    if user is None or not user.is_active or phase is None:
        return None
    drafts = drafts_of(contest_id=phase.contest_id, user=user)
    if not drafts:
        return None
    base = settings.PORTAL_BASE_URL.rstrip("/")
    year = phase.contest.year
    links = [(p, base + reverse("prizes:submit_edit", args=[year, p.pk])) for p in drafts]
    return Email(
        subject=_("[WSIS] Reminder: submit your project to %(contest)s")
        % {"contest": phase.contest},
        body=render_to_string(
            "prizes/email/drafts_reminder.txt", {"phase": phase, "drafts": links}
        ),
        to=user.email,
    )


def vote_reminder(message: OutboxMessage) -> Email | None:
    """Voting closes soon: the categories the voter (who asked for it) has not voted in."""
    from .enums import PhaseKind
    from .models_reminders import VotingReminder
    from .reminders import categories_not_voted

    user = message.recipient
    phase = _open_phase(message.object_pk, PhaseKind.VOTING)
    if user is None or not user.is_active or phase is None:
        return None
    if not VotingReminder.objects.filter(contest_id=phase.contest_id, voter=user).exists():
        return None
    missing = categories_not_voted(contest_id=phase.contest_id, user=user)
    if not missing:
        return None
    base = settings.PORTAL_BASE_URL.rstrip("/")
    year = phase.contest.year
    links = [
        (c, base + reverse("prizes:ballot_category", args=[year, c.action_line.code]))
        for c in missing
    ]
    return Email(
        subject=_("[WSIS] Voting in %(contest)s closes soon") % {"contest": phase.contest},
        body=render_to_string(
            "prizes/email/vote_reminder.txt",
            {
                "phase": phase,
                "categories": links,
                "ballot_url": base + reverse("prizes:ballot", args=[year]),
            },
        ),
        to=user.email,
    )
