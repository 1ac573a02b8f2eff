"""Thin views of the Open Consultation Process (parse, call a selector or a service, render), one
module per part: ``pages``, ``submissions`` and ``discussions``. The package re-exports the views
for urls.py."""

from .discussions import (
    COMMENTS_PER_PAGE,
    DISCUSSIONS_PER_PAGE,
    TEASER_WORDS,
    comment_create,
    comment_flag,
    discussion,
    discussions,
    subscription_toggle,
)
from .pages import consultation_list, final_brief, nominate, timeline
from .submissions import (
    submission_lost_link,
    submission_mine,
    submission_private,
    submit,
    submit_done,
)

__all__ = [
    "COMMENTS_PER_PAGE",
    "DISCUSSIONS_PER_PAGE",
    "TEASER_WORDS",
    "comment_create",
    "comment_flag",
    "consultation_list",
    "discussion",
    "discussions",
    "final_brief",
    "nominate",
    "submission_lost_link",
    "submission_mine",
    "submission_private",
    "submit",
    "submit_done",
    "subscription_toggle",
    "timeline",
]
