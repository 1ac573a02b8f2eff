"""Every write of the Open Consultation Process, one module per part: ``submissions``,
``discussions``, ``nominations`` and the beat tick's ``notifications``. The package re-exports
them all (``from consultations.services import comment_post`` keeps working).

Whether something is allowed is decided here from the phase dates and the clock at call
time (DESIGN.md, "The clock decides"); views pass ``now=timezone.now()``. The rule checks
themselves are reads and live in ``consultations.selectors`` (``submission_window_check``,
``nominations_open``): the actions ask them, and so may a page that previews an action."""

from .discussions import (
    comment_flag,
    comment_hide,
    comment_post,
    comment_unhide,
    comment_visibility_change,
    discussion_status_change,
    subscription_set,
)
from .nominations import nomination_create
from .notifications import comment_digests_queue
from .submissions import (
    SUBMISSION_FIELDS,
    submission_create,
    submission_email_confirm,
    submission_link_open,
    submission_links_resend,
    submission_set_status,
    submission_update,
)

__all__ = [
    "SUBMISSION_FIELDS",
    "comment_digests_queue",
    "comment_flag",
    "comment_hide",
    "comment_post",
    "comment_unhide",
    "comment_visibility_change",
    "discussion_status_change",
    "nomination_create",
    "submission_create",
    "submission_email_confirm",
    "submission_link_open",
    "submission_links_resend",
    "submission_set_status",
    "submission_update",
    "subscription_set",
]
