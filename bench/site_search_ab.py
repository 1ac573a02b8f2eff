"""Two checkouts' site search on one database, measured turn about (A, B, A, B...).

On a shared machine the load changes from one minute to the next, so two runs of
``bench/site_search.py`` one after the other compare the load as much as the code. This
starts one gunicorn per checkout (4 sync workers each, the settings of ``site_search.py``)
on the same database and cache, and runs each scenario on A then on B, round after round:
both see the same load within seconds. Cold requests carry a different ``page`` for each
run, server and round, so neither answers from a cache the other (or an earlier run) filled.

    DATABASE_URL=postgres://... REDIS_URL=redis://... \\
        .venv/bin/python bench/site_search_ab.py /path/to/checkout-a /path/to/checkout-b \\
        [--rounds 4] [--requests 40]

Each checkout needs ``.venv`` (or the shared one) and the database migrated for the newer
of the two; the bench data of ``site_search.py`` must already be there (run it once).
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from site_search import COMMON, MULTI, RARE, RUN, cold, search
from stocktaking_search import ACTION_LINES, env_for, free_port, get, pct, run_scenario


def start(checkout: Path, env: dict, workers: int, log_path: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    log = open(log_path, "w")  # noqa: SIM115 (closed with the process)
    server = subprocess.Popen(
        [str(checkout / ".venv/bin/python"), "-m", "gunicorn", "wsis_portal.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "120"],
        cwd=checkout, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    for _ in range(150):
        try:
            if get(port, "/healthz", timeout=2)[1] in (200, 503):
                break
        except OSError:
            time.sleep(0.2)
    return server, port


def scenarios(requests: int, salt: int) -> list[tuple[str, list[str]]]:
    pairs = [(w, a) for w in RARE + COMMON for a in ACTION_LINES[:4]]
    filtered = [
        search(q=w, action_line=a, year="2098", page=str((RUN * 1000 + salt) * 100_000 + i + 2))
        for i, (w, a) in ((i, pairs[i % len(pairs)]) for i in range(requests))
    ]
    return [
        ("baseline: home page /", ["/"]),
        ("rare word, cold", cold(RARE, requests, salt)),
        ("common word, cold", cold(COMMON, requests, salt)),
        ("multi-word, cold", cold(MULTI, requests, salt)),
        ("word + Action Line + year, cold", filtered),
        ("common word, warm", [search(q=w) for w in COMMON]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--requests", type=int, default=40, help="per scenario and server")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    var_dir = tempfile.mkdtemp(prefix="search-ab-")
    env = env_for(var_dir)
    for checkout in (args.a, args.b):
        subprocess.run(
            [str(checkout / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput"],
            cwd=checkout, env=env, check=True, capture_output=True,
        )  # fmt: skip
    servers = [
        start(checkout.resolve(), env, args.workers, Path(var_dir) / f"gunicorn-{name}.log")
        for name, checkout in (("a", args.a), ("b", args.b))
    ]
    timings: dict[tuple[str, str], list[float]] = {}
    try:
        for _, port in servers:  # imports, templates, the warm scenario's cached answers
            run_scenario(port, [p for _, paths in scenarios(3, 0) for p in paths[:3]], 40, 4, 60)
        for round_number in range(1, args.rounds + 1):
            load = Path("/proc/loadavg").read_text().split()[0]
            print(f"round {round_number}: 1-minute load average {load}", flush=True)
            for name, _ in scenarios(args.requests, 0):
                for side, (_, port) in zip("ab", servers, strict=True):
                    # A different salt per server and round: no cold request is a cache hit.
                    salt = round_number * 2 + (side == "b")
                    paths = dict(scenarios(args.requests, salt))[name]
                    done, errors = run_scenario(port, paths, args.requests, args.concurrency, 120)
                    if errors:
                        print(f"  {side} {name}: {errors} errors")
                    timings.setdefault((name, side), []).extend(done)
    finally:
        for server, _ in servers:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
    print(f"\n{args.concurrency} clients, {args.workers} sync workers per server, "
          f"{args.rounds} rounds x {args.requests} requests per scenario and server")  # fmt: skip
    print("| scenario | A p50 | A p95 | B p50 | B p95 | B p95 / A p95 |")
    print("|---|---|---|---|---|---|")
    for name, _ in scenarios(args.requests, 0):
        a, b = timings.get((name, "a"), []), timings.get((name, "b"), [])
        if a and b:
            print(
                f"| {name} | {pct(a, 50):.0f} | {pct(a, 95):.0f} | {pct(b, 50):.0f} | "
                f"{pct(b, 95):.0f} | {pct(b, 95) / pct(a, 95):.2f} |"
            )


if __name__ == "__main__":
    main()
