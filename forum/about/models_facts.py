"""Figures an edition's organisers published, kept apart from the ones the portal computes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import FigureKind, FigureQualifier


class PublishedFigure(models.Model):
    """A figure stated by a published document (a report, the Forum's outcome slides).

    The portal shows it as a fact only with its source, beside the figures it computes from
    registrations and the programme, so a reader can always tell which is which.
    """

    edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.CASCADE,
        related_name="published_figures",
        verbose_name=_("edition"),
    )
    kind = models.CharField(_("what is counted"), max_length=30, choices=FigureKind.choices)
    qualifier = models.CharField(
        _("as published"),
        max_length=10,
        choices=FigureQualifier.choices,
        default=FigureQualifier.EXACT,
        help_text=_("Keep the wording of the source: 'more than 1800' is not '1800'."),
    )
    value = models.PositiveIntegerField(_("value"))
    source = models.CharField(
        _("source"),
        max_length=300,
        help_text=_("The published document the figure comes from."),
    )
    source_url = models.URLField(_("link to the source"), blank=True)

    class Meta:
        ordering = ["edition", "kind"]
        verbose_name = _("published figure")
        verbose_name_plural = _("published figures")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "kind"],
                name="forum_publishedfigure_once_per_kind",
                violation_error_message=_(
                    "This edition already has a published figure of this kind."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(source=""),
                name="forum_publishedfigure_has_source",
                violation_error_message=_("A published figure must name its source."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition} · {self.get_kind_display()}: {self.value}"
