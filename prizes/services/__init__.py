"""Every write of the WSIS Prizes contest (services: ``<noun>_<verb>``), one module per part of the
contest; the package re-exports them all, so ``from prizes.services import vote_cast`` and
``services.vote_cast`` keep working."""

from .attachments import attachment_file_discard, project_attachment_remove, project_attachments_add
from .contests import (
    contest_categories_create,
    contest_create,
    contest_rules_update,
)
from .experts import expert_score_save, winner_confirm, winner_revoke
from .recognition import recognition_queue
from .reminders import draft_reminders_send, vote_reminder_set, vote_reminders_send
from .submission import PROJECT_FIELDS, project_save, project_submit, projects_nominate
from .tally import TallyRow, ballot_changes_fold, tally_compute
from .transitions import (
    LIVE_TALLY_EVERY,
    contest_voting_close,
    contest_voting_open,
    live_tally_queue,
    project_status_change,
    transitions_apply,
)
from .voting import CastVote, vote_cast, vote_cast_next, vote_invalidate

__all__ = [
    "LIVE_TALLY_EVERY",
    "PROJECT_FIELDS",
    "CastVote",
    "TallyRow",
    "attachment_file_discard",
    "ballot_changes_fold",
    "contest_categories_create",
    "contest_create",
    "contest_rules_update",
    "contest_voting_close",
    "contest_voting_open",
    "draft_reminders_send",
    "expert_score_save",
    "live_tally_queue",
    "project_attachment_remove",
    "project_attachments_add",
    "project_save",
    "project_status_change",
    "project_submit",
    "projects_nominate",
    "recognition_queue",
    "tally_compute",
    "transitions_apply",
    "vote_cast",
    "vote_cast_next",
    "vote_invalidate",
    "vote_reminder_set",
    "vote_reminders_send",
    "winner_confirm",
    "winner_revoke",
]
