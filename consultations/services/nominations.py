"""High-Level Track facilitator nominations."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from accounts.models import User

from ..models import (
    Consultation,
    Nomination,
)
from ..selectors import nomination_window_check


def nomination_create(
    *, consultation: Consultation, user: User, data: dict[str, Any], now: datetime
) -> Nomination:
    """Record a High-Level Track facilitator nomination until the nominations deadline."""
    nomination_window_check(consultation=consultation, now=now)
    nomination = Nomination(consultation=consultation, nominated_by=user)
    for name in ("nominee_name", "nominee_email", "organisation", "stakeholder_group"):
        setattr(nomination, name, data.get(name) or "")
    nomination.justification = data.get("justification") or ""
    nomination.full_clean()
    with transaction.atomic():
        nomination.save()
    return nomination
