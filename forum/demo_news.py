"""Demo news: a few items of the kind the Secretariat publishes around a Forum cycle.

Dates are relative to today so that the list and its feed always look current; every item
is marked ``is_demo`` and found again by its slug, so the seeder is idempotent.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from .demo_programme import current_edition, past_edition
from .models import NewsItem

# (slug, days ago or None for a fixed date, title, summary, body); {year} is the demo's next edition.
NEWS = [
    (
        "prizes-voting-open",
        6,
        "Online voting for the WSIS Prizes {year} is open",
        "The nominated projects of the eighteen categories are on the ballot. Anyone with an "
        "account can vote once in each category until voting closes.",
        "The expert group has reviewed the projects submitted to the WSIS Prizes {year} and "
        "nominated the strongest in each of the eighteen categories, one per WSIS Action Line.\n\n"
        "Voting is open to everyone with a confirmed account. Each voter may choose one "
        "project per category; take the time to read each nominee's summary.\n\n"
        "The projects with the most votes become champions, and the expert group chooses "
        "the winners, who receive their awards at the ceremony during the Forum week.",
    ),
    (
        "open-consultation-second-meeting",
        12,
        "Second physical meeting of the Open Consultation Process",
        "The second meeting on the thematic aspects and innovations on the format of the "
        "WSIS Forum {year} takes place in Geneva with remote participation.",
        "Stakeholders who cannot travel to Geneva can take part remotely; the agenda and the "
        "summary of the first meeting are on the consultation's page.\n\n"
        "Written submissions remain open until the deadline shown in the timeline.",
    ),
    (
        "stocktaking-call-open",
        25,
        "WSIS Stocktaking: call for new entries and updates",
        "Governments, businesses, civil society, academia, the technical community and "
        "international organisations are invited to document their ICT for development "
        "projects.",
        "Entries in the WSIS Stocktaking database show how the WSIS Action Lines are "
        "implemented around the world and feed the yearly Stocktaking Report.\n\n"
        "New entries and updates of existing ones are welcome in any of the six UN "
        "languages.",
    ),
    (
        "forum-registration-open",
        40,
        "Registration for the WSIS Forum {year} is open",
        "Participants can register to attend in Geneva or remotely. Registration is free "
        "of charge.",
        "The WSIS Forum {year} takes place from Monday to Friday at ITU Headquarters and the "
        "CICG in Geneva, with remote participation in most sessions.\n\n"
        "Please register early: places in the rooms are limited, and badges are collected "
        "at the CICG from the Sunday before the Forum.",
    ),
    (
        "prizes-2025-winners",
        None,
        "WSIS Prizes 2025: the eighteen winners announced",
        "The winners of the eighteen categories received their awards at the WSIS+20 Forum "
        "High-Level Event in Geneva.",
        "Each winning project is presented on the results page, with the champions of its "
        "category.",
    ),
]


def _ceremony_2025():
    """The evening the WSIS Prizes 2025 winners were announced: the 2025 edition's last day."""
    edition = past_edition(2025)
    return timezone.make_aware(datetime.combine(edition.ends_on, time(18, 0)))


def seed(*, stdout=None, **options) -> None:
    now = timezone.now()
    year = current_edition().year
    for slug, days_ago, title, summary, body in NEWS:
        NewsItem.objects.get_or_create(
            slug=slug,
            defaults={
                "title": title.format(year=year),
                "summary": summary.format(year=year),
                "body": body.format(year=year),
                "published_at": now - timedelta(days=days_ago)
                if days_ago is not None
                else _ceremony_2025(),
                "is_demo": True,
            },
        )
    if stdout is not None:
        stdout.write(f"  {NewsItem.objects.filter(is_demo=True).count()} demo news items")
