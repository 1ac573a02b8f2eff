"""Calls for session proposals, proposals and their speakers, reviews, rooms and placements.

Imported by ``forum.models``; import from there (``from forum.models import Proposal``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from wsis_portal.models import Phase
from wsis_portal.pg_constraints import PostgresExclusionConstraint

from ..enums import SessionFormat
from .enums import ProposalStatus


class ProposalCall(Phase):
    """An edition's call for session proposals: open from ``starts_at`` until ``ends_at``.

    Whether it is open is computed from the clock; ``closed_applied_at`` claims the one-time
    side effect of its end (the reviewers are told the proposals await them). The programme
    built from it stays hidden from the public until ``programme_published_at`` is set.
    """

    edition = models.OneToOneField(
        "forum.Edition",
        on_delete=models.CASCADE,
        related_name="proposal_call",
        verbose_name=_("edition"),
    )
    guidelines = models.TextField(
        _("guidelines for proposers"),
        blank=True,
        max_length=5000,
        validators=[MaxLengthValidator(5000)],
    )
    abstract_word_limit = models.PositiveSmallIntegerField(
        _("abstract word limit"), default=250, validators=[MinValueValidator(20)]
    )
    review_ends_at = models.DateTimeField(
        _("review ends at"),
        null=True,
        blank=True,
        help_text=_("After this, reviewers can no longer change their scores."),
    )
    closed_applied_at = models.DateTimeField(
        _("reviewers told at"), null=True, blank=True, editable=False
    )
    programme_published_at = models.DateTimeField(
        _("programme published at"), null=True, blank=True, editable=False
    )

    class Meta(Phase.Meta):
        ordering = ["-starts_at"]
        verbose_name = _("call for session proposals")
        verbose_name_plural = _("calls for session proposals")
        constraints = [
            *Phase.Meta.constraints,
            models.CheckConstraint(
                condition=Q(review_ends_at__isnull=True) | Q(review_ends_at__gt=F("ends_at")),
                name="forum_proposalcall_review_after_close",
                violation_error_message=_("The review must end after the call closes."),
            ),
        ]
        indexes = [models.Index(fields=["ends_at", "closed_applied_at"])]

    def __str__(self) -> str:
        return gettext("Call for session proposals, WSIS Forum %(year)s") % {
            "year": self.edition.year
        }

    def get_absolute_url(self) -> str:
        return reverse("forum:proposal_call", args=[self.edition.year])

    def review_is_open(self, now: Any = None) -> bool:
        """Reviewers score once the call has closed, until the review ends (if it is set)."""
        now = now or timezone.now()
        return now >= self.ends_at and (self.review_ends_at is None or now < self.review_ends_at)

    @property
    def programme_is_published(self) -> bool:
        return self.programme_published_at is not None


class ReviewCriterion(models.Model):
    """One published criterion of a call, scored from 0 to ``max_score`` by each reviewer."""

    call = models.ForeignKey(
        ProposalCall, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call")
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(
        _("what reviewers look for"),
        blank=True,
        max_length=1000,
        validators=[MaxLengthValidator(1000)],
    )
    max_score = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")
        constraints = [
            models.UniqueConstraint(fields=["call", "name"], name="forum_criterion_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Proposal(models.Model):
    """A stakeholder's proposal of a session for an edition's programme."""

    call = models.ForeignKey(
        ProposalCall, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("call")
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_proposals",
        verbose_name=_("proposer"),
    )
    # Copied from the proposer's profile: the conflict-of-interest rule compares it.
    organisation = models.CharField(_("proposing organisation"), max_length=255)
    title = models.CharField(_("title"), max_length=300)
    building_block = models.ForeignKey(
        "forum.BuildingBlock",
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("format"),
    )
    format = models.CharField(
        _("how it is held"),
        max_length=20,
        choices=SessionFormat.choices,
        default=SessionFormat.HYBRID,
    )
    action_lines = models.ManyToManyField(
        "forum.ActionLine", related_name="proposals", blank=True, verbose_name=_("Action Lines")
    )
    sdgs: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "forum.SDG", related_name="proposals", blank=True, verbose_name=_("SDGs")
    )
    abstract = models.TextField(
        _("abstract"), max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    remote_needs = models.TextField(
        _("remote participation needs"),
        blank=True,
        max_length=1000,
        validators=[MaxLengthValidator(1000)],
    )
    preferred_days = models.JSONField(_("preferred days"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_proposals",
        verbose_name=_("merged into"),
    )
    decision_reason = models.TextField(
        _("reason for the decision"),
        blank=True,
        max_length=3000,
        validators=[MaxLengthValidator(3000)],
    )
    session = models.OneToOneField(
        "forum.Session",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("session"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("session proposal")
        verbose_name_plural = _("session proposals")
        indexes = [
            models.Index(fields=["call", "status"]),
            models.Index(fields=["proposer", "-created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(status=ProposalStatus.MERGED),
                name="forum_proposal_merged_has_target",
                violation_error_message=_("Only a merged proposal names another proposal."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == ProposalStatus.DRAFT


class ProposalSpeaker(models.Model):
    """A speaker named in a proposal; linked to a ``Person`` once the proposal is accepted."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("proposal")
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=300)
    country = CountryField(_("country"))
    email = models.EmailField(_("email"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    person = models.ForeignKey(
        "forum.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal_speakers",
        verbose_name=_("person"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("proposed speaker")
        verbose_name_plural = _("proposed speakers")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "email"],
                name="forum_proposalspeaker_once",
                violation_error_message=_("This speaker is already named in the proposal."),
            )
        ]
        indexes = [models.Index(fields=["email"])]

    def __str__(self) -> str:
        return self.name


class Review(models.Model):
    """One reviewer's scores and comment on one proposal; ``total`` is the sum of the scores."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("proposal")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="proposal_reviews",
        verbose_name=_("reviewer"),
    )
    comment = models.TextField(
        _("comment"), blank=True, max_length=3000, validators=[MaxLengthValidator(3000)]
    )
    total = models.PositiveIntegerField(_("total score"), default=0)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "reviewer"],
                name="forum_review_one_per_reviewer",
                violation_error_message=_("You have already reviewed this proposal."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.proposal}"


class ReviewScore(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))

    class Meta:
        ordering = ["criterion__order", "pk"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "criterion"], name="forum_reviewscore_one_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Room(models.Model):
    """A room of an edition's venue that sessions are placed in."""

    edition = models.ForeignKey(
        "forum.Edition", on_delete=models.CASCADE, related_name="rooms", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    capacity = models.PositiveIntegerField(_("seats"), default=0)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="forum_room_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class Placement(models.Model):
    """Where and when a session takes place, placed by the Secretariat.

    The database refuses two placements of one room whose times overlap (an exclusion
    constraint over a half-open time range, btree_gist), so two staff saving at once cannot
    double-book a room whatever the form checked.
    """

    session = models.OneToOneField(
        "forum.Session",
        on_delete=models.CASCADE,
        related_name="placement",
        verbose_name=_("session"),
    )
    # RESTRICT, not PROTECT: deleting an edition deletes its rooms and placements together.
    room = models.ForeignKey(
        Room, on_delete=models.RESTRICT, related_name="placements", verbose_name=_("room")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at", "room__order"]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="forum_placement_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            PostgresExclusionConstraint(
                name="forum_placement_room_not_double_booked",
                expressions=[
                    ("room", RangeOperators.EQUAL),
                    (
                        TsTzRange("starts_at", "ends_at", RangeBoundary()),
                        RangeOperators.OVERLAPS,
                    ),
                ],
                violation_error_message=_("This room is already taken at that time."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} @ {self.room}"
