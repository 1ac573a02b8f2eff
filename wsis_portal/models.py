"""Models the whole portal shares: the phase base and the worker heartbeat."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PhaseQuerySet(models.QuerySet):
    def open_at(self, when):
        return self.filter(starts_at__lte=when, ends_at__gt=when)


class Phase(models.Model):
    """A dated window. Whether it is open is computed from the clock at request time.

    ``transition_applied_at`` marks that the side effects of this phase's start (or end,
    as the owning app defines) have run; it is claimed with a conditional UPDATE so that
    they run exactly once (DESIGN.md, "Phases and deadlines").
    """

    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    objects = PhaseQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="%(app_label)s_%(class)s_ends_after_start",
            )
        ]

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at


class Heartbeat(models.Model):
    """Last time a Celery worker ran the heartbeat task; read by /healthz."""

    name = models.CharField(max_length=50, unique=True)
    beat_at = models.DateTimeField()

    class Meta:
        verbose_name = _("worker heartbeat")

    def __str__(self) -> str:
        return f"{self.name} @ {self.beat_at:%Y-%m-%d %H:%M:%S}"


def claim_once(queryset, field: str = "transition_applied_at") -> bool:
    """Mark a row's one-time side effect as taken; True only for the single caller that won.

    A conditional UPDATE: of two ticks, retries or a re-delivered task, exactly one sees a
    row count of 1. Call it inside the transaction that performs the side effect so that a
    worker killed half-way rolls the claim back with the work.
    """
    return queryset.filter(**{f"{field}__isnull": True}).update(**{field: timezone.now()}) == 1


class SentEmail(models.Model):
    """A ledger of one-time emails: a unique key per (purpose, recipient) means never twice."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("sent email")
        verbose_name_plural = _("sent emails")

    def __str__(self) -> str:
        return self.key
