#!/usr/bin/env python
"""Drawing time of the portal's big PDFs: the Outcome Document, the Prizes booklet, a certificate.

    DATABASE_URL=postgres://… DJANGO_DEBUG=true python bench/pdf_drawing.py \\
        [--reports 500] [--projects 1000] [--rounds 3] [--root /path/to/other/checkout]

Draws in this process, from the data of ``bench/site_search_data.py`` (its bench edition
with 500 outcome reports and its bench contest with 1,000 projects, added when missing; the
projects are made Winners (one per category) and Champions): the Outcome Document of the
first ``--reports`` reports, the booklet of the first ``--projects`` recognised projects, and
one certificate. One report and one project in six are given Arabic text in memory (nothing
is written), as the six-language Forum has, so that text shaping is part of the figure.
Prints the median and the spread of ``--rounds`` draws, the median CPU time of this process
(less sensitive to a loaded machine than the wall clock) and the PDF's size.

``--root`` draws with the code of another checkout (the same data, the same script): run it
once with the code before a change and once after, in the same slot, for a ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARABIC_MESSAGE = (
    "الاتصال الشامل شرط مسبق للتنمية المستدامة، والمهارات الرقمية لا تقل أهمية عن الكابلات. "
    "يجب قياس ما يستخدمه الناس فعلا، وليس ما يتم بناؤه فقط."
)
ARABIC_TITLE = "مشروع المدارس المتصلة في المناطق الريفية"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--projects", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--root", default=str(HERE.parent), help="checkout whose code draws")
    parser.add_argument(
        "--only",
        choices=["outcome", "booklet", "certificate", "download", *DOWNLOADS_AFTER_CHANGE],
        default=None,
    )
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, args.root)
    os.chdir(args.root)  # Celery's Django fix-up puts the working directory first on the path
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsis_portal.settings")
    import django

    django.setup()
    import site_search_data
    from django.utils import timezone, translation

    translation.activate("en")
    site_search_data.seed()
    print(f"code of {args.root}")
    kinds = [args.only] if args.only else ["outcome", "booklet", "certificate"]
    for kind in kinds:
        draw = {
            "outcome": _outcome,
            "booklet": _booklet,
            "certificate": _certificate,
            "download": _download,
            **DOWNLOADS_AFTER_CHANGE,
        }[kind]
        build = draw(args, site_search_data.YEAR, timezone.now())
        times, cpu, size = [], [], 0
        for _ in range(args.rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            size = len(build())
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        print(
            f"{kind:12} median {statistics.median(times):8.3f} s  "
            f"(min {min(times):.3f}, max {max(times):.3f}, {args.rounds} draws; "
            f"CPU median {statistics.median(cpu):.2f} s)  {size:,} bytes"
        )


def _outcome(args, year, now):
    from forum.models import Edition
    from forum.outcomes import selectors
    from forum.outcomes.pdf import outcome_document_pdf

    data = selectors.outcome_document_of(Edition.objects.get(year=year), None)
    reports = sorted({r.pk: r for s in data.sections for r in s.reports}.values(), key=_pk)
    kept = {r.pk for r in reports[: args.reports]}
    for report in reports[: args.reports : 6]:
        report.key_messages = ARABIC_MESSAGE
    for section in data.sections:
        section.reports = [r for r in section.reports if r.pk in kept]
    data.report_count = len(kept)
    return lambda: outcome_document_pdf(data)


def _recognised(year):
    from prizes.enums import ProjectStatus
    from prizes.models import Contest, Project

    contest = Contest.objects.get(year=year)
    projects = Project.objects.filter(contest=contest)
    if not projects.filter(status=ProjectStatus.WINNER).exists():
        projects.update(status=ProjectStatus.CHAMPION)
        for category_id in projects.values_list("category", flat=True).distinct():
            first = projects.filter(category=category_id).order_by("pk").first()
            Project.objects.filter(pk=first.pk).update(status=ProjectStatus.WINNER)
    return contest


def _booklet(args, year, now):
    from accounts.models import User
    from prizes import recognition
    from prizes.certificates import booklet_pdf

    contest = _recognised(year)
    staff = User(is_staff=True)
    data = recognition.booklet(contest=contest, user=staff, now=now)
    left = args.projects
    for section in data.categories:
        section.entries[:] = section.entries[: max(left, 0)]
        left -= len(section.entries)
        for entry in section.entries[::6]:
            entry.project.title = ARABIC_TITLE
            entry.project.description = ARABIC_MESSAGE
    return lambda: booklet_pdf(booklet=data)


def _certificate(args, year, now):
    from prizes.certificates import certificate_pdf
    from prizes.enums import ProjectStatus
    from prizes.models import Project

    contest = _recognised(year)
    project = (
        Project.objects.filter(contest=contest, status=ProjectStatus.WINNER)
        .select_related("category__action_line")
        .first()
    )
    project.contest = contest
    return lambda: certificate_pdf(
        project=project, status=project.status, verify_url="https://example.org/p/1", preview=False
    )


def _download(args, year, now):
    """The Outcome Document's download right after a change (the version bumped), as a
    staff member through the test client: drawn in the request before, the last copy after
    (with the code that has ``caching.PDF`` or ``caching.draw``, which keeps one first; no
    worker runs)."""
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from accounts.models import User
    from forum.models import Edition
    from forum.outcomes import caching

    settings.ALLOWED_HOSTS = ["testserver"]
    staff, _ = User.objects.get_or_create(
        email="bench-pdf-staff@example.invalid", defaults={"is_staff": True}
    )
    client = Client()
    client.force_login(staff)
    url = reverse("forum:outcome_document_pdf", args=[year])
    if hasattr(caching, "PDF"):
        caching.PDF.draw((Edition.objects.get(year=year).pk,), "en", 0)
    elif hasattr(caching, "draw"):
        caching.draw(Edition.objects.get(year=year).pk, "en", 0)

    def download():
        caching.VERSION.bump()
        response = client.get(url)
        assert response.status_code == 200, response.status_code
        return response.content

    return download


def _recognition_download(which):
    """The booklet's or a Winner's certificate's download right after a change (a recognised
    project's title saved before each request; staff, the bench contest, in-process): drawn
    in the request before (``cached_pdf`` under the projects' ``updated_at``), the last copy
    after (``prizes.recognition_files``, which keeps one first; no worker runs)."""

    def build(args, year, now):
        from django.conf import settings
        from django.test import Client
        from django.urls import reverse

        from accounts.models import User
        from prizes import recognition
        from prizes.enums import ProjectStatus
        from prizes.models import Project

        settings.ALLOWED_HOSTS = ["testserver"]
        contest = _recognised(year)
        staff, _ = User.objects.get_or_create(
            email="bench-pdf-staff@example.invalid", defaults={"is_staff": True}
        )
        client = Client()
        client.force_login(staff)
        winner = Project.objects.filter(contest=contest, status=ProjectStatus.WINNER).first()
        preview = not recognition.results_published(contest, now)
        if which == "booklet":
            url, key = reverse("prizes:booklet_pdf", args=[year]), (contest.pk, preview)
        else:
            url = reverse("prizes:certificate", args=[year, winner.pk])
            key = (winner.pk, preview)
        try:
            from prizes import recognition_files
        except ImportError:
            pass
        else:
            kind = (
                recognition_files.BOOKLET if which == "booklet" else recognition_files.CERTIFICATE
            )
            kind.draw(key, "en", 0)
        title = winner.title.split(" @")[0]  # what earlier runs appended

        def download():
            winner.title = f"{title} @{time.time():.3f}"
            winner.save(update_fields=["title", "updated_at"])
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            return response.content

        return download

    return build


DOWNLOADS_AFTER_CHANGE = {
    "booklet_download": _recognition_download("booklet"),
    "certificate_download": _recognition_download("certificate"),
}


def _pk(report):
    return report.pk


if __name__ == "__main__":
    main()
