"""Every write of the Open Consultation Process.

Whether something is allowed is decided here from the phase dates and the clock at call
time (DESIGN.md, "The clock decides"); views pass ``now=timezone.now()``.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, Max, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.selectors import user_has_verified_address
from wsis_portal import outbox
from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from . import emails
from .enums import SUBMISSION_MOVES, DiscussionStatus, SubmissionStatus
from .models import (
    Comment,
    CommentDelivery,
    CommentFlag,
    Consultation,
    Discussion,
    Nomination,
    Submission,
    Subscription,
)
from .selectors import nominations_open, process_state, submission_by_token, token_hash

logger = logging.getLogger(__name__)

SUBMISSION_FIELDS = (
    "full_name",
    "email",
    "organisation_name",
    "organisation_country",
    "telephone",
    "stakeholder_type",
    "input_kind",
    "event_name",
    "event_place",
    "event_date",
    "thematic_aspects",
    "format_innovations",
    "language",
)


base_url = emails.base_url


# --- Official submissions --------------------------------------------------------------


def _submission_window_check(*, consultation: Consultation, now: datetime) -> None:
    state = process_state(consultation=consultation, now=now)
    if state.submissions_open:
        return
    if state.submissions_not_yet_open and state.opening is not None:
        raise Refusal(
            "closed",
            _("Submissions open on %(date)s. Please come back then.")
            % {"date": date_format(timezone.localtime(state.opening.starts_at), "DATETIME_FORMAT")},
        )
    if state.deadline_phase is None or state.opening is None:
        raise Refusal("closed", _("This consultation does not take official submissions."))
    raise Refusal(
        "closed",
        _(
            "The submissions deadline (%(date)s) has passed, so this form no longer "
            "accepts or changes submissions. Nothing was saved. You can still take part in "
            "the online discussions."
        )
        % {"date": date_format(timezone.localtime(state.submissions_deadline), "DATETIME_FORMAT")},
    )


def _apply_submission_fields(submission: Submission, data: dict[str, Any]) -> None:
    for name in SUBMISSION_FIELDS:
        if name in data:
            value = data[name]
            if value is None and name != "event_date":
                value = ""
            setattr(submission, name, value)
    if not submission.is_event_input:
        submission.event_name = submission.event_place = ""
        submission.event_date = None


def submission_create(
    *,
    consultation: Consultation,
    data: dict[str, Any],
    action_lines: Iterable[Any] = (),
    sdgs: Iterable[Any] = (),
    user: User | AnonymousUser | None = None,
    now: datetime,
    link_base: str | None = None,
) -> tuple[Submission, str]:
    """Record an official submission while the window is open; email a private edit link.

    Double opt-in: unless a signed-in user sends it from an address verified on their
    account, the address typed into the form is unconfirmed, and the only email it gets asks
    its owner to confirm, quoting nothing that was typed (not even the name), so the form
    cannot relay someone's text from the Secretariat's address. The submission counts once
    confirmed (`submission_email_confirm`).

    Returns the submission and its private token (only its hash is stored).
    """
    _submission_window_check(consultation=consultation, now=now)
    token = secrets.token_urlsafe(32)
    user = user if user is not None and user.is_authenticated else None
    submission = Submission(consultation=consultation, user=user, edit_token_hash=token_hash(token))
    _apply_submission_fields(submission, data)
    confirmed = user is not None and user_has_verified_address(user=user, email=submission.email)
    submission.email_confirmed_at = now if confirmed else None
    submission.full_clean()
    with transaction.atomic():
        submission.save()
        submission.action_lines.set(list(action_lines))
        submission.sdgs.set(list(sdgs))
        link = (link_base or base_url()) + reverse(
            "consultations:submission_private", args=[consultation.slug, token]
        )
        deadline = process_state(consultation=consultation, now=now).submissions_deadline
        if confirmed:
            _receipt_add(submission=submission, link=link, deadline=deadline)
        else:
            _link_add(submission=submission, link=link, purpose=emails.SUBMISSION_CONFIRM)
    return submission, token


def _link_add(*, submission: Submission, link: str, purpose: str) -> None:
    """A private link for the address typed into a form, quoting nothing typed there
    (`emails.submission_link`): the confirmation request or a new link."""
    outbox.add(purpose=purpose, obj=submission, to=submission.email, secret={"link": link})


def submission_email_confirm(*, submission: Submission, now: datetime) -> bool:
    """The owner of the address confirms it (opening the private link and saying so).

    From then on the submission counts; False when it was already confirmed.
    """
    done = Submission.objects.filter(pk=submission.pk, email_confirmed_at__isnull=True).update(
        email_confirmed_at=now
    )
    if done:
        submission.email_confirmed_at = now
        logger.info("submission %s: address confirmed", submission.pk)
    return bool(done)


def _receipt_add(*, submission: Submission, link: str, deadline: datetime | None) -> None:
    """The receipt with the private link, as an outbox message of the current transaction:
    the submission is saved whatever the mail server says, and the email follows it.

    Only for an address verified on the submitter's account: the receipt quotes the name.
    """
    outbox.add(
        purpose=emails.SUBMISSION_RECEIPT,
        obj=submission,
        to=submission.email,
        data={"deadline": deadline.isoformat() if deadline else None},
        secret={"link": link},
    )


def submission_update(
    *,
    submission: Submission,
    data: dict[str, Any],
    action_lines: Iterable[Any] = (),
    sdgs: Iterable[Any] = (),
    now: datetime,
) -> Submission:
    """Change a submission through its private link, only until the submissions deadline."""
    _submission_window_check(consultation=submission.consultation, now=now)
    _apply_submission_fields(submission, data)
    submission.full_clean()
    with transaction.atomic():
        submission.save()
        submission.action_lines.set(list(action_lines))
        submission.sdgs.set(list(sdgs))
    return submission


def submission_links_resend(
    *, consultation: Consultation, email: str, now: datetime, link_base: str | None = None
) -> int:
    """Email fresh private links for the submissions sent from ``email``, until the deadline.

    Only hashes are stored, so a lost link cannot be shown again: each submission gets a new
    token, kept as *pending*. The current link keeps working until the new one is opened
    (`submission_link_open`), so anyone can ask for a link with someone's address without
    cutting them off; asking again replaces the pending link. The caller shows the same
    message whether or not anything matched, so the form does not reveal who submitted.
    """
    state = process_state(consultation=consultation, now=now)
    if not state.submissions_open:
        return 0
    sent = 0
    for submission in Submission.objects.filter(consultation=consultation, email__iexact=email):
        token = secrets.token_urlsafe(32)
        with transaction.atomic():
            Submission.objects.filter(pk=submission.pk).update(pending_token_hash=token_hash(token))
            link = (link_base or base_url()) + reverse(
                "consultations:submission_private", args=[consultation.slug, token]
            )
            # The address was typed into the "lost link" form: quote nothing of the submission.
            _link_add(
                submission=submission,
                link=link,
                purpose=emails.SUBMISSION_NEW_LINK
                if submission.email_confirmed_at
                else emails.SUBMISSION_CONFIRM,
            )
        sent += 1
    return sent


def submission_link_open(*, consultation: Consultation, token: str) -> Submission:
    """The submission a private link opens, or 404; opening a new link revokes the old one.

    A token matching the pending link (sent by the "lost link" page) becomes the current
    one, and the link it replaces stops working from then on.
    """
    submission = submission_by_token(consultation=consultation, token=token)
    hashed = token_hash(token)
    if submission.pending_token_hash == hashed:
        with transaction.atomic():
            Submission.objects.filter(pk=submission.pk, pending_token_hash=hashed).update(
                edit_token_hash=hashed, pending_token_hash=None
            )
        submission.edit_token_hash, submission.pending_token_hash = hashed, None
        logger.info("submission %s: a new private link was opened", submission.pk)
    return submission


def submission_set_status(*, submission: Submission, status: str, by: User, note: str = "") -> bool:
    """The secretariat's review decision, along ``SUBMISSION_MOVES`` only."""
    if status == submission.status or status not in SUBMISSION_MOVES.get(submission.status, set()):
        raise Refusal(
            "transition",
            _("A submission cannot go from “%(old)s” to “%(new)s”.")
            % {"old": submission.get_status_display(), "new": SubmissionStatus(status).label},
        )
    with transaction.atomic():
        submission.status_changed_by = by
        submission.status_note = note[:500]
        transition_write(
            submission,
            to=status,
            actor=by,
            action="submission_set_status",
            reason=submission.status_note,
            also=["status_changed_by", "status_note"],
        )
    logger.info("submission %s set to %s by %s", submission.pk, status, by)
    return True


