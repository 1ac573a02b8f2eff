"""States and kinds of the Open Consultation Process."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PhaseKind(models.TextChoices):
    OPENING = "opening", _("Opening of the open consultations")
    PHYSICAL_MEETING = "physical_meeting", _("Physical meeting")
    SUBMISSIONS_DEADLINE = "submissions_deadline", _("Submissions deadline")
    REVIEW_MEETING = "review_meeting", _("Final review meeting")
    FINAL_BRIEF = "final_brief", _("Final brief")


MEETING_KINDS = (PhaseKind.PHYSICAL_MEETING, PhaseKind.REVIEW_MEETING)

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI"}


class SubmissionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Not retained")


# Submissions that count in the final brief (a rejected one is spam or out of scope).
COUNTED_STATUSES = (SubmissionStatus.RECEIVED, SubmissionStatus.ACCEPTED)

# The secretariat's allowed moves: from -> allowed targets.
SUBMISSION_MOVES: dict[str, set[str]] = {
    SubmissionStatus.RECEIVED: {SubmissionStatus.ACCEPTED, SubmissionStatus.REJECTED},
    SubmissionStatus.ACCEPTED: {SubmissionStatus.RECEIVED, SubmissionStatus.REJECTED},
    SubmissionStatus.REJECTED: {SubmissionStatus.RECEIVED, SubmissionStatus.ACCEPTED},
}


class InputKind(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual input")
    REGIONAL_EVENT = "regional_event", _("Input of a regional WSIS event")
    NATIONAL_EVENT = "national_event", _("Input of a national WSIS event")


EVENT_KINDS = (InputKind.REGIONAL_EVENT, InputKind.NATIONAL_EVENT)


class Language(models.TextChoices):
    """The seven languages of the online discussions (seed 002)."""

    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    PORTUGUESE = "pt", _("Portuguese")
    SPANISH = "es", _("Spanish")
    CHINESE = "zh", _("Chinese")
    ARABIC = "ar", _("Arabic")
    RUSSIAN = "ru", _("Russian")


class DiscussionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class CommentFormat(models.TextChoices):
    PLAIN = "plain", _("Plain text")
    MARKDOWN = "markdown", _("Markdown")
