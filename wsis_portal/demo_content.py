"""Believable, varied text for the demo: places, organisations and project write-ups.

Every prize project and stocktaking entry of the demo is composed here from an archetype of
its Action Line (what the project does), a place in one of the six ITU regions, an
organisation of one of the six stakeholder types and a few sentences drawn from pools, so
that no two read alike. Organisations are invented and their sites use the reserved
``.example`` top-level domain (RFC 2606): no real organisation's site is ever linked.
"""

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


# Per Action Line: archetypes of (title, what it does, the need it answers, a result).
# Placeholders: {place}, {country}, {org}, {n} (a count), {pct} (a percentage), {year}.
ARCHETYPES: dict[str, list[tuple[str, str, str, str]]] = {
    "C1": [
        (
            "{place} Digital Development Compact",
            "The compact brings the regional administration, operators, universities and "
            "community groups of {place} around one digital development plan with shared "
            "targets and a public dashboard.",
            "Before it, each ministry ran its own ICT pilots, and many duplicated each other or "
            "stopped when their funding ended.",
            "{n} public bodies and companies have signed the compact, and {pct} per cent of "
            "its first-year milestones were met on time.",
        ),
        (
            "Citizens' Assembly on the {place} Digital Strategy",
            "The project ran a citizens' assembly of randomly selected residents of {place} "
            "who reviewed the draft digital strategy and proposed changes to it.",
            "Earlier strategies had been written by experts alone and were little known "
            "outside the capital.",
            "{n} residents took part in the sessions, and most of their recommendations were "
            "adopted in the final strategy.",
        ),
        (
            "{place} ICT Policy Observatory",
            "The observatory tracks how national ICT commitments are implemented in {place} "
            "and publishes a yearly scorecard in plain language.",
            "Commitments made at national level were rarely followed up locally, and civil "
            "society had no data to ask questions.",
            "The scorecard has been cited in {n} parliamentary questions and local budget "
            "debates since its first edition.",
        ),
    ],
    "C2": [
        (
            "{place} Community Broadband Network",
            "A community-owned fibre and fixed-wireless network connects homes, schools and "
            "clinics around {place} that commercial operators had not reached.",
            "Households paid up to a fifth of their income for mobile data, and many villages "
            "had no signal at all.",
            "The network now serves {n} households at a third of the previous price, with "
            "{pct} per cent uptime over the last year.",
        ),
        (
            "Solar-Powered Connectivity Hubs for {place}",
            "Solar-powered hubs in market towns around {place} offer Wi-Fi, device charging "
            "and a small help desk run by trained local staff.",
            "Unreliable electricity made even existing connectivity unusable for much of the day.",
            "{n} people use the hubs each month, and the hubs have run on solar power alone "
            "for {pct} per cent of their opening hours.",
        ),
        (
            "{place} Open Internet Exchange Point",
            "The project set up a neutral internet exchange point in {place} so that local "
            "networks exchange traffic locally instead of through distant hubs.",
            "Local traffic travelled abroad and back, which made services slow and costly.",
            "{n} networks now peer at the exchange, and latency between them fell by {pct} "
            "per cent.",
        ),
    ],
    "C3": [
        (
            "{place} Open Data Portal",
            "The portal publishes budgets, procurement records and service statistics of "
            "{place} as open data with documentation anyone can follow.",
            "Public information was scattered across paper registers and PDF reports that "
            "could not be searched.",
            "{n} datasets are published, and journalists and students have reused them in "
            "more than a hundred stories and theses.",
        ),
        (
            "Libraries as Digital Commons in {place}",
            "Public libraries in {place} were turned into free digital access points with "
            "computers, fast connections and staff trained to help visitors.",
            "Many residents had no computer at home and no place to learn how to look for "
            "reliable information.",
            "The libraries recorded {n} visits to their digital services last year, "
            "{pct} per cent of them by first-time users.",
        ),
        (
            "Accessible Public Information for {place}",
            "The project rewrote the most used public information of {place} in plain "
            "language, sign language video and screen-reader-friendly formats.",
            "Persons with disabilities and people with low literacy could not use most "
            "official information.",
            "{n} documents and forms are now available in accessible formats, and complaints "
            "about them fell by {pct} per cent.",
        ),
    ],
    "C4": [
        (
            "Digital Skills for Older Persons in {place}",
            "Volunteer tutors teach residents over sixty in {place} to use smartphones, "
            "online banking, video calls and public e-services safely.",
            "Older people were increasingly shut out as services moved online, and many relied "
            "on relatives for every transaction.",
            "{n} older persons have completed the course, and {pct} per cent of them now use "
            "at least one e-service on their own.",
        ),
        (
            "{place} Coding Academy for Young Women",
            "A free six-month coding academy in {place} trains young women in web "
            "development and data skills, with mentoring by professionals.",
            "Women held fewer than one in five technical jobs in the local ICT sector.",
            "{n} graduates have completed the academy, and {pct} per cent found work or "
            "further study within six months.",
        ),
        (
            "Teachers' Digital Competence Programme, {place}",
            "The programme trains primary and secondary teachers in {place} to use digital "
            "tools in class and to teach digital citizenship.",
            "Schools had received devices, but most teachers had never been shown how to use "
            "them in lessons.",
            "{n} teachers have been certified, and classroom use of digital resources "
            "rose by {pct} per cent in participating schools.",
        ),
    ],
    "C5": [
        (
            "{place} Cyber Hygiene Clinics for Small Businesses",
            "Free clinics in {place} help small businesses secure their devices, accounts "
            "and online payments, with a hotline for incidents.",
            "Small firms were the main victims of fraud and ransomware, and few could afford "
            "security advice.",
            "{n} businesses have been assisted, and repeat incidents among them fell by "
            "{pct} per cent.",
        ),
        (
            "Online Safety Education in {place} Schools",
            "The project brings age-appropriate lessons on online safety, privacy and "
            "cyberbullying into schools in {place}, with material for parents.",
            "Children were going online younger, and teachers did not know how to respond to "
            "online abuse.",
            "{n} pupils have taken the lessons, and {pct} per cent of schools now have a "
            "designated online safety contact.",
        ),
        (
            "{place} Computer Incident Response Team",
            "The project set up a regional computer incident response team in {place} that "
            "monitors threats and coordinates responses for public institutions.",
            "Public bodies handled incidents alone, and attacks on one were often repeated on "
            "others within days.",
            "The team handled {n} incidents in its first year and cut average recovery time "
            "by {pct} per cent.",
        ),
    ],
    "C6": [
        (
            "{place} Infrastructure Sharing Framework",
            "The framework lets operators share towers, ducts and power in {place} under "
            "published terms agreed with the regulator.",
            "Each operator built its own infrastructure, which kept rural coverage unprofitable.",
            "{n} shared sites are in service, and the cost of extending coverage fell by "
            "{pct} per cent.",
        ),
        (
            "Dig Once Policy for {place}",
            "A dig-once rule requires every road and utility works project in {place} to lay "
            "ducts for fibre, coordinated through an online register of works.",
            "Streets were opened again and again for each network, at great cost and disruption.",
            "{n} kilometres of ducts have been laid at marginal cost since the rule took effect.",
        ),
        (
            "Regulatory Sandbox for Digital Services in {place}",
            "The sandbox lets start-ups test new digital financial and data services in "
            "{place} under supervision before full licensing.",
            "Unclear rules kept innovators away and left consumers without protection.",
            "{n} firms have tested services in the sandbox, and {pct} per cent of them went "
            "on to obtain a licence.",
        ),
    ],
    "C7-EGOV": [
        (
            "{place} One-Stop e-Services Portal",
            "The portal lets residents of {place} apply for certificates, permits and "
            "benefits online or at assisted kiosks, with status tracking by text message.",
            "Residents queued for hours and travelled long distances for simple documents.",
            "{n} applications were filed online last year, and average processing time fell "
            "by {pct} per cent.",
        ),
        (
            "Participatory Budgeting Online in {place}",
            "An online platform lets residents of {place} propose and vote on projects for "
            "part of the municipal budget, with offline voting points.",
            "Residents had little say in local spending and trust in the municipality was low.",
            "{n} residents voted in the last cycle, and {pct} per cent of funded projects "
            "came from neighbourhoods that had never applied before.",
        ),
        (
            "Digital Land Registry for {place}",
            "The project digitised land records in {place} and made them searchable by "
            "owners, courts and banks through a secure online service.",
            "Paper records were incomplete, and land disputes took years to settle.",
            "{n} parcels have been registered, and new disputes fell by {pct} per cent.",
        ),
    ],
    "C7-EBUS": [
        (
            "{place} Artisans' Online Marketplace",
            "An online marketplace lets craftspeople around {place} sell directly to buyers "
            "at home and abroad, with help for photos, payments and shipping.",
            "Artisans depended on middlemen who kept most of the price.",
            "{n} artisans sell on the marketplace, and their average income rose by {pct} "
            "per cent.",
        ),
        (
            "Mobile Payments for Market Traders in {place}",
            "The project equips market traders in {place} with mobile payment tools and "
            "simple digital bookkeeping, with training in their own language.",
            "Traders handled only cash, could not prove their income and had no access to credit.",
            "{n} traders have adopted digital payments, and {pct} per cent of them obtained "
            "their first loan.",
        ),
        (
            "{place} E-Commerce Readiness Programme",
            "The programme helps small manufacturers in {place} put their catalogues online, "
            "meet export rules and use shared logistics.",
            "Small firms lacked the skills and scale to sell online.",
            "{n} firms completed the programme, and {pct} per cent now make online sales "
            "every month.",
        ),
    ],
    "C7-ELEA": [
        (
            "Offline Digital Library for {place} Schools",
            "Low-cost servers in schools around {place} carry textbooks, videos and "
            "exercises that pupils use without an internet connection.",
            "Most schools had no connection and few printed books.",
            "{n} pupils use the libraries, and reading scores in participating schools rose "
            "by {pct} per cent.",
        ),
        (
            "{place} Radio and Mobile Classroom",
            "Lessons broadcast by local radio in {place} are followed up by text-message "
            "quizzes and phone tutoring.",
            "School closures left many children without any lessons for months.",
            "{n} learners take part each term, and {pct} per cent complete the quizzes regularly.",
        ),
        (
            "Open Courseware Consortium of {place}",
            "Universities and colleges of {place} publish their courses as open educational "
            "resources under an open licence, in the local language.",
            "Students could not afford textbooks, and course material was locked away.",
            "{n} courses are online, used by students of {pct} per cent of the region's colleges.",
        ),
    ],
    "C7-EHEA": [
        (
            "{place} Telemedicine Network",
            "The network links rural health centres around {place} to specialists at the "
            "regional hospital by video and store-and-forward consultations.",
            "Patients travelled for a day or more to see a specialist, and many did not go.",
            "{n} teleconsultations have been held, and referrals that needed travel fell by "
            "{pct} per cent.",
        ),
        (
            "Digital Health Records for {place} Clinics",
            "The project introduced an open-source electronic health record in clinics of "
            "{place}, working offline and syncing when a connection is available.",
            "Paper files were lost and patients had to repeat tests at each visit.",
            "{n} patients now have a digital record, and repeated tests fell by {pct} per cent.",
        ),
        (
            "Maternal Health Messages in {place}",
            "Pregnant women and new mothers in {place} receive free voice and text messages "
            "on care, vaccinations and warning signs, in their own language.",
            "Many women did not attend antenatal visits or knew too late that something was wrong.",
            "{n} women are enrolled, and antenatal attendance rose by {pct} per cent among them.",
        ),
    ],
    "C7-EEMP": [
        (
            "{place} Digital Jobs Platform",
            "The platform matches young jobseekers in {place} with online and local work and "
            "offers short courses on the skills employers ask for.",
            "Youth unemployment was high while employers could not find digital skills.",
            "{n} young people found work through the platform, {pct} per cent of them women.",
        ),
        (
            "Remote Work Hubs for {place}",
            "Shared workspaces with reliable power and connectivity let residents of "
            "{place} take on remote work without moving to the capital.",
            "Skilled young people were leaving the region for lack of work.",
            "{n} people work from the hubs, and {pct} per cent of them had been unemployed before.",
        ),
        (
            "Fair Work Standards for Platform Workers in {place}",
            "The project drafted and monitors fair work standards for delivery and "
            "ride-hailing platforms in {place}, with a helpline for workers.",
            "Platform workers had no protection and no way to raise complaints.",
            "{n} workers have used the helpline, and {pct} per cent of their cases were resolved.",
        ),
    ],
    "C7-EENV": [
        (
            "{place} Flood Early Warning System",
            "River sensors and community observers around {place} feed a warning system that "
            "alerts residents by text message, sirens and local radio.",
            "Floods struck with little warning and caused heavy losses every rainy season.",
            "Warnings now reach {n} households, and losses in the last season were {pct} per "
            "cent lower than the ten-year average.",
        ),
        (
            "E-Waste Collection and Repair in {place}",
            "Collection points and repair cafés in {place} give old electronics a second "
            "life and send what cannot be repaired to certified recyclers.",
            "Discarded devices were burnt in the open, harming health and the soil.",
            "{n} tonnes of e-waste were collected, and {pct} per cent of devices were "
            "repaired and reused.",
        ),
        (
            "Air Quality Sensor Network of {place}",
            "Low-cost sensors installed with schools across {place} publish air quality "
            "readings online in real time.",
            "The city had a single monitoring station and residents had no information.",
            "{n} sensors are online, and the data has already shaped new traffic and "
            "heating rules.",
        ),
    ],
    "C7-EAGR": [
        (
            "Market Prices by Text Message for {place} Farmers",
            "Farmers around {place} receive daily market prices, weather forecasts and "
            "advice by text message and can ask questions to agronomists.",
            "Farmers sold at whatever price traders offered and lost crops to the weather.",
            "{n} farmers are subscribed, and their selling prices rose by {pct} per cent on "
            "average.",
        ),
        (
            "{place} Precision Irrigation Pilot",
            "Soil-moisture sensors and a simple app tell smallholders in {place} when and "
            "how much to irrigate.",
            "Water was scarce and fields were irrigated by habit rather than need.",
            "{n} smallholders take part, and water use fell by {pct} per cent with stable yields.",
        ),
        (
            "Digital Cooperative Records for {place} Growers",
            "Cooperatives in {place} record members' deliveries and payments on tablets, "
            "with receipts sent to members' phones.",
            "Paper records caused disputes and delayed payments by weeks.",
            "{n} members are registered, and payment delays fell by {pct} per cent.",
        ),
    ],
    "C7-ESCI": [
        (
            "{place} Research and Education Network",
            "A research and education network connects universities and research "
            "institutes of {place} to each other and to international networks.",
            "Researchers could not exchange large datasets or take part in international projects.",
            "{n} institutions are connected, and their international collaborations rose by "
            "{pct} per cent.",
        ),
        (
            "Citizen Science Biodiversity Platform, {place}",
            "Residents of {place} record plants and animals with a mobile app, and "
            "scientists validate and publish the observations as open data.",
            "Biodiversity data for the region was decades old.",
            "{n} observations have been recorded, {pct} per cent of them validated by experts.",
        ),
        (
            "Shared High-Performance Computing for {place}",
            "A shared computing facility in {place} gives researchers of all local "
            "universities access to high-performance computing and training.",
            "Researchers relied on laptops or costly foreign services for their analyses.",
            "{n} research projects have used the facility, and {pct} per cent of them "
            "published their results.",
        ),
    ],
    "C8": [
        (
            "Indigenous Languages Online in {place}",
            "The project builds keyboards, dictionaries and speech tools for the indigenous "
            "languages of {place}, with speakers as co-authors.",
            "The languages spoken at home had almost no presence online.",
            "{n} entries are in the dictionaries, and {pct} per cent of the schools of the "
            "area use the keyboards.",
        ),
        (
            "{place} Digital Heritage Archive",
            "The archive digitises photographs, recordings and manuscripts held by families "
            "and institutions of {place}, and publishes them with community consent.",
            "Irreplaceable material was decaying in private homes and storerooms.",
            "{n} items have been digitised, and {pct} per cent are open to the public.",
        ),
        (
            "Local Content Creators' Fund, {place}",
            "The fund supports creators in {place} who produce videos, podcasts and games in "
            "local languages, with training and small grants.",
            "Local audiences found almost nothing online in their own languages.",
            "{n} creators have been funded, and {pct} per cent of them now earn an income "
            "from their work.",
        ),
    ],
    "C9": [
        (
            "{place} Community Radio Goes Digital",
            "Community radio stations around {place} were equipped to stream online, publish "
            "podcasts and take listeners' questions by messaging apps.",
            "Stations could only reach listeners within range of an ageing transmitter.",
            "{n} listeners follow the stations online, {pct} per cent of them from the diaspora.",
        ),
        (
            "Fact-Checking Desk for {place}",
            "An independent fact-checking desk in {place} verifies claims circulating "
            "online and publishes its findings in local languages.",
            "False health and election rumours spread faster than any correction.",
            "The desk has published {n} fact checks, and {pct} per cent of the posts it "
            "flagged were corrected or removed.",
        ),
        (
            "Local Newsroom Digital Transition, {place}",
            "The project helps local newspapers in {place} move online with shared tools, "
            "training and a common advertising platform.",
            "Local papers were closing and whole districts had no local news.",
            "{n} newsrooms have moved online, and their readership grew by {pct} per cent.",
        ),
    ],
    "C10": [
        (
            "{place} Charter for Responsible AI in Public Services",
            "A charter and review board ensure that algorithms used by public services in "
            "{place} are documented, tested for bias and open to appeal.",
            "Automated decisions were being introduced with no transparency or recourse.",
            "{n} systems have been reviewed, and {pct} per cent were changed after review.",
        ),
        (
            "Digital Rights Education in {place}",
            "Workshops in {place} teach young people and parents about privacy, consent and "
            "respectful behaviour online.",
            "Young people shared personal data freely and did not know their rights.",
            "{n} participants attended, and {pct} per cent changed their privacy settings "
            "afterwards.",
        ),
        (
            "Ethics Clinic for Tech Start-Ups, {place}",
            "An ethics clinic in {place} helps start-ups assess the social impact of their "
            "products before launch.",
            "Young companies had no resources to consider privacy and fairness.",
            "{n} start-ups have used the clinic, and {pct} per cent published an impact statement.",
        ),
    ],
    "C11": [
        (
            "Cross-Border Connectivity Corridor via {place}",
            "Neighbouring countries agreed through this project on a fibre corridor through "
            "{place}, with shared rules on transit and maintenance.",
            "Landlocked areas depended on a single costly international route.",
            "{n} kilometres of cross-border fibre are lit, and wholesale transit prices fell "
            "by {pct} per cent.",
        ),
        (
            "Regional Digital Skills Exchange from {place}",
            "Trainers from {place} and partner cities in the region exchange curricula, "
            "staff and certificates through a common framework.",
            "Each country developed its own courses, and certificates were not recognised abroad.",
            "{n} trainers have taken part in exchanges, and {pct} per cent of certificates "
            "are now recognised across borders.",
        ),
        (
            "South-South Twinning of Municipal IT Offices, {place}",
            "The municipal IT office of {place} is twinned with peers in other regions to "
            "share open-source software and practice.",
            "Small municipalities paid for the same systems again and again.",
            "{n} municipalities share software through the twinning, saving {pct} per cent "
            "of licence costs.",
        ),
    ],
}

