"""The secretariat's screens for the WSIS Prizes, one module per part: ``contests``, ``projects``,
``votes`` and ``experts``. Importing the package registers them all."""

from .contests import CategoryInline, ContestAdmin, PhaseFormSet, PhaseInline
from .experts import ExpertAssignmentAdmin, ExpertAssignmentForm, ExpertScoreAdmin
from .projects import ProjectAdmin, ProjectAttachmentInline, ReasonActionForm
from .votes import TallyAdmin, VoteAdmin

__all__ = [
    "CategoryInline",
    "ContestAdmin",
    "ExpertAssignmentAdmin",
    "ExpertAssignmentForm",
    "ExpertScoreAdmin",
    "PhaseFormSet",
    "PhaseInline",
    "ProjectAdmin",
    "ProjectAttachmentInline",
    "ReasonActionForm",
    "TallyAdmin",
    "VoteAdmin",
]
