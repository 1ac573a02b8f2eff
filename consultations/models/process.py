"""A consultation, its phases, and the High-Level Track facilitator nominations."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from accounts.enums import StakeholderType
from wsis_portal.models import Phase
from wsis_portal.publishing import Publishable
from wsis_portal.translated import TranslatedText, translated

from ..enums import (
    MEETING_KINDS,
    ROMAN,
    PhaseKind,
)

STANDARD_TITLE = re.compile(r"WSIS Forum (\d{4}): Open Consultation Process")


class Consultation(Publishable):
    """The Open Consultation Process that builds the agenda of one Forum edition."""

    edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("Forum edition"),
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(
        _("description"), blank=True, max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    nominations_deadline = models.DateTimeField(
        _("High-Level Track facilitator nominations deadline"),
        null=True,
        blank=True,
        help_text=_("Nominations are accepted from the opening until this moment."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-edition__year", "title"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The title in the reader's language (see ``translated_title``), as plain text."""
        return self.translated_title().text

    def translated_title(self) -> TranslatedText:
        """The title in the reader's language, and whether it fell back to English.

        A translation typed in the admin comes first. Without one, the standard "WSIS Forum
        <year>: Open Consultation Process" is translated as a whole by the catalogue, so no page
        mixes an English name with translated text; any other title falls back to English.
        """
        text = translated(self, "title")
        standard = STANDARD_TITLE.fullmatch(text.text)
        if text.fell_back and standard:
            localised = gettext("WSIS Forum %(year)s: Open Consultation Process") % {
                "year": standard.group(1)
            }
            if localised != text.text:
                return TranslatedText(localised, get_language(), False)
        return text

    def get_absolute_url(self) -> str:
        return reverse("consultations:timeline", args=[self.slug])


class ConsultationPhase(Phase):
    """One of the six phases (I to VI). The clock decides what each phase allows.

    For the submissions-deadline phase, ``ends_at`` is the deadline itself: submissions are
    accepted from the opening until that moment. A meeting is held from ``starts_at`` to
    ``ends_at``. ``reminder_sent_at`` records when the first reminders of the phase were
    queued; each subscriber is reminded once, whenever they subscribed (consultations.reminders).
    """

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=PhaseKind.choices)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    remote_participation_url = models.URLField(_("remote-participation link"), blank=True)
    agenda = models.TextField(
        _("agenda"), blank=True, max_length=20000, validators=[MaxLengthValidator(20000)]
    )
    minutes = models.TextField(
        _("minutes"),
        blank=True,
        help_text=_("Once the meeting is held."),
        max_length=20000,
        validators=[MaxLengthValidator(20000)],
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        ordering = ["consultation", "number"]
        verbose_name = _("consultation phase")
        verbose_name_plural = _("consultation phases")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="consultations_phase_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=6),
                name="consultations_phase_number_1_to_6",
            ),
            models.UniqueConstraint(
                fields=["consultation", "number"], name="consultations_phase_unique_number"
            ),
        ]
        indexes = [models.Index(fields=["kind", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.label}: {self.name}"

    @property
    def roman(self) -> str:
        return ROMAN.get(self.number, str(self.number))

    @property
    def label(self) -> str:
        return gettext("Phase %(roman)s") % {"roman": self.roman}

    @property
    def is_meeting(self) -> bool:
        return self.kind in MEETING_KINDS

    @property
    def key_date(self):
        """The date shown for the phase: the deadline for Phase IV, the start otherwise."""
        return self.ends_at if self.kind == PhaseKind.SUBMISSIONS_DEADLINE else self.starts_at


class Nomination(models.Model):
    """A nomination answering the call for High-Level Track facilitators."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="nominations"
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="consultation_nominations",
    )
    nominee_name = models.CharField(_("nominee"), max_length=200)
    nominee_email = models.EmailField(_("nominee's e-mail"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=255)
    stakeholder_group = models.CharField(
        _("stakeholder group"), max_length=40, choices=StakeholderType.choices
    )
    justification = models.TextField(
        _("justification"), max_length=3000, validators=[MaxLengthValidator(3000)]
    )
    created_at = models.DateTimeField(_("nominated at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("High-Level Track facilitator nomination")
        verbose_name_plural = _("High-Level Track facilitator nominations")

    def __str__(self) -> str:
        return f"{self.nominee_name} ({self.organisation})"
