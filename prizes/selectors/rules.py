"""The rules an action of the contest checks before it writes, and its preview asks too.

Each refuses with the project's ``Refusal`` (a code and a message) and changes nothing: the
submission form and the vote confirmation page call the same function as the action.
"""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.models import User
from accounts.selectors import user_has_verified_email
from wsis_portal.refusals import Refusal

from ..enums import EDITABLE_STATES, PhaseKind
from ..models import Contest, Project
from .contests import phase_of

ALREADY_VOTED = _lazy(
    "You have already voted in this category. A vote cannot be changed once it is cast."
)


def phase_require_open(*, contest: Contest, kind: str, now: datetime | None = None) -> None:
    """Refuse (code ``closed``) unless the phase is open now (the clock decides)."""
    phase = phase_of(contest, kind)
    now = now or timezone.now()
    if phase is None or not phase.is_open(now):
        if phase is not None and phase.has_ended(now):
            message = _("The %(phase)s phase ended on %(date)s.") % {
                "phase": phase.get_kind_display().lower(),
                "date": date_format(timezone.localtime(phase.ends_at), "DATETIME_FORMAT"),
            }
        elif phase is not None:
            message = _("The %(phase)s phase opens on %(date)s.") % {
                "phase": phase.get_kind_display().lower(),
                "date": date_format(timezone.localtime(phase.starts_at), "DATETIME_FORMAT"),
            }
        else:
            message = _("This phase is not scheduled for this contest.")
        raise Refusal("closed", message)


def project_require_editable(
    *, submitter: User, contest: Contest, project: Project | None, now: datetime | None = None
) -> None:
    """Raise unless the submitter may change this project (or enter one) now, by the clock."""
    if not user_has_verified_email(user=submitter):
        raise Refusal("unverified", _("Confirm your email address before entering a project."))
    phase_require_open(contest=contest, kind=PhaseKind.SUBMISSION, now=now)
    if project is None:
        return
    if project.submitter_id != submitter.pk or project.contest_id != contest.pk:
        raise Refusal("not_owner", _("You can only change your own projects."))
    if project.status not in EDITABLE_STATES:
        raise Refusal("locked", _("This project can no longer be changed."))


def vote_check(
    *,
    on_ballot: bool,
    verified: bool,
    voting_starts: datetime | None,
    voting_ends: datetime | None,
    already_voted: bool = False,
    now: datetime,
) -> None:
    """The rules of a vote, from facts the caller has read: ``vote_cast`` reads them in its
    one SELECT, the confirmation page (a preview) from the selectors. Refuses with the
    first rule broken; the unique constraint has the last word on ``already_voted``."""
    if not on_ballot:
        raise Refusal("not_on_ballot", _("This project is not on the ballot."))
    if not verified:
        raise Refusal("unverified", _("Confirm your email address before voting."))
    if voting_starts is None or voting_ends is None or not voting_starts <= now < voting_ends:
        raise Refusal(
            "closed", _("Voting is not open: votes are accepted only during the voting phase.")
        )
    if already_voted:
        raise Refusal("already_voted", ALREADY_VOTED)
