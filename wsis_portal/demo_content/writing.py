"""Project write-ups: sentences drawn from pools around an archetype, and the Goals each
Action Line advances."""

from __future__ import annotations

import random
import re

from .archetypes_c1_c6 import ARCHETYPES_C1_C6
from .archetypes_c7 import ARCHETYPES_C7
from .archetypes_c8_c11 import ARCHETYPES_C8_C11
from .places import Place, org_in_sentence

# Per Action Line: archetypes of (title, what it does, the need it answers, a result).
ARCHETYPES: dict[str, list[tuple[str, str, str, str]]] = {
    **ARCHETYPES_C1_C6,
    **ARCHETYPES_C7,
    **ARCHETYPES_C8_C11,
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
