"""Counting the valid votes of a contest, with or without the complete-ballot rule (reads
only: the final tally that stores the counts is ``prizes.services.tally_compute``)."""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Count

from ..enums import BALLOT_STATES
from ..models import Category, Contest, Vote, VoterBallot

BALLOT_TABLE = VoterBallot._meta.db_table


def tally_counts(*, contest: Contest) -> dict[int, int]:
    """Valid votes per project: COUNT(*) grouped by (category, project) on the tally index.

    With the complete-ballot rule only voters with a valid vote in every category that
    has projects on the ballot are counted: see ``complete_ballot_counts``.
    """
    if contest.complete_ballot_required:
        return complete_ballot_counts(contest=contest)
    return _valid_counts(contest.pk)


def _valid_counts(contest_id: int) -> dict[int, int]:
    votes = Vote.objects.filter(contest_id=contest_id, valid=True).order_by()
    return {
        row["project_id"]: row["n"]
        for row in votes.values("category_id", "project_id").annotate(n=Count("*"))
    }


def complete_ballot_counts(*, contest: Contest) -> dict[int, int]:
    """Valid votes per project from the voters whose valid votes number at least the
    categories that have projects on the ballot.

    Read from ``VoterBallot`` (each voter's count of valid votes and their projects, kept by
    the database at every vote), by whichever side is smaller: the complete ballots' own
    projects, or every valid vote less the incomplete ballots' projects. Either way the
    work grows with the smaller group of voters, never with a grouping of all votes by voter.
    """
    required = (
        Category.objects.filter(contest=contest, projects__status__in=BALLOT_STATES)
        .distinct()
        .count()
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Millions of rows make the planner compile the query; it costs more than it saves.
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(
            f"SELECT valid_votes >= %s, COALESCE(SUM(valid_votes), 0) FROM {BALLOT_TABLE} "
            "WHERE contest_id = %s GROUP BY 1",
            [required, contest.pk],
        )
        sizes = {complete: int(total) for complete, total in cursor.fetchall()}
        direct = sizes.get(True, 0) <= sizes.get(False, 0)
        cursor.execute(
            f"SELECT p, COUNT(*) FROM {BALLOT_TABLE} b, unnest(b.projects) AS p "
            f"WHERE b.contest_id = %s AND b.valid_votes {'>=' if direct else '<'} %s "
            "GROUP BY p",
            [contest.pk, required],
        )
        part = dict(cursor.fetchall())
    if direct:
        return part
    counts = {pk: n - part.get(pk, 0) for pk, n in _valid_counts(contest.pk).items()}
    return {pk: n for pk, n in counts.items() if n}