INTROS = [
    "{Org} has led this initiative since {year}.",
    "{Org} started the project in {year} with a small pilot.",
    "The project is run by {org} and began in {year}.",
    "Since {year}, {org} has developed this work step by step.",
    "{Org} launched the initiative in {year} after two years of consultation.",
]
DESIGN = [
    "It was designed with the people it serves: residents took part in every test and their "
    "feedback shaped each version.",
    "Community representatives sit on its steering committee and review its priorities every year.",
    "Before launch, the team held open workshops and surveyed users about what they needed most.",
    "The service was co-designed with women's groups, youth associations and organisations "
    "of persons with disabilities.",
    "Local volunteers were trained as facilitators so that help is available close to home.",
    "A user panel tests every new feature, and the service is translated into the main local "
    "languages.",
]
PARTNERS = [
    "Partners include the regional administration, a national operator and two universities, "
    "which share costs and governance.",
    "It is co-financed by the local government and private partners, with technical support "
    "from a university.",
    "The work relies on a partnership between public bodies, a civil society network and "
    "local companies.",
    "A consortium of public, private and academic partners meets every quarter to steer the work.",
    "Funding comes from a mix of public grants, user fees and contributions from local businesses.",
    "A development bank financed the first phase; the second is funded from the public budget.",
]
OPENNESS = [
    "All software is open source and the documentation is published so that others can adopt it.",
    "The team publishes its data and lessons learned, including what did not work.",
    "An independent evaluation measures its impact each year against published indicators.",
    "It uses open standards, which kept costs low and avoided dependence on a single supplier.",
    "Personal data is kept to a minimum and protected under a published privacy policy.",
    "Its methods have been written up as a toolkit that other regions are already using.",
]
NEXT = [
    "The next phase will extend the service to {other}, where a feasibility study is under way.",
    "In the coming year the team plans to reach {other} and to add new languages.",
    "Authorities in {other} have asked to replicate the model, and a first agreement has "
    "been signed.",
    "The team now works with the national government to turn the pilot into lasting policy "
    "and to scale it to {other}.",
    "Next, it will train local staff in {other} so that they can run the service themselves.",
]
EXTRA = [
    "Women make up more than half of its users, which was a goal from the start.",
    "Running costs are covered by modest fees from institutions, while individuals use the "
    "service for free.",
    "The project received a national innovation award last year.",
    "Help is also available by telephone for people who do not use the internet.",
    "Young technicians from the area maintain the equipment, which created local jobs.",
    "Each site reports its figures monthly, and the results are shown on a public page.",
]


