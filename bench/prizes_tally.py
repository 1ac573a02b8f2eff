#!/usr/bin/env python
"""WSIS Prizes benchmark: the final tally over 2,000,000 votes, with and without the
complete-ballot rule, and what keeping each voter's ballot row adds to one vote's INSERT.

    DATABASE_URL=postgres://… python bench/prizes_tally.py [--mix all|wsis]

It fills a contest of the year 2902 (1,008 projects) with ``--votes`` votes in one
INSERT … SELECT: ``--mix all`` has every voter fill the whole ballot (111,112 voters x 18,
as in the earlier runs), ``--mix wsis`` the mix of ``seed_demo --scale wsis`` (one voter in
ten fills it, the others vote in two or three categories). The data is removed at the end
unless ``--keep``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.prizes_data import TALLY_YEAR, cleanup, make_contest, setup_django


def fill(contest, args) -> float:
    from prizes.demo import bulk_votes

    started = time.perf_counter()
    if args.mix == "all":
        bulk_votes(contest=contest, count=args.votes, prefix="bench-voter-t")
    else:
        from prizes.demo import _voters
        from prizes.demo_scale import votes_bulk

        # The WSIS mix reads voter numbers from the demo voters' addresses.
        voters = args.votes * 10 // 40
        _voters(voters)
        votes_bulk(contest=contest, voters=voters)
    return time.perf_counter() - started


def insert_cost(contest, runs: int) -> dict[str, float]:
    """Mean ms of a one-row vote INSERT with the ballot trigger, and with it disabled."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from prizes.models import Project

    project = Project.objects.filter(contest=contest).first()
    users = list(get_user_model().objects.order_by("-pk").values_list("pk", flat=True)[:runs])
    sql = (
        "INSERT INTO prizes_vote (contest_id, category_id, project_id, voter_id, cast_at, "
        "ip_hash, user_agent_hash, valid, invalid_reason) "
        "VALUES (%s, %s, %s, %s, now(), '', '', true, '') ON CONFLICT DO NOTHING"
    )
    result = {}
    for label, disable in (("with_trigger", False), ("without_trigger", True)):
        times = []
        with transaction.atomic(), connection.cursor() as cursor:
            if disable:
                cursor.execute("ALTER TABLE prizes_vote DISABLE TRIGGER prizes_ballot_on_insert")
            for pk in users:
                t = time.perf_counter()
                cursor.execute(sql, [contest.pk, project.category_id, project.pk, pk])
                times.append(time.perf_counter() - t)
            transaction.set_rollback(True)
        result[label] = 1000 * statistics.mean(times)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--votes", type=int, default=2_000_000)
    parser.add_argument("--mix", choices=["all", "wsis"], default="all")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    from prizes.models import Vote
    from prizes.selectors import tally_counts
    from prizes.services import tally_compute

    cleanup()
    try:
        contest = make_contest(TALLY_YEAR, 56)  # 1,008 projects, as in a real contest
        seconds = fill(contest, args)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE prizes_vote")
            cursor.execute("VACUUM ANALYZE prizes_voterballot")
        total = Vote.objects.filter(contest=contest).count()
        timings: dict[str, list[float]] = {"count": [], "tally": [], "complete": []}
        for _ in range(args.runs):
            contest.complete_ballot_required = False
            for key, work in (("count", tally_counts), ("tally", tally_compute)):
                t = time.perf_counter()
                work(contest=contest)
                timings[key].append(1000 * (time.perf_counter() - t))
            contest.complete_ballot_required = True
            t = time.perf_counter()
            tally_compute(contest=contest)
            timings["complete"].append(1000 * (time.perf_counter() - t))
        med = {k: statistics.median(v) for k, v in timings.items()}
        print(
            f"{total:,} votes ({args.mix} mix) inserted in {seconds:.1f} s; median of "
            f"{args.runs}: COUNT(*) query {med['count']:.0f} ms, final tally {med['tally']:.0f} "
            f"ms, with the complete-ballot rule {med['complete']:.0f} ms "
            f"({med['complete'] / med['tally']:.2f}x the final tally)"
        )
        for key, values in timings.items():
            print(f"  {key:9s} " + " ".join(f"{v:.0f}" for v in values))
        cost = insert_cost(contest, 2000)
        print(
            f"one-row vote INSERT: {cost['with_trigger']:.3f} ms with the ballot trigger, "
            f"{cost['without_trigger']:.3f} ms without (mean of 2,000)"
        )
    finally:
        if not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
