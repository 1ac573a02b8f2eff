"""The official submissions."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.enums import StakeholderType

from ..enums import (
    COUNTED_STATUSES,
    EVENT_KINDS,
    InputKind,
    Language,
    SubmissionStatus,
)
from .process import Consultation


def counted_submission_q(prefix: str = "") -> Q:
    """A submission that counts: in a counted status and sent from a confirmed address.

    Double opt-in: what someone typed into the anonymous form is listed, counted in figures
    and in the final brief only once the owner of the address has confirmed it.
    """
    return Q(
        **{
            f"{prefix}status__in": COUNTED_STATUSES,
            f"{prefix}email_confirmed_at__isnull": False,
        }
    )


class SubmissionQuerySet(models.QuerySet):
    def counted(self) -> SubmissionQuerySet:
        return self.filter(counted_submission_q())


class Submission(models.Model):
    """An official submission form: an individual input or that of a regional/national event."""

    objects = SubmissionQuerySet.as_manager()

    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="submissions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="consultation_submissions",
        verbose_name=_("account"),
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation_name = models.CharField(_("organisation name"), max_length=255)
    organisation_country = CountryField(_("organisation country"))
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=40, choices=StakeholderType.choices, blank=True
    )
    input_kind = models.CharField(
        _("type of input"), max_length=20, choices=InputKind.choices, default=InputKind.INDIVIDUAL
    )
    event_name = models.CharField(_("event name"), max_length=300, blank=True)
    event_place = models.CharField(_("event place"), max_length=300, blank=True)
    event_date = models.DateField(_("event date"), null=True, blank=True)
    thematic_aspects = models.TextField(
        _("thematic aspects proposed"),
        blank=True,
        max_length=5000,
        validators=[MaxLengthValidator(5000)],
    )
    format_innovations = models.TextField(
        _("innovations proposed for the format"),
        blank=True,
        max_length=5000,
        validators=[MaxLengthValidator(5000)],
    )
    action_lines = models.ManyToManyField(
        "forum.ActionLine",
        blank=True,
        related_name="consultation_submissions",
        verbose_name=_("suggested Action Lines"),
    )
    sdgs = models.ManyToManyField(
        "forum.SDG",
        blank=True,
        related_name="consultation_submissions",
        verbose_name=_("suggested SDGs"),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default="received"
    )
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("status changed by"),
    )
    status_note = models.CharField(_("review note"), max_length=500, blank=True)
    # SHA-256 of the private edit token; the token itself is only in the receipt email.
    edit_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A new link asked for on the "lost link" page: it replaces the current one only once it
    # is opened, so someone who merely knows the address cannot cut the submitter off.
    # Set when the owner of ``email`` confirmed it (through the private link), or at once for
    # a signed-in user whose account has this address verified; None = not counted yet.
    email_confirmed_at = models.DateTimeField(_("address confirmed at"), null=True, blank=True)
    pending_token_hash = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.CheckConstraint(
                condition=Q(input_kind="individual")
                | (~Q(event_name="") & ~Q(event_place="") & Q(event_date__isnull=False)),
                name="consultations_submission_event_details",
            )
        ]
        indexes = [
            models.Index(fields=["consultation", "status"]),
            models.Index(fields=["consultation", "-created_at"]),
            # The admin's list order over every consultation (newest first, then -pk).
            models.Index(fields=["-created_at", "-id"], name="consult_submission_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.organisation_name})"

    @property
    def is_event_input(self) -> bool:
        return self.input_kind in EVENT_KINDS

    def clean(self) -> None:
        if self.input_kind in EVENT_KINDS:
            errors = {}
            message = _("Give the event's %(what)s for the input of a regional or national event.")
            if not self.event_name:
                errors["event_name"] = message % {"what": _("name")}
            if not self.event_place:
                errors["event_place"] = message % {"what": _("place")}
            if not self.event_date:
                errors["event_date"] = message % {"what": _("date")}
            if errors:
                raise ValidationError(errors)