# Counts of institutions or kilometres are small; counts of people are large.
_SMALL_UNITS = re.compile(
    r"\{n\} (kilometres|tonnes|networks|institutions|sensors|firms|newsrooms|municipalities|"
    r"systems|public bodies|start-ups|creators|courses|research projects|shared sites|"
    r"incidents|datasets|documents|trainers|businesses|teachers|entries)|in \{n\} parl"
)
_SMALL = [14, 17, 23, 28, 36, 42, 57, 64, 85, 112, 140]
_LARGE = [380, 640, 950, 1200, 1850, 2600, 3400, 5400, 8200, 12500, 21000]


def _words(text: str) -> int:
    return len(text.split())


def _fill(template: str, facts: dict) -> str:
    return template.format(**facts)


def write_up(
    rng: random.Random,
    *,
    action_line: str,
    archetype: int,
    place: Place,
    org: str,
    year: int,
    other: str,
    min_words: int = 150,
    max_words: int = 200,
) -> tuple[str, str]:
    """A (title, description) for a project of ``action_line``; the description's length
    is between ``min_words`` and ``max_words``."""
    title, does, need, result = ARCHETYPES[action_line][archetype % len(ARCHETYPES[action_line])]
    facts = {
        "place": place.name,
        "country": place.country_name,
        "org": org_in_sentence(org),
        "Org": org_in_sentence(org)[:1].upper() + org_in_sentence(org)[1:],
        "year": year,
        "other": other,
        "n": f"{rng.choice(_SMALL if _SMALL_UNITS.search(result) else _LARGE):,}",
        "pct": rng.choice([18, 22, 27, 31, 35, 40, 46, 52, 61, 68, 74, 83, 91]),
    }
    if result.startswith("{n}"):
        lead = ["So far, ", "To date, ", "In total, "] if re.search(r" ha(ve|s) ", result) else []
        result = rng.choice(lead or ["In total, "]) + result
    # The first sentence says what the project does, so that it serves as a summary.
    core = [does, need, rng.choice(INTROS), result]
    optional = [
        rng.choice(DESIGN),
        rng.choice(PARTNERS),
        rng.choice(OPENNESS),
        rng.choice(NEXT),
    ]
    extras = rng.sample(EXTRA, len(EXTRA)) + rng.sample(DESIGN, len(DESIGN))
    sentences = [_fill(s, facts) for s in [*core, *optional]]
    text = " ".join(sentences)
    while _words(text) > max_words and len(sentences) > 4:
        sentences.pop(rng.randrange(4, len(sentences)))
        text = " ".join(sentences)
    for extra in extras:
        if _words(text) >= min_words:
            break
        candidate = " ".join([*sentences[:-1], extra, sentences[-1]])
        if _words(candidate) <= max_words and extra not in sentences:
            sentences.insert(len(sentences) - 1, extra)
            text = candidate
    return _fill(title, facts), text


