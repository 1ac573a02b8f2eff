"""Demo data: a contest whose voting is open now and a past contest with its results.

Each contest belongs to the Forum edition whose days hold its ceremony: the open one to the
demo's next edition (2027), the past one (2025) to the WSIS+20 Forum High-Level Event.

Idempotent: a contest that already exists for a year is left as it is. ``votes=N`` adds
N votes to the open contest in bulk (one INSERT … SELECT on PostgreSQL) for timing the tally.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone

from forum.demo_programme import current_edition, past_edition
from forum.models import SDG, Edition
from wsis_portal import demo_content as content
from wsis_portal.demo import DEMO_EMAIL_DOMAIN, demo_email, demo_mark

from .enums import BALLOT_STATES, PhaseKind, ProjectStatus
from .models import Category, Contest, ContestPhase, Project, Vote
from .services import contest_create, contest_voting_close, tally_compute, winner_confirm

DEMO_SUBMITTER = demo_email("prizes-submitter")
PROJECTS_PER_CATEGORY = 10

# A realistic mix of who enters: civil society and governments most, then companies,
# universities, the technical community and international organisations.
STAKEHOLDER_WEIGHTS = {
    "civil_society": 26,
    "government": 22,
    "private_sector": 20,
    "academia": 15,
    "technical_community": 9,
    "international_organization": 8,
}


def _submitter():
    user, _ = get_user_model().objects.get_or_create(
        email=DEMO_SUBMITTER, defaults={"is_active": True}
    )
    return user


def _projects(
    contest: Contest,
    per_category: int,
    status: str,
    rng: random.Random,
    limit: int | None = None,
) -> None:
    """``per_category`` believable projects in each category, from all six ITU regions
    (``limit`` in all when given, spread evenly: the first categories get one more)."""
    submitter = _submitter()
    now = timezone.now()
    # Submitted during the submission phase, nominated when the nomination phase ended.
    phases = {p.kind: p for p in contest.phases.all()}
    submission = phases[PhaseKind.SUBMISSION]
    nominated_at = min(phases[PhaseKind.NOMINATION].ends_at, now)
    sdgs = {s.number: s.pk for s in SDG.objects.all()}
    taken = set(Project.objects.values_list("title", flat=True))
    entered = {
        (organisation.lower(), category_id)
        for organisation, category_id in Project.objects.filter(contest=contest).values_list(
            "organisation", "category_id"
        )
    }
    projects = []
    categories = Category.objects.filter(contest=contest).select_related("action_line")
    ordered = list(categories.order_by("action_line__number"))
    for c, category in enumerate(ordered):
        code = category.action_line.code
        count = per_category
        if limit is not None:
            count = min(per_category, limit // len(ordered) + (c < limit % len(ordered)))
        for i in range(count):
            region = content.REGIONS[(i + c) % len(content.REGIONS)]
            choices = content.places(region)
            rng.shuffle(choices)
            for place in choices:
                title, _ = content.write_up(
                    random.Random(0),
                    action_line=code,
                    archetype=i,
                    place=place,
                    org="",
                    year=0,
                    other="",
                )
                if title not in taken:
                    break
            other = next(p for p in choices if p != place)
            stakeholder_type = content.stakeholder_for(rng, code, STAKEHOLDER_WEIGHTS)
            organisation = content.organisation(rng, place, stakeholder_type, code)
            # One project per organisation and category (a constraint): draw again on a clash.
            for attempt in range(40):
                if (organisation.lower(), category.pk) not in entered:
                    break
                organisation = content.organisation(
                    rng, rng.choice(choices), stakeholder_type, code
                )
                if attempt >= 20:  # the pool of names is spent: name the office instead
                    organisation = f"{organisation}, {rng.choice(choices).name} office"
            # Large contests (56 a category in the benchmarks) can spend even the offices:
            # number the branch, so the name is free whatever the draw.
            drawn, branch = organisation, 2
            while (organisation.lower(), category.pk) in entered:
                organisation, branch = f"{drawn} ({branch})", branch + 1
            entered.add((organisation.lower(), category.pk))
            title, description = content.write_up(
                rng,
                action_line=code,
                archetype=i,
                place=place,
                org=organisation,
                year=contest.year - rng.randint(1, 6),
                other=f"{other.name} and the surrounding districts",
            )
            taken.add(title)
            projects.append(
                Project(
                    contest=contest,
                    category=category,
                    title=title,
                    description=description,
                    organisation=organisation,
                    country=place.country,
                    stakeholder_type=stakeholder_type,
                    website=content.website(organisation),
                    submitter=submitter,
                    status=status,
                    submitted_at=min(
                        submission.starts_at
                        + (submission.ends_at - submission.starts_at) * rng.random(),
                        now,
                    ),
                    status_changed_at=nominated_at,
                )
            )
    Project.objects.bulk_create(projects)
    links = []
    for project in Project.objects.filter(contest=contest).select_related("category__action_line"):
        for number in content.sdgs_for(rng, project.category.action_line.code):
            links.append(Project.sdgs.through(project_id=project.pk, sdg_id=sdgs[number]))
    Project.sdgs.through.objects.bulk_create(links, ignore_conflicts=True)


PAST_YEAR = 2025
GENEVA = ZoneInfo(settings.TIME_ZONE)


def _phases(base, offsets_days, edition: Edition):
    """Phases I-IV at offsets from ``base``; Phase V, the ceremony, during the edition."""
    kinds = [k.value for k in PhaseKind]
    phases = {
        kind: (base + timedelta(days=start), base + timedelta(days=end))
        for kind, (start, end) in zip(kinds[:4], offsets_days, strict=True)
    }
    phases[PhaseKind.CEREMONY.value] = (
        datetime.combine(edition.starts_on, time(9, 0), tzinfo=GENEVA),
        datetime.combine(edition.ends_on, time(18, 0), tzinfo=GENEVA),
    )
    return phases


def seed(*, stdout=None, votes=None, **options) -> None:
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    rng = random.Random(2017)
    edition = current_edition()
    current = Contest.objects.filter(year=edition.year).first()
    if current is None:
        current = contest_create(
            year=edition.year,
            title=f"WSIS Prizes {edition.year}",
            edition=edition,
            phases=_phases(now, [(-150, -60), (-60, -10), (-10, 20), (20, 35)], edition),
            live_results_public=True,
        )
        demo_mark([current])
        _projects(current, PROJECTS_PER_CATEGORY, ProjectStatus.NOMINATED, rng)
        # The demo starts mid-vote: the voting-open emails are not sent for it.
        ContestPhase.objects.filter(contest=current, kind=PhaseKind.VOTING).update(
            transition_applied_at=now
        )
    if not Contest.objects.filter(year=PAST_YEAR).exists():
        _past_contest(PAST_YEAR, now, rng)
    if votes:
        bulk_votes(contest=current, count=votes)
        tally_compute(contest=current)
        if stdout:
            stdout.write(f"  {Vote.objects.filter(contest=current).count()} votes in {current}.")


def _past_contest(year: int, now, rng: random.Random) -> None:
    edition = past_edition(year)
    opening = datetime.combine(edition.starts_on, time(9, 0), tzinfo=GENEVA) - timedelta(days=240)
    past = contest_create(
        year=year,
        title=f"WSIS Prizes {year}",
        edition=edition,
        phases=_phases(opening, [(0, 90), (90, 120), (120, 150), (150, 160)], edition),
    )
    demo_mark([past])
    _projects(past, 6, ProjectStatus.NOMINATED, rng)
    ContestPhase.objects.filter(contest=past, kind=PhaseKind.VOTING).update(
        transition_applied_at=now
    )
    bulk_votes(contest=past, count=18 * 40, seed=year)
    voting = ContestPhase.objects.get(contest=past, kind=PhaseKind.VOTING)
    contest_voting_close(phase_id=voting.pk, now=now)
    # One Winner per category (no expert scores in the demo to break a tie), confirmed during
    # the selection phase, before the ceremony published them (after it, Winner decisions
    # can no longer change).
    selection = ContestPhase.objects.get(contest=past, kind=PhaseKind.SELECTION)
    decided: set[int] = set()
    for project in Project.objects.filter(contest=past, tally__rank=1).order_by("pk"):
        if project.category_id in decided:
            continue
        decided.add(project.category_id)
        winner_confirm(
            project=project, by=None, reason="Expert Group selection", now=selection.starts_at
        )


def _voters(count: int, prefix: str = "demo-voter-") -> None:
    User = get_user_model()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {User._meta.db_table}
                    (password, is_superuser, email, is_staff, is_active, date_joined)
                SELECT '!', false, %s || g || %s, false, true, now()
                FROM generate_series(1, %s) AS g
                ON CONFLICT DO NOTHING
                """,
                [prefix, f"@{DEMO_EMAIL_DOMAIN}", count],
            )
        return
    existing = set(User.objects.filter(email__startswith=prefix).values_list("email", flat=True))
    emails = (f"{prefix}{i}@{DEMO_EMAIL_DOMAIN}" for i in range(1, count + 1))
    User.objects.bulk_create(
        [User(email=email, password="!") for email in emails if email not in existing],
        batch_size=5000,
    )


