"""Demo content of UNGIS: Action Line facilitation roles, chair terms and meetings.

The facilitation roles follow the public list of WSIS Action Line facilitators in broad
strokes; meetings are illustrative. No chair term is made up: the seeds name none, so the
Secretariat enters them with their source. Idempotent.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from forum.models import ActionLine
from wsis_portal.demo import demo_get_or_create

from .enums import FacilitationRole
from .models import Agency, Facilitation, Initiative, Meeting
from .services import members_load

# Action Line code: (lead agency, co-facilitators)
FACILITATION = {
    "C1": ("UNDESA", ["ITU", "UNECA", "UNECE", "ECLAC", "UNESCWA"]),
    "C2": ("ITU", []),
    "C3": ("UNESCO", ["ITU"]),
    "C4": ("UNDP", ["UNESCO", "ITU", "UNCTAD"]),
    "C5": ("ITU", []),
    "C6": ("ITU", ["UNDP", "UNCTAD", "UNDESA"]),
    "C7-EGOV": ("UNDESA", ["UNDP", "ITU"]),
    "C7-EBUS": ("UNCTAD", ["WTO", "ITU", "UPU"]),
    "C7-ELEA": ("UNESCO", ["ITU", "UNIDO"]),
    "C7-EHEA": ("WHO", ["ITU"]),
    "C7-EEMP": ("ILO", ["ITU"]),
    "C7-EENV": ("WMO", ["WHO", "UN-HABITAT", "ITU"]),
    "C7-EAGR": ("FAO", []),
    "C7-ESCI": ("UNESCO", ["ITU", "UNCTAD"]),
    "C8": ("UNESCO", []),
    "C9": ("UNESCO", []),
    "C10": ("UNESCO", []),
    "C11": ("UNDESA", ["UNECA", "UNECE", "ECLAC", "UNESCWA"]),
}
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
        agencies = {a.acronym: a for a in Agency.objects.all()}
        lines = {al.code: al for al in ActionLine.objects.all()}
        for code, (lead, cos) in FACILITATION.items():
            for acronym, role in [(lead, FacilitationRole.LEAD)] + [
                (a, FacilitationRole.CO) for a in cos
            ]:
                demo_get_or_create(
                    Facilitation,
                    agency=agencies[acronym],
                    action_line=lines[code],
                    defaults={"role": role},
                )
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
        stdout.write(f"ungis: {Facilitation.objects.count()} facilitation roles")
