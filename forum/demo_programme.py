"""Demo content of the Forum: past editions of the briefing, the two real sessions of the
seeds (000, 001) with their people, and a current edition with a programme of forty sessions.

Idempotent: every row is found by a natural key before it is created.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction

from accounts.enums import StakeholderType
from accounts.models import StakeholderProfile, User
from wsis_portal import demo_content
from wsis_portal.demo import demo_email, demo_get_or_create, demo_mark

from . import demo_sessions
from .enums import (
    AttendanceMode,
    DocumentKind,
    EventKind,
    FigureKind,
    FigureQualifier,
    PartnerTier,
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

GENEVA = ZoneInfo(settings.TIME_ZONE)
CURRENT_YEAR = 2027

# Editions named in the Forum 2017 briefing (seed 002), on the dates they were actually held:
# the slide's "WSIS Forums till 2020" were planned dates; 2018 and 2019 moved, and 2020 was
# held online over the summer.
GENEVA_VENUE = "ITU Headquarters, Geneva, Switzerland"
PAST_EDITIONS = [
    (2016, date(2016, 5, 2), date(2016, 5, 6), "", GENEVA_VENUE),
    (2017, date(2017, 6, 12), date(2017, 6, 16), "The Information Society for SDGs", GENEVA_VENUE),
    (2018, date(2018, 3, 19), date(2018, 3, 23), "", GENEVA_VENUE),
    (2019, date(2019, 4, 8), date(2019, 4, 12), "", GENEVA_VENUE),
    (2020, date(2020, 6, 22), date(2020, 9, 10), "", "Online"),
    (
        2023,
        date(2023, 3, 13),
        date(2023, 3, 17),
        "WSIS Action Lines for Building Back Better and Accelerating the Achievement of the SDGs",
        "Geneva, Switzerland",
    ),
    # The WSIS Prizes 2025 contest of the demo ends at this edition's ceremony.
    (2025, date(2025, 7, 7), date(2025, 7, 11), "WSIS+20 Forum High-Level Event", GENEVA_VENUE),
]
# "WSIS Forum 2016: Outcomes" in the Forum 2017 briefing (seed 002).
SOURCE_2016 = "WSIS Forum 2017 briefing, “WSIS Forum 2016: Outcomes”"
FIGURES_2016 = [
    (FigureKind.PARTICIPANTS, FigureQualifier.MORE_THAN, 1800),
    (FigureKind.COUNTRIES, FigureQualifier.MORE_THAN, 150),
    (FigureKind.MINISTERS, FigureQualifier.MORE_THAN, 85),
    (FigureKind.HIGH_LEVEL, FigureQualifier.EXACT, 250),
    (FigureKind.WORKSHOPS, FigureQualifier.MORE_THAN, 150),
    (FigureKind.PRIZE_WINNERS, FigureQualifier.EXACT, 18),
    (FigureKind.CHAMPIONS, FigureQualifier.EXACT, 70),
    (FigureKind.EXHIBITION_STANDS, FigureQualifier.MORE_THAN, 25),
]
OUTCOMES_2016 = [
    ("WSIS Forum 2016: Outcome Document", DocumentKind.OUTCOME_DOCUMENT),
    (
        "WSIS Forum 2016: High Level Track Outcomes and Executive Brief",
        DocumentKind.HLT_OUTCOMES,
    ),
    (
        "WSIS Action Lines Supporting Implementation of the Sustainable Development Goals (2016)",
        DocumentKind.ACTION_LINES_SDGS,
    ),
    ("WSIS Stocktaking Report 2016", DocumentKind.STOCKTAKING_REPORT),
    ("WSIS Forum 2016 and SDG Matrix", DocumentKind.MATRIX),
    ("WSIS Stocktaking Success Stories 2016", DocumentKind.SUCCESS_STORIES),
]

# People of the seeds: (honorific, name, position, organisation).
SEED_PEOPLE = {
    "sah": (
        "Ms.",
        "Gitanjali Sah",
        "Strategy and Policy Coordinator",
        "International Telecommunication Union (ITU)",
    ),
    "stankovic": (
        "Mr.",
        "Vladimir Stankovic",
        "Program Coordinator",
        "International Telecommunication Union (ITU)",
    ),
    "lamanauskas": (
        "Mr.",
        "Tomas Lamanauskas",
        "Deputy Secretary-General",
        "International Telecommunication Union (ITU)",
    ),
    "jelassi": (
        "Dr.",
        "Tawfik Jelassi",
        "Assistant Director General",
        "The United Nations Educational, Scientific and Cultural Organization (UNESCO)",
    ),
    "adam": (
        "Mr.",
        "Jean Paul Adam",
        "Director, Technology, Climate Change and Natural Resources Management Division",
        "United Nations Economic Commission for Africa (ECA)",
    ),
    "bautista": (
        "Mr.",
        "Liberato C. Bautista",
        "President",
        "Conference of Non-Governmental Organizations in Consultative Relationship with the United Nations (CoNGO)",
    ),
    "fung": (
        "Ms.",
        "Mei Lin Fung",
        "Chair and Cofounder",
        "People Centered Internet and Impact Network",
    ),
    "wilms": ("Mr.", "Maikel Wilms", "Partner & Director", "The Boston Consulting Group"),
}
LAMANAUSKAS_BIO = (
    "Tomas Lamanauskas took office as ITU's Deputy Secretary-General on 1 January 2023. In this "
    "key elected role, he assists with organizational management and fosters close collaboration "
    "across ITU's radiocommunication, standardization, and development activities."
)

# Two WSIS sessions held at other forums (seeds 001 and 000) and the ESCAP regional review
# (seed 003): events of their own, not part of a Forum edition's programme.
ECOSOC_SIDE_EVENT = {
    "kind": EventKind.SIDE_EVENT,
    "title": "WSIS Cooperation for Accelerating Progress on the SDGs",
    "description": (
        "2023 ECOSOC Partnership Forum side event, session 131, co-organised by WSIS and the "
        "United Nations Group on the Information Society (UNGIS). The session focuses on how "
        "ICTs and WSIS cooperation can help accelerate the SDGs, learning from the COVID-19 "
        "experience to build inclusive, resilient and sustainable societies and economies. "
        "Registration to the ECOSOC Partnership Forum was for virtual participation only."
    ),
    # Tuesday, 31 January 2023 14:30-15:45 (UTC+01:00).
    "starts_on": date(2023, 1, 31),
    "ends_on": date(2023, 1, 31),
    "place": "ECOSOC Partnership Forum 2023 (session 131), online",
    "organisers": "WSIS (ITU) and UNGIS",
    # The seed's link is "More information about the ECOSOC Partnership Forum".
    "url": "https://sdgs.un.org/events/ecosoc-partnership-forum-2023",
}
IGF_OPEN_FORUM = {
    "kind": EventKind.OPEN_FORUM,
    "title": "IGF 2023 Open Forum #5: WSIS Action Lines for Advancing the Achievement of SDGs",
    "description": (
        "Round table, 90 minutes, co-organised by WSIS and UNGIS, on how ICTs and WSIS "
        "cooperation can help accelerate the SDGs. Held physically with enhanced remote "
        "participation, livestreamed, with online networking on LinkedIn."
    ),
    # IGF 2023 was held in Kyoto from 8 to 12 October 2023; the seed gives no day.
    "starts_on": date(2023, 10, 8),
    "ends_on": date(2023, 10, 12),
    "place": "Internet Governance Forum 2023, Kyoto",
    "country": "JP",
    "region": "asia-pacific",
    "organisers": "WSIS (ITU) and UNGIS",
}
ESCAP_REVIEW = {
    "kind": EventKind.REGIONAL_REVIEW,
    "title": (
        "World Summit on the Information Society (WSIS) and Inter-agency Working Group on ICT "
        "Meeting"
    ),
    "description": (
        "Regional review of the implementation of the WSIS Action Lines in Asia and the "
        "Pacific, held under ESCAP resolution 72/10 as part of the Committee on Information "
        "and Communications Technology, Science, Technology and Innovation. Its outcomes "
        "serve as inputs to the WSIS Forum 2017 and its Open Consultation Process, the WSIS "
        "Stocktaking and the WSIS Prizes."
    ),
    "starts_on": date(2016, 10, 4),
    "ends_on": date(2016, 10, 4),
    "place": "Bangkok",
    "country": "TH",
    "region": "asia-pacific",
    "organisers": "UN ESCAP, supported by ITU, UNESCO and UNDP",
    "agenda": (
        "Emerging trends, challenges and opportunities in building inclusive information and "
        "knowledge societies (WSIS Action Line Facilitators)\n"
        "Examples of national sustainable development plans integrating the ICT components "
        "and opportunities for UNDAF (UN and government experts)\n"
        "Sharing of best practices (WSIS Prize Winners from the region) and flagship "
        "initiatives (relevant stakeholders)\n"
        "Multi-stakeholder discussion on strengthening implementation of WSIS Action Lines to "
        "accelerate the achievement of the SDGs"
    ),
}

# Partners of the demo edition: invented names, one per tier at least.
DEMO_PARTNERS = [
    ("Kilele Networks Group", PartnerTier.PLATINUM),
    ("Nordlys Data Centres", PartnerTier.GOLD),
    ("Reef Connect Satellite Services", PartnerTier.GOLD),
    ("Baobab Digital Foundation", PartnerTier.SPECIFIC_ACTIVITIES),
    ("Andes Mesh Cooperative", PartnerTier.CONTRIBUTING),
    ("Silk Route Research Network", PartnerTier.CONTRIBUTING),
]
# Who registers for a Forum week: governments and international organisations lead, and
# Switzerland and neighbouring France are over-represented, as Geneva is where it is held.
REGISTRATION_TYPES = {
    StakeholderType.GOVERNMENT: 30,
    StakeholderType.CIVIL_SOCIETY: 19,
    StakeholderType.PRIVATE_SECTOR: 17,
    StakeholderType.INTERNATIONAL_ORGANIZATION: 15,
    StakeholderType.ACADEMIA: 12,
    StakeholderType.TECHNICAL_COMMUNITY: 7,
}
HOST_COUNTRIES = {"CH": 14, "FR": 4}
DEMO_REGISTRATIONS = 160


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
