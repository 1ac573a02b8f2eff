"""The report of bench/peak.py: Locust's CSV per endpoint, votes acknowledged against the
database, the rates reached against the target, what the worker did."""

from __future__ import annotations

import json
from pathlib import Path

AVERAGE = 2_000_000 / (30 * 86_400)


def read_stats(path: Path) -> list[dict]:
    """Locust's final stats (--json-file), with percentiles from its latency histogram."""
    rows = []
    for entry in json.loads(path.read_text()):
        times = sorted((int(ms), n) for ms, n in entry["response_times"].items())
        row = {
            "name": entry["name"],
            "requests": entry["num_requests"],
            "failures": entry["num_failures"],
            "seconds": max(1e-9, entry["last_request_timestamp"] - entry["start_time"]),
        }
        for p in (50, 95, 99):
            row[f"p{p}"] = _percentile(times, row["requests"], p / 100)
        rows.append(row)
    return sorted(rows, key=lambda r: r["name"])


def _percentile(times: list[tuple[int, int]], total: int, share: float) -> int:
    seen = 0
    for ms, n in times:
        seen += n
        if seen >= share * total:
            return ms
    return times[-1][0] if times else 0


def report(
    rows: list[dict], plan: dict, seconds: float, votes: dict, votes_in_db: int, worker: dict
) -> None:
    """Per endpoint figures, the votes acknowledged against the rows, the rates reached."""
    print(
        f"\n{'endpoint':22s} {'requests':>9s} {'failures':>8s} {'req/s':>7s} "
        f"{'p50 ms':>7s} {'p95 ms':>7s} {'p99 ms':>7s}"
    )
    for row in rows:
        print(
            f"{row['name'] or 'all':22s} {row['requests']:9d} {row['failures']:8d} "
            f"{row['requests'] / seconds:7.1f} {row['p50']:7d} {row['p95']:7d} {row['p99']:7d}"
        )
    requests = sum(r["requests"] for r in rows if r["name"])
    failures = sum(r["failures"] for r in rows if r["name"])
    sent = votes.pop("sent", 0)
    acked = sum(n for status, n in votes.items() if 200 <= int(status) < 400)
    answered = sum(votes.values())
    vote_rate = acked / seconds
    print(
        f"\nall: {requests:,} requests, {failures:,} failures ({requests / seconds:.1f}/s)"
        f"\nvotes sent {sent:,}, answered {answered:,} (by status: {votes}); "
        f"{sent - answered:,} still in flight when Locust stopped"
        f"\nvotes acknowledged (2xx/3xx): {acked:,}; votes in the database: {votes_in_db:,} "
        f"-> {'EQUAL' if acked == votes_in_db else 'DIFFERENT'}"
    )
    print(
        f"vote rate reached {vote_rate:.1f}/s against a target of {plan['target_votes']:.1f}/s "
        f"({vote_rate / plan['target_votes']:.0%}); all requests "
        f"{requests / seconds:.1f}/s against {plan['target_requests']:.0f}/s "
        f"({requests / seconds / plan['target_requests']:.0%})"
    )
    print(
        f"the real peak (bursts of 50x the average) is {AVERAGE * 50:.1f} votes/s: reached "
        f"{vote_rate / (AVERAGE * 50):.2f}x the real peak"
    )
    print(
        f"worker: {worker['succeeded']} tasks succeeded, {worker['failed']} failed; "
        f"heartbeat age at the end {worker['heartbeat_age']} s"
    )


def worker_figures(out: Path) -> dict:
    from django.utils import timezone

    from wsis_portal.models import Heartbeat

    log = (out / "worker.log").read_text(errors="replace")
    beat = Heartbeat.objects.filter(name="worker").values_list("beat_at", flat=True).first()
    return {
        "succeeded": log.count(" succeeded in "),
        "failed": log.count(" raised ") + log.count("ERROR"),
        "heartbeat_age": None if beat is None else int((timezone.now() - beat).total_seconds()),
    }
