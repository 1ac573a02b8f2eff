"""Believable, varied text for the demo: places, organisations and project write-ups.

Every prize project and stocktaking entry of the demo is composed here from an archetype of
its Action Line (what the project does), a place in one of the six ITU regions, an
organisation of one of the six stakeholder types and a few sentences drawn from pools, so
that no two read alike. Organisations are invented and their sites use the reserved
``.example`` top-level domain (RFC 2606): no real organisation's site is ever linked.

``places`` holds the places and organisations, ``writing`` the write-ups, and the
``archetypes_*`` modules the archetypes of each group of Action Lines.
"""

from .places import (
    ACTION_LINE_TYPES,
    BRANDS,
    ORG_FIELDS,
    ORG_PATTERNS,
    PLACES,
    REGION_NAMES,
    REGION_TITLES,
    REGIONS,
    STAKEHOLDER_TYPES,
    Place,
    org_in_sentence,
    organisation,
    places,
    stakeholder_for,
    website,
)
from .writing import (
    ACTION_LINE_SDGS,
    ARCHETYPES,
    DESIGN,
    EXTRA,
    INTROS,
    NEXT,
    OPENNESS,
    PARTNERS,
    sdgs_for,
    short_summary,
    write_up,
)

__all__ = [
    "ACTION_LINE_SDGS",
    "ACTION_LINE_TYPES",
    "ARCHETYPES",
    "BRANDS",
    "DESIGN",
    "EXTRA",
    "INTROS",
    "NEXT",
    "OPENNESS",
    "ORG_FIELDS",
    "ORG_PATTERNS",
    "PARTNERS",
    "PLACES",
    "REGIONS",
    "REGION_NAMES",
    "REGION_TITLES",
    "STAKEHOLDER_TYPES",
    "Place",
    "org_in_sentence",
    "organisation",
    "places",
    "sdgs_for",
    "short_summary",
    "stakeholder_for",
    "website",
    "write_up",
]