def _last_vote_time(contest: Contest):
    """Now, or the end of the contest's voting phase if it is over: votes are cast in it."""
    voting = contest.phases.filter(kind=PhaseKind.VOTING).first()
    now = timezone.now()
    return min(voting.ends_at, now) if voting else now


def bulk_votes(*, contest: Contest, count: int, seed: int = 1, prefix: str = "demo-voter-") -> None:
    """Add about ``count`` votes: demo voters, each voting in every category in turn.

    On PostgreSQL one INSERT … SELECT over generate_series; the choice of project within a
    category is skewed so that the ranking is not flat.
    """
    categories = list(
        Category.objects.filter(contest=contest, projects__status__in=BALLOT_STATES)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not categories:
        return
    voters_needed = math.ceil(count / len(categories))
    _voters(voters_needed, prefix)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"""
                WITH cats AS (
                    SELECT p.category_id, row_number() OVER (ORDER BY p.category_id) - 1 AS k,
                           array_agg(p.id ORDER BY p.id) AS ids
                    FROM {Project._meta.db_table} p
                    WHERE p.contest_id = %(contest)s AND p.status = ANY(%(states)s)
                    GROUP BY p.category_id
                ),
                voters AS (
                    SELECT id, row_number() OVER (ORDER BY id) AS n
                    FROM {get_user_model()._meta.db_table}
                    WHERE email LIKE %(pattern)s
                )
                INSERT INTO {Vote._meta.db_table}
                    (contest_id, category_id, project_id, voter_id, cast_at, ip_hash,
                     user_agent_hash, valid, invalid_reason)
                SELECT %(contest)s, cats.category_id,
                       cats.ids[1 + floor(power(random(), 2) * array_length(cats.ids, 1))::int],
                       voters.id, %(latest)s - random() * interval '5 days', '', '', true, ''
                FROM generate_series(0, %(count)s - 1) AS g
                JOIN cats ON cats.k = g %% %(ncat)s
                JOIN voters ON voters.n = g / %(ncat)s + 1
                ON CONFLICT DO NOTHING
                """,
                {
                    "contest": contest.pk,
                    "states": list(BALLOT_STATES),
                    "count": count,
                    "ncat": len(categories),
                    "pattern": f"{prefix}%@{DEMO_EMAIL_DOMAIN}",
                    "latest": _last_vote_time(contest),
                },
            )
        return
    rng = random.Random(seed)
    ids: dict[int, list[int]] = {}
    for pk, category_id in Project.objects.filter(
        contest=contest, status__in=BALLOT_STATES
    ).values_list("pk", "category_id"):
        ids.setdefault(category_id, []).append(pk)
    voter_ids = list(
        get_user_model()
        .objects.filter(email__startswith=prefix)
        .order_by("pk")
        .values_list("pk", flat=True)[:voters_needed]
    )
    rows = []
    for g in range(count):
        category_id = categories[g % len(categories)]
        options = ids[category_id]
        rows.append(
            Vote(
                contest=contest,
                category_id=category_id,
                project_id=options[int(rng.random() ** 2 * len(options))],
                voter_id=voter_ids[g // len(categories)],
            )
        )
    Vote.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
