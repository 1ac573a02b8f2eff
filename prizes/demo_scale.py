"""WSIS-scale demo data for the Prizes: 1,000 projects on the open ballot, 2,000,000 votes.

The votes come from the bulk demo voters (``wsis_portal.demo_scale``), with a believable
mix: one voter in ten fills the whole ballot, the others vote in two or three categories,
which keeps the complete-ballot rule meaningful. Everything is derived from the voter's
number, so a second run inserts nothing (the unique constraint and ON CONFLICT DO NOTHING).
"""

from __future__ import annotations

import random
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection

from wsis_portal.demo_scale import scale_sizes, voter_email_regex, voter_number_sql

from .demo import _last_vote_time, _projects
from .enums import BALLOT_STATES, ProjectStatus
from .models import Contest, Project, Vote
from .services import tally_compute


def votes_per_voter_sql(n: str) -> str:
    """How many categories voter ``n`` votes in: 18 when n ends in 0; 3 when it ends in 1,
    3, 5 or 7; else 2. With 500,000 voters: 50,000 × 18 + 200,000 × 3 + 250,000 × 2 =
    2,000,000 votes."""
    return f"CASE WHEN {n} %% 10 = 0 THEN 18 WHEN {n} %% 10 IN (1, 3, 5, 7) THEN 3 ELSE 2 END"


def votes_bulk(*, contest: Contest, voters: int) -> int:
    """Votes of demo voters 1..``voters`` in ``contest``; one INSERT … SELECT. Returns rows."""
    user_table = get_user_model()._meta.db_table
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
            ncat AS (SELECT count(*)::int AS n FROM cats),
            voters AS (
                SELECT id, {voter_number_sql()} AS n
                FROM {user_table}
                WHERE email ~ %(regex)s
            ),
            picks AS (
                SELECT v.id, v.n, j, (v.n * 7 + j) %% ncat.n AS k
                FROM voters v
                CROSS JOIN ncat
                CROSS JOIN LATERAL generate_series(
                    0, LEAST(ncat.n, {votes_per_voter_sql("v.n")}) - 1
                ) AS j
                WHERE v.n <= %(voters)s
            )
            INSERT INTO {Vote._meta.db_table}
                (contest_id, category_id, project_id, voter_id, cast_at, ip_hash,
                 user_agent_hash, valid, invalid_reason)
            SELECT %(contest)s, cats.category_id,
                   -- a skewed but reproducible pick: the first projects of a category lead
                   cats.ids[1 + floor(
                       power(((picks.n * 7919 + cats.k * 104729) %% 10007) / 10007.0, 2)
                       * array_length(cats.ids, 1)
                   )::int],
                   picks.id,
                   %(latest)s - ((picks.n * 37 + picks.j * 911) %% 432000) * interval '1 second',
                   '', '', true, ''
            FROM picks JOIN cats ON cats.k = picks.k
            ON CONFLICT DO NOTHING
            """,
            {
                "contest": contest.pk,
                "states": list(BALLOT_STATES),
                "regex": voter_email_regex(),
                "voters": voters,
                "latest": _last_vote_time(contest),
            },
        )
        added = cursor.rowcount
        cursor.execute(f"ANALYZE {Vote._meta.db_table}")
    return added


def seed(*, stdout=None, **options: Any) -> None:
    """With ``--scale``: top the open contest up to its projects and votes."""
    sizes = scale_sizes(options)
    if not sizes:
        return
    from forum.demo_programme import current_edition

    contest = Contest.objects.get(year=current_edition().year)
    have = Project.objects.filter(contest=contest, status__in=BALLOT_STATES).count()
    if have < sizes["projects"]:
        missing = sizes["projects"] - have
        per_category = -(-missing // contest.categories.count())
        _projects(contest, per_category, ProjectStatus.NOMINATED, random.Random(16), missing)
        if stdout:
            stdout.write(f"  {missing} projects added to the ballot")
    started = time.monotonic()
    added = votes_bulk(contest=contest, voters=sizes["accounts"])
    fill = time.monotonic() - started
    if added:
        tally_compute(contest=contest)
    if stdout:
        total = Vote.objects.filter(contest=contest).count()
        projects = Project.objects.filter(contest=contest, status__in=BALLOT_STATES).count()
        stdout.write(
            f"  {added} votes added in {fill:.1f} s: {total} votes over {projects} projects "
            f"in {contest}"
        )
