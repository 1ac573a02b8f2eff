"""Two or more loads over the same keep-alive connections, one after another.

gunicorn hands each new connection to whichever worker accepts it, so a set of 32 connections
falls on 4 workers unevenly, and differently each time: 11, 9, 7 and 5 connections make one
worker queue while another idles. Two loads on two sets of new connections therefore meet two
different spreads, and their ratio moved by up to 30 points from round to round in the vote
benchmark (vote / baseline 82%-111% within one run, docs/performance.md). Run over the same
connections, each of which stays with its worker, both loads meet the same spread.
"""

from __future__ import annotations

import http.client
import multiprocessing
import time

from bench.server import Job, in_threads, summarize


def _connection(port, phases, deadline_s, barrier, out):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for index, (jobs, expected) in enumerate(phases):
        barrier.wait()  # every connection starts the load at once, as a new set would
        started = time.monotonic()
        deadline = started + deadline_s
        for method, path, headers in jobs:
            if time.monotonic() > deadline:
                break
            begun = time.perf_counter()
            try:
                conn.request(method, path, headers=headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            out.append((index, time.perf_counter() - begun, status in expected, status, 0))
        out.append((index, "span", started, time.monotonic()))
    conn.close()


def _client(port, connection_phases, deadline_s, barrier, queue):
    each = [(port, phases, deadline_s, barrier) for phases in connection_phases]
    queue.put(in_threads(_connection, each))


def run_paired(
    port: int,
    loads: list[tuple[list[list[Job]], set[int]]],
    *,
    processes: int,
    seconds: float,
) -> list[dict]:
    """Each load is (each connection's requests in order, the expected statuses); every load
    uses the same connections, the next starting when every connection has finished the one
    before. One result per load, as ``bench.server.run_load`` gives: throughput over the time
    from the load's start to its last answer."""
    connections = len(loads[0][0])
    per_connection = [
        [(dealt[c], expected) for dealt, expected in loads] for c in range(connections)
    ]
    processes = min(processes, connections)
    groups = [per_connection[i::processes] for i in range(processes)]
    barrier = multiprocessing.Barrier(connections)
    queue: multiprocessing.Queue = multiprocessing.Queue()
    clients = [
        multiprocessing.Process(target=_client, args=(port, group, seconds, barrier, queue))
        for group in groups
    ]
    for c in clients:
        c.start()
    rows: list = []
    for _ in clients:
        rows.extend(queue.get())
    for c in clients:
        c.join()
    results = []
    for index in range(len(loads)):
        spans = [r[1:] for r in rows if r[0] == index and r[1] == "span"]
        done = [r[1:] for r in rows if r[0] == index and r[1] != "span"]
        elapsed = max(end for _span, _start, end in spans) - min(s for _, s, _end in spans)
        results.append(summarize(done, elapsed))
    return results
