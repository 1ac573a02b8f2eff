"""The online discussions: topics, comments, flags, subscriptions and digest deliveries."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..enums import (
    CommentFormat,
    DiscussionStatus,
    Language,
)
from .process import Consultation


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
            # The moderation list in the admin: most flagged first, then newest, then -pk.
            models.Index(
                fields=["-flag_count", "-created_at", "-id"], name="consult_comment_moderation"
            ),
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
