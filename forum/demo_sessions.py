"""The demo's programme of a Forum week: Monday to Friday, 09:00-18:00 Geneva time, with
parallel sessions in named rooms and people who are never in two places at once.

Sessions are laid out on a grid of (day, slot, room); a room holds one session per slot,
and each slot draws its moderators and speakers from the pool without putting anyone twice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from wsis_portal import demo_content as content

from .demo_sessions_data import FACILITATORS, HIGH_LEVEL, NAMES, POSITIONS, THEMATIC
from .enums import SessionFormat, SessionType

# Rooms of the Forum week: the CICG conference rooms and ITU's own.
PLENARY = "Room 1, CICG"
ROOMS = [
    PLENARY,
    "Room 2, CICG",
    "Rooms 3 & 4, CICG",
    "Rooms 5 & 6, CICG",
    "Popov Room, ITU Tower",
    "Room K, ITU Montbrillant",
]
ONLINE_ROOM = "Online"
# (start hour, minute, length in minutes); the lunch-time slot is shorter.
SLOTS = [(9, 0, 90), (11, 0, 90), (13, 0, 60), (14, 30, 90), (16, 30, 90)]


@dataclass
class Item:
    block: str
    session_type: str
    title: str
    description: str
    codes: list[str] = field(default_factory=list)
    sdgs: list[int] = field(default_factory=list)
    organisers: str = ""
    format: str = SessionFormat.HYBRID
    room: str = ""
    speakers: int = 3


def people_pool(rng: random.Random, count: int = 48) -> list[tuple[str, str, str, str, str]]:
    """(honorific, name, position, organisation, country) of ``count`` invented people."""
    pool: list[tuple[str, str, str, str, str]] = []
    for n in range(min(count, sum(len(v) for v in NAMES.values()))):
        region = content.REGIONS[n % len(content.REGIONS)]
        honorific, name = NAMES[region][n // len(content.REGIONS)]
        place = rng.choice(content.places(region))
        kind = content.STAKEHOLDER_TYPES[len(pool) % len(content.STAKEHOLDER_TYPES)]
        organisation = content.organisation(rng, place, kind)
        pool.append((honorific, name, rng.choice(POSITIONS[kind]), organisation, place.country))
    return pool


def items(rng: random.Random, year: int, line_titles: dict[str, str]) -> list[Item]:
    """Every session of the week, before it is placed in a room and a slot."""
    result = []
    for title, kind, codes, goals in HIGH_LEVEL:
        result.append(
            Item(
                block="ministerial-round-table"
                if kind == SessionType.ROUND_TABLE
                else "policy-statements",
                session_type=kind or SessionType.POLICY_SESSION,
                title=title.replace("2027", str(year)),
                description=(
                    "Ministers, heads of agencies and leaders of the private sector, civil "
                    "society, academia and the technical community deliver short policy "
                    "statements, followed by an exchange with the floor."
                ),
                codes=codes,
                sdgs=goals,
                organisers="ITU, UNESCO, UNDP and UNCTAD",
                room=PLENARY,
                speakers=5,
            )
        )
    for code, agency in FACILITATORS.items():
        line = line_titles[code]
        result.append(
            Item(
                block="action-line-facilitation-meetings",
                session_type=SessionType.ROUND_TABLE,
                title=f"Action Line {code} facilitation meeting: {line}",
                description=(
                    f"The yearly meeting of the stakeholders of Action Line {code} ({line}), "
                    f"facilitated by {agency}. Participants review progress since the last "
                    "Forum, share new initiatives and agree on priorities for the year ahead, "
                    "in light of the Sustainable Development Goals the Action Line serves."
                ),
                codes=[code],
                sdgs=content.ACTION_LINE_SDGS[code][:2],
                organisers=agency,
                speakers=3,
            )
        )
    for n, (block, title, codes, goals) in enumerate(THEMATIC):
        region = content.REGIONS[n % len(content.REGIONS)]
        place = rng.choice(content.places(region))
        stakeholder = content.STAKEHOLDER_TYPES[n % len(content.STAKEHOLDER_TYPES)]
        organiser = content.organisation(rng, place, stakeholder, codes[0])
        session_type = {
            "interactive-sessions": SessionType.INTERACTIVE,
            "knowledge-exchange": SessionType.INTERACTIVE,
            "un-regional-commissions": SessionType.ROUND_TABLE,
            "ungis": SessionType.ROUND_TABLE,
            "action-line-facilitators-meeting": SessionType.ROUND_TABLE,
            "exhibition": SessionType.OTHER,
        }.get(block, SessionType.WORKSHOP)
        result.append(
            Item(
                block=block,
                session_type=session_type,
                title=title,
                description=(
                    f"Organised by {content.org_in_sentence(organiser)}, this session brings "
                    f"together practitioners from {content.REGION_NAMES[region]} and beyond. "
                    "Short presentations of concrete projects open a moderated discussion with "
                    "participants in the room and online; the rapporteur's summary feeds the "
                    "Forum's outcome document."
                ),
                codes=codes,
                sdgs=goals,
                organisers=organiser,
                format=SessionFormat.ONLINE if n % 7 == 3 else SessionFormat.HYBRID,
            )
        )
    for region in content.REGIONS:
        place = rng.choice(content.places(region))
        organiser = content.organisation(rng, place, "government")
        result.append(
            Item(
                block="country-workshops",
                session_type=SessionType.WORKSHOP,
                title=f"Country workshop: local digital services in {place.name}, "
                f"{place.country_name}",
                description=(
                    f"Officials and partners from {place.name} present how public services "
                    "moved online: what worked, what did not, and where cooperation is "
                    "sought."
                ),
                codes=["C1", "C7-EGOV"],
                sdgs=[17, 16],
                organisers=organiser,
                format=SessionFormat.IN_PERSON,
            )
        )
    result.append(
        Item(
            block="wsis-prizes",
            session_type=SessionType.CEREMONY,
            title=f"WSIS Prizes {year} ceremony",
            description=(
                "The winners of the eighteen categories of the WSIS Prizes receive their "
                "awards, and the champions are recognised."
            ),
            codes=["C1"],
            sdgs=[17],
            organisers="ITU",
            room=PLENARY,
            speakers=2,
        )
    )
    result.append(
        Item(
            block="policy-statements",
            session_type=SessionType.CEREMONY,
            title=f"Closing of the WSIS Forum {year} and presentation of the outcomes",
            description="Rapporteurs present the outcomes of the week, followed by the closing.",
            codes=["C1"],
            sdgs=[17],
            organisers="ITU",
            room=PLENARY,
            speakers=3,
        )
    )
    return result


@dataclass
class Placed:
    item: Item
    day: int
    slot: int
    room: str
    people: list[int]


def place(rng: random.Random, week: list[Item], people: int) -> list[Placed]:
    """Put each item in a (day, slot, room) with nobody in two sessions of one slot.

    The opening is on Monday morning, the prize ceremony on Wednesday afternoon and the
    closing on Friday afternoon, all in the plenary room; the rest fill the other cells.
    """
    fixed = {
        week[0].title: (0, 0),
        week[-2].title: (2, 4),
        week[-1].title: (4, 4),
    }
    free = [
        (day, slot, room)
        for day in range(5)
        for slot in range(len(SLOTS))
        for room in ROOMS
        # Nothing runs beside the opening and the closing; lunch-time slots use small rooms.
        if (day, slot) not in {(0, 0), (4, 4)} and not (slot == 2 and room == PLENARY)
    ]
    taken = set(fixed.values())
    plenary = [
        (d, s) for d in range(5) for s in range(len(SLOTS)) if s != 2 and (d, s) not in taken
    ]
    placed: list[Placed] = []
    busy: dict[tuple[int, int], set[int]] = {}
    cells = [c for c in free if not (c[2] == PLENARY and (c[0], c[1]) in taken)]
    rng.shuffle(cells)
    # Deal the cells day by day, so that each day of the week has its share of sessions.
    by_day = [[c for c in cells if c[0] == day] for day in range(5)]
    cells = [row[k] for k in range(max(map(len, by_day))) for row in by_day if k < len(row)]
    online_slots = [
        (d, s) for d in range(5) for s in range(len(SLOTS)) if s != 2 and (d, s) not in taken
    ]
    online = 0
    for item in week:
        if item.title in fixed:
            day, slot = fixed[item.title]
            room = PLENARY
        elif item.room == PLENARY:
            day, slot = plenary.pop(0)
            room = PLENARY
        elif item.format == SessionFormat.ONLINE:
            # At most one online session at a time: "Online" is a single virtual room.
            day, slot = online_slots[(online * 7 + 1) % len(online_slots)]
            online += 1
            room = ONLINE_ROOM
        else:
            day, slot, room = next(c for c in cells if c[2] != PLENARY)
            cells.remove((day, slot, room))
        seen = busy.setdefault((day, slot), set())
        available = [p for p in range(people) if p not in seen]
        chosen = rng.sample(available, min(item.speakers + 2, len(available)))
        seen.update(chosen)
        placed.append(Placed(item, day, slot, room, chosen))
    return placed
