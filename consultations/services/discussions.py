"""The online discussions: comments, flags, moderation, opening and closing, subscriptions."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from ..enums import DiscussionStatus
from ..models import (
    Comment,
    CommentFlag,
    Consultation,
    Discussion,
    Subscription,
)

# The name the log had before services became a package, kept for the logging config.
logger = logging.getLogger("consultations.services")


def comment_post(
    *,
    discussion: Discussion,
    author: User,
    body: str,
    body_format: str,
    language: str,
    parent: Comment | None = None,
) -> Comment:
    """Post a comment or a reply. Replies go one level deep; closed topics take nothing."""
    if discussion.status != DiscussionStatus.OPEN:
        raise Refusal("closed", _("This discussion is closed to new comments."))
    if parent is not None and parent.parent_id is not None:
        # Answer the original comment instead of nesting deeper.
        raise ValidationError(
            {"parent": _("Replies go one level deep: answer the original comment.")}
        )
    if parent is not None and parent.is_hidden:
        raise ValidationError({"parent": _("You cannot reply to a hidden comment.")})
    comment = Comment(
        discussion=discussion,
        author=author,
        parent=parent,
        body=body.strip(),
        body_format=body_format,
        language=language,
        created_at=timezone.now(),
    )
    comment.full_clean()
    with transaction.atomic():
        comment.save()
    return comment


def comment_flag(*, comment: Comment, user: User, reason: str = "") -> bool:
    """Flag a comment for the moderators, once per user (a unique constraint decides)."""
    try:
        with transaction.atomic():
            CommentFlag.objects.create(comment=comment, user=user, reason=reason[:300])
            Comment.objects.filter(pk=comment.pk).update(flag_count=F("flag_count") + 1)
    except IntegrityError:
        raise Refusal("duplicate", _("You have already flagged this comment.")) from None
    return True


def comment_visibility_change(
    *, comment: Comment, hidden: bool, by: User, reason: str, action: str
) -> bool:
    """The one function that hides or shows a comment; False when it already was so.

    The row is locked, so two moderators deciding at once log one change, not two.
    """
    reason = (reason or "").strip()
    if not reason:
        raise Refusal("reason", _("Give the reason for this decision."))
    with transaction.atomic():
        locked = Comment.objects.select_for_update().filter(pk=comment.pk).first()
        if locked is None or locked.is_hidden == hidden:
            return False
        locked.moderation_reason = reason[:500]
        locked.moderated_by = by
        locked.moderated_at = timezone.now()
        transition_write(
            locked,
            field="is_hidden",
            to=hidden,
            actor=by,
            action=action,
            reason=locked.moderation_reason,
            also=["moderation_reason", "moderated_by", "moderated_at"],
            at=locked.moderated_at,
        )
    comment.refresh_from_db()
    logger.info("comment %s hidden=%s by %s: %s", comment.pk, hidden, by, reason)
    return True


def comment_hide(*, comment: Comment, by: User, reason: str) -> bool:
    """Hide a comment from the public thread, with the reason shown in its place."""
    return comment_visibility_change(
        comment=comment, hidden=True, by=by, reason=reason, action="comment_hide"
    )


def comment_unhide(*, comment: Comment, by: User, reason: str) -> bool:
    """Show a hidden comment again, recording why."""
    return comment_visibility_change(
        comment=comment, hidden=False, by=by, reason=reason, action="comment_unhide"
    )


def discussion_status_change(
    *, discussion: Discussion, to: str, by: User, reason: str = ""
) -> bool:
    """The one function that opens or closes a discussion to new comments; False when it
    already was so."""
    if to not in DiscussionStatus.values:
        raise Refusal("transition", _("A discussion is either open or closed."))
    with transaction.atomic():
        locked = Discussion.objects.select_for_update().get(pk=discussion.pk)
        if locked.status == to:
            return False
        transition_write(
            locked,
            to=to,
            actor=by,
            action="discussion_open" if to == DiscussionStatus.OPEN else "discussion_close",
            reason=reason,
        )
    discussion.refresh_from_db(fields=["status"])
    return True


def subscription_set(
    *, user: User, consultation: Consultation, discussion: Discussion | None, subscribed: bool
) -> bool:
    """Follow or stop following a discussion (or the consultation when ``discussion`` is None).

    Only comments posted after subscribing are notified.
    """
    existing = Subscription.objects.filter(
        user=user, consultation=consultation, discussion=discussion
    )
    if not subscribed:
        return existing.delete()[0] > 0
    try:
        with transaction.atomic():
            Subscription.objects.create(user=user, consultation=consultation, discussion=discussion)
    except IntegrityError:
        return False
    return True
