"""The votes and the tally computed from them."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .contests import Category, Contest
from .projects import Project


class Vote(models.Model):
    """One voter's vote in one category; kept (flagged invalid) even when invalidated."""

    # Few indexes keep the vote INSERT cheap: the unique constraint leads with contest, the
    # tally index covers (contest, category, project), (voter, contest) serves "my votes".
    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="votes", db_index=False
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="votes", db_index=False
    )
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="prize_votes",
        db_index=False,
    )
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    ip_hash = models.CharField(_("IP address (hashed)"), max_length=64, blank=True)
    user_agent_hash = models.CharField(_("user agent (hashed)"), max_length=64, blank=True)
    valid = models.BooleanField(_("valid"), default=True)
    invalid_reason = models.TextField(
        _("reason for invalidation"),
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
    )
    invalidated_at = models.DateTimeField(_("invalidated at"), null=True, blank=True)
    invalidated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-cast_at"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "category", "voter"], name="prizes_vote_one_per_category"
            ),
            models.CheckConstraint(
                condition=Q(valid=True) | ~Q(invalid_reason=""),
                name="prizes_vote_invalid_has_reason",
            ),
        ]
        indexes = [
            # The tally: COUNT(*) of valid votes grouped by (category, project).
            models.Index(
                fields=["contest", "category", "project"],
                condition=Q(valid=True),
                name="prizes_vote_tally",
            ),
            models.Index(fields=["voter", "contest"], name="prizes_vote_voter"),
            # The admin's list, newest first (with the admin's tie-break on id): the first
            # page reads 100 entries of this index instead of sorting every vote.
            models.Index(fields=["-cast_at", "-id"], name="prizes_vote_newest"),
        ]

    def __str__(self) -> str:
        return gettext("Vote %(id)s") % {"id": self.pk}


class Tally(models.Model):
    """Valid votes of one project and its rank in its category, as last computed."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="tally")
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="tallies")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="tallies")
    votes = models.PositiveIntegerField(_("valid votes"), default=0)
    rank = models.PositiveIntegerField(_("rank in category"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        ordering = ["category", "rank"]
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        indexes = [models.Index(fields=["contest", "category", "rank"], name="prizes_tally_rank")]

    def __str__(self) -> str:
        return f"{self.project} · {self.votes}"
