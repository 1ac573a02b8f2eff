from django.db import models
from django.utils.translation import gettext_lazy as _


class ProposalStatus(models.TextChoices):
    """Where a session proposal stands; the Secretariat's decision ends its review."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not accepted")
    MERGED = "merged", _("Merged into another proposal")


DECIDED_STATES = (ProposalStatus.ACCEPTED, ProposalStatus.REJECTED, ProposalStatus.MERGED)

# The allowed moves of a proposal (forum.proposals.services.proposal_status_change).
PROPOSAL_MOVES: dict[str, set[str]] = {
    ProposalStatus.DRAFT: {ProposalStatus.SUBMITTED},
    ProposalStatus.SUBMITTED: {
        ProposalStatus.ACCEPTED,
        ProposalStatus.REJECTED,
        ProposalStatus.MERGED,
    },
    ProposalStatus.ACCEPTED: set(),
    ProposalStatus.REJECTED: set(),
    ProposalStatus.MERGED: set(),
}
