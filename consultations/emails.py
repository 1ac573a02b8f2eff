"""The Open Consultation Process's outbox handlers (registered in apps.py)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wsis_portal.i18n import language_of
from wsis_portal.mail import Email
from wsis_portal.models import OutboxMessage

SUBMISSION_RECEIPT = "consultations.submission-receipt"
# Double opt-in: mail to an address typed into a form, quoting nothing typed there.
SUBMISSION_CONFIRM = "consultations.submission-confirm-address"
SUBMISSION_NEW_LINK = "consultations.submission-new-link"
PHASE_REMINDER = "consultations.phase-reminder"
COMMENT_DIGEST = "consultations.comment-digest"


def base_url() -> str:
    """Absolute links in emails sent outside a request (tasks, the tick)."""
    return settings.PORTAL_BASE_URL.rstrip("/")


def submission_receipt(message: OutboxMessage) -> Email | None:
    """The receipt of an official submission with its private edit link.

    The link carries the token whose hash alone the submission keeps: it travels in the
    message's ``secret``, erased once the email is sent.
    """
    from .models import Submission

    submission = (
        Submission.objects.select_related("consultation").filter(pk=message.object_pk).first()
    )
    link = message.secret.get("link")
    if submission is None or not link:
        return None
    deadline = message.data.get("deadline")
    context = {
        "submission": submission,
        "link": link,
        "deadline": parse_datetime(deadline) if deadline else None,
    }
    return Email(
        subject=_("[WSIS] Your submission to %(title)s") % {"title": submission.consultation.name},
        body=render_to_string("consultations/email/receipt.txt", context),
        to=submission.email,
    )


def submission_link(message: OutboxMessage) -> Email | None:
    """A private link sent to an address nobody has confirmed (or asked for again).

    Only the consultation's title (the Secretariat's text) and the link are in it: the name,
    organisation and text of the submission may be someone else's words, and this email
    leaves from the Secretariat's address.
    """
    from .models import Submission

    submission = (
        Submission.objects.select_related("consultation").filter(pk=message.object_id).first()
    )
    link = message.secret.get("link")
    if submission is None or not link or not message.to_email:
        return None
    title = submission.consultation.name
    if message.purpose == SUBMISSION_CONFIRM:
        subject = _("[WSIS] Please confirm your address: submission to %(title)s")
        template = "consultations/email/confirm_address.txt"
    else:
        subject = _("[WSIS] A new private link to your submission to %(title)s")
        template = "consultations/email/new_link.txt"
    return Email(
        subject=subject % {"title": title},
        body=render_to_string(template, {"title": title, "link": link}),
        to=message.to_email,
    )


def phase_reminder(message: OutboxMessage) -> Email | None:
    """A meeting or the submissions deadline is near: remind one subscriber."""
    from .models import ConsultationPhase

    phase = (
        ConsultationPhase.objects.select_related("consultation")
        .filter(pk=message.object_pk)
        .first()
    )
    if phase is None or not message.to_email:
        return None
    recipient = message.recipient
    if recipient is not None and not (
        recipient.is_active
        and recipient.consultation_subscriptions.filter(
            consultation_id=phase.consultation_id
        ).exists()
    ):
        return None  # unsubscribed (or closed the account) since the reminder was queued
    link = base_url() + phase.consultation.get_absolute_url()
    return Email(
        subject=_("[WSIS] Reminder: %(phase)s, %(name)s")
        % {"phase": phase.label, "name": phase.name},
        body=render_to_string(
            "consultations/email/phase_reminder.txt", {"phase": phase, "link": link}
        ),
        to=message.to_email,
    )


def comment_digest(message: OutboxMessage) -> Email | None:
    """Every new comment of one followed discussion in one email; nothing when none is left.

    The subscription row is locked and the delivery records (unique per subscription and
    comment) are written in the outbox delivery's transaction: they commit with the ledger
    row and the send, or roll back with them for the next attempt.
    """
    from .models import Comment, CommentDelivery, Subscription

    subscription = (
        Subscription.objects.select_for_update(of=("self",))
        .select_related("user", "discussion__consultation")
        .filter(pk=message.object_pk, discussion__isnull=False)
        .first()
    )
    discussion = subscription.discussion if subscription is not None else None
    if subscription is None or discussion is None:
        return None
    comments = list(
        Comment.objects.filter(
            discussion=discussion,
            is_hidden=False,
            created_at__gte=subscription.created_at,
        )
        .exclude(author_id=subscription.user_id)
        .exclude(deliveries__subscription=subscription)
        .select_related("author__profile")
        .order_by("created_at", "pk")[:50]
    )
    if not comments:
        return None
    CommentDelivery.objects.bulk_create(
        [CommentDelivery(subscription=subscription, comment=c) for c in comments]
    )
    # The message names no recipient (it is keyed by subscription): use the subscriber's.
    with language_of(subscription.user):
        link = base_url() + discussion.get_absolute_url()
        return Email(
            subject=ngettext(
                "[WSIS] %(n)s new comment in “%(title)s”",
                "[WSIS] %(n)s new comments in “%(title)s”",
                len(comments),
            )
            % {"n": len(comments), "title": discussion.title},
            body=render_to_string(
                "consultations/email/digest.txt",
                {"discussion": discussion, "comments": comments, "link": link},
            ),
            to=subscription.user.email,
        )
