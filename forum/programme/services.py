"""Writes of the Forum programme and registration, and of an online session's own registration."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import StakeholderProfile, User
from wsis_portal import outbox
from wsis_portal.activity import activity_record, transition_write
from wsis_portal.bulk_created import bulk_created
from wsis_portal.refusals import Refusal

from ..base.building_blocks import BUILDING_BLOCKS
from ..base.taxonomy_translations import building_block_fill
from ..emails import REGISTRATION_CONFIRMED
from ..enums import AttendanceMode, RegistrationStatus
from ..models import (
    BuildingBlock,
    Edition,
    Registration,
    Session,
    SessionRegistration,
)
from .selectors import in_person_places_left


def building_blocks_load(**kwargs: Any) -> None:
    """Put the briefing's building blocks back when the table is empty (idempotent).

    Connected to post_migrate: a database flushed by a transactional test gets them back.
    Rows the secretariat edited are left alone.
    """
    # The names are English: they go to the English columns whatever language is active.
    with translation.override("en"):
        _building_blocks_load()


def _building_blocks_load() -> None:
    if BuildingBlock.objects.exists():
        return
    blocks = [
        BuildingBlock(slug=slug, name=name, order=order)
        for order, (slug, name) in enumerate(BUILDING_BLOCKS, start=1)
    ]
    for block in blocks:
        building_block_fill(block)
    bulk_created(BuildingBlock, blocks)


def registration_create(*, edition: Edition, user: User, mode: str) -> Registration:
    """Register ``user`` to ``edition``, in person within the capacity or remotely.

    Rules: registration must be open now (the clock decides); the user needs a stakeholder
    profile (its type and country are copied); one registration per user and edition (a
    unique constraint, so two simultaneous submissions cannot both pass); in-person places
    are counted with the edition row locked, so concurrent registrations never exceed the
    capacity. The confirmation email is an outbox message written with the registration.
    """
    now = timezone.now()
    profile = StakeholderProfile.objects.filter(user=user).first()
    if profile is None:
        raise Refusal("no_profile", _("Complete your stakeholder profile before registering."))
    if mode not in AttendanceMode.values:
        raise Refusal("mode", _("Choose how you will take part."))
    try:
        with transaction.atomic():
            # Every registration of this edition waits here for the one before it.
            locked = Edition.objects.select_for_update().get(pk=edition.pk)
            if not locked.registration_is_open(now):
                raise Refusal("closed", _("Registration for this Forum is not open."))
            existing = Registration.objects.filter(edition=locked, user=user).first()
            if existing is not None and existing.status == RegistrationStatus.CONFIRMED:
                raise Refusal("duplicate", _("You are already registered for this Forum."))
            if mode == AttendanceMode.IN_PERSON and in_person_places_left(edition=locked) <= 0:
                raise Refusal(
                    "full",
                    _(
                        "All in-person places are taken. You can still register to take "
                        "part remotely."
                    ),
                )
            # A cancelled registration is taken up again rather than duplicated.
            registration = existing or Registration(
                edition=locked, user=user, status=RegistrationStatus.CONFIRMED
            )
            registration.mode = mode
            registration.stakeholder_type = profile.stakeholder_type
            registration.country = profile.organisation_country
            registration.created_at = now
            registration.confirmation_sent_at = None
            registration.full_clean(validate_constraints=False)
            registration.save()
            if existing is None:
                activity_record(
                    obj=registration,
                    action="registration_create",
                    actor=user,
                    field="status",
                    before="",
                    after=registration.status,
                    at=now,
                )
            else:
                registration_status_change(
                    registration=registration,
                    to=RegistrationStatus.CONFIRMED,
                    by=user,
                    action="registration_create",
                )
            outbox.add(purpose=REGISTRATION_CONFIRMED, obj=registration, to=registration.user)
    except IntegrityError as error:
        # The unique constraint caught a second submission that raced the check above.
        raise Refusal("duplicate", _("You are already registered for this Forum.")) from error
    return registration


REGISTRATION_MOVES: dict[str, set[str]] = {
    RegistrationStatus.CONFIRMED: {RegistrationStatus.CANCELLED},
    RegistrationStatus.CANCELLED: {RegistrationStatus.CONFIRMED},
}


def registration_status_change(
    *, registration: Registration, to: str, by: User | None, action: str, reason: str = ""
) -> Registration:
    """The one function that confirms or cancels a registration, with its log row."""
    if to not in REGISTRATION_MOVES.get(registration.status, set()):
        raise Refusal(
            "transition",
            _("A registration cannot go from “%(old)s” to “%(new)s”.")
            % {"old": registration.get_status_display(), "new": RegistrationStatus(to).label},
        )
    transition_write(registration, to=to, actor=by, action=action, reason=reason)
    return registration


def registration_cancel(*, registration: Registration, by: User | None = None) -> Registration:
    """Cancel a registration; its in-person place becomes free again.

    ``by`` is who cancels (the registrant when not given). Possible until the Forum's last
    day is over (Geneva time); afterwards the record stays. Cancelling twice does nothing.
    """
    if registration.edition.has_ended(timezone.now()):
        raise Refusal("over", _("This Forum is over; its registrations can no longer be changed."))
    with transaction.atomic():
        locked = Registration.objects.select_for_update().get(pk=registration.pk)
        if locked.status == RegistrationStatus.CONFIRMED:
            registration_status_change(
                registration=locked,
                to=RegistrationStatus.CANCELLED,
                by=by or registration.user,
                action="registration_cancel",
            )
    registration.refresh_from_db(fields=["status"])
    return registration


def session_register(*, session: Session, user: User, now: datetime) -> SessionRegistration:
    """Register ``user`` for an online-only session (apart from the edition's registration) before its own deadline, by the clock."""
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
