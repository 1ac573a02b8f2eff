"""The WSIS Prizes pages, one module per part: ``pages`` (index, contest, results),
``submission``, ``voting`` and ``experts``. The package re-exports the views for urls.py."""

from .experts import review, review_score
from .pages import PAGE_SIZE, contest, index, results
from .submission import attachment_add, attachment_download, attachment_remove, submit
from .voting import (
    SHUFFLE_COOKIE,
    SHUFFLE_MAX_AGE,
    SHUFFLE_SALT,
    VOTE_RATE_IP,
    VOTE_RATE_USER,
    ballot,
    ballot_category,
    project,
    vote,
)

__all__ = [
    "PAGE_SIZE",
    "SHUFFLE_COOKIE",
    "SHUFFLE_MAX_AGE",
    "SHUFFLE_SALT",
    "VOTE_RATE_IP",
    "VOTE_RATE_USER",
    "attachment_add",
    "attachment_download",
    "attachment_remove",
    "ballot",
    "ballot_category",
    "contest",
    "index",
    "project",
    "results",
    "review",
    "review_score",
    "submit",
    "vote",
]
