"""Models the whole portal shares: the phase base, the worker heartbeat, the outbox and the
send-once email ledger."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.serializers.json import DjangoJSONEncoder
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


class ActorKind(models.TextChoices):
    USER = "user", _("A person")
    CLOCK = "clock", _("The clock")


class ActivityLog(models.Model):
    """One row per change of state: who (a person, or the clock), which action, which
    object, when, why, and the state before and after.

    Written by the transition functions (``wsis_portal.activity.transition_write``) in the
    transaction of the change itself, so a change and its row commit or roll back together.
    Rows are never edited: the admin shows them read-only.
    """

    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_kind = models.CharField(_("actor"), max_length=5, choices=ActorKind.choices)
    action = models.CharField(_("action"), max_length=80)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("kind of object"), on_delete=models.PROTECT
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    subject = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("object"), max_length=200)
    field = models.CharField(_("field"), max_length=50)
    before = models.CharField(_("before"), max_length=50, blank=True)
    after = models.CharField(_("after"), max_length=50)
    reason = models.TextField(_("why"), blank=True)

    class Meta:
        verbose_name = _("activity log entry")
        verbose_name_plural = _("activity log")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-at"], name="activity_object_idx"),
            models.Index(fields=["action", "-at"], name="activity_action_idx"),
            models.Index(fields=["-at"], name="activity_at_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(actor_kind=ActorKind.CLOCK, actor__isnull=True)
                | Q(actor_kind=ActorKind.USER),
                name="activity_clock_has_no_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}: {self.before or '∅'} → {self.after}"

    @property
    def who(self) -> str:
        if self.actor_kind == ActorKind.CLOCK:
            return str(ActorKind.CLOCK.label)
        return str(self.actor) if self.actor_id else str(_("a deleted account"))


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SENT = "sent", _("delivered")
    FAILED = "failed", _("failed, gave up")


class OutboxMessage(models.Model):
    """A side effect (an email, a recount) written in the transaction of the change causing it.

    ``wsis_portal.outbox.add`` writes it; the handler registered for ``purpose`` performs it
    later, from a task sent on commit or from the periodic delivery, whichever comes first
    (a row lock decides). A broker that is down delays a side effect, never loses it.
    """

    purpose = models.CharField(_("purpose"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, null=True, blank=True
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    obj = GenericForeignKey("content_type", "object_id")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recipient"),
    )
    to_email = models.EmailField(_("to"), max_length=254, blank=True)
    data = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    # Private links and the like: kept only until delivery, never shown in the admin.
    secret = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    # Optional: a second add() with the same key is ignored (e.g. one digest per new comment).
    key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=Q(status="pending"),
                name="outbox_pending_due",
            ),
            models.Index(
                fields=["created_at"], condition=Q(status="pending"), name="outbox_pending_age"
            ),
            models.Index(fields=["content_type", "object_id"], name="outbox_object"),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} #{self.pk} ({self.status})"

    @property
    def object_pk(self) -> int:
        """The primary key of the object the message is about (handlers look it up)."""
        if self.object_id is None:
            raise LookupError(f"outbox message {self.pk} is about no object")
        return self.object_id

    @property
    def ledger_key(self) -> str:
        """The key of this message's email in the send-once ledger (``SentEmail``)."""
        return f"outbox:{self.pk}"


class DemoRow(models.Model):
    """A row that ``seed_demo`` created, so that ``seed_demo --remove`` deletes exactly those.

    Models with their own ``is_demo`` flag are found by it; the others are marked here,
    which keeps pre-existing rows (an edition the Secretariat entered, say) out of reach.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("demo row")
        verbose_name_plural = _("demo rows")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="demo_row_unique")
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id}"


class StatisticsAccess(models.Model):
    """No table: it only carries the permission to read the Secretariat's statistics pages,
    which span several apps (given to the Secretariat group by ``accounts.signals``)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_statistics", _("Can view the statistics pages"))]
        verbose_name = _("statistics access")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
