"""A contest, its phases (with the checks of their order) and its categories."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wsis_portal.models import Phase
from wsis_portal.publishing import Publishable
from wsis_portal.translated import TranslatedText, translated

from ..enums import PHASE_ORDER, PhaseKind

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
