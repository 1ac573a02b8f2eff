"""What the benchmark's PostgreSQL backends are doing while a run lasts (``--waits``).

A thread samples ``pg_stat_activity`` for the benchmark's database every 20 ms, from its own
connection, and counts each client backend by state and wait event ("CPU" when active and
waiting for nothing). The summary is the mean number of backends in each, over the samples:
``Lock:transactionid`` is a backend queued behind another transaction's row lock (the ballot
row of the same voter, say), ``LWLock:WALWrite`` and ``IO:WALSync`` are commits waiting for
the WAL flush, ``idle`` is a connection waiting for its gunicorn thread.
"""

from __future__ import annotations

import threading
from collections import Counter

_QUERY = """
SELECT state, wait_event_type, wait_event FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid()
  AND backend_type = 'client backend'
"""


class WaitSampler:
    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.counts: Counter[str] = Counter()
        self.samples = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> WaitSampler:
        import psycopg2
        from django.db import connection

        self._conn = psycopg2.connect(**connection.get_connection_params())
        self._conn.autocommit = True
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._conn.close()

    def _run(self) -> None:
        with self._conn.cursor() as cursor:
            while not self._stop.wait(self.interval):
                cursor.execute(_QUERY)
                for state, kind, event in cursor.fetchall():
                    if state == "active":
                        self.counts[f"{kind}:{event}" if kind else "CPU"] += 1
                    else:
                        self.counts[state or "?"] += 1
                self.samples += 1

    def summary(self) -> str:
        if not self.samples:
            return "no samples"
        active = {k: v for k, v in self.counts.items() if k not in ("idle", "idle in transaction")}
        total = sum(active.values()) / self.samples
        parts = ", ".join(
            f"{k} {v / self.samples:.2f}" for k, v in sorted(active.items(), key=lambda kv: -kv[1])
        )
        idle = self.counts["idle"] / self.samples
        return f"active {total:.2f} ({parts}); idle {idle:.1f}; {self.samples} samples"
