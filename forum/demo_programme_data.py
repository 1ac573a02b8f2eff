"""The demo's data of the Forum: past editions and their figures, the seeds' people and events,
partners and the mix of registrations."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.conf import settings

from accounts.enums import StakeholderType

from .enums import (
    DocumentKind,
    EventKind,
    FigureKind,
    FigureQualifier,
    PartnerTier,
)

GENEVA = ZoneInfo(settings.TIME_ZONE)
CURRENT_YEAR = 2027

# Editions named in the Forum 2017 briefing (seed 002), on the dates they were actually held:
# the slide's "WSIS Forums till 2020" were planned dates; 2018 and 2019 moved, and 2020 was
# held online over the summer.
GENEVA_VENUE = "ITU Headquarters, Geneva, Switzerland"
PAST_EDITIONS = [
    (2016, date(2016, 5, 2), date(2016, 5, 6), "", GENEVA_VENUE),
    (2017, date(2017, 6, 12), date(2017, 6, 16), "The Information Society for SDGs", GENEVA_VENUE),
    (2018, date(2018, 3, 19), date(2018, 3, 23), "", GENEVA_VENUE),
    (2019, date(2019, 4, 8), date(2019, 4, 12), "", GENEVA_VENUE),
    (2020, date(2020, 6, 22), date(2020, 9, 10), "", "Online"),
    (
        2023,
        date(2023, 3, 13),
        date(2023, 3, 17),
        "WSIS Action Lines for Building Back Better and Accelerating the Achievement of the SDGs",
        "Geneva, Switzerland",
    ),
    # The WSIS Prizes 2025 contest of the demo ends at this edition's ceremony.
    (2025, date(2025, 7, 7), date(2025, 7, 11), "WSIS+20 Forum High-Level Event", GENEVA_VENUE),
]
# "WSIS Forum 2016: Outcomes" in the Forum 2017 briefing (seed 002).
SOURCE_2016 = "WSIS Forum 2017 briefing, “WSIS Forum 2016: Outcomes”"
FIGURES_2016 = [
    (FigureKind.PARTICIPANTS, FigureQualifier.MORE_THAN, 1800),
    (FigureKind.COUNTRIES, FigureQualifier.MORE_THAN, 150),
    (FigureKind.MINISTERS, FigureQualifier.MORE_THAN, 85),
    (FigureKind.HIGH_LEVEL, FigureQualifier.EXACT, 250),
    (FigureKind.WORKSHOPS, FigureQualifier.MORE_THAN, 150),
    (FigureKind.PRIZE_WINNERS, FigureQualifier.EXACT, 18),
    (FigureKind.CHAMPIONS, FigureQualifier.EXACT, 70),
    (FigureKind.EXHIBITION_STANDS, FigureQualifier.MORE_THAN, 25),
]
OUTCOMES_2016 = [
    ("WSIS Forum 2016: Outcome Document", DocumentKind.OUTCOME_DOCUMENT),
    (
        "WSIS Forum 2016: High Level Track Outcomes and Executive Brief",
        DocumentKind.HLT_OUTCOMES,
    ),
    (
        "WSIS Action Lines Supporting Implementation of the Sustainable Development Goals (2016)",
        DocumentKind.ACTION_LINES_SDGS,
    ),
    ("WSIS Stocktaking Report 2016", DocumentKind.STOCKTAKING_REPORT),
    ("WSIS Forum 2016 and SDG Matrix", DocumentKind.MATRIX),
    ("WSIS Stocktaking Success Stories 2016", DocumentKind.SUCCESS_STORIES),
]

# People of the seeds: (honorific, name, position, organisation).
SEED_PEOPLE = {
    "sah": (
        "Ms.",
        "Gitanjali Sah",
        "Strategy and Policy Coordinator",
        "International Telecommunication Union (ITU)",
    ),
    "stankovic": (
        "Mr.",
        "Vladimir Stankovic",
        "Program Coordinator",
        "International Telecommunication Union (ITU)",
    ),
    "lamanauskas": (
        "Mr.",
        "Tomas Lamanauskas",
        "Deputy Secretary-General",
        "International Telecommunication Union (ITU)",
    ),
    "jelassi": (
        "Dr.",
        "Tawfik Jelassi",
        "Assistant Director General",
        "The United Nations Educational, Scientific and Cultural Organization (UNESCO)",
    ),
    "adam": (
        "Mr.",
        "Jean Paul Adam",
        "Director, Technology, Climate Change and Natural Resources Management Division",
        "United Nations Economic Commission for Africa (ECA)",
    ),
    "bautista": (
        "Mr.",
        "Liberato C. Bautista",
        "President",
        "Conference of Non-Governmental Organizations in Consultative Relationship with the United Nations (CoNGO)",
    ),
    "fung": (
        "Ms.",
        "Mei Lin Fung",
        "Chair and Cofounder",
        "People Centered Internet and Impact Network",
    ),
    "wilms": ("Mr.", "Maikel Wilms", "Partner & Director", "The Boston Consulting Group"),
}
LAMANAUSKAS_BIO = (
    "Tomas Lamanauskas took office as ITU's Deputy Secretary-General on 1 January 2023. In this "
    "key elected role, he assists with organizational management and fosters close collaboration "
    "across ITU's radiocommunication, standardization, and development activities."
)

# Two WSIS sessions held at other forums (seeds 001 and 000) and the ESCAP regional review
# (seed 003): events of their own, not part of a Forum edition's programme.
ECOSOC_SIDE_EVENT = {
    "kind": EventKind.SIDE_EVENT,
    "title": "WSIS Cooperation for Accelerating Progress on the SDGs",
    "description": (
        "2023 ECOSOC Partnership Forum side event, session 131, co-organised by WSIS and the "
        "United Nations Group on the Information Society (UNGIS). The session focuses on how "
        "ICTs and WSIS cooperation can help accelerate the SDGs, learning from the COVID-19 "
        "experience to build inclusive, resilient and sustainable societies and economies. "
        "Registration to the ECOSOC Partnership Forum was for virtual participation only."
    ),
    # Tuesday, 31 January 2023 14:30-15:45 (UTC+01:00).
    "starts_on": date(2023, 1, 31),
    "ends_on": date(2023, 1, 31),
    "place": "ECOSOC Partnership Forum 2023 (session 131), online",
    "organisers": "WSIS (ITU) and UNGIS",
    # The seed's link is "More information about the ECOSOC Partnership Forum".
    "url": "https://sdgs.un.org/events/ecosoc-partnership-forum-2023",
}
IGF_OPEN_FORUM = {
    "kind": EventKind.OPEN_FORUM,
    "title": "IGF 2023 Open Forum #5: WSIS Action Lines for Advancing the Achievement of SDGs",
    "description": (
        "Round table, 90 minutes, co-organised by WSIS and UNGIS, on how ICTs and WSIS "
        "cooperation can help accelerate the SDGs. Held physically with enhanced remote "
        "participation, livestreamed, with online networking on LinkedIn."
    ),
    # IGF 2023 was held in Kyoto from 8 to 12 October 2023; the seed gives no day.
    "starts_on": date(2023, 10, 8),
    "ends_on": date(2023, 10, 12),
    "place": "Internet Governance Forum 2023, Kyoto",
    "country": "JP",
    "region": "asia-pacific",
    "organisers": "WSIS (ITU) and UNGIS",
}
ESCAP_REVIEW = {
    "kind": EventKind.REGIONAL_REVIEW,
    "title": (
        "World Summit on the Information Society (WSIS) and Inter-agency Working Group on ICT "
        "Meeting"
    ),
    "description": (
        "Regional review of the implementation of the WSIS Action Lines in Asia and the "
        "Pacific, held under ESCAP resolution 72/10 as part of the Committee on Information "
        "and Communications Technology, Science, Technology and Innovation. Its outcomes "
        "serve as inputs to the WSIS Forum 2017 and its Open Consultation Process, the WSIS "
        "Stocktaking and the WSIS Prizes."
    ),
    "starts_on": date(2016, 10, 4),
    "ends_on": date(2016, 10, 4),
    "place": "Bangkok",
    "country": "TH",
    "region": "asia-pacific",
    "organisers": "UN ESCAP, supported by ITU, UNESCO and UNDP",
    "agenda": (
        "Emerging trends, challenges and opportunities in building inclusive information and "
        "knowledge societies (WSIS Action Line Facilitators)\n"
        "Examples of national sustainable development plans integrating the ICT components "
        "and opportunities for UNDAF (UN and government experts)\n"
        "Sharing of best practices (WSIS Prize Winners from the region) and flagship "
        "initiatives (relevant stakeholders)\n"
        "Multi-stakeholder discussion on strengthening implementation of WSIS Action Lines to "
        "accelerate the achievement of the SDGs"
    ),
}

# Partners of the demo edition: invented names, one per tier at least.
DEMO_PARTNERS = [
    ("Kilele Networks Group", PartnerTier.PLATINUM),
    ("Nordlys Data Centres", PartnerTier.GOLD),
    ("Reef Connect Satellite Services", PartnerTier.GOLD),
    ("Baobab Digital Foundation", PartnerTier.SPECIFIC_ACTIVITIES),
    ("Andes Mesh Cooperative", PartnerTier.CONTRIBUTING),
    ("Silk Route Research Network", PartnerTier.CONTRIBUTING),
]
# Who registers for a Forum week: governments and international organisations lead, and
# Switzerland and neighbouring France are over-represented, as Geneva is where it is held.
REGISTRATION_TYPES = {
    StakeholderType.GOVERNMENT: 30,
    StakeholderType.CIVIL_SOCIETY: 19,
    StakeholderType.PRIVATE_SECTOR: 17,
    StakeholderType.INTERNATIONAL_ORGANIZATION: 15,
    StakeholderType.ACADEMIA: 12,
    StakeholderType.TECHNICAL_COMMUNITY: 7,
}
HOST_COUNTRIES = {"CH": 14, "FR": 4}
DEMO_REGISTRATIONS = 160
