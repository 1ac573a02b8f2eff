#!/usr/bin/env python
"""``make bench``: run every benchmark of the portal, one after the other.

The benchmarks need PostgreSQL (and Redis for the vote benchmark's rate limiter), as in
production: set DATABASE_URL and REDIS_URL. Extra arguments are passed to every script.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = [
    "prizes_vote.py",
    "prizes_tally.py",
    "stocktaking_search.py",
    "forum_programme.py",
    "statistics_pages.py",
]


def main() -> int:
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print("The benchmarks measure PostgreSQL: set DATABASE_URL=postgres://… (and REDIS_URL).")
        return 2
    env = {**os.environ, "DJANGO_DEBUG": os.environ.get("DJANGO_DEBUG", "true")}
    failed = []
    for name in SCRIPTS:
        print(f"\n=== bench/{name}", flush=True)
        code = subprocess.call([sys.executable, str(BENCH / name), *sys.argv[1:]], env=env)
        if code:
            failed.append(name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
