"""Demo data of the programme pipeline, built through the pipeline's own services: the demo
edition's call (closed and reviewed), proposals from demo stakeholders, reviews by demo
reviewers, the Secretariat's decisions, rooms, placements and the published programme.

Idempotent: nothing is done when the demo edition's call exists already.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.enums import StakeholderType
from accounts.models import StakeholderProfile, User
from accounts.roles import SECRETARIAT, SESSION_REVIEWERS
from wsis_portal.demo import demo_email, demo_mark

from ..models import (
    ActionLine,
    BuildingBlock,
    Edition,
    Person,
    ProposalCall,
    ReviewCriterion,
    Room,
)
from . import review, scheduling, services

YEAR = 2027
CRITERIA = [
    (
        "Relevance to the WSIS Action Lines",
        "Does the session advance one or more Action Lines and the SDGs they serve?",
        5,
    ),
    ("Diversity of the speakers", "Regions, stakeholder groups and gender among the speakers.", 5),
    ("Interactive format", "Does the audience take part, on site and online?", 5),
]
ROOMS = [("CICG Room 3", 300), ("CICG Room 4", 150), ("ITU Tower, Room H", 80)]
# title, building block, Action Lines, proposing organisation, country, speakers, decision
PROPOSALS: list[tuple[str, str, list[str], str, str, list[tuple[str, str, str]], str]] = [
    (
        "Community networks for the last mile",
        "thematic-workshops",
        ["C2", "C4"],
        "Rural Connect Alliance",
        "KE",
        [
            ("Wanjiru Kamau", "Rural Connect Alliance", "KE"),
            ("Luis Ortega", "Red Comunitaria", "MX"),
        ],
        "accepted",
    ),
    (
        "Digital public infrastructure in small island states",
        "thematic-workshops",
        ["C1", "C7-EGOV"],
        "Pacific ICT Council",
        "FJ",
        [("Mere Tuilagi", "Pacific ICT Council", "FJ"), ("Anand Rao", "Open DPI Lab", "IN")],
        "accepted",
    ),
    (
        "AI literacy in secondary schools",
        "thematic-workshops",
        ["C4", "C7-ELEA"],
        "EduTech Forum",
        "SN",
        [("Awa Ndiaye", "EduTech Forum", "SN"), ("Mira Kovač", "University of Zagreb", "HR")],
        "accepted",
    ),
    (
        "Cybersecurity for hospitals",
        "thematic-workshops",
        ["C5"],
        "Health CERT Network",
        "BR",
        [("Paulo Lima", "Health CERT Network", "BR"), ("Anand Rao", "Open DPI Lab", "IN")],
        "accepted",
    ),
    (
        "Open data for climate adaptation",
        "thematic-workshops",
        ["C7-EENV", "C10"],
        "Climate Data Commons",
        "NL",
        [("Sanne de Vries", "Climate Data Commons", "NL")],
        "accepted",
    ),
    (
        "Teaching AI in schools: a toolkit",
        "thematic-workshops",
        ["C4"],
        "Teachers Online",
        "GH",
        [("Kofi Mensah", "Teachers Online", "GH")],
        "merged",
    ),
    (
        "A general overview of the internet",
        "thematic-workshops",
        ["C1"],
        "Generic Media",
        "US",
        [("Sam Carter", "Generic Media", "US")],
        "rejected",
    ),
    (
        "Smart-city dashboards for everyone",
        "thematic-workshops",
        ["C7-EBUS"],
        "Urban Tech Group",
        "AE",
        [("Layla Haddad", "Urban Tech Group", "AE")],
        "rejected",
    ),
]
REVIEWERS = [
    ("session-reviewer-1", "Nadia Rahman", "UN DESA"),
    ("session-reviewer-2", "Jonas Berg", "ITU"),
]


def _user(local: str, name: str, organisation: str, country: str = "CH", **extra: Any) -> User:
    user, created = User.objects.get_or_create(
        email=demo_email(local), defaults={"password": make_password(None), **extra}
    )
    if created:
        StakeholderProfile.objects.create(
            user=user,
            full_name=name,
            organisation_name=organisation,
            organisation_country=country,
            stakeholder_type=StakeholderType.CIVIL_SOCIETY,
        )
    return user


def _scores(index: int, criteria: list[ReviewCriterion], reviewer_index: int) -> dict[int, int]:
    # Earlier proposals of the list are the stronger ones; reviewers differ by a point.
    base = max(0, 5 - index // 2 - reviewer_index)
    return {c.pk: min(c.max_score, base + n % 2) for n, c in enumerate(criteria)}


def seed(*, stdout: Any = None, **options: Any) -> None:
    edition = Edition.objects.filter(year=YEAR).first()
    if edition is None or ProposalCall.objects.filter(edition=edition).exists():
        return
    with transaction.atomic():
        _seed(edition)
    if stdout is not None:
        stdout.write(f"programme pipeline: {edition.proposal_call.proposals.count()} proposals")


def _seed(edition: Edition) -> None:
    opens = datetime(YEAR - 1, 6, 1, 8, 0, tzinfo=UTC)
    closes = datetime(YEAR - 1, 9, 30, 20, 0, tzinfo=UTC)
    call = ProposalCall.objects.create(
        edition=edition,
        starts_at=opens,
        ends_at=closes,
        review_ends_at=closes + timedelta(days=31),
        closed_applied_at=closes,
        abstract_word_limit=250,
        guidelines="Propose an interactive session of 45 to 90 minutes on the WSIS Action Lines. "
        "Name speakers from more than one region and stakeholder group.",
    )
    criteria = [
        ReviewCriterion.objects.create(call=call, name=n, description=d, max_score=m, order=i)
        for i, (n, d, m) in enumerate(CRITERIA)
    ]
    rooms = [
        Room.objects.create(edition=edition, name=name, capacity=seats, order=i)
        for i, (name, seats) in enumerate(ROOMS)
    ]
    reviewers = [_user(local, name, org) for local, name, org in REVIEWERS]
    Group.objects.get(name=SESSION_REVIEWERS).user_set.add(*reviewers)
    staff = _user("programme-officer", "Programme Officer", "ITU", is_staff=True)
    Group.objects.get(name=SECRETARIAT).user_set.add(staff)
    blocks = {b.slug: b for b in BuildingBlock.objects.all()}
    lines = {a.code: a for a in ActionLine.objects.all()}
    during = opens + timedelta(days=30)
    proposals = []
    for n, (title, block, codes, org, country, speakers, _d) in enumerate(PROPOSALS):
        proposer = _user(f"proposer-{n + 1}", speakers[0][0], org, country)
        proposal = services.proposal_save(
            call=call,
            user=proposer,
            data={
                "title": title,
                "building_block": blocks.get(block) or next(iter(blocks.values())),
                "format": "hybrid",
                "abstract": f"{title}: what works, what does not, and what participants can take home. "
                "Demonstration data.",
                "remote_needs": "Captioning and an online moderator.",
            },
            action_lines=[lines[c] for c in codes],
            preferred_days=[edition.starts_on + timedelta(days=n % 3 + 1)],
            speakers=[
                {
                    "name": s,
                    "organisation": o,
                    "country": c,
                    "email": demo_email(f"speaker-{s.split()[0].lower()}"),
                }
                for s, o, c in speakers
            ],
            now=during,
        )
        proposal = services.proposal_submit(proposal=proposal, user=proposer, now=during)
        proposals.append(proposal)
    review_time = closes + timedelta(days=5)
    for n, proposal in enumerate(proposals):
        for r, reviewer in enumerate(reviewers):
            review.review_save(
                proposal=proposal,
                reviewer=reviewer,
                scores=_scores(n, criteria, r),
                now=review_time,
            )
    target = proposals[2]
    for proposal, row in zip(proposals, PROPOSALS, strict=True):
        decision = row[6]
        review.proposal_decide(
            proposal=proposal,
            by=staff,
            decision=decision,
            reason={
                "accepted": "A strong proposal with speakers from several regions.",
                "rejected": "Too general for a thematic workshop; consider a shorter format next year.",
                "merged": "Very close to another proposal on AI in schools: the two become one session.",
            }[decision],
            merge_into=target if decision == "merged" else None,
        )
    slots = [(time(10, 0), time(11, 30)), (time(14, 0), time(15, 30))]
    accepted = [p for p, row in zip(proposals, PROPOSALS, strict=True) if row[6] == "accepted"]
    for n, proposal in enumerate(accepted):
        proposal.refresh_from_db()
        day = edition.starts_on + timedelta(days=1 + n // 2)
        start, end = slots[n % 2]
        assert proposal.session is not None
        scheduling.placement_save(
            session=proposal.session,
            room=rooms[n % len(rooms)],
            starts_at=timezone.make_aware(datetime.combine(day, start)),
            ends_at=timezone.make_aware(datetime.combine(day, end)),
            by=staff,
        )
        demo_mark([proposal.session])
    demo_mark(Person.objects.filter(roles__session__proposal__call=call).distinct())
    for speaker in accepted[0].speakers.all():
        scheduling.speaker_confirm(speaker=speaker, details={"position": "Director"})
    scheduling.programme_publish(call=call, by=staff)
