"""The Open Consultation Process: phases, official submissions, discussions, nominations.

Fields, constraints and small derived properties only; every write goes through services.py.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.enums import StakeholderType
from wsis_portal.models import Phase
from wsis_portal.publishing import Publishable
from wsis_portal.translated import TranslatedText, translated

from .enums import (
    COUNTED_STATUSES,
    EVENT_KINDS,
    MEETING_KINDS,
    ROMAN,
    CommentFormat,
    DiscussionStatus,
    InputKind,
    Language,
    PhaseKind,
    SubmissionStatus,
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


class Discussion(models.Model):
    """An online discussion topic opened by the secretariat."""

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="discussions"
    )
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(
        _("opening text"), max_length=10000, validators=[MaxLengthValidator(10000)]
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    status = models.CharField(
        _("status"), max_length=10, choices=DiscussionStatus.choices, default="open"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("opened at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")
        indexes = [models.Index(fields=["consultation", "-created_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:discussion", args=[self.consultation.slug, self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == DiscussionStatus.OPEN


class Comment(models.Model):
    """A comment on a discussion; a reply answers a top-level comment (one level deep)."""

    discussion = models.ForeignKey(Discussion, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_comments"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    body = models.TextField(_("comment"), max_length=10000, validators=[MaxLengthValidator(10000)])
    body_format = models.CharField(
        _("format"), max_length=10, choices=CommentFormat.choices, default="plain"
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.ENGLISH
    )
    is_hidden = models.BooleanField(_("hidden"), default=False)
    moderation_reason = models.CharField(_("moderation reason"), max_length=500, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    flag_count = models.PositiveIntegerField(_("flags"), default=0)
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="consultations_comment_not_own_parent"
            )
        ]
        indexes = [
            # The thread page: top-level comments of a discussion in date order.
            models.Index(fields=["discussion", "parent", "created_at"]),
            # The digest: a discussion's comments since a subscription was made.
            models.Index(fields=["discussion", "created_at"]),
        ]

    def __str__(self) -> str:
        return gettext("Comment by %(author)s") % {"author": self.author}

    def clean(self) -> None:
        parent = self.parent if self.parent_id is not None else None
        if parent is not None:
            if parent.parent_id is not None:
                raise ValidationError(
                    {"parent": _("Replies go one level deep: answer the original comment.")}
                )
            if parent.discussion_id != self.discussion_id:
                raise ValidationError({"parent": _("That comment is in another discussion.")})


class CommentFlag(models.Model):
    """A signed-in user's report that a comment breaks the rules; one per user and comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment flag")
        verbose_name_plural = _("comment flags")
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="consultations_flag_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} flagged comment {self.comment_id}"


class Subscription(models.Model):
    """A user following a discussion (digests of its new comments) or a whole consultation.

    Phase reminders go to every subscriber of the consultation, whether they follow the
    whole consultation or one of its discussions (each address once).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consultation_subscriptions",
    )
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="subscriptions"
    )
    discussion = models.ForeignKey(
        Discussion,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "discussion"],
                condition=Q(discussion__isnull=False),
                name="consultations_subscription_one_per_discussion",
            ),
            models.UniqueConstraint(
                fields=["user", "consultation"],
                condition=Q(discussion__isnull=True),
                name="consultations_subscription_one_per_consultation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.discussion or self.consultation}"


class CommentDelivery(models.Model):
    """That a comment went to one subscription's digest; the unique pair means never twice."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="deliveries")
    delivered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("comment notification")
        verbose_name_plural = _("comment notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "comment"], name="consultations_delivery_once"
            )
        ]

    def __str__(self) -> str:
        return f"comment {self.comment_id} → subscription {self.subscription_id}"


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
