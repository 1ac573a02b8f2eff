"""The WSIS Prizes contest's models, one module per part: ``contests`` (with phases and
categories), ``projects`` (with attachments), ``votes`` (with the tally) and ``experts``. The
package re-exports them all (``from prizes.models import Project`` keeps working)."""

# A model of this app kept in its own module, loaded once the others are defined.
from .contests import (
    FROZEN_RULES,
    Category,
    Contest,
    ContestPhase,
    ceremony_edition_errors,
    phase_order_errors,
)
from .experts import ExpertAssignment, ExpertScore
from .projects import (
    ATTACHMENT_MAX_BYTES,
    ATTACHMENTS_PER_PROJECT,
    DESCRIPTION_MAX_WORDS,
    DESCRIPTION_MIN_WORDS,
    PROJECT_IMAGE_MAX_BYTES,
    Project,
    ProjectAttachment,
    ProjectQuerySet,
    attachment_content_type,
    attachment_display_name,
)
from .votes import Tally, Vote

__all__ = [
    "ATTACHMENTS_PER_PROJECT",
    "ATTACHMENT_MAX_BYTES",
    "DESCRIPTION_MAX_WORDS",
    "DESCRIPTION_MIN_WORDS",
    "FROZEN_RULES",
    "PROJECT_IMAGE_MAX_BYTES",
    "BallotChange",
    "BallotCount",
    "Category",
    "Contest",
    "ContestPhase",
    "ExpertAssignment",
    "ExpertScore",
    "Project",
    "ProjectAttachment",
    "ProjectQuerySet",
    "Tally",
    "Vote",
    "VoterBallot",
    "VotingReminder",
    "attachment_content_type",
    "attachment_display_name",
    "ceremony_edition_errors",
    "phase_order_errors",
]

# Models of this app kept in their own modules (prizes/models_*.py), loaded once the
# others are defined: they import them from this package.
from ..models_ballot import BallotChange, BallotCount, VoterBallot
from ..models_reminders import VotingReminder
