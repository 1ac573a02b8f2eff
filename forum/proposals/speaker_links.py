"""Speakers' private confirmation links: signed, valid for ``LINK_DAYS`` days, renewable.

A link names the speaker and the address it was sent to, signed with the site's key and a
timestamp. After ``LINK_DAYS`` it no longer opens the confirmation form (a forwarded or
leaked email stops being a key to the speaker's details); its owner can ask for a new one,
which goes to the same address only, and the Secretariat can re-send one from the schedule.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal import outbox
from wsis_portal.models import ActivityLog, ActorKind
from wsis_portal.refusals import Refusal

from ..models import ProposalSpeaker
from . import emails
from .review import is_secretariat

SPEAKER_SALT = "forum.proposals.speaker-confirm"
LINK_DAYS = 30
LINK_MAX_AGE = timedelta(days=LINK_DAYS)


class SpeakerLinkExpired(Exception):
    """An authentic link past its age: the page offers a new one instead of the form."""

    def __init__(self, speaker: ProposalSpeaker) -> None:
        super().__init__(speaker.pk)
        self.speaker = speaker


def speaker_link(speaker: ProposalSpeaker) -> str:
    token = signing.dumps({"speaker": speaker.pk, "email": speaker.email}, salt=SPEAKER_SALT)
    return emails.base_url() + reverse("forum:speaker_confirm", args=[token])


def _speaker(data: dict) -> ProposalSpeaker | None:
    if not isinstance(data.get("speaker"), int):
        return None
    return (
        ProposalSpeaker.objects.select_related(
            "person", "proposal__call__edition", "proposal__session__placement__room"
        )
        .filter(pk=data["speaker"], email=data.get("email"))
        .first()
    )


def speaker_from_token(token: str) -> ProposalSpeaker | None:
    """The speaker a private link names; None when it was altered or the speaker is gone.

    Raises :class:`SpeakerLinkExpired` for an authentic link older than ``LINK_DAYS``.
    """
    try:
        return _speaker(signing.loads(token, salt=SPEAKER_SALT, max_age=LINK_MAX_AGE))
    except signing.SignatureExpired:
        speaker = _speaker(signing.loads(token, salt=SPEAKER_SALT))
        if speaker is None:
            return None
        raise SpeakerLinkExpired(speaker) from None
    except signing.BadSignature:
        return None


def speaker_link_send(speaker: ProposalSpeaker, *, key: str = "") -> None:
    """Queue the email with a fresh link (in the caller's transaction)."""
    outbox.add(
        purpose=emails.SPEAKER_CONFIRM,
        obj=speaker,
        to=speaker.email,
        secret={"link": speaker_link(speaker)},
        # One per speaker and day: pressing "send" twice does not flood their mailbox.
        key=key or f"speaker-confirm:{speaker.pk}:{timezone.now():%Y-%m-%d}",
    )


def speaker_link_renew(*, speaker: ProposalSpeaker, by: User | None = None) -> None:
    """Send ``speaker`` a new link, to the address on record only.

    ``by`` is the Secretariat re-sending from the schedule, or None when the speaker asks
    from their expired link (which proves they received the first one).
    """
    if by is not None and not is_secretariat(by):
        raise Refusal("not_assigned", _("Only the Secretariat re-sends speakers' links."))
    if speaker.person is None:
        raise Refusal("closed", _("This session is not in the programme yet."))
    with transaction.atomic():
        speaker_link_send(speaker)
        ActivityLog.objects.create(
            actor=by,
            actor_kind=ActorKind.USER,
            action="speaker_link_renew",
            content_type=ContentType.objects.get_for_model(ProposalSpeaker),
            object_id=speaker.pk,
            object_repr=str(speaker)[:200],
            reason=_("A new private link was sent to %(email)s.") % {"email": speaker.email},
        )


def speaker_for_secretariat(*, speaker_id: int, year: int) -> ProposalSpeaker | None:
    """A speaker of an accepted proposal of the ``year`` edition (the schedule's re-send)."""
    return (
        ProposalSpeaker.objects.select_related("person", "proposal")
        .filter(pk=speaker_id, proposal__call__edition__year=year, person__isnull=False)
        .first()
    )