def short_summary(rng: random.Random, *, action_line: str, archetype: int, place: Place) -> str:
    """Two sentences for a stocktaking entry: what it does and the need it answers."""
    _title, does, need, _result = ARCHETYPES[action_line][archetype % 3]
    facts = {"place": place.name, "country": place.country_name}
    return f"{does.format(**facts)} {need.format(**facts)}"


# The Goals a project of each Action Line most plausibly advances (first one always kept).
ACTION_LINE_SDGS = {
    "C1": [17, 16, 9],
    "C2": [9, 17, 10],
    "C3": [16, 4, 10],
    "C4": [4, 5, 8],
    "C5": [16, 9, 8],
    "C6": [9, 17, 16],
    "C7-EGOV": [16, 11, 10],
    "C7-EBUS": [8, 9, 1],
    "C7-ELEA": [4, 10, 5],
    "C7-EHEA": [3, 5, 10],
    "C7-EEMP": [8, 5, 10],
    "C7-EENV": [13, 11, 12],
    "C7-EAGR": [2, 1, 15],
    "C7-ESCI": [9, 4, 17],
    "C8": [4, 10, 11],
    "C9": [16, 10, 5],
    "C10": [16, 10, 9],
    "C11": [17, 9, 10],
}


def sdgs_for(rng: random.Random, action_line: str) -> list[int]:
    first, *rest = ACTION_LINE_SDGS[action_line]
    return [first, *rng.sample(rest, rng.randint(0, len(rest)))]
