"""The voter's opt-in to a reminder before voting closes (issue 14, item 8).

Kept apart from ``prizes.models`` (imported at its end, so Django registers it with the app).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VotingReminder(models.Model):
    """A voter asked, on the ballot, to be emailed before voting closes about the categories
    they have not voted in yet. One row per voter and contest; deleting it opts out."""

    contest = models.ForeignKey(
        "prizes.Contest", on_delete=models.CASCADE, related_name="voting_reminders"
    )
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prize_voting_reminders"
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)

    class Meta:
        verbose_name = _("voting reminder")
        verbose_name_plural = _("voting reminders")
        constraints = [
            models.UniqueConstraint(fields=["contest", "voter"], name="prizes_voting_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.voter} · {self.contest}"
