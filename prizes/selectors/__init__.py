"""Every non-trivial read of the WSIS Prizes contest, one module per part: ``contests``, ``ballot``,
``projects``, ``results``, ``experts`` and the registry's ``portal`` providers. The package
re-exports them all (``from prizes.selectors import results`` keeps working)."""

from .ballot import (
    BallotTile,
    ballot_projects,
    ballot_tiles,
    categories_of,
    shuffle_order,
    voter_choices,
)
from .contests import TimelineStep, contest_by_year, contests_overview, phase, timeline
from .experts import expert_queue, proposed_winners
from .portal import action_line_winners, home_items, matrix_counts, matrix_items, my_sections
from .projects import ballot_project, champions_announced, public_status
from .results import CategoryResult, results

__all__ = [
    "BallotTile",
    "CategoryResult",
    "TimelineStep",
    "action_line_winners",
    "ballot_project",
    "ballot_projects",
    "ballot_tiles",
    "categories_of",
    "champions_announced",
    "contest_by_year",
    "contests_overview",
    "expert_queue",
    "home_items",
    "matrix_counts",
    "matrix_items",
    "my_sections",
    "phase",
    "proposed_winners",
    "public_status",
    "results",
    "shuffle_order",
    "timeline",
    "voter_choices",
]
