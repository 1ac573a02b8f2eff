"""Project archetypes of Action Lines C1 to C6.

Per Action Line: archetypes of (title, what it does, the need it answers, a result).
Placeholders: {place}, {country}, {org}, {n} (a count), {pct} (a percentage), {year}.
"""

ARCHETYPES_C1_C6: dict[str, list[tuple[str, str, str, str]]] = {
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
}
