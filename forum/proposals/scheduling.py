"""Writes of scheduling: an accepted proposal becomes a session, the Secretariat places it in
a room and a time, speakers confirm through a private link, and the programme is published."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import User
from wsis_portal.activity import activity_record, transition_write
from wsis_portal.models import ActivityLog, ActorKind
from wsis_portal.numbers import number_display
from wsis_portal.refusals import Refusal

from ..enums import SessionRole
from ..models import (
    Edition,
    Person,
    Placement,
    Proposal,
    ProposalCall,
    ProposalSpeaker,
    Room,
    Session,
    SessionPerson,
)
from .review import is_secretariat
from .speaker_links import speaker_link, speaker_link_send

__all__ = ["speaker_link"]  # kept importable from here (the decision's tests use it)

# A provisional slot until the Secretariat places the session: it is not public before.
PROVISIONAL_START = time(9, 0)
PROVISIONAL_LENGTH = timedelta(minutes=90)


def _person_for(speaker: ProposalSpeaker) -> Person:
    """One person per speaker's address across proposals: a speaker of two sessions is the
    same person, so the clash check sees both."""
    known = (
        ProposalSpeaker.objects.filter(email__iexact=speaker.email, person__isnull=False)
        .select_related("person")
        .first()
    )
    if known is not None and known.person is not None:
        return known.person
    return Person.objects.create(
        name=speaker.name, organisation=speaker.organisation, country=speaker.country
    )


def _speakers_attach(*, session: Session, speakers: list[ProposalSpeaker], start: int) -> None:
    for order, speaker in enumerate(speakers, start=start):
        speaker.person = _person_for(speaker)
        speaker.save(update_fields=["person"])
        SessionPerson.objects.get_or_create(
            session=session,
            person=speaker.person,
            role=SessionRole.SPEAKER,
            defaults={"order": order},
        )
        # Sent once on acceptance, whatever happens to the proposal next.
        speaker_link_send(speaker, key=f"speaker-confirm:{speaker.pk}")


def session_from_proposal(*, proposal: Proposal) -> Session:
    """Create the session of an accepted proposal, its speakers as people; called inside
    the decision's transaction. It stays off the public programme until it is published."""
    edition = proposal.call.edition
    day = min(proposal.preferred_days, default=edition.starts_on.isoformat())
    starts_at = timezone.make_aware(
        datetime.combine(datetime.fromisoformat(day).date(), PROVISIONAL_START)
    )
    session = Session.objects.create(
        edition=edition,
        building_block=proposal.building_block,
        title=proposal.title,
        description=proposal.abstract,
        starts_at=starts_at,
        ends_at=starts_at + PROVISIONAL_LENGTH,
        format=proposal.format,
        organisers=proposal.organisation,
    )
    session.action_lines.set(list(proposal.action_lines.all()))
    session.sdgs.set(list(proposal.sdgs.all()))
    proposal.session = session
    proposal.save(update_fields=["session"])
    _speakers_attach(session=session, speakers=list(proposal.speakers.all()), start=0)
    return session


def speakers_merge(*, source: Proposal, target: Proposal) -> None:
    """The speakers of a merged proposal join the one it is merged into."""
    known = {email.lower() for email in target.speakers.values_list("email", flat=True)}
    start = target.speakers.count()
    added: list[ProposalSpeaker] = []
    for speaker in source.speakers.all():
        if speaker.email.lower() in known:
            continue
        added.append(
            ProposalSpeaker.objects.create(
                proposal=target,
                name=speaker.name,
                organisation=speaker.organisation,
                country=speaker.country,
                email=speaker.email,
                order=start + len(added),
            )
        )
    if target.session is not None and added:
        _speakers_attach(session=target.session, speakers=added, start=start)


