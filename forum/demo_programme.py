"""Demo content of the Forum: past editions of the briefing, the two real sessions of the
seeds (000, 001) with their people, and a current edition with a programme of forty sessions.

Idempotent: every row is found by a natural key before it is created.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.models import StakeholderProfile, User
from wsis_portal import demo_content
from wsis_portal.demo import demo_email, demo_get_or_create, demo_mark

from . import demo_sessions
from .demo_programme_data import (
    CURRENT_YEAR,
    DEMO_PARTNERS,
    DEMO_REGISTRATIONS,
    ECOSOC_SIDE_EVENT,
    ESCAP_REVIEW,
    FIGURES_2016,
    GENEVA,
    HOST_COUNTRIES,
    IGF_OPEN_FORUM,
    LAMANAUSKAS_BIO,
    OUTCOMES_2016,
    PAST_EDITIONS,
    REGISTRATION_TYPES,
    SEED_PEOPLE,
    SOURCE_2016,
)
from .enums import (
    AttendanceMode,
    RegistrationStatus,
    SessionFormat,
    SessionRole,
    SessionType,
)
from .models import (
    SDG,
    ActionLine,
    BuildingBlock,
    Edition,
    Event,
    EventPerson,
    HighLevelTheme,
    OutcomeDocument,
    Partner,
    Person,
    PublishedFigure,
    Registration,
    Session,
    SessionPerson,
)


def _person(
    honorific: str,
    name: str,
    position: str,
    organisation: str,
    country: str = "",
    bio: str = "",
) -> Person:
    person, _ = demo_get_or_create(
        Person,
        name=name,
        organisation=organisation,
        defaults={
            "honorific": honorific,
            "position": position,
            "country": country,
            "biography": bio,
        },
    )
    return person


def _session(edition: Edition, block: BuildingBlock, data: dict) -> Session:
    session, _ = demo_get_or_create(
        Session, edition=edition, title=data["title"], defaults={"building_block": block, **data}
    )
    return session


def _roles(session: Session, people: Sequence[tuple[Person, int]]) -> None:
    for order, (person, role) in enumerate(people):
        SessionPerson.objects.get_or_create(
            session=session, person=person, role=role, defaults={"order": order}
        )


def _event(data: dict, feeds: Edition | None) -> Event:
    event, _ = demo_get_or_create(
        Event, title=data["title"], defaults={**data, "feeds_edition": feeds}
    )
    assert isinstance(event, Event)
    return event


def _event_roles(event: Event, people: Sequence[tuple[Person, int]]) -> None:
    for order, (person, role) in enumerate(people):
        EventPerson.objects.get_or_create(
            event=event, person=person, role=role, defaults={"order": order}
        )


def seed_outside_events() -> None:
    """The seeds' events held outside a Forum edition, each linked to the edition it feeds."""
    seed_past_editions()
    people = {
        key: _person(*row, bio=LAMANAUSKAS_BIO if key == "lamanauskas" else "")
        for key, row in SEED_PEOPLE.items()
    }
    moderators = [
        (people["sah"], SessionRole.ONSITE_MODERATOR),
        (people["stankovic"], SessionRole.ONLINE_MODERATOR),
    ]
    side_event = _event(ECOSOC_SIDE_EVENT, Edition.objects.filter(year=2023).first())
    _event_roles(
        side_event,
        [
            *moderators,
            *[
                (people[k], SessionRole.SPEAKER)
                for k in ("lamanauskas", "jelassi", "adam", "bautista", "fung", "wilms")
            ],
        ],
    )
    open_forum = _event(IGF_OPEN_FORUM, None)
    _event_roles(open_forum, moderators)
    for event in (side_event, open_forum):
        event.action_lines.add(*ActionLine.objects.filter(code__in=["C1", "C11"]))
        event.sdgs.add(*SDG.objects.filter(number=17))
    _event(ESCAP_REVIEW, Edition.objects.get(year=2017))


