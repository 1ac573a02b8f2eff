"""Project archetypes of Action Lines C8 to C11.

Per Action Line: archetypes of (title, what it does, the need it answers, a result).
Placeholders: {place}, {country}, {org}, {n} (a count), {pct} (a percentage), {year}.
"""

ARCHETYPES_C8_C11: dict[str, list[tuple[str, str, str, str]]] = {
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
