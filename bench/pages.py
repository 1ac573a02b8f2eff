#!/usr/bin/env python
"""Every public page and every admin list, timed over HTTP on the database as it is (meant
for ``seed_demo --scale wsis``): p50/p95 latency at ``--clients`` concurrent clients and the
size of the HTML.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python bench/pages.py [--only NAME…]

The public URL names come from the URLconf itself: each must be measured (a builder below
gives its address from the data) or excluded with a reason (it needs a signed-in person, a
token, or a POST), so a new page cannot be forgotten; the script stops on an unknown name.
The admin lists are every ``*_changelist`` the admin registers, fetched as a superuser.
Requests go to gunicorn on 127.0.0.1 only, a fixed number per page.
"""

from __future__ import annotations

import argparse
import os
import secrets
import signal
import sys
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.prizes_settings"

from bench.public_pages import EXCLUDED, builders, unlisted, url_names
from bench.server import free_port, run_load, start_gunicorn

BUDGET_MS = 300
ADMIN_EMAIL = "bench-admin@example.invalid"


def admin_session() -> str:
    """A superuser with a signed-in database session; returns the session key."""
    from django.contrib.auth import (
        BACKEND_SESSION_KEY,
        HASH_SESSION_KEY,
        SESSION_KEY,
        get_user_model,
    )
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    user, _ = get_user_model().objects.get_or_create(
        email=ADMIN_EMAIL, defaults={"is_staff": True, "is_superuser": True}
    )
    key = "benchpages" + secrets.token_hex(12)
    data = SessionStore().encode(
        {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
    )
    Session.objects.create(
        session_key=key, session_data=data, expire_date=timezone.now() + timedelta(hours=2)
    )
    return key


def draw_worker_files(pages: list[tuple[str, str]]) -> None:
    """The Outcome Document's PDF, the Prizes booklet and the certificates are drawn by a
    Celery worker, which this script does not run (a request meets a 503 until then): draw
    the ones measured here as the worker would, in English, public (not a preview)."""
    from django.urls import resolve

    from forum.models import Edition
    from forum.outcomes import caching
    from prizes.models import Contest
    from prizes.recognition_files import BOOKLET, CERTIFICATE

    drawn = {"forum:outcome_document_pdf", "prizes:booklet_pdf", "prizes:certificate"}
    for name, url in pages:
        if name not in drawn:
            continue
        kwargs = resolve(urlsplit(url).path).kwargs
        if name == "forum:outcome_document_pdf":
            caching.PDF.draw((Edition.objects.get(year=kwargs["year"]).pk,), "en", 0)
        elif name == "prizes:booklet_pdf":
            BOOKLET.draw((Contest.objects.get(year=kwargs["year"]).pk, False), "en", 0)
        elif name == "prizes:certificate":
            CERTIFICATE.draw((kwargs["project_id"], False), "en", 0)


def warm_workers(port: int, threads: int, admin_cookie: str) -> None:
    """Every worker serves its first requests before any page is timed. A worker's very first
    requests load what it then keeps for its life (its database connections, the base
    templates, the catalogues), some 300 ms once; with only the per-page warm-up below, that
    fell on the first page timed whenever one worker had not yet been handed a connection
    (account_email_verification_sent, p50 7 ms: p95 273 and 389 ms in two walks of three).
    Four new connections per thread leave a worker out about once in 2,500 walks."""
    for path, extra in (("/", {}), ("/admin/", {"Cookie": admin_cookie})):
        headers = {"User-Agent": "wsis-bench/1.0", "Accept-Language": "en", **extra}
        run_load(
            port,
            [("GET", path, headers)] * (8 * threads),
            connections=4 * threads,
            processes=1,
            seconds=60,
            expected={200},
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=40, help="per page")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--only", nargs="*", default=[], help="URL names to measure")
    parser.add_argument("--no-admin", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from django.urls import reverse

    public, admin = url_names()
    build = builders()
    unknown = unlisted(public, built=set(build))
    if unknown:
        print("URL names neither measured nor excluded (add them to bench/pages.py):")
        print("\n".join(f"  {n}" for n in unknown))
        return 2
    pages = []
    for n in public:
        if n in build:
            try:
                pages.append((n, build[n]()))
            except (AttributeError, IndexError) as exc:
                print(f"{n}: no data to build its address ({exc!r}); not measured")
    if not args.no_admin:
        pages += [(n, reverse(n)) for n in admin]
    if args.only:
        pages = [(n, u) for n, u in pages if n in args.only]
    draw_worker_files(pages)
    admin_cookie = f"sessionid={admin_session()}"
    port = free_port()
    server = start_gunicorn(
        port, workers=args.workers, threads=args.threads, settings="bench.prizes_settings"
    )
    warm_workers(port, args.workers * args.threads, admin_cookie)
    over = []
    print(f"{'name':42s} {'p50':>6s} {'p95':>6s} {'KB':>7s}  address")
    try:
        for name, url in pages:
            headers = {"User-Agent": "wsis-bench/1.0", "Accept-Language": "en"}
            if name.startswith("admin:"):
                headers["Cookie"] = admin_cookie
            # The page is asked for before the timing over as many connections as the server
            # has threads, each new: gunicorn hands a connection to whichever worker accepts
            # it, so a few keep-alive connections would leave some workers and threads cold
            # (a thread's first request opens its database connection; a worker's first use
            # of a page loads its templates), and the timed run's new connections find them.
            warm = run_load(
                port,
                [("GET", url, headers)] * (4 * args.workers * args.threads),
                connections=args.workers * args.threads,
                processes=1,
                seconds=60,
                expected={200},
            )
            result = run_load(
                port,
                [("GET", url, headers)] * args.requests,
                connections=args.clients,
                processes=1,
                seconds=60,
                expected={200},
            )
            flag = "  OVER" if result["p95_ms"] > BUDGET_MS else ""
            bad = "" if result["ok"] == result["requests"] else f"  status {result['statuses']}"
            print(
                f"{name:42s} {result['p50_ms']:6.0f} {result['p95_ms']:6.0f} "
                f"{warm['bytes'] / 1024:7.1f}  {url}{flag}{bad}",
                flush=True,
            )
            if flag or bad:
                over.append(name)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    print(f"{len(pages)} pages; {len(over)} over {BUDGET_MS} ms p95 or failing: {over}")
    print(f"excluded ({len(EXCLUDED)}): " + ", ".join(sorted(EXCLUDED)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