def seed_past_editions() -> None:
    for year, starts, ends, theme, venue in PAST_EDITIONS:
        demo_get_or_create(
            Edition,
            year=year,
            defaults={"starts_on": starts, "ends_on": ends, "theme": theme, "venue": venue},
        )
    edition_2016 = Edition.objects.get(year=2016)
    for kind, qualifier, value in FIGURES_2016:
        PublishedFigure.objects.get_or_create(
            edition=edition_2016,
            kind=kind,
            defaults={"qualifier": qualifier, "value": value, "source": SOURCE_2016},
        )
    for order, (title, document_kind) in enumerate(OUTCOMES_2016):
        OutcomeDocument.objects.get_or_create(
            edition=edition_2016,
            title=title,
            defaults={
                "order": order,
                "kind": document_kind,
                "url": "https://www.itu.int/net4/wsis/forum/2016/",
            },
        )


def seed_high_level_track(edition: Edition) -> None:
    """Themes of the demo edition's High-Level Track: one per policy session, named after its
    first Action Line, with the session's first speaker as its facilitator."""
    sessions = (
        Session.objects.filter(edition=edition, session_type=SessionType.POLICY_SESSION)
        .prefetch_related("action_lines", "roles")
        .order_by("starts_at")
    )
    for order, session in enumerate(sessions):
        line = next(iter(session.action_lines.all()), None)
        title = line.title if line else session.title
        theme, _ = HighLevelTheme.objects.get_or_create(
            edition=edition, title=title[:250], defaults={"order": order}
        )
        if session.hlt_theme_id != theme.pk:
            session.hlt_theme = theme
            session.save(update_fields=["hlt_theme"])
        speaker = next(
            (r.person for r in session.roles.all() if r.role == SessionRole.SPEAKER), None
        )
        if speaker is not None:
            SessionPerson.objects.get_or_create(
                session=session, person=speaker, role=SessionRole.HLT_FACILITATOR
            )


def current_edition() -> Edition:
    """The demo's next edition, Monday 10 to Friday 14 May 2027 (other apps' demos use it)."""
    edition, _ = demo_get_or_create(
        Edition,
        year=CURRENT_YEAR,
        defaults={
            "starts_on": date(CURRENT_YEAR, 5, 10),
            "ends_on": date(CURRENT_YEAR, 5, 14),
            "venue": "ITU Headquarters and CICG, Geneva, Switzerland",
            "theme": "WSIS Action Lines for an inclusive digital future",
        },
    )
    return edition


def past_edition(year: int) -> Edition:
    """A past edition of the demo by year, created with the others if missing."""
    seed_past_editions()
    return Edition.objects.get(year=year)


def seed_current_edition() -> Edition:
    """Edition 2027 with registration open around now and a programme of 40 sessions."""
    edition = current_edition()
    changed = []
    if not edition.in_person_capacity:
        edition.in_person_capacity = 2700
        changed.append("in_person_capacity")
    if edition.registration_opens_at is None or edition.registration_closes_at is None:
        edition.registration_opens_at = datetime(CURRENT_YEAR - 1, 9, 1, 8, 0, tzinfo=UTC)
        edition.registration_closes_at = datetime(CURRENT_YEAR, 5, 7, 22, 0, tzinfo=UTC)
        changed += ["registration_opens_at", "registration_closes_at"]
    if changed:
        edition.save(update_fields=changed)

    seed_programme(edition)
    for order, (organisation, tier) in enumerate(DEMO_PARTNERS):
        demo_get_or_create(
            Partner,
            edition=edition,
            organisation=organisation,
            defaults={"tier": tier, "order": order},
        )
    return edition


