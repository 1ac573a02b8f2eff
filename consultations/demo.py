"""Demo content: an open consultation around today and a past one with its final brief.

Idempotent: each consultation is created once, by slug, with everything that belongs to it.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.enums import StakeholderType
from accounts.models import StakeholderProfile, User
from forum.demo_programme import current_edition, past_edition
from forum.models import SDG, ActionLine, Edition
from wsis_portal.demo import demo_email

from .enums import InputKind, PhaseKind, SubmissionStatus
from .models import Comment, Consultation, ConsultationPhase, Discussion, Submission
from .selectors import token_hash

PHASE_NAMES = [
    (1, PhaseKind.OPENING, "Opening of the open consultations"),
    (2, PhaseKind.PHYSICAL_MEETING, "First physical meeting"),
    (3, PhaseKind.PHYSICAL_MEETING, "Second physical meeting"),
    (4, PhaseKind.SUBMISSIONS_DEADLINE, "Submissions deadline"),
    (5, PhaseKind.REVIEW_MEETING, "Final review meeting"),
    (6, PhaseKind.FINAL_BRIEF, "Final brief"),
]
VENUE = "ITU Headquarters, Geneva, Switzerland"
REMOTE = "https://www.itu.int/net4/wsis/forum/remote"

# Invented participants of invented organisations.
PEOPLE = [
    ("amina.diallo", "Amina Diallo", "Thiès Digital Inclusion Trust", "SN", "civil_society"),
    ("li.wei", "Li Wei", "Kunming Municipal Department of Digital Services", "CN", "government"),
    (
        "maria.gomez",
        "María Gómez",
        "Valparaíso Institute for Development Informatics",
        "CL",
        "academia",
    ),
    ("john.smith", "John Smith", "Atlantis Byte Ltd", "GB", "private_sector"),
    ("priya.nair", "Priya Nair", "Pune Open Source Society", "IN", "technical_community"),
    (
        "omar.haddad",
        "Omar Haddad",
        "Arab Centre for ICT Cooperation",
        "LB",
        "international_organization",
    ),
]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


# The concluded consultation of the demo prepared this past edition.
PAST_YEAR = 2025


def _people() -> list[User]:
    users = []
    for handle, name, org, country, kind in PEOPLE:
        user, created = User.objects.get_or_create(email=demo_email(handle))
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        StakeholderProfile.objects.get_or_create(
            user=user,
            defaults={
                "full_name": name,
                "organisation_name": org,
                "organisation_country": country,
                "stakeholder_type": kind,
            },
        )
        users.append(user)
    return users


def _phases(consultation: Consultation, opening: date, dates: dict[int, tuple]) -> None:
    for number, kind, name in PHASE_NAMES:
        starts_at, ends_at = dates[number]
        meeting = kind in (PhaseKind.PHYSICAL_MEETING, PhaseKind.REVIEW_MEETING)
        ConsultationPhase.objects.create(
            consultation=consultation,
            number=number,
            kind=kind,
            name=name,
            starts_at=starts_at,
            ends_at=ends_at,
            venue=VENUE if meeting else "",
            remote_participation_url=REMOTE if meeting else "",
            agenda="1. Opening\n2. Thematic aspects\n3. Innovations on the format\n4. Next steps"
            if meeting
            else "",
        )


SUBMISSIONS = [
    (0, "Digital skills for older persons", "Youth hackathon on the SDGs", ["C4", "C7-ELEA"], [4]),
    (1, "Cybersecurity capacity in developing countries", "", ["C5"], [16, 9]),
    (
        2,
        "Open science and research networks",
        "Remote hubs in universities",
        ["C7-ESCI", "C3"],
        [4],
    ),
    (3, "Affordable broadband for rural areas", "Shorter sessions with live polls", ["C2"], [9]),
    (4, "Multilingual internet and local content", "", ["C8", "C3"], [10]),
    (5, "Regional cooperation on WSIS follow-up", "Regional review tracks", ["C11", "C1"], [17]),
]


def _submissions(consultation: Consultation, users: list[User], now: datetime) -> None:
    lines = {a.code: a for a in ActionLine.objects.all()}
    goals = {g.number: g for g in SDG.objects.all()}
    for i, (who, theme, innovation, codes, sdgs) in enumerate(SUBMISSIONS):
        user = users[who]
        profile = user.profile
        submission = Submission.objects.create(
            consultation=consultation,
            user=user,
            full_name=profile.full_name,
            email=user.email,
            organisation_name=profile.organisation_name,
            organisation_country=profile.organisation_country,
            stakeholder_type=profile.stakeholder_type,
            thematic_aspects=theme,
            format_innovations=innovation,
            status=SubmissionStatus.ACCEPTED if i % 2 == 0 else SubmissionStatus.RECEIVED,
            edit_token_hash=token_hash(secrets.token_urlsafe(32)),
            email_confirmed_at=now,
        )
        submission.action_lines.set([lines[c] for c in codes if c in lines])
        submission.sdgs.set([goals[n] for n in sdgs if n in goals])
    regional = Submission.objects.create(
        consultation=consultation,
        full_name="ESCAP secretariat",
        email=demo_email("escap-ids"),
        organisation_name="UN ESCAP",
        organisation_country="TH",
        stakeholder_type=StakeholderType.INTERNATIONAL_ORGANIZATION,
        input_kind=InputKind.REGIONAL_EVENT,
        event_name="Regional review of WSIS implementation and Inter-agency Working Group on ICT",
        event_place="Bangkok, Thailand",
        event_date=(now - timedelta(days=60)).date(),
        thematic_aspects="Regional trends, challenges and opportunities in WSIS implementation",
        format_innovations="",
        status=SubmissionStatus.ACCEPTED,
        edit_token_hash=token_hash(secrets.token_urlsafe(32)),
        email_confirmed_at=now,
    )
    regional.action_lines.set([lines[c] for c in ("C1", "C11") if c in lines])


def _discussions(consultation: Consultation, users: list[User], now: datetime) -> None:
    first = Discussion.objects.create(
        consultation=consultation,
        title="What themes and innovations would you like to see at the upcoming WSIS Forum?",
        body=(
            "The Open Consultation Process invites all stakeholders to propose the thematic "
            "aspects and the innovations on the format of the next WSIS Forum. Share your "
            "ideas, and answer those of others."
        ),
        created_at=now - timedelta(days=50),
    )
    second = Discussion.objects.create(
        consultation=consultation,
        title="ICTs and the Sustainable Development Goals: where should the Forum focus?",
        body=(
            "The WSIS-SDG Matrix links each Action Line to the Goals. Which linkages deserve "
            "a dedicated session this year?"
        ),
        created_at=now - timedelta(days=40),
    )
    top = Comment.objects.create(
        discussion=first,
        author=users[0],
        body=(
            "In my view, the role of education is to promote sustainability: a lifelong "
            "process leading to an informed and involved citizenry."
        ),
        created_at=now - timedelta(days=45),
    )
    Comment.objects.create(
        discussion=first,
        author=users[2],
        parent=top,
        body="Agreed. **Digital skills** sessions should include *older persons* too.",
        body_format="markdown",
        created_at=now - timedelta(days=44),
    )
    Comment.objects.create(
        discussion=first,
        author=users[3],
        body="A hackathon on the SDGs would bring young developers to the Forum.",
        created_at=now - timedelta(days=20),
    )
    Comment.objects.create(
        discussion=second,
        author=users[4],
        body="C8 (cultural diversity) and SDG 10 deserve more attention.",
        language="en",
        created_at=now - timedelta(days=10),
    )
    Comment.objects.create(
        discussion=second,
        author=users[1],
        body="Les infrastructures (C2) restent la priorité pour l'ODD 9.",
        language="fr",
        created_at=now - timedelta(days=5),
    )


def _before_forum(edition: Edition, when: datetime) -> datetime:
    """``when``, or the last evening before the Forum week if it would fall in or after it."""
    eve = _at(edition.starts_on - timedelta(days=3), 18)
    return min(when, eve)


def seed(*, stdout=None, **options) -> None:
    now = timezone.now()
    today = timezone.localdate()
    users = _people()

    slug = "wsis-forum-open-consultation"
    if not Consultation.objects.filter(slug=slug).exists():
        edition = current_edition()
        current = Consultation.objects.create(
            edition=edition,
            title=f"WSIS Forum {edition.year}: Open Consultation Process",
            slug=slug,
            description=(
                "The Open Consultation Process on the thematic aspects and innovations on "
                "the format of the WSIS Forum. Its physical meetings offer remote participation."
            ),
            nominations_deadline=_at(today + timedelta(days=7), 23, 59),
            is_demo=True,
        )
        d = today
        # Every phase, the final brief included, ends before the Forum it prepares.
        _phases(
            current,
            d,
            {
                1: (_at(d - timedelta(days=60), 9), _at(d - timedelta(days=30), 9)),
                2: (_at(d - timedelta(days=30), 9), _at(d - timedelta(days=30), 17)),
                3: (_at(d + timedelta(days=2), 9), _at(d + timedelta(days=2), 17)),
                4: (_at(d + timedelta(days=3), 0), _at(d + timedelta(days=10), 23, 59)),
                5: (_at(d + timedelta(days=20), 9), _at(d + timedelta(days=20), 17)),
                6: (
                    _at(d + timedelta(days=40), 9),
                    _before_forum(edition, _at(d + timedelta(days=120), 9)),
                ),
            },
        )
        ConsultationPhase.objects.filter(consultation=current, number=2).update(
            minutes="Participants reviewed the thematic aspects proposed so far."
        )
        _discussions(current, users, now)
        if stdout:
            stdout.write(f"  consultation {slug} (open now)")

    past_slug = "wsis-forum-past-open-consultation"
    if not Consultation.objects.filter(slug=past_slug).exists():
        edition = past_edition(PAST_YEAR)
        # The consultation opens about eight months before its Forum and its final brief
        # is published a fortnight before the Forum opens.
        d = edition.starts_on - timedelta(days=250)
        past = Consultation.objects.create(
            edition=edition,
            title=f"WSIS Forum {edition.year}: Open Consultation Process",
            slug=past_slug,
            description="The concluded consultation that built this Forum's agenda.",
            nominations_deadline=_at(d + timedelta(days=60), 23, 59),
            is_demo=True,
        )
        _phases(
            past,
            d,
            {
                1: (_at(d, 9), _at(d + timedelta(days=40), 9)),
                2: (_at(d + timedelta(days=40), 9), _at(d + timedelta(days=40), 17)),
                3: (_at(d + timedelta(days=150), 9), _at(d + timedelta(days=150), 17)),
                4: (_at(d + timedelta(days=151), 0), _at(d + timedelta(days=156), 23, 59)),
                5: (_at(d + timedelta(days=178), 9), _at(d + timedelta(days=178), 17)),
                6: (
                    _at(d + timedelta(days=200), 9),
                    _before_forum(edition, _at(d + timedelta(days=236), 9)),
                ),
            },
        )
        opened = _at(d, 9)
        _submissions(past, users, opened + timedelta(days=20))
        topic = Discussion.objects.create(
            consultation=past,
            title="What themes and innovations would you like to see at this year's Forum?",
            body="Propose the thematic aspects and innovations on the format of the Forum.",
            status="closed",
            created_at=opened + timedelta(days=2),
        )
        for i, user in enumerate(users[:4]):
            Comment.objects.create(
                discussion=topic,
                author=user,
                body=SUBMISSIONS[i][1] + " should have its own session.",
                created_at=opened + timedelta(days=5 + 3 * i),
            )
        if stdout:
            stdout.write(f"  consultation {past_slug} (concluded, with its final brief)")
