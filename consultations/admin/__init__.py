"""The secretariat's screens: phases, submission review and export, moderation, nominations, one
module per part: ``process``, ``submissions``, ``discussions`` and ``nominations``. Importing
the package registers them all."""

from .discussions import CommentAdmin, DiscussionAdmin, FlaggedFilter, FlagInline, SubscriptionAdmin
from .nominations import NOMINATION_CSV_HEADER, NominationAdmin
from .process import ConsultationAdmin, PhaseForm, PhaseInline
from .submissions import SUBMISSION_CSV_HEADER, AddressConfirmedFilter, SubmissionAdmin

__all__ = [
    "NOMINATION_CSV_HEADER",
    "SUBMISSION_CSV_HEADER",
    "AddressConfirmedFilter",
    "CommentAdmin",
    "ConsultationAdmin",
    "DiscussionAdmin",
    "FlagInline",
    "FlaggedFilter",
    "NominationAdmin",
    "PhaseForm",
    "PhaseInline",
    "SubmissionAdmin",
    "SubscriptionAdmin",
]
