"""The Expert Group: who scores which categories, and their scores."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .contests import Category, Contest
from .projects import Project


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
