"""The base's models: the WSIS Action Lines, the SDGs and the Action Line-SDG matrix.

They belong to the ``forum`` app (``forum.models`` imports them), so moving them here needed
no migration.
"""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..enums import LinkEvidence
from .taxonomy import ACTION_LINE_SHORT, SDG_SHORT


class ActionLine(models.Model):
    """One of the 18 WSIS Action Lines; reference data loaded by a data migration."""

    code = models.CharField(_("code"), max_length=10, unique=True)
    number = models.PositiveSmallIntegerField(_("order"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    short_name = models.CharField(
        _("short name"),
        max_length=80,
        blank=True,
        help_text=_("Shown where the full title does not fit, such as the matrix's rows."),
    )

    class Meta:
        ordering = ["number"]
        verbose_name = _("Action Line")
        verbose_name_plural = _("Action Lines")

    def __str__(self) -> str:
        return f"{self.code}. {self.display_title}"

    @property
    def display_title(self) -> str:
        return gettext(self.title)

    @property
    def short_title(self) -> str:
        # The stored short name is translated per language; the catalogue covers rows
        # added in the admin before they are translated.
        if self.short_name:
            return gettext(self.short_name)
        short = ACTION_LINE_SHORT.get(self.code)
        return gettext(short) if short else self.display_title

    def get_absolute_url(self) -> str:
        return reverse("forum:action_line", args=[self.code])


class SDG(models.Model):
    """One of the 17 Sustainable Development Goals; reference data."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    # Room for the longest official titles (Goals 15 and 16 in French and Russian).
    title = models.CharField(_("title"), max_length=400)
    short_name = models.CharField(
        _("short name"),
        max_length=80,
        blank=True,
        help_text=_("The Goal's name on the official SDG icons, such as “Zero hunger”."),
    )
    colour = models.CharField(_("official colour"), max_length=7)

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG")
        verbose_name_plural = _("SDGs")

    def __str__(self) -> str:
        return gettext("Goal %(n)s: %(title)s") % {"n": self.number, "title": self.display_title}

    @property
    def display_title(self) -> str:
        return gettext(self.title)

    @property
    def short_title(self) -> str:
        if self.short_name:
            return gettext(self.short_name)
        return gettext(SDG_SHORT[self.number]) if self.number in SDG_SHORT else self.display_title

    def get_absolute_url(self) -> str:
        return reverse("forum:sdg", args=[self.number])


class MatrixLink(models.Model):
    """An Action Line-SDG linkage of the WSIS-SDG Matrix, with its rationale and source."""

    action_line = models.ForeignKey(
        ActionLine, on_delete=models.CASCADE, related_name="matrix_links"
    )
    sdg = models.ForeignKey(SDG, on_delete=models.CASCADE, related_name="matrix_links")
    rationale = models.TextField(
        _("rationale"), max_length=2000, validators=[MaxLengthValidator(2000)]
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("The published document that states this linkage; required when documented."),
    )
    evidence = models.CharField(
        _("evidence"),
        max_length=20,
        choices=LinkEvidence.choices,
        default=LinkEvidence.ILLUSTRATIVE,
        help_text=_(
            "Documented linkages cite a published source; illustrative ones are labelled as "
            "such wherever they appear."
        ),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["action_line__number", "sdg__number"]
        verbose_name = _("matrix link")
        verbose_name_plural = _("matrix links")
        constraints = [
            models.UniqueConstraint(
                fields=["action_line", "sdg"], name="forum_matrixlink_one_per_pair"
            ),
            # A UN portal states nothing it cannot source: "documented" needs its document.
            models.CheckConstraint(
                condition=~models.Q(evidence=LinkEvidence.DOCUMENTED) | ~models.Q(source=""),
                name="forum_matrixlink_documented_has_source",
                violation_error_message=_("A documented linkage must name its source."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action_line.code} × SDG {self.sdg.number}"

    @property
    def is_documented(self) -> bool:
        return self.evidence == LinkEvidence.DOCUMENTED

    def get_absolute_url(self) -> str:
        return reverse("forum:matrix_cell", args=[self.action_line.code, self.sdg.number])
