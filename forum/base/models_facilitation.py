"""Which UN agencies facilitate each WSIS Action Line, each role with the document that states it.

Paragraphs 108-109 of the Tunis Agenda (WSIS-05/TUNIS/DOC/6(Rev.1)-E) organise the
implementation by Action Line, moderated or facilitated by UN agencies, and its Annex lists
possible moderators/facilitators. A role is shown as fact only with its source: a row cannot
exist without a document and the place in it (a database constraint), and the rows loaded by
migration 0024 are only those a retrieved document states.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import FacilitatorRole
from .agency_keys import AgencyKeyErrorOnField, agency_key_unique


class FacilitationSource(models.Model):
    """A published document that states Action Line facilitation roles."""

    symbol = models.CharField(
        _("document symbol"),
        max_length=80,
        blank=True,
        help_text=_("The document's official symbol, such as WSIS-05/TUNIS/DOC/6(Rev.1)-E."),
    )
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("issued by"), max_length=120)
    issued_on = models.DateField(
        _("date"), null=True, blank=True, help_text=_("Leave empty when the document gives none.")
    )
    url = models.URLField(_("link to the source"), blank=True)

    class Meta:
        ordering = ["issued_on", "title"]
        verbose_name = _("facilitation source")
        verbose_name_plural = _("facilitation sources")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title="") & ~models.Q(publisher=""),
                name="forum_facilitationsource_named",
                violation_error_message=_("A source needs its title and who issued it."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} · {self.title}" if self.symbol else self.title


class ActionLineFacilitator(AgencyKeyErrorOnField, models.Model):
    """One agency's facilitation role in one Action Line, as one document states it."""

    agency_key_field = "agency"

    action_line = models.ForeignKey(
        "forum.ActionLine",
        on_delete=models.CASCADE,
        related_name="facilitators",
        verbose_name=_("Action Line"),
    )
    agency = models.CharField(
        _("agency"), max_length=40, help_text=_("The acronym the source uses, such as FAO.")
    )
    agency_name = models.CharField(_("agency's full name"), max_length=200)
    role = models.CharField(_("role"), max_length=12, choices=FacilitatorRole.choices)
    source = models.ForeignKey(
        FacilitationSource,
        on_delete=models.PROTECT,
        related_name="roles",
        verbose_name=_("source"),
    )
    locator = models.CharField(
        _("where in the source"),
        max_length=200,
        help_text=_("The paragraph, table row or annex that states the role."),
    )

    class Meta:
        ordering = ["action_line__number", "role", "agency"]
        verbose_name = _("Action Line facilitator")
        verbose_name_plural = _("Action Line facilitators")
        constraints = [
            # "UN DESA" and "UNDESA" are one agency: one role per Action Line whatever the spelling.
            agency_key_unique(
                "agency",
                together=("action_line",),
                name="forum_actionlinefacilitator_agency_once",
                message=_(
                    "This agency already has a role in this Action Line, perhaps spelt "
                    "otherwise (spaces, hyphens, full stops and capitals do not count): "
                    "edit that role instead."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(agency="") & ~models.Q(locator=""),
                name="forum_actionlinefacilitator_located",
                violation_error_message=_(
                    "A facilitation role needs its agency and where its source states it."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action_line.code} · {self.agency} ({self.get_role_display()})"
