"""Bench data of the site search: 2,500 sessions with speakers and 500 outcome reports in a
bench edition, and 1,000 nominated prize projects in a bench contest (year ``YEAR``).

Run inside ``manage.py shell`` by ``bench/site_search.py``; idempotent (nothing is added when
the bench edition has its sessions), and ``remove()`` deletes all of it.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from django.db import transaction

YEAR = 2098
SESSIONS = 2500
PROJECTS = 1000
REPORTS = 500

TOPICS = [
    "broadband",
    "telemedicine",
    "digital literacy",
    "agriculture",
    "cybersecurity",
    "e-government",
    "coding",
    "e-waste",
    "community radio",
    "public library",
    "spectrum",
    "open data",
    "health records",
    "community network",
    "early warning",
    "jobs",
    "e-commerce",
    "artificial intelligence",
]
ANGLES = ["policy", "financing", "skills", "measurement", "partnerships", "regulation"]
PEOPLE = ["Amina", "Juan", "Li", "Olga", "Karim", "Sophie", "Kwame", "Priya", "Ahmed", "Maria"]
FAMILY = ["Diallo", "García", "Wang", "Ivanova", "Haddad", "Martin", "Mensah", "Sharma", "Ali"]


def _text(rng: random.Random) -> tuple[str, str]:
    topic, other, angle = rng.choice(TOPICS), rng.choice(TOPICS), rng.choice(ANGLES)
    title = f"{topic.capitalize()} and {other}: {angle} for sustainable development"
    body = (
        f"A session on {topic} {angle}, with examples of {other} from every region. "
        f"Speakers compare what worked, what it cost and how {topic} reached rural users."
    )
    return title, body


def seed() -> None:
    from forum.enums import SessionRole
    from forum.models import (
        SDG,
        ActionLine,
        BuildingBlock,
        Edition,
        OutcomeReport,
        Person,
        Session,
        SessionPerson,
    )

    if Session.objects.filter(edition__year=YEAR).count() >= SESSIONS:
        return
    rng = random.Random(YEAR)
    lines, goals = list(ActionLine.objects.all()), list(SDG.objects.all())
    blocks = list(BuildingBlock.objects.all())
    with transaction.atomic():
        edition, _ = Edition.objects.get_or_create(
            year=YEAR,
            defaults={
                "starts_on": date(YEAR, 5, 10),
                "ends_on": date(YEAR, 5, 14),
                "venue": "Bench",
                "published_at": datetime.now(UTC),
            },
        )
        start = datetime(YEAR, 5, 10, 7, tzinfo=UTC)
        sessions = []
        for i in range(SESSIONS):
            title, body = _text(rng)
            sessions.append(
                Session(
                    edition=edition,
                    building_block=blocks[i % len(blocks)],
                    title=title,
                    title_en=title,
                    description=body,
                    description_en=body,
                    starts_at=start + timedelta(days=i % 5, minutes=15 * (i % 40)),
                    ends_at=start + timedelta(days=i % 5, minutes=15 * (i % 40) + 60),
                )
            )
        sessions = Session.objects.bulk_create(sessions, batch_size=500)
        Session.action_lines.through.objects.bulk_create(
            Session.action_lines.through(session=s, actionline=lines[i % len(lines)])
            for i, s in enumerate(sessions)
        )
        Session.sdgs.through.objects.bulk_create(
            Session.sdgs.through(session=s, sdg=goals[i % len(goals)])
            for i, s in enumerate(sessions)
        )
        people = Person.objects.bulk_create(
            Person(
                name=f"{rng.choice(PEOPLE)} {rng.choice(FAMILY)} {i}",
                organisation=f"{rng.choice(TOPICS).title()} Institute",
                position="Director",
            )
            for i in range(SESSIONS)
        )
        SessionPerson.objects.bulk_create(
            SessionPerson(session=s, person=p, role=SessionRole.SPEAKER)
            for s, p in zip(sessions, people, strict=True)
        )
        reports = OutcomeReport.objects.bulk_create(
            OutcomeReport(
                session=s,
                key_messages=f"{s.title} needs {rng.choice(ANGLES)}.\n{s.description}",
                recommendations=f"Invest in {rng.choice(TOPICS)} {rng.choice(ANGLES)}.",
            )
            for s in sessions[:REPORTS]
        )
        OutcomeReport.action_lines.through.objects.bulk_create(
            OutcomeReport.action_lines.through(outcomereport=r, actionline=lines[i % len(lines)])
            for i, r in enumerate(reports)
        )
    _seed_projects(rng)


def _seed_projects(rng: random.Random) -> None:
    from accounts.models import User
    from prizes.enums import ProjectStatus
    from prizes.models import Category, Contest, Project
    from prizes.services import contest_categories_create

    contest, created = Contest.objects.get_or_create(
        year=YEAR,
        defaults={
            "title": f"WSIS Prizes {YEAR}",
            "edition_id": _edition_id(),
            "published_at": datetime.now(UTC),
        },
    )
    if created:
        contest_categories_create(contest=contest)
    if Project.objects.filter(contest=contest).count() >= PROJECTS:
        return
    submitter, _ = User.objects.get_or_create(email="bench-site-search@demo.wsis.example")
    categories = list(Category.objects.filter(contest=contest))
    projects = []
    for i in range(PROJECTS):
        title, body = _text(rng)
        projects.append(
            Project(
                contest=contest,
                category=categories[i % len(categories)],
                title=title[:200],
                description=body,
                organisation=f"Bench organisation {i}",
                country="KE",
                stakeholder_type="civil_society",
                submitter=submitter,
                status=ProjectStatus.NOMINATED,
            )
        )
    Project.objects.bulk_create(projects, batch_size=500)


def _edition_id() -> int:
    from forum.models import Edition

    return Edition.objects.get(year=YEAR).pk


def remove() -> None:
    from forum.models import Edition, Person
    from prizes.models import Contest

    with transaction.atomic():
        Contest.objects.filter(year=YEAR).delete()
        Person.objects.filter(roles__session__edition__year=YEAR).delete()
        Edition.objects.filter(year=YEAR).delete()
