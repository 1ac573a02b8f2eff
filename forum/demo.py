"""Demo content of the taxonomy: a few matrix linkages with rationale, marked as demo data.

None of them cites a published source, so each is illustrative and labelled so on every page.
"""

from .enums import LinkEvidence
from .models import SDG, ActionLine, MatrixLink

DEMO_LINKS = [
    (
        "C2",
        9,
        "Broadband infrastructure is a precondition for resilient infrastructure and innovation.",
    ),
    ("C2", 17, "Connectivity enables the global partnership and technology transfer."),
    ("C3", 4, "Open access to information and knowledge supports quality education."),
    ("C4", 4, "Digital skills and capacity building underpin lifelong learning."),
    ("C5", 16, "Trust and security in ICT use support peaceful and inclusive societies."),
    ("C7-EHEA", 3, "E-health services extend healthcare and well-being to remote communities."),
    ("C7-EAGR", 2, "Agricultural information services raise yields and food security."),
    ("C7-EENV", 13, "Environmental monitoring with ICTs supports climate action."),
    ("C7-EGOV", 16, "Transparent e-government services strengthen accountable institutions."),
    ("C7-ELEA", 4, "E-learning widens access to education."),
    ("C7-EBUS", 8, "E-business opens markets and decent work."),
    (
        "C1",
        17,
        "Multistakeholder promotion of ICTs for development is itself a partnership for the goals.",
    ),
    ("C11", 17, "International and regional cooperation mobilises partnerships."),
    (
        "C8",
        10,
        "Local content and linguistic diversity reduce inequalities in access to knowledge.",
    ),
]


def seed(*, stdout=None, **options) -> None:
    lines = {al.code: al for al in ActionLine.objects.all()}
    sdgs = {s.number: s for s in SDG.objects.all()}
    for code, number, rationale in DEMO_LINKS:
        MatrixLink.objects.get_or_create(
            action_line=lines[code],
            sdg=sdgs[number],
            defaults={
                "rationale": rationale,
                "evidence": LinkEvidence.ILLUSTRATIVE,
                "is_demo": True,
            },
        )