def seed_programme(edition: Edition) -> None:
    """The edition's week: parallel sessions in named rooms, Monday to Friday, 09:00-18:00."""
    if Session.objects.filter(edition=edition).exists():
        return
    rng = random.Random(edition.year)
    blocks = {b.slug: b for b in BuildingBlock.objects.all()}
    lines = {al.code: al for al in ActionLine.objects.all()}
    goals = {g.number: g for g in SDG.objects.all()}
    people = [_person(*row) for row in demo_sessions.people_pool(rng)]
    week = demo_sessions.items(
        rng, edition.year, {code: str(line.title) for code, line in lines.items()}
    )
    monday = edition.starts_on - timedelta(days=edition.starts_on.weekday())
    for placed in demo_sessions.place(rng, week, len(people)):
        item = placed.item
        hour, minute, length = demo_sessions.SLOTS[placed.slot]
        starts = datetime.combine(monday + timedelta(days=placed.day), time(hour, minute), GENEVA)
        remote = (
            "" if item.format == SessionFormat.IN_PERSON else "https://www.itu.int/net4/wsis/forum/"
        )
        session = _session(
            edition,
            blocks[item.block],
            {
                "title": item.title,
                "description": item.description,
                "starts_at": starts.astimezone(UTC),
                "ends_at": (starts + timedelta(minutes=length)).astimezone(UTC),
                "room": placed.room,
                "session_type": item.session_type,
                "format": item.format,
                "organisers": item.organisers,
                "remote_participation_url": remote,
            },
        )
        session.action_lines.add(*[lines[c] for c in item.codes])
        session.sdgs.add(*[goals[n] for n in item.sdgs])
        chosen = [people[i] for i in placed.people]
        roles = [(chosen[0], SessionRole.ONSITE_MODERATOR)]
        if item.format != SessionFormat.IN_PERSON:
            roles.append((chosen[1], SessionRole.ONLINE_MODERATOR))
        roles += [(p, SessionRole.SPEAKER) for p in chosen[2:-1]]
        roles.append((chosen[-1], SessionRole.RAPPORTEUR))
        _roles(session, roles)


def seed_registrations(edition: Edition, count: int = DEMO_REGISTRATIONS) -> None:
    """Participants with a realistic mix of stakeholder types and countries."""
    rng = random.Random(edition.year + 1)
    types, type_weights = zip(*REGISTRATION_TYPES.items(), strict=True)
    places = [p for region in demo_content.REGIONS for p in demo_content.places(region)]
    countries = [p.country for p in places] + list(HOST_COUNTRIES)
    country_weights = [1] * len(places) + list(HOST_COUNTRIES.values())
    names = demo_sessions.NAMES
    emails = [demo_email(f"forum-participant-{n}") for n in range(count)]
    if Registration.objects.filter(edition=edition, user__email__in=emails).exists():
        return
    # In bulk: seed_demo runs on every ``make run``.
    User.objects.bulk_create(
        [User(email=email, password=make_password(None)) for email in emails],
        ignore_conflicts=True,
    )
    users = User.objects.filter(email__in=emails).in_bulk(field_name="email")
    profiles, registrations = [], []
    for n, email in enumerate(emails):
        user = users[email]
        country = rng.choices(countries, country_weights)[0]
        stakeholder_type = rng.choices(types, type_weights)[0]
        region = demo_content.REGIONS[n % len(demo_content.REGIONS)]
        _honorific, name = rng.choice(names[region])
        place = rng.choice(places)
        profiles.append(
            StakeholderProfile(
                user=user,
                full_name=name,
                organisation_name=demo_content.organisation(rng, place, stakeholder_type),
                organisation_country=country,
                stakeholder_type=stakeholder_type,
            )
        )
        registrations.append(
            Registration(
                edition=edition,
                user=user,
                mode=AttendanceMode.IN_PERSON if rng.random() < 0.7 else AttendanceMode.REMOTE,
                stakeholder_type=stakeholder_type,
                country=country,
                status=RegistrationStatus.CONFIRMED,
            )
        )
    StakeholderProfile.objects.bulk_create(profiles, ignore_conflicts=True)
    Registration.objects.bulk_create(registrations, ignore_conflicts=True)
    demo_mark(Registration.objects.filter(edition=edition, user__email__in=emails))


def seed(*, stdout=None, **options) -> None:
    with transaction.atomic():
        seed_past_editions()
        seed_outside_events()
        edition = seed_current_edition()
        seed_high_level_track(edition)
        seed_registrations(edition)
    if stdout is not None:
        stdout.write(
            f"forum: {Session.objects.count()} sessions, {Edition.objects.count()} editions"
        )
