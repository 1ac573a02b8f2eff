"""Session outcome reports and the deadline they are due by (issue 15, item 4).

After its session, an owner of the session (``SessionOwner``: its proposer, or an organiser or
moderator the Secretariat names) writes the session's outcome report before the edition's
deadline (``OutcomeCall``). The edition's Outcome Document is generated from the reports.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_MESSAGES_MAX = 4000
RECOMMENDATIONS_MAX = 4000


class OutcomeCall(models.Model):
    """The deadline of an edition's outcome reports, and when owners are reminded of it."""

    edition = models.OneToOneField(
        "forum.Edition",
        on_delete=models.CASCADE,
        related_name="outcome_call",
        verbose_name=_("edition"),
    )
    due_at = models.DateTimeField(
        _("reports due by"), help_text=_("After this moment no outcome report is accepted.")
    )
    reminder_at = models.DateTimeField(
        _("remind owners at"),
        help_text=_("Owners of sessions without a report are emailed once, at this moment."),
    )

    class Meta:
        verbose_name = _("outcome reporting deadline")
        verbose_name_plural = _("outcome reporting deadlines")
        constraints = [
            models.CheckConstraint(
                condition=Q(reminder_at__lt=F("due_at")),
                name="forum_outcomecall_reminder_before_due",
                violation_error_message=_("The reminder must go out before the deadline."),
            )
        ]

    def __str__(self) -> str:
        return str(_("Outcome reports of %(edition)s") % {"edition": self.edition})

    def is_open(self, now: Any = None) -> bool:
        """The clock decides: reports are accepted until the deadline."""
        return (now or timezone.now()) < self.due_at


class SessionOwner(models.Model):
    """An account that answers for a session: it may write the session's outcome report."""

    session = models.ForeignKey(
        "forum.Session",
        on_delete=models.CASCADE,
        related_name="owners",
        verbose_name=_("session"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="owned_sessions",
        verbose_name=_("account"),
    )

    class Meta:
        verbose_name = _("session owner")
        verbose_name_plural = _("session owners")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="forum_sessionowner_once")
        ]
        indexes = [models.Index(fields=["user", "session"], name="forum_sessionowner_user")]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}"


class OutcomeReport(models.Model):
    """What a session concluded: its key messages and recommendations, with its links."""

    session = models.OneToOneField(
        "forum.Session",
        on_delete=models.CASCADE,
        related_name="outcome_report",
        verbose_name=_("session"),
    )
    key_messages = models.TextField(
        _("key messages"),
        max_length=KEY_MESSAGES_MAX,
        validators=[MaxLengthValidator(KEY_MESSAGES_MAX)],
        help_text=_("The main messages of the session, one per line."),
    )
    recommendations = models.TextField(
        _("recommendations"),
        max_length=RECOMMENDATIONS_MAX,
        validators=[MaxLengthValidator(RECOMMENDATIONS_MAX)],
        help_text=_("What the session recommends, one per line."),
    )
    action_lines = models.ManyToManyField(
        "forum.ActionLine",
        related_name="outcome_reports",
        verbose_name=_("Action Lines"),
    )
    sdgs: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "forum.SDG", related_name="outcome_reports", blank=True, verbose_name=_("SDGs")
    )
    slides_url = models.URLField(_("link to the slides"), blank=True)
    recording_url = models.URLField(_("link to the recording"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["session__starts_at", "session__title"]
        verbose_name = _("outcome report")
        verbose_name_plural = _("outcome reports")

    def __str__(self) -> str:
        return str(_("Outcomes of %(session)s") % {"session": self.session})

    def get_absolute_url(self) -> str:
        return self.session.get_absolute_url() + "#outcomes"

    @property
    def key_message_lines(self) -> list[str]:
        return [line.strip() for line in self.key_messages.splitlines() if line.strip()]

    @property
    def recommendation_lines(self) -> list[str]:
        return [line.strip() for line in self.recommendations.splitlines() if line.strip()]
