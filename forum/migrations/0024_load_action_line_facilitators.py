"""Load the Action Line facilitation roles that a retrieved document states, each with its source.

Paragraphs 108-109 of the Tunis Agenda for the Information Society (WSIS-05/TUNIS/DOC/6(Rev.1)-E,
18 November 2005) organise implementation by Action Line, moderated or facilitated by UN
agencies, and its Annex lists possible moderators/facilitators; the CSTD secretariat's note
E/CN.16/2007/CRP.2 (16 May 2007, section 2) calls that list indicative and non-exhaustive, and
the consultation of Action Line moderators/facilitators of 24 February 2006 went on to name
focal points. The text of the Annex itself could not be retrieved when this migration was
written, so no row below cites it: every row cites the later document that states the role,
and the place in it. Roles no retrieved document states clearly (among them the lead of C4, and
e-government, e-health and e-employment) are left out rather than filled in from memory; the
Secretariat adds them in the admin with their source. docs/processes.md lists what is sourced.
"""

import datetime

from django.db import migrations

# A frozen copy of the sources at the time of this migration: key -> fields.
SOURCES = {
    "itu-wg-sp-fp-06-40": {
        "symbol": "WG-SP-FP-06/40 (Rev.2)",
        "title": "WSIS implementation plan within ITU (Note by the ITU Secretary-General, "
        "Council Working Group for the elaboration of the draft Strategic Plan and the draft "
        "Financial Plan 2008-2011)",
        "publisher": "ITU",
        "issued_on": datetime.date(2006, 9, 14),
        "url": "",
    },
    "itu-contribution-wsis": {
        "symbol": "",
        "title": "ITU Contribution to the Implementation of the WSIS Outcomes",
        "publisher": "ITU",
        "issued_on": None,
        "url": "https://itu-ilibrary.org/science-and-technology/"
        "itu-contribution-to-the-implementation-of-the-wsis-outcomes_pub/805043d0-en",
    },
    "itu-wtdc10-9": {
        "symbol": "WTDC10/9-E",
        "title": "Proposed Roadmap for ITU in its role as lead facilitator and implementer for "
        "Action Line C6 in the implementation of WSIS up to 2015",
        "publisher": "ITU (Director of BDT), World Telecommunication Development Conference 2010",
        "issued_on": datetime.date(2010, 3, 12),
        "url": "",
    },
    "fao-eagriculture-review": {
        "symbol": "",
        "title": "e-Agriculture Action Line 10 year review report",
        "publisher": "FAO",
        "issued_on": None,
        "url": "",
    },
    "eenvironment-10-year-report": {
        "symbol": "",
        "title": "10-Year WSIS Action Line Facilitator's Reports on the Implementation of WSIS "
        "Outcomes: WSIS Action Line C7, E-environment",
        "publisher": "WMO, UNEP and ITU",
        "issued_on": None,
        "url": "",
    },
    "ebusiness-wsis10-review": {
        "symbol": "",
        "title": "WSIS+10 Overall Review of the Implementation of the WSIS Outcomes: Action Line "
        "C7 (E-business), draft version 0.0",
        "publisher": "UNCTAD, ITC and UPU",
        "issued_on": None,
        "url": "",
    },
    "unesco-interim-focal-point": {
        "symbol": "",
        "title": "UNESCO and WSIS - Geneva Plan of Action: Planning multi-stakeholder "
        "implementation",
        "publisher": "UNESCO",
        "issued_on": datetime.date(2006, 2, 24),
        "url": "http://www.diversite-culturelle.qc.ca/index.php?id=112&L=1"
        "&tx_bulletinsirre_pi2%5Byear%5D=2006&tx_bulletinsirre_pi2%5Barticle%5D=2173"
        "&cHash=290c05f6589d90aea3c13e0f2de028b7",
    },
    "wsis-forum-2025-session-400": {
        "symbol": "",
        "title": "WSIS Forum 2025, session 400: Facilitation Session on WSIS+20 Action Lines C1 "
        "and C11",
        "publisher": "ITU (WSIS Forum 2025 programme)",
        "issued_on": None,
        "url": "https://www.itu.int/net4/wsis/forum/2025/Agenda/Session/400",
    },
}

