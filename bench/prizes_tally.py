#!/usr/bin/env python
"""WSIS Prizes benchmark: the final tally over 2,000,000 votes, with and without the
complete-ballot rule, from the votes themselves and from the counts the database keeps, and
what keeping them adds to one vote's INSERT.

    DATABASE_URL=postgres://… python bench/prizes_tally.py [--mix all|wsis]

It fills a contest of the year 2902 (1,008 projects) with ``--votes`` votes in one
INSERT … SELECT: ``--mix all`` has every voter fill the whole ballot (111,112 voters x 18,
as in the earlier runs), ``--mix wsis`` the mix of ``seed_demo --scale wsis`` (one voter in
ten fills it, the others vote in two or three categories). The data is removed at the end
unless ``--keep``. It checks that the kept counts equal the recount before timing.
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


def insert_cost(contest, voters: int) -> dict[str, float]:
    """Mean ms of a voter's second one-row vote INSERT (the first one made their ballot
    row): with every ballot trigger, with the ballot row but not the change log, and with
    no trigger. Fresh voters each time, in transactions rolled back."""
    from django.db import connection, transaction

    from prizes.demo import _voters
    from prizes.models import Project

    first, second = (
        Project.objects.filter(contest=contest, category__action_line__code=code).first()
        for code in ("C1", "C2")
    )
    sql = (
        "INSERT INTO prizes_vote (contest_id, category_id, project_id, voter_id, cast_at, "
        "ip_hash, user_agent_hash, valid, invalid_reason) "
        "VALUES (%s, %s, %s, %s, now(), '', '', true, '') ON CONFLICT DO NOTHING"
    )
    off = {
        "all_triggers": [],
        "ballot_row_only": [
            ("prizes_voterballot", "prizes_ballot_log"),
            ("prizes_voterballot", "prizes_ballot_log_update"),
        ],
        "no_trigger": [("prizes_vote", "prizes_ballot_on_insert")],
    }
    times: dict[str, list[float]] = {label: [] for label in off}
    for round_ in range(2):
        order = list(off) if round_ == 0 else list(reversed(off))
        for label in order:
            with transaction.atomic(), connection.cursor() as cursor:
                for table, trigger in off[label]:
                    cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
                _voters(voters, prefix=f"bench-insert-{label}-")
                cursor.execute(
                    "SELECT id FROM accounts_user WHERE email LIKE %s ORDER BY id",
                    [f"bench-insert-{label}-%"],
                )
                users = [pk for (pk,) in cursor.fetchall()]
                for pk in users:
                    cursor.execute(sql, [contest.pk, first.category_id, first.pk, pk])
                for pk in users:
                    t = time.perf_counter()
                    cursor.execute(sql, [contest.pk, second.category_id, second.pk, pk])
                    times[label].append(time.perf_counter() - t)
                transaction.set_rollback(True)
    return {label: 1000 * statistics.mean(values) for label, values in times.items()}


def backlog(contest, changes: int) -> dict[str, float]:
    """A final tally that finds ``changes`` ballot changes not yet folded (one vote
    invalidated per statement, as the Secretariat would): ms to read the counts with them,
    and to fold them. Rolled back."""
    from django.db import connection, transaction

    from prizes.selectors import tally_counts
    from prizes.services import ballot_changes_fold

    result = {}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM prizes_vote WHERE contest_id = %s AND valid ORDER BY id LIMIT %s",
            [contest.pk, changes],
        )
        for (pk,) in cursor.fetchall():
            cursor.execute(
                "UPDATE prizes_vote SET valid = false, invalid_reason = 'bench' WHERE id = %s",
                [pk],
            )
        t = time.perf_counter()
        tally_counts(contest=contest)
        result["read"] = 1000 * (time.perf_counter() - t)
        t = time.perf_counter()
        ballot_changes_fold()
        result["fold"] = 1000 * (time.perf_counter() - t)
        transaction.set_rollback(True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--votes", type=int, default=2_000_000)
    parser.add_argument("--mix", choices=["all", "wsis"], default="all")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--backlog", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    setup_django()
    from django.db import connection

    from prizes.models import Vote
    from prizes.selectors import tally_counts, tally_counts_recount
    from prizes.services import ballot_changes_fold, tally_compute

    cleanup()
    try:
        contest = make_contest(TALLY_YEAR, 56)  # 1,008 projects, as in a real contest
        seconds = fill(contest, args)
        t = time.perf_counter()
        ballot_changes_fold()  # what the beat tick does after the bulk insert
        fold_seconds = time.perf_counter() - t
        # As autovacuum would; the change log is a queue whose folded rows are dead.
        tables = ("prizes_vote", "prizes_voterballot", "prizes_ballotcount", "prizes_ballotchange")
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"VACUUM ANALYZE {table}")
        total = Vote.objects.filter(contest=contest).count()
        # The kept counts equal the recount of the votes, with and without the rule.
        for rule in (True, False):
            contest.complete_ballot_required = rule
            assert tally_counts(contest=contest) == tally_counts_recount(contest=contest), rule
        # recount: from the votes themselves (the code before the kept counts); kept: the
        # counts the database keeps. Each a whole final tally (counts, ranks, upsert).
        work = {
            "count": (False, lambda c: tally_counts_recount(contest=c)),
            "recount": (False, lambda c: tally_compute(contest=c, recount=True)),
            "recount_rule": (True, lambda c: tally_compute(contest=c, recount=True)),
            "kept": (False, lambda c: tally_compute(contest=c)),
            "kept_rule": (True, lambda c: tally_compute(contest=c)),
        }
        timings: dict[str, list[float]] = {k: [] for k in work}
        for _ in range(args.runs):
            for key, (rule, job) in work.items():
                contest.complete_ballot_required = rule
                t = time.perf_counter()
                job(contest)
                timings[key].append(1000 * (time.perf_counter() - t))
        med = {k: statistics.median(v) for k, v in timings.items()}
        print(
            f"{total:,} votes ({args.mix} mix) inserted in {seconds:.1f} s, their ballot changes "
            f"folded in {fold_seconds:.1f} s; kept counts == recount (with and without the "
            f"rule); median of {args.runs}:"
        )
        print(
            f"  COUNT(*) grouped {med['count']:.0f} ms; final tally from the votes "
            f"{med['recount']:.0f} ms, with the complete-ballot rule {med['recount_rule']:.0f} ms"
        )
        print(
            f"  final tally from the kept counts {med['kept']:.0f} ms, with the complete-ballot "
            f"rule {med['kept_rule']:.0f} ms ({med['kept_rule'] / med['count']:.2f}x COUNT(*))"
        )
        for key, values in timings.items():
            print(f"  {key:13s} " + " ".join(f"{v:.0f}" for v in values))
        late = backlog(contest, args.backlog)
        print(
            f"{args.backlog:,} ballot changes not yet folded: reading the counts with them "
            f"{late['read']:.0f} ms, folding them {late['fold']:.0f} ms"
        )
        cost = insert_cost(contest, 1000)
        print(
            "a voter's second one-row vote INSERT (mean of 2,000): "
            + ", ".join(f"{label} {ms:.3f} ms" for label, ms in cost.items())
        )
    finally:
        if not args.keep:
            cleanup()


if __name__ == "__main__":
    main()
