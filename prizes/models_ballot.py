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

    def __str__(self) -> str:
        return f"{self.voter_id} · {self.valid_votes}"


class BallotCount(models.Model):
    """Valid votes per (contest, project, size of the voter's ballot), folded from the
    ballot changes by ``ballot_changes_compact`` (the beat tick, and every final tally).

    Keyed by the ballot's size so that the complete-ballot rule is a sum over the sizes at
    or above the categories required *when the tally is read*: withdrawing or nominating a
    project changes that number without rewriting a row. The project is a plain id: a
    deleted project's votes leave through their own ballot changes.
    """

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="+", db_index=False)
    project_id = models.BigIntegerField()
    ballot_size = models.PositiveSmallIntegerField()
    votes = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("ballot count")
        verbose_name_plural = _("ballot counts")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "project_id", "ballot_size"], name="prizes_ballotcount_key"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project_id} · {self.ballot_size} · {self.votes}"


class BallotChange(models.Model):
    """One change of one voter's ballot: its size and projects before and after.

    Appended by a row trigger on ``prizes_voterballot`` (migration 0014) in the statement
    that changed the ballot. Appending shares no row between voters, so votes for the same
    project never wait on each other; each old project leaves the count of the old size and
    each new one joins the count of the new size when the change is folded into
    ``BallotCount``. The tally reads the counts and the changes not yet folded together.
    """

    contest_id = models.BigIntegerField()
    # Plain small integers: no CHECK to evaluate on an INSERT made at every vote.
    old_size = models.SmallIntegerField()
    old_projects = ArrayField(models.BigIntegerField(), default=list, blank=True)
    new_size = models.SmallIntegerField()
    new_projects = ArrayField(models.BigIntegerField(), default=list, blank=True)

    class Meta:
        verbose_name = _("ballot change")
        verbose_name_plural = _("ballot changes")

    def __str__(self) -> str:
        return f"{self.contest_id}: {self.old_size} → {self.new_size}"
