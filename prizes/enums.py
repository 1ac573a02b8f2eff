"""States and kinds of the WSIS Prizes contest."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PhaseKind(models.TextChoices):
    """The five phases of a contest, in their order."""

    SUBMISSION = "submission", _("Submission")
    NOMINATION = "nomination", _("Nomination")
    VOTING = "voting", _("Public online voting")
    SELECTION = "selection", _("Selection of the winning projects by the Expert Group")
    CEREMONY = "ceremony", _("Announcement of the winners at the WSIS Prizes ceremony")


PHASE_ORDER = [kind.value for kind in PhaseKind]


class ProjectStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    NOMINATED = "nominated", _("Nominated")
    NOT_NOMINATED = "not_nominated", _("Not nominated")
    CHAMPION = "champion", _("Champion")
    WINNER = "winner", _("Winner")


# A project the public may vote for, and that appears on the ballot.
BALLOT_STATES = (ProjectStatus.NOMINATED, ProjectStatus.CHAMPION, ProjectStatus.WINNER)
# A project the submitter may still change (during the submission phase only).
EDITABLE_STATES = (ProjectStatus.DRAFT, ProjectStatus.SUBMITTED)

# The allowed moves of a project's status (see services.project_status_change).
PROJECT_TRANSITIONS: dict[str, tuple[str, ...]] = {
    ProjectStatus.DRAFT: (ProjectStatus.SUBMITTED,),
    ProjectStatus.SUBMITTED: (ProjectStatus.NOMINATED, ProjectStatus.NOT_NOMINATED),
    ProjectStatus.NOT_NOMINATED: (ProjectStatus.NOMINATED,),
    ProjectStatus.NOMINATED: (ProjectStatus.NOT_NOMINATED, ProjectStatus.CHAMPION),
    ProjectStatus.CHAMPION: (ProjectStatus.WINNER,),
    ProjectStatus.WINNER: (ProjectStatus.CHAMPION,),
}
