"""The forum app's models: ``Edition`` here, and every package's models imported below.

The taxonomy and the matrix (Action Lines, SDGs, their links) are in ``forum.base.models``;
sessions, people, registrations and partners in ``forum.programme.models``; outcome reports
in ``forum.outcomes.models``; the rest beside the code that uses them. All are imported
here, so ``from forum.models import Session`` works and Django finds them in one app.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wsis_portal.publishing import Publishable

from .base.models import SDG, ActionLine, MatrixLink


class Edition(Publishable):
    """One yearly WSIS Forum. Consultations and prize contests may belong to an edition."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    in_person_capacity = models.PositiveIntegerField(
        _("in-person capacity"),
        default=0,
        help_text=_("How many people may register to attend in person; 0 closes in-person places."),
    )
    registration_opens_at = models.DateTimeField(_("registration opens at"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(
        _("registration closes at"), null=True, blank=True
    )
    # The High-Level Track's facilitators are shown on the year's consultation page only
    # once the Secretariat publishes them (forum.programme.hlt_publishing); empty while a draft.
    hlt_facilitators_published_at = models.DateTimeField(
        _("High-Level Track facilitators published at"),
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("Forum edition")
        verbose_name_plural = _("Forum editions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="forum_edition_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(registration_opens_at__isnull=True)
                | models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="forum_edition_registration_closes_after_opening",
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]

    def __str__(self) -> str:
        return gettext("WSIS Forum %(year)s") % {"year": self.year}

    def get_absolute_url(self) -> str:
        return reverse("forum:edition", args=[self.year])

    def has_ended(self, now=None) -> bool:
        """True once the last day is over in Geneva."""
        now = now or timezone.now()
        return timezone.localdate(now) > self.ends_on

    def registration_is_open(self, now=None) -> bool:
        """The clock decides: open between the two registration dates, both set."""
        if self.registration_opens_at is None or self.registration_closes_at is None:
            return False
        now = now or timezone.now()
        return self.registration_opens_at <= now < self.registration_closes_at


# Sessions, people, registrations, partners and outcome documents live in their own module;
# they are imported here so that ``from forum.models import Session`` works too.
from .about.models_events import Event, EventPerson  # noqa: E402
from .about.models_facts import PublishedFigure  # noqa: E402
from .about.models_news import NewsItem  # noqa: E402
from .base.models_facilitation import ActionLineFacilitator, FacilitationSource  # noqa: E402
from .outcomes.models import OutcomeCall, OutcomeReport, SessionOwner  # noqa: E402
from .programme.models import (  # noqa: E402
    BuildingBlock,
    OutcomeDocument,
    Partner,
    Person,
    Registration,
    Session,
    SessionPerson,
    SessionRegistration,
)
from .programme.models_hlt import HighLevelTheme  # noqa: E402
from .proposals.models import (  # noqa: E402
    Placement,
    Proposal,
    ProposalCall,
    ProposalSpeaker,
    Review,
    ReviewCriterion,
    ReviewScore,
    Room,
)

__all__ = [
    "SDG",
    "ActionLine",
    "ActionLineFacilitator",
    "BuildingBlock",
    "Edition",
    "Event",
    "EventPerson",
    "FacilitationSource",
    "HighLevelTheme",
    "MatrixLink",
    "NewsItem",
    "OutcomeCall",
    "OutcomeDocument",
    "OutcomeReport",
    "Partner",
    "Person",
    "Placement",
    "Proposal",
    "ProposalCall",
    "ProposalSpeaker",
    "PublishedFigure",
    "Registration",
    "Review",
    "ReviewCriterion",
    "ReviewScore",
    "Room",
    "Session",
    "SessionOwner",
    "SessionPerson",
    "SessionRegistration",
]
