"""The contest's reminders, each once per recipient and window (``wsis_portal.reminders``).

- Submitters with a project still in draft are reminded before the submission deadline.
- Voters who asked for it on the ballot are reminded, before voting closes, of the
  categories they have not voted in yet.

The beat tick runs both every minute; each tick inside a window adds a message for whoever
has none yet (someone who starts a draft or opts in on the last day is reminded too), and
the handler looks again at delivery time (a draft submitted meanwhile, every category voted
in, the opt-in withdrawn: nothing is sent).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User
from wsis_portal.reminders import remind_each_once, window_name

from .. import emails
from ..enums import BALLOT_STATES, PhaseKind, ProjectStatus
from ..models import Category, Contest, ContestPhase, Vote
from ..models_reminders import VotingReminder
from ..selectors.rules import phase_require_open

# How long before the submission deadline and the end of voting people are reminded.
REMINDER_LEAD = timedelta(days=getattr(settings, "PRIZES_REMINDER_LEAD_DAYS", 3))


def vote_reminder_set(
    *, contest: Contest, voter: User, wanted: bool, now: datetime | None = None
) -> bool:
    """A voter asks for (or withdraws) the reminder before voting closes; only while voting
    is open (``closed`` otherwise). Returns whether the reminder is on afterwards."""
    phase_require_open(contest=contest, kind=PhaseKind.VOTING, now=now or timezone.now())
    if wanted:
        VotingReminder.objects.get_or_create(contest=contest, voter=voter)
    else:
        VotingReminder.objects.filter(contest=contest, voter=voter).delete()
    return wanted


def _phases_ending(kind: str, now: datetime) -> QuerySet[ContestPhase]:
    return ContestPhase.objects.filter(
        kind=kind,
        ends_at__gt=now,
        ends_at__lte=now + REMINDER_LEAD,
        contest__published_at__isnull=False,
    ).order_by("pk")


def draft_reminders_send(now: datetime) -> int:
    """Tick handler: remind each submitter with a draft before the submission deadline."""
    added = 0
    for phase in _phases_ending(PhaseKind.SUBMISSION, now):
        submitters = User.objects.filter(
            is_active=True,
            prize_projects__contest_id=phase.contest_id,
            prize_projects__status=ProjectStatus.DRAFT,
        ).distinct()
        added += remind_each_once(
            purpose=emails.DRAFTS_REMINDER,
            window=window_name("prizes.drafts", phase.pk, at=phase.ends_at),
            obj=Contest(pk=phase.contest_id),
            users=submitters,
        )
    return added


def vote_reminders_send(now: datetime) -> int:
    """Tick handler: before voting closes, remind each voter who opted in and has not voted
    in every category one can vote in."""
    added = 0
    for phase in _phases_ending(PhaseKind.VOTING, now):
        votable = (
            Category.objects.filter(contest_id=phase.contest_id)
            .filter(projects__status__in=BALLOT_STATES)
            .distinct()
            .count()
        )
        votes_cast = (
            Vote.objects.filter(contest_id=phase.contest_id, voter=OuterRef("pk"))
            .order_by()
            .values("voter")
            .annotate(n=Count("pk"))
            .values("n")
        )
        voters = (
            User.objects.filter(is_active=True, prize_voting_reminders__contest_id=phase.contest_id)
            .annotate(
                votes_cast=Coalesce(Subquery(votes_cast, output_field=IntegerField()), Value(0))
            )
            .filter(Q(votes_cast__lt=votable))
        )
        added += remind_each_once(
            purpose=emails.VOTE_REMINDER,
            window=window_name("prizes.vote", phase.pk, at=phase.ends_at),
            obj=Contest(pk=phase.contest_id),
            users=voters,
        )
    return added
