"""Every non-trivial read of the Open Consultation Process, one module per part: ``process``
(the consultations, what the clock allows, the rule checks the actions ask), ``submissions``
and ``discussions``. The package re-exports them all (``from consultations.selectors import
process_state`` keeps working)."""

from .discussions import (
    comment_of_consultation,
    comment_reply_target,
    discussion_comments,
    discussion_get,
    discussions_of,
    flagged_comment_ids,
    is_subscribed,
    is_subscribed_to_consultation,
    my_subscriptions,
    subscriptions_with_pending_comments,
)
from .process import (
    REMINDER_LEAD,
    ProcessState,
    consultation_get,
    consultations_list,
    nomination_window_check,
    nominations_open,
    phase_subscribers,
    phases_to_remind,
    process_state,
    submission_window_check,
)
from .submissions import (
    counted_submissions,
    final_brief,
    my_submissions,
    submission_by_token,
    submission_of_user,
    token_hash,
)

__all__ = [
    "REMINDER_LEAD",
    "ProcessState",
    "comment_of_consultation",
    "comment_reply_target",
    "consultation_get",
    "consultations_list",
    "counted_submissions",
    "discussion_comments",
    "discussion_get",
    "discussions_of",
    "final_brief",
    "flagged_comment_ids",
    "is_subscribed",
    "is_subscribed_to_consultation",
    "my_submissions",
    "my_subscriptions",
    "nomination_window_check",
    "nominations_open",
    "phase_subscribers",
    "phases_to_remind",
    "process_state",
    "submission_by_token",
    "submission_of_user",
    "submission_window_check",
    "subscriptions_with_pending_comments",
    "token_hash",
]
