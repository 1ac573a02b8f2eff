"""The WSIS Prizes contest: phases, categories, projects, votes, tallies and expert scores."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.enums import StakeholderType
from wsis_portal.models import Phase
from wsis_portal.publishing import Publishable
from wsis_portal.translated import TranslatedText, translated
from wsis_portal.uploads import (
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    ServerName,
    UploadValidator,
    private_storage,
)

from .enums import BALLOT_STATES, PHASE_ORDER, PhaseKind, ProjectStatus

ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
PROJECT_IMAGE_MAX_BYTES = 2 * 1024 * 1024
ATTACHMENTS_PER_PROJECT = 5
DESCRIPTION_MIN_WORDS = 150
DESCRIPTION_MAX_WORDS = 200

# The rules that decide a contest; they cannot change once voting has opened.
FROZEN_RULES = ("champions_per_category", "complete_ballot_required", "live_results_public")


class Contest(Publishable):
    """One yearly WSIS Prizes contest with its rules."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    # Every contest belongs to the Forum edition whose ceremony ends it (required in forms
    # and in contest_create; null only for rows made before the rule).
    edition = models.ForeignKey(
        "forum.Edition",
        verbose_name=_("Forum edition"),
        on_delete=models.PROTECT,
        null=True,
        related_name="prize_contests",
        help_text=_("The Forum edition at which the Winners are announced."),
    )
    champions_per_category = models.PositiveSmallIntegerField(
        _("champions per category"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    complete_ballot_required = models.BooleanField(
        _("a ballot counts only when it covers every category"), default=False
    )
    live_results_public = models.BooleanField(
        _("live results are public during voting"), default=False
    )
    # When the live tally was last queued; throttles the periodic recount (not a rule).
    live_tally_queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The title in the reader's language (see ``translated_title``), as plain text."""
        return self.translated_title().text

    def translated_title(self) -> TranslatedText:
        """The title in the reader's language, and whether it fell back to English.

        A translation typed in the admin comes first. Without one, the standard
        "WSIS Prizes <year>" is translated as a whole by the catalogue (never "WSIS Prizes
        2026: Vote public en ligne"); any other title falls back to English, marked as such.
        """
        text = translated(self, "title")
        standard = f"WSIS Prizes {self.year}"
        if text.fell_back and text.text == standard:
            localised = gettext("WSIS Prizes %(year)s") % {"year": self.year}
            if localised != standard:
                return TranslatedText(localised, get_language(), False)
        return text

    def get_absolute_url(self) -> str:
        return reverse("prizes:contest", args=[self.year])

    def voting_has_opened(self, now=None) -> bool:
        """True once the voting phase has started: from then on the rules are frozen."""
        if not self.pk:
            return False
        return self.phases.filter(
            kind=PhaseKind.VOTING, starts_at__lte=now or timezone.now()
        ).exists()

    def clean(self) -> None:
        super().clean()
        if self.pk and self.voting_has_opened():
            stored = Contest.objects.filter(pk=self.pk).values(*FROZEN_RULES).first()
            if stored:
                changed = {
                    name: _("This rule is frozen: voting has opened.")
                    for name in FROZEN_RULES
                    if stored[name] != getattr(self, name)
                }
                if changed:
                    raise ValidationError(changed)


class ContestPhase(Phase):
    """One of the five dated phases of a contest.

    ``transition_applied_at`` marks the side effects of the phase's start (voting: the
    submitters of nominated projects are told), ``end_applied_at`` those of its end
    (voting: the final tally and the Champions). Both are claimed with ``claim_once``.
    """

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    transition_applied_at = models.DateTimeField(null=True, blank=True, editable=False)
    end_applied_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta(Phase.Meta):
        ordering = ["contest", "starts_at"]
        verbose_name = _("contest phase")
        verbose_name_plural = _("contest phases")
        constraints = [
            *Phase.Meta.constraints,
            models.UniqueConstraint(fields=["contest", "kind"], name="prizes_phase_one_per_kind"),
        ]
        indexes = [models.Index(fields=["kind", "ends_at"], name="prizes_phase_kind_end")]

    def __str__(self) -> str:
        return f"{self.contest} · {self.get_kind_display()}"

    @property
    def position(self) -> int:
        return PHASE_ORDER.index(self.kind) + 1

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A phase must end after it starts.")})
        # The order of the five phases is checked across all of them together: in the
        # admin's formset (PhaseFormSet) and in services.contest_create.


def ceremony_edition_errors(edition, phases) -> list[str]:
    """Errors if the ceremony phase does not fall within the Forum edition's days (Geneva)."""
    if edition is None:
        return [gettext("Choose the Forum edition whose ceremony announces the Winners.")]
    ceremony = next((p for p in phases if p.kind == PhaseKind.CEREMONY), None)
    if ceremony is None or ceremony.starts_at is None or ceremony.ends_at is None:
        return []
    first = timezone.localtime(ceremony.starts_at).date()
    last = timezone.localtime(ceremony.ends_at - timedelta(microseconds=1)).date()
    if first < edition.starts_on or last > edition.ends_on:
        return [
            gettext(
                "The ceremony must fall within the days of %(edition)s "
                "(%(first)s to %(last)s, Geneva time)."
            )
            % {"edition": edition, "first": edition.starts_on, "last": edition.ends_on}
        ]
    return []


def phase_order_errors(phases) -> list[str]:
    """Errors if the phases overlap or are not in the order of their kinds."""
    ordered = sorted(phases, key=lambda p: PHASE_ORDER.index(p.kind))
    errors = []
    for before, after in pairwise(ordered):
        if after.starts_at < before.ends_at:
            errors.append(
                gettext("The phase “%(after)s” must start after “%(before)s” ends.")
                % {"after": after.get_kind_display(), "before": before.get_kind_display()}
            )
    return errors


class Category(models.Model):
    """One prize category per WSIS Action Line, created with the contest."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="categories")
    action_line = models.ForeignKey(
        "forum.ActionLine", on_delete=models.PROTECT, related_name="prize_categories"
    )

    class Meta:
        ordering = ["contest", "action_line__number"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "action_line"], name="prizes_category_one_per_action_line"
            )
        ]

    def __str__(self) -> str:
        return f"{self.action_line} · {self.contest.year}"


class ProjectQuerySet(models.QuerySet):
    def on_ballot(self):
        return self.filter(status__in=BALLOT_STATES)


class Project(models.Model):
    """A project entered in one category of a contest."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="projects")
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    title = models.CharField(_("project title"), max_length=200)
    description = models.TextField(
        _("short description"),
        help_text=_("Between 150 and 200 words."),
        # Longer than 200 words can be, but a bound on what is read before counting words.
        max_length=3000,
        validators=[MaxLengthValidator(3000)],
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    country = CountryField(_("country"))
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=30, choices=StakeholderType.choices
    )
    sdgs = models.ManyToManyField(
        "forum.SDG",
        verbose_name=_("Sustainable Development Goals it advances"),
        related_name="prize_projects",
        blank=True,
    )
    website = models.URLField(_("website"), blank=True)
    # Public once the project is on the ballot (shown on its card and page), so it is kept
    # in the public media storage, unlike the attachments.
    image = models.ImageField(
        _("image"),
        upload_to=ServerName("prizes/images"),
        blank=True,
        validators=[UploadValidator(IMAGE_TYPES, PROJECT_IMAGE_MAX_BYTES)],
        help_text=_("A photograph or picture of the project: PNG, JPEG or WebP, at most 2 MB."),
    )
    image_alt = models.CharField(
        _("what the image shows"),
        max_length=200,
        blank=True,
        help_text=_(
            "For people who cannot see it, in one sentence. Leave it empty if the image only "
            "decorates the page."
        ),
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="prize_projects"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.DRAFT,
    )
    status_reason = models.TextField(
        _("reason for the last decision"),
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["category__action_line__number", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.UniqueConstraint(
                Lower("organisation"),
                "category",
                name="prizes_project_one_per_organisation_and_category",
                violation_error_message=_(
                    "Your organisation already has a project in this category. "
                    "Each organisation may enter one project per category."
                ),
            )
        ]
        indexes = [
            models.Index(fields=["contest", "status", "category"], name="prizes_project_ballot"),
            models.Index(fields=["submitter", "contest"], name="prizes_project_submitter"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("prizes:project", args=[self.contest.year, self.pk])

    def clean(self) -> None:
        super().clean()
        words = len(self.description.split())
        if self.description and not DESCRIPTION_MIN_WORDS <= words <= DESCRIPTION_MAX_WORDS:
            raise ValidationError(
                {
                    "description": ngettext(
                        "The description has %(n)s word; write between %(min)s and %(max)s.",
                        "The description has %(n)s words; write between %(min)s and %(max)s.",
                        words,
                    )
                    % {"n": words, "min": DESCRIPTION_MIN_WORDS, "max": DESCRIPTION_MAX_WORDS}
                }
            )
        if self.category_id and self.contest_id and self.category.contest_id != self.contest_id:
            raise ValidationError({"category": _("This category belongs to another contest.")})


def attachment_display_name(name: str) -> str:
    """The name a person gave the file, reduced to a safe base name for display and download."""
    base = PurePath(str(name).replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>')
    return cleaned.strip()[:200] or "attachment"


def attachment_content_type(name: str) -> str:
    extension = PurePath(str(name)).suffix.lower().lstrip(".")
    return DOCUMENT_TYPES.get(extension, "application/octet-stream")


class ProjectAttachment(models.Model):
    """A file that documents a project (at most ATTACHMENTS_PER_PROJECT per project).

    The stored name is made by the server; the name the submitter gave is kept for display.
    Who may download it is decided by the view (nominated projects are public, drafts are not).
    """

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"),
        upload_to=ServerName("prizes/attachments"),
        storage=private_storage,
        validators=[UploadValidator(DOCUMENT_TYPES, max_bytes=ATTACHMENT_MAX_BYTES)],
        help_text=_("A PDF, PNG or JPEG file of at most 5 MB."),
    )
    original_name = models.CharField(_("original file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [
            models.Index(fields=["project", "uploaded_at"], name="prizes_attachment_project")
        ]

    def __str__(self) -> str:
        return self.original_name or self.file.name

    def save(self, *args, **kwargs) -> None:
        # A freshly uploaded file (from the site or the admin): record what describes it.
        if self.file and not getattr(self.file, "_committed", True):
            self.original_name = attachment_display_name(self.file.name)
            self.size = self.file.size
            self.content_type = attachment_content_type(self.file.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "prizes:attachment",
            args=[self.project.contest.year, self.project_id, self.pk],
        )


class Vote(models.Model):
    """One voter's vote in one category; kept (flagged invalid) even when invalidated."""

    # Few indexes keep the vote INSERT cheap: the unique constraint leads with contest, the
    # tally index covers (contest, category, project), (voter, contest) serves "my votes".
    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="votes", db_index=False
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="votes", db_index=False
    )
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="prize_votes",
        db_index=False,
    )
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    ip_hash = models.CharField(_("IP address (hashed)"), max_length=64, blank=True)
    user_agent_hash = models.CharField(_("user agent (hashed)"), max_length=64, blank=True)
    valid = models.BooleanField(_("valid"), default=True)
    invalid_reason = models.TextField(
        _("reason for invalidation"),
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
    )
    invalidated_at = models.DateTimeField(_("invalidated at"), null=True, blank=True)
    invalidated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-cast_at"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "category", "voter"], name="prizes_vote_one_per_category"
            ),
            models.CheckConstraint(
                condition=Q(valid=True) | ~Q(invalid_reason=""),
                name="prizes_vote_invalid_has_reason",
            ),
        ]
        indexes = [
            # The tally: COUNT(*) of valid votes grouped by (category, project).
            models.Index(
                fields=["contest", "category", "project"],
                condition=Q(valid=True),
                name="prizes_vote_tally",
            ),
            models.Index(fields=["voter", "contest"], name="prizes_vote_voter"),
        ]

    def __str__(self) -> str:
        return gettext("Vote %(id)s") % {"id": self.pk}


class Tally(models.Model):
    """Valid votes of one project and its rank in its category, as last computed."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="tally")
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="tallies")
    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="tallies")
    votes = models.PositiveIntegerField(_("valid votes"), default=0)
    rank = models.PositiveIntegerField(_("rank in category"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        ordering = ["category", "rank"]
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        indexes = [models.Index(fields=["contest", "category", "rank"], name="prizes_tally_rank")]

    def __str__(self) -> str:
        return f"{self.project} · {self.votes}"


class ExpertAssignment(models.Model):
    """The categories of a contest that one Expert Group member scores."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="assignments")
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prize_assignments"
    )
    categories = models.ManyToManyField(Category, related_name="assignments")

    class Meta:
        verbose_name = _("expert assignment")
        verbose_name_plural = _("expert assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "expert"], name="prizes_assignment_one_per_expert"
            )
        ]

    def __str__(self) -> str:
        return f"{self.expert} · {self.contest}"


class ExpertScore(models.Model):
    """One expert's score of one Champion project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="scores")
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prize_scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score (1 to 10)"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    comment = models.TextField(
        _("comment"), blank=True, max_length=2000, validators=[MaxLengthValidator(2000)]
    )
    scored_at = models.DateTimeField(_("scored at"), auto_now=True)

    class Meta:
        verbose_name = _("expert score")
        verbose_name_plural = _("expert scores")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "expert"], name="prizes_score_one_per_expert"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=10), name="prizes_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} · {self.score}"


# Models of this app kept in their own modules (this one is long enough).
from .models_ballot import VoterBallot  # noqa: E402, F401
from .models_reminders import VotingReminder  # noqa: E402, F401
