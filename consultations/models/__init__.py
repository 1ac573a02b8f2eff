"""The Open Consultation Process: phases, official submissions, discussions, nominations, one
module per part: ``process`` (the consultation, its phases, nominations), ``submissions`` and
``discussions``. The package re-exports them all (``from consultations.models import Comment``
keeps working).

Fields, constraints and small derived properties only; every write goes through services."""

from .discussions import Comment, CommentDelivery, CommentFlag, Discussion, Subscription
from .process import STANDARD_TITLE, Consultation, ConsultationPhase, Nomination
from .submissions import Submission, SubmissionQuerySet, counted_submission_q

__all__ = [
    "STANDARD_TITLE",
    "Comment",
    "CommentDelivery",
    "CommentFlag",
    "Consultation",
    "ConsultationPhase",
    "Discussion",
    "Nomination",
    "Submission",
    "SubmissionQuerySet",
    "Subscription",
    "counted_submission_q",
]
