"""Project archetypes of the eight C7 applications (e-government to e-science).

Per Action Line: archetypes of (title, what it does, the need it answers, a result).
Placeholders: {place}, {country}, {org}, {n} (a count), {pct} (a percentage), {year}.
"""

ARCHETYPES_C7: dict[str, list[tuple[str, str, str, str]]] = {
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
}