def placement_check(
    *, session: Session, room: Room, starts_at: datetime, ends_at: datetime
) -> None:
    """The clashes a placement must not make: outside the edition's days, a room taken
    twice, a speaker in two places at once. Each refusal's code names the field it is
    shown next to (``outside_edition``: day, ``room_taken``: room, ``speaker_clash``: starts)."""
    edition = session.edition
    days = {timezone.localdate(starts_at), timezone.localdate(ends_at - timedelta(seconds=1))}
    if any(day < edition.starts_on or day > edition.ends_on for day in days):
        raise Refusal(
            "outside_edition",
            _(
                "This time is outside the Forum's days (%(first)s to %(last)s). Choose a day of the edition."
            )
            % {"first": edition.starts_on.isoformat(), "last": edition.ends_on.isoformat()},
        )
    if room.edition_id != edition.pk:
        raise Refusal("room_taken", _("This room belongs to another edition."))
    taken = (
        Placement.objects.filter(room=room, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(session=session)
        .select_related("session")
        .first()
    )
    if taken is not None:
        raise Refusal(
            "room_taken",
            _("%(room)s is already taken at that time by “%(title)s” (%(start)s–%(end)s).")
            % {
                "room": room.name,
                "title": taken.session.title,
                "start": timezone.localtime(taken.starts_at).strftime("%H:%M"),
                "end": timezone.localtime(taken.ends_at).strftime("%H:%M"),
            },
        )
    people = SessionPerson.objects.filter(session=session).values("person_id")
    clash = (
        SessionPerson.objects.filter(
            person_id__in=people,
            session__edition=edition,
            session__starts_at__lt=ends_at,
            session__ends_at__gt=starts_at,
        )
        .exclude(session=session)
        # Accepted sessions not placed yet keep a provisional time that must not count; those
        # typed by hand in the admin have real times and do.
        .filter(Q(session__placement__isnull=False) | Q(session__proposal__isnull=True))
        .select_related("person", "session")
        .first()
    )
    if clash is not None:
        raise Refusal(
            "speaker_clash",
            _(
                "%(person)s already speaks in “%(title)s” at that time; a speaker cannot be in two places at once."
            )
            % {"person": clash.person.name, "title": clash.session.title},
        )


def placement_save(
    *, session: Session, room: Room, starts_at: datetime, ends_at: datetime, by: User
) -> Placement:
    """Place (or move) a session. The edition row is locked so two placements are checked one
    after the other; the database's exclusion constraint refuses a double-booked room even so."""
    if not is_secretariat(by):
        raise Refusal("not_assigned", _("Only the Secretariat schedules sessions."))
    try:
        with transaction.atomic():
            Edition.objects.select_for_update().get(pk=session.edition_id)
            placement_check(session=session, room=room, starts_at=starts_at, ends_at=ends_at)
            placement = Placement.objects.filter(session=session).first()
            before = placement and f"{placement.room_id}@{placement.starts_at:%m-%d %H:%M}"
            placement = placement or Placement(session=session)
            placement.room, placement.starts_at, placement.ends_at = room, starts_at, ends_at
            placement.save()
            session.room, session.starts_at, session.ends_at = room.name, starts_at, ends_at
            session.save(update_fields=["room", "starts_at", "ends_at"])
            activity_record(
                obj=session,
                action="placement_save",
                actor=by,
                field="placement",
                before=before,
                after=f"{room.pk}@{starts_at:%m-%d %H:%M}",
            )
    except IntegrityError as error:
        raise Refusal(
            "room_taken", _("%(room)s is already taken at that time.") % {"room": room.name}
        ) from error
    return placement


def programme_publish(*, call: ProposalCall, by: User) -> ProposalCall:
    """Make the programme built from a call public; every accepted session must be placed."""
    if not is_secretariat(by):
        raise Refusal("not_assigned", _("Only the Secretariat publishes the programme."))
    with transaction.atomic():
        locked = ProposalCall.objects.select_for_update().get(pk=call.pk)
        if locked.programme_published_at is not None:
            raise Refusal("duplicate", _("The programme is already published."))
        unplaced = Proposal.objects.filter(
            call=locked, status="accepted", session__placement__isnull=True
        ).count()
        if unplaced:
            raise Refusal(
                "unplaced",
                ngettext(
                    "%(n)s accepted session has no room and time yet; place it before publishing.",
                    "%(n)s accepted sessions have no room and time yet; "
                    "place them before publishing.",
                    unplaced,
                )
                % {"n": number_display(unplaced)},
            )
        transition_write(
            locked,
            field="programme_published_at",
            to=timezone.now(),
            actor=by,
            action="programme_publish",
        )
    return locked


def speaker_confirm(*, speaker: ProposalSpeaker, details: dict[str, Any]) -> ProposalSpeaker:
    """A speaker confirms through their private link, with what the speakers page shows."""
    if speaker.person is None:
        raise Refusal("closed", _("This session is not in the programme yet."))
    with transaction.atomic():
        person = speaker.person
        for field, value in details.items():
            if field == "photo" and not value:
                continue
            setattr(person, field, value)
        person.full_clean()
        person.save()
        if speaker.confirmed_at is None:
            speaker.confirmed_at = timezone.now()
            speaker.save(update_fields=["confirmed_at"])
            # A person without an account, not the clock: logged as a person, named by email.
            ActivityLog.objects.create(
                actor_kind=ActorKind.USER,
                action="speaker_confirm",
                content_type=ContentType.objects.get_for_model(ProposalSpeaker),
                object_id=speaker.pk,
                object_repr=str(speaker)[:200],
                field="confirmed_at",
                after="confirmed",
                reason=_("Confirmed through the private link sent to %(email)s.")
                % {"email": speaker.email},
            )
    return speaker
