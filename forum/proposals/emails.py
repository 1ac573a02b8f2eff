"""Outbox handlers of the programme pipeline (registered in forum/apps.py)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from wsis_portal.mail import Email
from wsis_portal.models import OutboxMessage

PROPOSAL_RECEIPT = "forum.proposal-receipt"
REVIEW_OPEN = "forum.proposal-review-open"
PROPOSAL_DECIDED = "forum.proposal-decided"
SPEAKER_CONFIRM = "forum.speaker-confirm"


def base_url() -> str:
    """Absolute links in emails sent outside a request."""
    return settings.PORTAL_BASE_URL.rstrip("/")


def _render(name: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"forum/proposals/email/{name}_subject.txt", context).strip()
    body = render_to_string(f"forum/proposals/email/{name}_body.txt", context)
    return " ".join(subject.split()), body


def proposal_receipt(message: OutboxMessage) -> Email | None:
    from ..models import Proposal

    proposal = (
        Proposal.objects.select_related("call__edition", "proposer", "building_block")
        .filter(pk=message.object_pk)
        .first()
    )
    if proposal is None:
        return None
    link = base_url() + reverse(
        "forum:proposal_edit", args=[proposal.call.edition.year, proposal.pk]
    )
    subject, body = _render("receipt", {"proposal": proposal, "call": proposal.call, "link": link})
    return Email(subject=subject, body=body, to=proposal.proposer.email)


def review_open(message: OutboxMessage) -> Email | None:
    from ..models import ProposalCall

    call = ProposalCall.objects.select_related("edition").filter(pk=message.object_pk).first()
    if call is None or not message.to_email:
        return None
    link = base_url() + reverse("forum:review_list", args=[call.edition.year])
    subject, body = _render("review_open", {"call": call, "link": link})
    return Email(subject=subject, body=body, to=message.to_email)


def proposal_decided(message: OutboxMessage) -> Email | None:
    from ..models import Proposal

    proposal = (
        Proposal.objects.select_related("call__edition", "proposer", "merged_into")
        .filter(pk=message.object_pk)
        .first()
    )
    if proposal is None:
        return None
    subject, body = _render("decided", {"proposal": proposal, "call": proposal.call})
    return Email(subject=subject, body=body, to=proposal.proposer.email)


def speaker_confirm(message: OutboxMessage) -> Email | None:
    """The speaker's private link: it travels in the message's secret, erased once sent."""
    from ..models import ProposalSpeaker

    speaker = (
        ProposalSpeaker.objects.select_related("proposal__call__edition", "proposal__session")
        .filter(pk=message.object_pk)
        .first()
    )
    link = message.secret.get("link")
    if speaker is None or not link:
        return None
    from .speaker_links import LINK_DAYS

    subject, body = _render(
        "speaker_confirm",
        {"speaker": speaker, "proposal": speaker.proposal, "link": link, "days": LINK_DAYS},
    )
    return Email(subject=subject, body=body, to=speaker.email)


def register(registry: Any) -> None:
    registry.add_outbox(PROPOSAL_RECEIPT, proposal_receipt)
    registry.add_outbox(REVIEW_OPEN, review_open)
    registry.add_outbox(PROPOSAL_DECIDED, proposal_decided)
    registry.add_outbox(SPEAKER_CONFIRM, speaker_confirm)
