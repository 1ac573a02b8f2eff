"""Registration for an online-only session, apart from the edition's registration."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal.refusals import Refusal

from .models import Session, SessionRegistration


def session_register(*, session: Session, user: User, now: datetime) -> SessionRegistration:
    """Register ``user`` for an online-only session before its own deadline, by the clock."""
    if not session.registration_required:
        raise Refusal("not_required", _("This session takes no registration of its own."))
    closes = session.registration_closes_at
    if closes is None or now >= closes:
        raise Refusal(
            "closed",
            _("Registration for this session closed on %(date)s.")
            % {
                "date": date_format(timezone.localtime(closes), "DATETIME_FORMAT") if closes else ""
            },
        )
    try:
        with transaction.atomic():
            return SessionRegistration.objects.create(session=session, user=user, created_at=now)
    except IntegrityError as exc:
        raise Refusal("duplicate", _("You are already registered for this session.")) from exc
