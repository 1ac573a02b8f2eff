"""Every non-trivial read of the WSIS Prizes contest, one module per part: ``contests``, ``ballot``,
``projects``, ``results``, ``tally``, ``experts`` and the registry's ``portal`` providers. The package
re-exports them all (``from prizes.selectors import results`` keeps working)."""

from .ballot import (
    BallotTile,
    ballot_projects,
    ballot_tiles,
    categories_of,
    shuffle_order,
    voter_choices,
)
from .contests import (
    TimelineStep,
    contest_by_year,
    contests_overview,
    phase,
    phase_of,
    timeline,
)
from .experts import expert_can_score, expert_queue, proposed_winners
from .portal import (
    action_line_winners,
    home_items,
    home_next_change,
    matrix_counts,
    matrix_items,
    my_sections,
)
from .projects import (
    ballot_project,
    champions_announced,
    contest_project,
    contest_project_or_none,
    own_project,
    project_attachment,
    public_status,
    submitter_projects,
)
from .results import CategoryResult, results
from .rules import ALREADY_VOTED, phase_require_open, project_require_editable, vote_check
from .tally import complete_ballot_counts, tally_counts

__all__ = [
    "ALREADY_VOTED",
    "BallotTile",
    "CategoryResult",
    "TimelineStep",
    "action_line_winners",
    "ballot_project",
    "ballot_projects",
    "ballot_tiles",
    "categories_of",
    "champions_announced",
    "complete_ballot_counts",
    "contest_by_year",
    "contest_project",
    "contest_project_or_none",
    "contests_overview",
    "expert_can_score",
    "expert_queue",
    "home_items",
    "home_next_change",
    "matrix_counts",
    "matrix_items",
    "my_sections",
    "own_project",
    "phase",
    "phase_of",
    "phase_require_open",
    "project_attachment",
    "project_require_editable",
    "proposed_winners",
    "public_status",
    "results",
    "shuffle_order",
    "submitter_projects",
    "tally_counts",
    "timeline",
    "vote_check",
    "voter_choices",
]
