"""High-Level Track facilitator nominations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal.refusals import Refusal

from ..models import (
    Consultation,
    Nomination,
)
from ..selectors import nominations_open, process_state


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
