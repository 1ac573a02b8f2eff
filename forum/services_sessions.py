"""Registration for an online-only session, apart from the edition's registration."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User

from .models import Session, SessionRegistration
from .services_programme import RegistrationError


def session_register(*, session: Session, user: User, now: datetime) -> SessionRegistration:
    """Register ``user`` for an online-only session before its own deadline, by the clock."""
    if not session.registration_required:
        raise RegistrationError(
            _("This session takes no registration of its own."), code="not_required"
        )
    closes = session.registration_closes_at
    if closes is None or now >= closes:
        raise RegistrationError(
            _("Registration for this session closed on %(date)s.")
            % {
                "date": date_format(timezone.localtime(closes), "DATETIME_FORMAT") if closes else ""
            },
            code="closed",
        )
    try:
        with transaction.atomic():
            return SessionRegistration.objects.create(session=session, user=user, created_at=now)
    except IntegrityError as exc:
        raise RegistrationError(
            _("You are already registered for this session."), code="duplicate"
        ) from exc
