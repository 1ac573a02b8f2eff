from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    """The ITU regions."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ARAB_STATES = "arab-states", _("Arab States")
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific")
    CIS = "cis", _("CIS")
    EUROPE = "europe", _("Europe")


class SessionFormat(models.TextChoices):
    """How a session is held."""

    IN_PERSON = "in_person", _("In person")
    HYBRID = "hybrid", _("Hybrid")
    ONLINE = "online", _("Online")


class SessionType(models.TextChoices):
    """What kind of session it is, apart from the building block it belongs to (seeds 000-002)."""

    POLICY_SESSION = "policy_session", _("High-level policy session")
    ROUND_TABLE = "round_table", _("Round table")
    WORKSHOP = "workshop", _("Workshop")
    INTERACTIVE = "interactive", _("Interactive session")
    OPEN_FORUM = "open_forum", _("Open forum")
    SIDE_EVENT = "side_event", _("Side event")
    CEREMONY = "ceremony", _("Ceremony")
    OTHER = "other", _("Other")


class SessionRole(models.IntegerChoices):
    """The part a person plays in a session; the value is the order people are listed in."""

    ONSITE_MODERATOR = 1, _("Onsite moderator")
    ONLINE_MODERATOR = 2, _("Online moderator")
    SPEAKER = 3, _("Speaker")
    ORGANISER = 4, _("Organiser")
    RAPPORTEUR = 5, _("Rapporteur")
    HLT_FACILITATOR = 6, _("High-Level Track facilitator")


class AttendanceMode(models.TextChoices):
    """How a registered participant takes part in a Forum edition."""

    IN_PERSON = "in_person", _("In person")
    REMOTE = "remote", _("Remotely")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


class PartnerTier(models.IntegerChoices):
    """Sponsorship packages of the WSIS Forum; the value is the display order."""

    PLATINUM = 1, _("Platinum Strategic Partner (exclusive)")
    GOLD = 2, _("Gold (Strategic Partner)")
    SPECIFIC_ACTIVITIES = 3, _("Specific Activities Partner")
    CONTRIBUTING = 4, _("Contributing Partner")


class LinkEvidence(models.TextChoices):
    """Whether a matrix linkage rests on a published source or only illustrates the idea."""

    DOCUMENTED = "documented", _("Documented")
    ILLUSTRATIVE = "illustrative", _("Illustrative")


class FigureKind(models.TextChoices):
    """What a published figure of a Forum edition counts (the Forum's outcome slides)."""

    PARTICIPANTS = "participants", _("Participants")
    COUNTRIES = "countries", _("Countries")
    MINISTERS = "ministers", _("Ministers and deputies, ambassadors")
    HIGH_LEVEL = "high_level", _("High-level representatives")
    WORKSHOPS = "workshops", _("Workshops and sessions")
    PRIZE_WINNERS = "prize_winners", _("WSIS Prize winners")
    CHAMPIONS = "champions", _("WSIS Champions")
    EXHIBITION_STANDS = "exhibition_stands", _("Exhibition stands")


class FigureQualifier(models.TextChoices):
    """How the source words a figure."""

    EXACT = "exact", _("exactly")
    MORE_THAN = "more_than", _("more than")


class EventKind(models.TextChoices):
    """Events outside a Forum edition's programme whose outcomes feed the WSIS process."""

    REGIONAL_REVIEW = "regional_review", _("Regional review meeting")
    NATIONAL = "national", _("National event")
    SIDE_EVENT = "side_event", _("Side event at another forum")
    OPEN_FORUM = "open_forum", _("Open forum at another forum")


class DocumentKind(models.TextChoices):
    """The outcome documents an edition publishes (seed 002, "WSIS Forum 2016: Outcomes")."""

    OUTCOME_DOCUMENT = "outcome_document", _("Outcome Document")
    HLT_OUTCOMES = "hlt_outcomes", _("High-Level Track Outcomes and Executive Brief")
    ACTION_LINES_SDGS = "action_lines_sdgs", _("WSIS Action Lines supporting the SDGs")
    MATRIX = "matrix", _("WSIS Forum and SDG Matrix")
    STOCKTAKING_REPORT = "stocktaking_report", _("WSIS Stocktaking Report")
    SUCCESS_STORIES = "success_stories", _("WSIS Stocktaking Success Stories")
    OTHER = "other", _("Other document")


class FacilitatorRole(models.TextChoices):
    """An agency's part in facilitating an Action Line, as the cited document words it.

    The terms of reference revised after the consultation of 24 February 2006 call the agency
    that exercises the lead role for coordination the action line's focal point, so "focal
    point" and "lead facilitator" are one role here; an interim focal point was named only
    provisionally and is kept apart; "facilitator" is for a source that names an agency as
    facilitating without saying whether it leads.
    """

    LEAD = "lead", _("Lead facilitator")
    CO = "co", _("Co-facilitator")
    FACILITATOR = "facilitator", _("Facilitator")
    INTERIM = "interim", _("Interim focal point")
