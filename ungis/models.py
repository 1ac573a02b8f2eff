"""UNGIS: the UN agencies of the group, their chairs, initiatives and meetings.

The Action Line roles of an agency are forum's sourced ones (forum.base.models_facilitation),
matched on the acronym: UNGIS keeps no unsourced record of its own.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forum.base.agency_keys import AgencyKeyErrorOnField, agency_key_unique
from wsis_portal.uploads import IMAGE_TYPES, ServerName, UploadValidator

from .enums import ChairRole

LOGO_MAX_BYTES = 1024 * 1024


class Agency(AgencyKeyErrorOnField, models.Model):
    """A UN body; the 28 members of UNGIS are reference data loaded by a data migration."""

    agency_key_field = "acronym"

    acronym = models.CharField(_("acronym"), max_length=20, unique=True)
    name = models.CharField(_("full name"), max_length=300)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to=ServerName("ungis/logos"),
        blank=True,
        validators=[UploadValidator(IMAGE_TYPES, LOGO_MAX_BYTES)],
    )
    description = models.TextField(
        _("public profile"),
        blank=True,
        help_text=_("What the agency does for the WSIS process."),
        max_length=5000,
        validators=[MaxLengthValidator(5000)],
    )
    is_member = models.BooleanField(_("UNGIS member"), default=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last edited by"),
    )

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            # Roles are matched to agencies on this key: "UN DESA" beside "UNDESA" would be two
            # agencies sharing one set of roles.
            agency_key_unique(
                "acronym",
                name="ungis_agency_acronym_key_unique",
                message=_(
                    "An agency with this acronym already exists, perhaps spelt otherwise "
                    "(spaces, hyphens, full stops and capitals do not count)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("ungis:member", args=[self.acronym])


class FocalPoint(models.Model):
    """Links a user to the agency whose public profile they keep current."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ungis_focal_points",
        verbose_name=_("user"),
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="focal_points", verbose_name=_("agency")
    )

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.UniqueConstraint(fields=["user", "agency"], name="ungis_focalpoint_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.agency}"


class ChairTermQuerySet(models.QuerySet):
    def sourced(self):
        """Terms that cite the document naming them: nothing unsourced is shown as fact."""
        return self.exclude(source="")


class ChairTerm(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="chair_terms", verbose_name=_("agency")
    )
    role = models.CharField(_("role"), max_length=20, choices=ChairRole.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    # Only terms a document gives are shown to the public; the admin asks for it.
    source = models.CharField(
        _("source"),
        max_length=300,
        default="",
        help_text=_("The published document that names this chair or vice-chair."),
    )

    objects = ChairTermQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "role", "agency__acronym"]
        verbose_name = _("chair term")
        verbose_name_plural = _("chair terms")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "role", "year"], name="ungis_chairterm_once_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.get_role_display()} {self.year}"


class Initiative(models.Model):
    """A joint initiative of UNGIS members."""

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(
        _("description"), blank=True, max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    lead_agencies = models.ManyToManyField(
        Agency, related_name="initiatives", blank=True, verbose_name=_("lead agencies")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("joint initiative")
        verbose_name_plural = _("joint initiatives")

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    date = models.DateField(_("date"))
    venue = models.CharField(_("venue"), max_length=300)
    agenda = models.TextField(
        _("agenda"), blank=True, max_length=20000, validators=[MaxLengthValidator(20000)]
    )
    minutes = models.TextField(
        _("minutes"), blank=True, max_length=20000, validators=[MaxLengthValidator(20000)]
    )

    class Meta:
        ordering = ["-date"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} · {self.venue}"
