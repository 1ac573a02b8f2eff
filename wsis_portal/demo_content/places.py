"""Places in the six ITU regions and the invented organisations of each stakeholder type."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from django.utils.text import slugify

# (place, country code, country name) for each ITU region.
PLACES = {
    "africa": [
        ("Kisumu", "KE", "Kenya"),
        ("Tamale", "GH", "Ghana"),
        ("Mbarara", "UG", "Uganda"),
        ("Musanze", "RW", "Rwanda"),
        ("Thiès", "SN", "Senegal"),
        ("Beira", "MZ", "Mozambique"),
        ("Mzuzu", "MW", "Malawi"),
        ("Kaduna", "NG", "Nigeria"),
        ("Oshakati", "NA", "Namibia"),
        ("Arusha", "TZ", "Tanzania"),
        ("Bobo-Dioulasso", "BF", "Burkina Faso"),
        ("Kananga", "CD", "the Democratic Republic of the Congo"),
    ],
    "americas": [
        ("Cusco", "PE", "Peru"),
        ("Oaxaca", "MX", "Mexico"),
        ("Recife", "BR", "Brazil"),
        ("Medellín", "CO", "Colombia"),
        ("Cochabamba", "BO", "Bolivia"),
        ("Montego Bay", "JM", "Jamaica"),
        ("Valparaíso", "CL", "Chile"),
        ("Quetzaltenango", "GT", "Guatemala"),
        ("Thunder Bay", "CA", "Canada"),
        ("Paramaribo", "SR", "Suriname"),
        ("Salta", "AR", "Argentina"),
    ],
    "arab-states": [
        ("Irbid", "JO", "Jordan"),
        ("Sfax", "TN", "Tunisia"),
        ("Agadir", "MA", "Morocco"),
        ("Aswan", "EG", "Egypt"),
        ("Salalah", "OM", "Oman"),
        ("Tripoli", "LB", "Lebanon"),
        ("Nouakchott", "MR", "Mauritania"),
        ("Ras Al Khaimah", "AE", "the United Arab Emirates"),
        ("Oran", "DZ", "Algeria"),
        ("Abha", "SA", "Saudi Arabia"),
    ],
    "asia-pacific": [
        ("Cebu", "PH", "the Philippines"),
        ("Da Nang", "VN", "Viet Nam"),
        ("Pokhara", "NP", "Nepal"),
        ("Jaffna", "LK", "Sri Lanka"),
        ("Labasa", "FJ", "Fiji"),
        ("Chiang Mai", "TH", "Thailand"),
        ("Makassar", "ID", "Indonesia"),
        ("Khulna", "BD", "Bangladesh"),
        ("Luganville", "VU", "Vanuatu"),
        ("Pune", "IN", "India"),
        ("Erdenet", "MN", "Mongolia"),
        ("Kota Kinabalu", "MY", "Malaysia"),
    ],
    "cis": [
        ("Almaty", "KZ", "Kazakhstan"),
        ("Samarkand", "UZ", "Uzbekistan"),
        ("Osh", "KG", "Kyrgyzstan"),
        ("Gyumri", "AM", "Armenia"),
        ("Ganja", "AZ", "Azerbaijan"),
        ("Khujand", "TJ", "Tajikistan"),
        ("Kazan", "RU", "the Russian Federation"),
        ("Grodno", "BY", "Belarus"),
        ("Karaganda", "KZ", "Kazakhstan"),
    ],
    "europe": [
        ("Tartu", "EE", "Estonia"),
        ("Cluj-Napoca", "RO", "Romania"),
        ("Porto", "PT", "Portugal"),
        ("Tromsø", "NO", "Norway"),
        ("Lublin", "PL", "Poland"),
        ("Novi Sad", "RS", "Serbia"),
        ("Galway", "IE", "Ireland"),
        ("Thessaloniki", "GR", "Greece"),
        ("Kharkiv", "UA", "Ukraine"),
        ("Kutaisi", "GE", "Georgia"),
        ("Gaziantep", "TR", "Türkiye"),
    ],
}
REGIONS = list(PLACES)
REGION_NAMES = {
    "africa": "Africa",
    "americas": "the Americas",
    "arab-states": "the Arab region",
    "asia-pacific": "Asia and the Pacific",
    "cis": "Central Asia and the Caucasus",
    "europe": "Europe",
}
STAKEHOLDER_TYPES = [
    "government",
    "private_sector",
    "civil_society",
    "academia",
    "technical_community",
    "international_organization",
]
# Private-sector brands by region: invented, pronounceable, not anyone's trademark we know of.
BRANDS = {
    "africa": ["Savanna Link", "Baobab Digital", "Kilele Networks", "Umoja Data", "Sahel Signal"],
    "americas": ["Altiplano Data", "Ceiba Systems", "Puente Digital", "Andes Mesh", "Caribe Cloud"],
    "arab-states": [
        "Nakhla Tech",
        "Wadi Networks",
        "Qamar Systems",
        "Bahr Digital",
        "Zeitoun Labs",
    ],
    "asia-pacific": ["Monsoon Labs", "Lotus Grid", "Reef Connect", "Banyan Data", "Tala Systems"],
    "cis": [
        "Steppe Signal",
        "Silk Route Data",
        "Tengri Systems",
        "Ararat Networks",
        "Bars Digital",
    ],
    "europe": ["Nordlys Data", "Danube Labs", "Aurora Mesh", "Atlantis Byte", "Vistula Systems"],
}
ORG_PATTERNS = {
    "government": [
        "{place} Municipal Department of Digital Services",
        "Directorate of e-Services, {place} Regional Administration",
        "{place} District Office for Innovation and ICT",
        "Public Services Modernisation Unit of {place}",
    ],
    "private_sector": [
        "{brand}",
        "{brand} Ltd",
        "{brand} Cooperative",
        "{brand} Social Enterprise",
    ],
    "civil_society": [
        "{place} Digital Inclusion Trust",
        "Women in Technology Network, {place}",
        "{place} Community Media Collective",
        "Friends of the {place} Libraries",
        "{place} Youth Innovation Hub",
    ],
    "academia": [
        "{place} Polytechnic Institute",
        "Faculty of Computing, {place} Technical College",
        "{place} Institute for Development Informatics",
        "{place} College of Health Sciences",
    ],
    "technical_community": [
        "{place} Open Source Society",
        "{place} Network Operators Forum",
        "{place} Internet Exchange Association",
        "Open Mapping Collective of {place}",
    ],
    "international_organization": [
        "{region_title} Centre for ICT Cooperation",
        "Regional Office for {region_name} of the Digital Futures Partnership",
        "{region_title} Network of Telecentres",
    ],
}
REGION_TITLES = {
    "africa": "African",
    "americas": "Inter-American",
    "arab-states": "Arab",
    "asia-pacific": "Asia-Pacific",
    "cis": "Eurasian",
    "europe": "European",
}


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    country_name: str
    region: str


def places(region: str) -> list[Place]:
    return [Place(n, c, cn, region) for n, c, cn in PLACES[region]]


# Organisations whose name ties them to a field only take on projects of that field.
ORG_FIELDS = {
    "{place} College of Health Sciences": {"C7-EHEA"},
    "{place} Community Media Collective": {"C9", "C8", "C3", "C10"},
    "Friends of the {place} Libraries": {"C3", "C4", "C8"},
    "Women in Technology Network, {place}": {"C4", "C7-EEMP", "C5", "C10"},
    "Open Mapping Collective of {place}": {"C7-EENV", "C3", "C7-EAGR", "C7-EGOV"},
    "{place} Internet Exchange Association": {"C2", "C6", "C11"},
    "{place} Network Operators Forum": {"C2", "C5", "C6", "C11"},
    "{region_title} Network of Telecentres": {"C2", "C4", "C3", "C7-ELEA", "C11"},
}
# Who plausibly runs a project of each Action Line.
ACTION_LINE_TYPES = {
    "C1": ["government", "civil_society", "academia", "international_organization"],
    "C2": ["private_sector", "civil_society", "technical_community", "government"],
    "C3": ["government", "civil_society", "academia"],
    "C4": ["civil_society", "academia", "government", "private_sector"],
    "C5": ["government", "private_sector", "technical_community", "civil_society"],
    "C6": ["government", "international_organization", "private_sector"],
    "C7-EGOV": ["government", "private_sector", "academia"],
    "C7-EBUS": ["private_sector", "civil_society", "government"],
    "C7-ELEA": ["academia", "civil_society", "government"],
    "C7-EHEA": ["government", "academia", "civil_society", "private_sector"],
    "C7-EEMP": ["civil_society", "private_sector", "government", "international_organization"],
    "C7-EENV": ["government", "academia", "technical_community", "civil_society"],
    "C7-EAGR": ["civil_society", "private_sector", "government", "international_organization"],
    "C7-ESCI": ["academia", "technical_community"],
    "C8": ["civil_society", "academia"],
    "C9": ["civil_society", "private_sector"],
    "C10": ["civil_society", "academia", "government"],
    "C11": ["international_organization", "government", "technical_community"],
}


def stakeholder_for(rng: random.Random, action_line: str, weights: dict[str, int]) -> str:
    """A stakeholder type that plausibly runs a project of ``action_line``, by ``weights``."""
    types = ACTION_LINE_TYPES[action_line]
    return rng.choices(types, [weights[t] for t in types])[0]


def organisation(
    rng: random.Random, place: Place, stakeholder_type: str, action_line: str = ""
) -> str:
    patterns = [
        p
        for p in ORG_PATTERNS[stakeholder_type]
        if not action_line or action_line in ORG_FIELDS.get(p, {action_line})
    ] or [p for p in ORG_PATTERNS[stakeholder_type] if p not in ORG_FIELDS]
    pattern = rng.choice(patterns)
    return pattern.format(
        place=place.name,
        brand=rng.choice(BRANDS[place.region]),
        region_name=REGION_NAMES[place.region],
        region_title=REGION_TITLES[place.region],
    )


def website(name: str) -> str:
    """The organisation's site under the reserved ``.example`` domain."""
    short = re.sub(r"\b(of|the|for|and|ltd)\b", " ", name.lower())
    slug = ""
    for word in slugify(short).split("-"):
        if slug and len(slug) + len(word) > 32:
            break
        slug = f"{slug}-{word}" if slug else word
    return f"https://www.{slug}.example/"


# Names that read as common nouns take "the" inside a sentence.
_ARTICLE = re.compile(
    r"^(Faculty|Directorate|Regional Office|Centre|Public Services|Women in|Friends|Open "
    r"Mapping|Community|Inter-American|European|African|Arab|Asia-Pacific|Eurasian)"
)


def org_in_sentence(name: str) -> str:
    return f"the {name}" if _ARTICLE.match(name) else name
