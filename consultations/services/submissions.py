"""Official submissions: the form while the window is open, the private links, the review."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.selectors import user_has_verified_address
from wsis_portal import outbox
from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from .. import emails
from ..enums import SUBMISSION_MOVES, SubmissionStatus
from ..models import (
    Consultation,
    Submission,
)
from ..selectors import (
    process_state,
    submission_by_token,
    submission_window_check,
    token_hash,
)

# The name the log had before services became a package, kept for the logging config.
logger = logging.getLogger("consultations.services")


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
    submission_window_check(consultation=consultation, now=now)
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
        link = (link_base or emails.base_url()) + reverse(
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
    submission_window_check(consultation=submission.consultation, now=now)
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
            link = (link_base or emails.base_url()) + reverse(
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
