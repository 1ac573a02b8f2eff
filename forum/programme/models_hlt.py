"""The High-Level Track of a Forum edition: its themes (seed 002: "High-Level Policy Sessions
were divided into sixteen sessions covering fourteen themes"); sessions point to a theme and
name their facilitators with the High-Level Track facilitator role."""

from __future__ import annotations

from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class HighLevelTheme(models.Model):
    edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.CASCADE,
        related_name="hlt_themes",
        verbose_name=_("edition"),
    )
    title = models.CharField(_("theme"), max_length=250)
    description = models.TextField(
        _("description"), blank=True, max_length=3000, validators=[MaxLengthValidator(3000)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "title"]
        verbose_name = _("High-Level Track theme")
        verbose_name_plural = _("High-Level Track themes")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "title"],
                name="forum_hlttheme_once_per_edition",
                violation_error_message=_("This edition already has a theme with this title."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:high_level_track", args=[self.edition.year])
