"""Each voter's valid votes in a contest, kept by the database as votes change.

The complete-ballot rule counts only voters with a valid vote in every category. Finding
them by grouping two million votes by voter took a second; this row per (contest, voter),
kept by statement-level triggers on the vote table (migration 0011), answers it from the
voters' own rows: how many valid votes they have and for which projects.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Contest


class VoterBallot(models.Model):
    """One voter's valid votes in one contest: how many, and the projects they went to.

    Written only by the database triggers on ``prizes_vote`` (insert, delete, and a change
    of validity, voter, contest or project), in the same statement as the vote, so it is
    never out of step with the votes; nothing in Python writes it.
    """

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="+", db_index=False)
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    valid_votes = models.PositiveIntegerField(_("valid votes"), default=0)
    projects = ArrayField(models.BigIntegerField(), default=list, blank=True)

    class Meta:
        verbose_name = _("voter's ballot")
        verbose_name_plural = _("voters' ballots")
        constraints = [
            models.UniqueConstraint(fields=["contest", "voter"], name="prizes_ballot_one_per_voter")
        ]
        indexes = [
            models.Index(fields=["contest", "valid_votes"], name="prizes_ballot_completeness")
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} · {self.valid_votes}"
