"""Demo content of UNGIS: initiative texts, websites and illustrative meetings. Idempotent.

Nothing here is presented as fact: no facilitation role is made up (the member pages show the
sourced roles forum loads with their documents, forum migration 0024), and no chair term either
(the seeds name none, so the Secretariat enters them with their source).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from wsis_portal.demo import demo_get_or_create

from .models import Agency, Initiative, Meeting
from .services import members_load

INITIATIVE_TEXT = {
    "open-access-scientific-knowledge": "Promoting open access to scientific information and research.",
    "stip-reviews": "Reviews helping countries align science, technology and innovation policies with development.",
    "child-online-protection": "A multistakeholder effort to protect children online.",
}
MEETINGS = [
    (
        date(2026, 3, 10),
        "ITU Headquarters, Geneva",
        "1. Welcome\n2. WSIS Forum 2027 preparations\n3. Joint initiatives",
    ),
    (
        date(2025, 10, 2),
        "UNESCO Headquarters, Paris (hybrid)",
        "1. Action Line reports\n2. WSIS-SDG Matrix update",
    ),
]


def seed(*, stdout=None, **options) -> None:
    with transaction.atomic():
        members_load()
        for slug, text in INITIATIVE_TEXT.items():
            Initiative.objects.filter(slug=slug, description="").update(description=text)
        for when, venue, agenda in MEETINGS:
            demo_get_or_create(Meeting, date=when, venue=venue, defaults={"agenda": agenda})
        for acronym, website in [
            ("ITU", "https://www.itu.int"),
            ("UNESCO", "https://www.unesco.org"),
        ]:
            Agency.objects.filter(acronym=acronym, website="").update(website=website)
    if stdout is not None:
        stdout.write(f"ungis: {Meeting.objects.count()} meetings")