# --- Discussions -------------------------------------------------------------------------


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


# --- High-Level Track nominations ----------------------------------------------------------


def nomination_create(
    *, consultation: Consultation, user: User, data: dict[str, Any], now: datetime
) -> Nomination:
    """Record a High-Level Track facilitator nomination until the nominations deadline."""
    state = process_state(consultation=consultation, now=now)
    if not nominations_open(consultation=consultation, state=state):
        raise Refusal(
            "closed",
            _("The call for High-Level Track facilitators is not open. Nothing was saved."),
        )
    nomination = Nomination(consultation=consultation, nominated_by=user)
    for name in ("nominee_name", "nominee_email", "organisation", "stakeholder_group"):
        setattr(nomination, name, data.get(name) or "")
    nomination.justification = data.get("justification") or ""
    nomination.full_clean()
    with transaction.atomic():
        nomination.save()
    return nomination


# --- Beat tick: comment digests (phase reminders: consultations.reminders) -----------------


def subscriptions_with_pending_comments() -> list[int]:
    """Ids of discussion subscriptions with at least one comment not yet delivered."""
    undelivered = Comment.objects.filter(
        discussion_id=OuterRef("discussion_id"),
        is_hidden=False,
        created_at__gte=OuterRef("created_at"),
    ).exclude(author_id=OuterRef("user_id"))
    undelivered = undelivered.exclude(
        Exists(
            CommentDelivery.objects.filter(
                subscription_id=OuterRef(OuterRef("pk")), comment_id=OuterRef("pk")
            )
        )
    )
    return list(
        Subscription.objects.filter(discussion__isnull=False)
        .filter(Exists(undelivered))
        .values_list("pk", flat=True)
    )


def comment_digests_queue(now: datetime) -> int:
    """Tick handler: one digest outbox message per subscription that has new comments.

    The message's key names the newest comment of the discussion, so a tick that runs again
    before the digest went out (a broker down, a slow worker) adds nothing; the delivery
    (``emails.comment_digest``) sends whatever is still undelivered then.
    """
    ids = subscriptions_with_pending_comments()
    added = 0
    rows = (
        Subscription.objects.filter(pk__in=ids)
        .annotate(newest=Max("discussion__comments__pk"))
        .values_list("pk", "newest")
    )
    for subscription_id, newest in rows:
        with transaction.atomic():
            message = outbox.add(
                purpose=emails.COMMENT_DIGEST,
                obj=Subscription(pk=subscription_id),
                key=f"consultations:digest:{subscription_id}:{newest}",
            )
        added += message is not None
    return added
