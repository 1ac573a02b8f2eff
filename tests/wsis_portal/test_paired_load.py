"""bench/paired_load.py: loads one after another over the same connections."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bench.paired_load import run_paired


class Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    seen: list[tuple[str, int]] = []

    def do_GET(self):
        Recorder.seen.append((self.path, self.client_address[1]))
        status = 201 if self.path.startswith("/a") else 303
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_every_load_goes_over_the_same_connections_and_is_counted_apart():
    Recorder.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        connections = 4
        load_a = [[("GET", f"/a/{c}/{n}", {}) for n in range(5)] for c in range(connections)]
        load_b = [[("GET", f"/b/{c}/{n}", {}) for n in range(3)] for c in range(connections)]
        a, b = run_paired(
            server.server_address[1], [(load_a, {201}), (load_b, {303})], processes=2, seconds=30
        )
    finally:
        server.shutdown()
        server.server_close()
    assert (a["requests"], a["ok"], b["requests"], b["ok"]) == (20, 20, 12, 12)
    ports_a = {port for path, port in Recorder.seen if path.startswith("/a")}
    ports_b = {port for path, port in Recorder.seen if path.startswith("/b")}
    assert len(ports_a) == connections and ports_a == ports_b
    # The second load starts once every connection has finished the first.
    last_a = max(i for i, (path, _) in enumerate(Recorder.seen) if path.startswith("/a"))
    first_b = min(i for i, (path, _) in enumerate(Recorder.seen) if path.startswith("/b"))
    assert last_a < first_b
