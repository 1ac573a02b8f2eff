"""Demo content of the Forum: past editions of the briefing, the two real sessions of the
seeds (000, 001) with their people, and a current edition with a programme of forty sessions.

Idempotent: every row is found by a natural key before it is created.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from accounts.enums import StakeholderType
from accounts.models import StakeholderProfile, User

from .enums import (
    AttendanceMode,
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
    "WSIS Forum 2016: Outcome Document",
    "WSIS Forum 2016: High Level Track Outcomes and Executive Brief",
    "WSIS Action Lines Supporting Implementation of the Sustainable Development Goals (2016)",
    "WSIS Stocktaking Report 2016",
    "WSIS Forum 2016 and SDG Matrix",
    "WSIS Stocktaking Success Stories 2016",
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

SESSION_131 = {
    "title": "WSIS Cooperation for Accelerating Progress on the SDGs",
    "description": (
        "2023 ECOSOC Partnership Forum side event, session 131, co-organised by WSIS and the "
        "United Nations Group on the Information Society (UNGIS). The session focuses on how "
        "ICTs and WSIS cooperation can help accelerate the SDGs, learning from the COVID-19 "
        "experience to build inclusive, resilient and sustainable societies and economies."
    ),
    # Tuesday, 31 January 2023 14:30-15:45 (UTC+01:00).
    "starts_at": datetime(2023, 1, 31, 13, 30, tzinfo=UTC),
    "ends_at": datetime(2023, 1, 31, 14, 45, tzinfo=UTC),
    "room": "ECOSOC Partnership Forum 2023 (side event 131)",
    "session_type": SessionType.SIDE_EVENT,
    # The seed's registration was for virtual participation only.
    "format": SessionFormat.ONLINE,
    "organisers": "ITU (WSIS) and UNGIS",
    # The seed's link is "More information about the ECOSOC Partnership Forum", not a way in.
    "more_info_url": "https://sdgs.un.org/events/ecosoc-partnership-forum-2023",
}
OPEN_FORUM_5 = {
    "title": "IGF 2023 Open Forum #5: WSIS Action Lines for Advancing the Achievement of SDGs",
    "description": (
        "Round table, 90 minutes, co-organised by WSIS and UNGIS, on how ICTs and WSIS "
        "cooperation can help accelerate the SDGs. Held physically with enhanced remote "
        "participation, livestreamed, with online networking on LinkedIn."
    ),
    # The seed gives no date: the time below is illustrative, within IGF 2023 (Kyoto).
    "starts_at": datetime(2023, 10, 10, 1, 0, tzinfo=UTC),
    "ends_at": datetime(2023, 10, 10, 2, 30, tzinfo=UTC),
    "room": "IGF 2023, Kyoto",
    "session_type": SessionType.ROUND_TABLE,
    "format": SessionFormat.HYBRID,
    "organisers": "ITU (WSIS) and UNGIS",
    "livestream_url": "https://www.youtube.com/@WSISprocess",
}

# Fictional people for the current edition's programme: honorific, name, position,
# organisation, country.
DEMO_PEOPLE = [
    (
        "Ms.",
        "Amina Diallo",
        "Director of Digital Policy",
        "Ministry of Digital Economy (demo)",
        "SN",
    ),
    ("Mr.", "Kenji Watanabe", "Head of Research", "Example University (demo)", "JP"),
    ("Dr.", "Lucía Fernández", "Senior Adviser", "Open Data Alliance (demo)", "AR"),
    ("Mr.", "Omar Haddad", "Chief Technology Officer", "Example Networks (demo)", "JO"),
    ("Ms.", "Priya Raman", "Programme Manager", "Digital Inclusion Foundation (demo)", "IN"),
    (
        "Dr.",
        "Sergei Volkov",
        "Professor of Informatics",
        "Example Institute of Technology (demo)",
        "KZ",
    ),
    ("Ms.", "Grace Mensah", "Founder", "Rural Connect Cooperative (demo)", "GH"),
    ("Mr.", "Lukas Becker", "Policy Officer", "Example Regulatory Authority (demo)", "DE"),
]
ROOMS = ["Popov Room, ITU Tower", "Room A, CICG", "Room B, CICG", "Online"]
SLOTS = [(9, 0), (10, 15), (11, 30), (13, 30), (14, 45), (16, 0), (17, 15), (18, 15)]
DEMO_PARTNERS = [
    ("Example Telecom Group (demo)", PartnerTier.PLATINUM),
    ("Sample Cloud Services (demo)", PartnerTier.GOLD),
    ("Illustrative Satellite Co. (demo)", PartnerTier.GOLD),
    ("Placeholder Foundation (demo)", PartnerTier.SPECIFIC_ACTIVITIES),
    ("Model Digital Agency (demo)", PartnerTier.CONTRIBUTING),
    ("Sample Research Network (demo)", PartnerTier.CONTRIBUTING),
]
DEMO_COUNTRIES = ["CH", "KE", "BR", "IN", "JP", "FR", "EG", "US", "TH", "GH", "MX", "RU"]


def _person(
    honorific: str,
    name: str,
    position: str,
    organisation: str,
    country: str = "",
    bio: str = "",
) -> Person:
    person, _ = Person.objects.get_or_create(
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
    session, _ = Session.objects.get_or_create(
        edition=edition, title=data["title"], defaults={"building_block": block, **data}
    )
    return session


def _roles(session: Session, people: list[tuple[Person, int]]) -> None:
    for order, (person, role) in enumerate(people):
        SessionPerson.objects.get_or_create(
            session=session, person=person, role=role, defaults={"order": order}
        )


def seed_real_sessions() -> None:
    edition, _ = Edition.objects.get_or_create(
        year=2023,
        defaults={
            "starts_on": date(2023, 3, 13),
            "ends_on": date(2023, 3, 17),
            "venue": "Geneva, Switzerland",
            "theme": "WSIS Action Lines for Building Back Better and Accelerating the "
            "Achievement of the SDGs",
        },
    )
    ungis = BuildingBlock.objects.get(slug="ungis")
    people = {
        key: _person(*row, bio=LAMANAUSKAS_BIO if key == "lamanauskas" else "")
        for key, row in SEED_PEOPLE.items()
    }
    s131 = _session(edition, ungis, SESSION_131)
    _roles(
        s131,
        [
            (people["sah"], SessionRole.ONSITE_MODERATOR),
            (people["stankovic"], SessionRole.ONLINE_MODERATOR),
            *[
                (people[k], SessionRole.SPEAKER)
                for k in ("lamanauskas", "jelassi", "adam", "bautista", "fung", "wilms")
            ],
        ],
    )
    s131.action_lines.add(*ActionLine.objects.filter(code__in=["C1", "C11"]))
    s131.sdgs.add(*SDG.objects.filter(number=17))
    of5 = _session(edition, ungis, OPEN_FORUM_5)
    _roles(
        of5,
        [
            (people["sah"], SessionRole.ONSITE_MODERATOR),
            (people["stankovic"], SessionRole.ONLINE_MODERATOR),
        ],
    )
    of5.action_lines.add(*ActionLine.objects.filter(code__in=["C1", "C11"]))
    of5.sdgs.add(*SDG.objects.filter(number=17))


def seed_past_editions() -> None:
    for year, starts, ends, theme, venue in PAST_EDITIONS:
        Edition.objects.get_or_create(
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
    for order, title in enumerate(OUTCOMES_2016):
        OutcomeDocument.objects.get_or_create(
            edition=edition_2016,
            title=title,
            defaults={"order": order, "url": "https://www.itu.int/net4/wsis/forum/2016/"},
        )


def current_edition() -> Edition:
    """The demo's next edition, Monday 10 to Friday 14 May 2027 (other apps' demos use it)."""
    edition, _ = Edition.objects.get_or_create(
        year=CURRENT_YEAR,
        defaults={
            "starts_on": date(CURRENT_YEAR, 5, 10),
            "ends_on": date(CURRENT_YEAR, 5, 14),
            "venue": "ITU Headquarters and CICG, Geneva, Switzerland",
            "theme": "WSIS Action Lines for an inclusive digital future (demo)",
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

    blocks = list(BuildingBlock.objects.order_by("order"))
    lines = list(ActionLine.objects.order_by("number"))
    goals = list(SDG.objects.order_by("number"))
    people = [_person(*row) for row in DEMO_PEOPLE]
    session_types = [
        SessionType.WORKSHOP,
        SessionType.ROUND_TABLE,
        SessionType.INTERACTIVE,
        SessionType.WORKSHOP,
        SessionType.POLICY_SESSION,
    ]
    formats = [
        SessionFormat.HYBRID,
        SessionFormat.IN_PERSON,
        SessionFormat.HYBRID,
        SessionFormat.ONLINE,
    ]
    number = 0
    for day_index in range(5):
        day = edition.starts_on + timedelta(days=day_index)
        for slot_index, (hour, minute) in enumerate(SLOTS):
            block = blocks[number % len(blocks)]
            line = lines[number % len(lines)]
            goal = goals[(number * 5) % len(goals)]
            starts = datetime.combine(day, time(hour, minute), tzinfo=GENEVA)
            fmt = formats[number % len(formats)]
            session = _session(
                edition,
                block,
                {
                    "title": f"{block.name}: {line.short_title} and SDG {goal.number}",
                    "description": (
                        f"A {block.name} session on how {line.title.lower()} contributes to "
                        f"Goal {goal.number} ({goal.title}). Demonstration data."
                    ),
                    "starts_at": starts.astimezone(UTC),
                    "ends_at": (starts + timedelta(minutes=60)).astimezone(UTC),
                    "room": "Online" if fmt == SessionFormat.ONLINE else ROOMS[slot_index % 3],
                    "session_type": session_types[number % len(session_types)],
                    "format": fmt,
                    "organisers": people[number % len(people)].organisation,
                    "remote_participation_url": ""
                    if fmt == SessionFormat.IN_PERSON
                    else "https://www.itu.int/net4/wsis/forum/",
                },
            )
            session.action_lines.add(line)
            session.sdgs.add(goal)
            _roles(
                session,
                [
                    (people[number % len(people)], SessionRole.ONSITE_MODERATOR),
                    (people[(number + 3) % len(people)], SessionRole.SPEAKER),
                    (people[(number + 5) % len(people)], SessionRole.SPEAKER),
                    (people[(number + 6) % len(people)], SessionRole.RAPPORTEUR),
                ],
            )
            number += 1
    for order, (organisation, tier) in enumerate(DEMO_PARTNERS):
        Partner.objects.get_or_create(
            edition=edition, organisation=organisation, defaults={"tier": tier, "order": order}
        )
    return edition


def seed_registrations(edition: Edition, count: int = 24) -> None:
    """A few demo participants so that the edition's figures show something."""
    types = list(StakeholderType.values)
    for n in range(count):
        user, created = User.objects.get_or_create(email=f"forum-demo-{n}@example.org")
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        country = DEMO_COUNTRIES[n % len(DEMO_COUNTRIES)]
        stakeholder_type = types[n % len(types)]
        StakeholderProfile.objects.get_or_create(
            user=user,
            defaults={
                "full_name": f"Forum demo participant {n}",
                "organisation_name": "Demo organisation",
                "organisation_country": country,
                "stakeholder_type": stakeholder_type,
            },
        )
        Registration.objects.get_or_create(
            edition=edition,
            user=user,
            defaults={
                "mode": AttendanceMode.IN_PERSON if n % 3 else AttendanceMode.REMOTE,
                "stakeholder_type": stakeholder_type,
                "country": country,
                "status": RegistrationStatus.CONFIRMED,
            },
        )


def seed(*, stdout=None, **options) -> None:
    with transaction.atomic():
        seed_past_editions()
        seed_real_sessions()
        edition = seed_current_edition()
        seed_registrations(edition)
    if stdout is not None:
        stdout.write(
            f"forum: {Session.objects.count()} sessions, {Edition.objects.count()} editions"
        )
