"""Regional and national WSIS events, and WSIS sessions held at other forums.

They are not part of a Forum edition's programme; their outcomes feed the edition named here
and its Open Consultation Process (seed 003: the ESCAP regional review in Bangkok).
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from ..enums import EventKind, Region, SessionRole


class Event(models.Model):
    kind = models.CharField(_("kind of event"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=300)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(
        _("place"), max_length=200, help_text=_("City and venue, or 'Online'.")
    )
    country = CountryField(_("country"), blank=True)
    region = models.CharField(_("ITU region"), max_length=20, choices=Region.choices, blank=True)
    organisers = models.CharField(
        _("organisers and co-organisers"),
        max_length=500,
        help_text=_("As the event's announcement names them."),
    )
    description = models.TextField(
        _("description"), blank=True, max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    agenda = models.TextField(
        _("agenda"),
        blank=True,
        max_length=5000,
        validators=[MaxLengthValidator(5000)],
        help_text=_("One item per line."),
    )
    url = models.URLField(_("more information link"), blank=True)
    feeds_edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="input_events",
        verbose_name=_("feeds the Forum edition"),
        help_text=_("The edition (and its Open Consultation Process) its outcomes feed."),
    )
    people: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "forum.Person", through="EventPerson", related_name="events", verbose_name=_("people")
    )
    action_lines: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "forum.ActionLine", related_name="events", blank=True, verbose_name=_("Action Lines")
    )
    sdgs: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "forum.SDG", related_name="events", blank=True, verbose_name=_("SDGs")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["starts_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="forum_event_ends_on_or_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:event", args=[self.pk])

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]


class EventPerson(models.Model):
    """Someone who moderates or speaks at an event, in the order they are listed."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey("forum.Person", on_delete=models.CASCADE, related_name="+")
    role = models.PositiveSmallIntegerField(_("role"), choices=SessionRole.choices)
    order = models.PositiveSmallIntegerField(_("order within the role"), default=0)

    class Meta:
        ordering = ["role", "order", "id"]
        verbose_name = _("person at the event")
        verbose_name_plural = _("people at the event")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"], name="forum_eventperson_once_per_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()}"