AGENCIES = {
    "UNDESA": "United Nations Department of Economic and Social Affairs",
    "ITU": "International Telecommunication Union",
    "UNESCO": "United Nations Educational, Scientific and Cultural Organization",
    "FAO": "Food and Agriculture Organization of the United Nations",
    "WMO": "World Meteorological Organization",
    "UNEP": "United Nations Environment Programme",
    "UNCTAD": "United Nations Conference on Trade and Development",
    "ITC": "International Trade Centre",
    "UPU": "Universal Postal Union",
}

# (Action Line code, agency, role, source key, where in the source)
ROLES = [
    ("C1", "UNDESA", "lead", "itu-wg-sp-fp-06-40", "Table, row Action Line C1 (focal point)"),
    ("C1", "ITU", "co", "itu-wg-sp-fp-06-40", "Table, row Action Line C1"),
    ("C2", "ITU", "lead", "itu-contribution-wsis", "Introduction, item b"),
    ("C3", "UNESCO", "lead", "itu-wg-sp-fp-06-40", "Table, row Action Line C3 (focal point)"),
    ("C3", "ITU", "co", "itu-wg-sp-fp-06-40", "Table, row Action Line C3"),
    ("C4", "ITU", "co", "itu-contribution-wsis", "Introduction, item c"),
    ("C5", "ITU", "lead", "itu-contribution-wsis", "Introduction, item b"),
    ("C6", "ITU", "lead", "itu-wtdc10-9", "Section 2, paragraph 2 (since May 2008)"),
    ("C7-EBUS", "UNCTAD", "facilitator", "ebusiness-wsis10-review", "Title page and section 1"),
    ("C7-EBUS", "ITC", "facilitator", "ebusiness-wsis10-review", "Title page and section 1"),
    ("C7-EBUS", "UPU", "facilitator", "ebusiness-wsis10-review", "Title page and section 1"),
    ("C7-ELEA", "UNESCO", "interim", "unesco-interim-focal-point", "Decision of the meeting"),
    ("C7-EENV", "WMO", "lead", "eenvironment-10-year-report", "Title page"),
    ("C7-EENV", "UNEP", "co", "eenvironment-10-year-report", "Title page"),
    ("C7-EENV", "ITU", "co", "eenvironment-10-year-report", "Title page"),
    ("C7-EAGR", "FAO", "lead", "fao-eagriculture-review", "Foreword"),
    ("C7-ESCI", "UNESCO", "interim", "unesco-interim-focal-point", "Decision of the meeting"),
    ("C8", "UNESCO", "interim", "unesco-interim-focal-point", "Decision of the meeting"),
    ("C9", "UNESCO", "interim", "unesco-interim-focal-point", "Decision of the meeting"),
    ("C10", "UNESCO", "interim", "unesco-interim-focal-point", "Decision of the meeting"),
    ("C11", "UNDESA", "facilitator", "wsis-forum-2025-session-400", "Session description"),
    ("C11", "ITU", "co", "itu-contribution-wsis", "Introduction, item c"),
]


def load(apps, schema_editor):
    ActionLine = apps.get_model("forum", "ActionLine")
    FacilitationSource = apps.get_model("forum", "FacilitationSource")
    ActionLineFacilitator = apps.get_model("forum", "ActionLineFacilitator")
    sources = {}
    for key, fields in SOURCES.items():
        sources[key], _ = FacilitationSource.objects.get_or_create(
            title=fields["title"], defaults=fields
        )
    lines = {line.code: line for line in ActionLine.objects.all()}
    for code, agency, role, source_key, locator in ROLES:
        if code not in lines:
            continue
        ActionLineFacilitator.objects.get_or_create(
            action_line=lines[code],
            agency=agency,
            defaults={
                "agency_name": AGENCIES[agency],
                "role": role,
                "source": sources[source_key],
                "locator": locator,
            },
        )


def unload(apps, schema_editor):
    FacilitationSource = apps.get_model("forum", "FacilitationSource")
    ActionLineFacilitator = apps.get_model("forum", "ActionLineFacilitator")
    titles = [fields["title"] for fields in SOURCES.values()]
    ActionLineFacilitator.objects.filter(source__title__in=titles).delete()
    FacilitationSource.objects.filter(title__in=titles).delete()


class Migration(migrations.Migration):
    dependencies = [("forum", "0023_action_line_facilitators")]

    operations = [migrations.RunPython(load, unload)]
