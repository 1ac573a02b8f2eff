"""Counting the valid votes of a contest, with or without the complete-ballot rule (reads
only: the final tally that stores the counts is ``prizes.services.tally_compute``).

``tally_counts`` reads the counts the database keeps (``BallotCount`` and the
``BallotChange`` rows not yet folded into it); ``tally_counts_recount`` counts the votes
themselves, the reference the kept counts are tested against and an audit's recount.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Count

from ..enums import BALLOT_STATES
from ..models import BallotChange, BallotCount, Category, Contest, Vote

COUNT_TABLE = BallotCount._meta.db_table
CHANGE_TABLE = BallotChange._meta.db_table

# Both tables in one statement, so one snapshot: a fold that commits meanwhile moves rows
# from the changes to the counts atomically and is seen wholly or not at all.
KEPT_COUNTS_SQL = f"""
    SELECT project_id, SUM(n) FROM (
        SELECT project_id, votes AS n FROM {COUNT_TABLE}
        WHERE contest_id = %(contest)s AND ballot_size >= %(size)s
        UNION ALL
        SELECT m.p, m.n FROM {CHANGE_TABLE} c, LATERAL (
            SELECT p, -1 FROM unnest(c.old_projects) AS p WHERE c.old_size >= %(size)s
            UNION ALL
            SELECT p, 1 FROM unnest(c.new_projects) AS p WHERE c.new_size >= %(size)s
        ) AS m (p, n)
        WHERE c.contest_id = %(contest)s
    ) AS kept
    GROUP BY project_id HAVING SUM(n) <> 0
"""


def ballot_size_required(*, contest: Contest) -> int:
    """How many valid votes make a complete ballot: one per category with a project on
    the ballot now (a withdrawal that empties a category lowers it)."""
    return (
        Category.objects.filter(contest=contest, projects__status__in=BALLOT_STATES)
        .distinct()
        .count()
    )


def tally_counts(*, contest: Contest) -> dict[int, int]:
    """Valid votes per project, from the counts kept by the database at every vote.

    With the complete-ballot rule only voters with a valid vote in every category that has
    projects on the ballot are counted: their votes are those kept under a ballot size of
    at least that many categories. Without it, every ballot of at least one vote counts,
    which is every valid vote. A few thousand count rows and the changes of the last beat
    tick are read, whatever the number of votes.
    """
    if connection.vendor != "postgresql":
        # The counts are kept by PostgreSQL triggers; a laptop's SQLite counts the votes.
        return tally_counts_recount(contest=contest)
    size = ballot_size_required(contest=contest) if contest.complete_ballot_required else 1
    with connection.cursor() as cursor:
        cursor.execute(KEPT_COUNTS_SQL, {"contest": contest.pk, "size": max(size, 1)})
        return {project: int(n) for project, n in cursor.fetchall()}


def tally_counts_recount(*, contest: Contest) -> dict[int, int]:
    """Valid votes per project counted from the votes themselves (grouping every vote, by
    voter for the complete-ballot rule): the reference for ``tally_counts``, slow at
    millions of votes.

    Grouped by project alone: a project moved to another category keeps the votes cast
    under both.
    """
    votes = Vote.objects.filter(contest=contest, valid=True).order_by()
    if contest.complete_ballot_required:
        required = ballot_size_required(contest=contest)
        complete = (
            votes.values("voter_id")
            .annotate(n=Count("*"))
            .filter(n__gte=required)
            .values("voter_id")
        )
        votes = votes.filter(voter_id__in=complete)
    return {
        row["project_id"]: row["n"] for row in votes.values("project_id").annotate(n=Count("*"))
    }
