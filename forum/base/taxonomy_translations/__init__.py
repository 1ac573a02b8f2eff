"""Action Line titles, SDG titles and short names, and building blocks in five more languages.

English lives in ``forum.base.taxonomy`` and ``forum.base.building_blocks``; these are the Arabic,
Chinese, French, Russian and Spanish versions, filled into the translation columns by the
data migration 0012 and again by the post_migrate loaders when a flushed database gets
its reference data back. Rows the Secretariat has translated in the admin are left alone.

Sources:
- Action Lines C1-C11: the WSIS Geneva Plan of Action (WSIS-03/GENEVA/DOC/5), section C,
  in its official Arabic, Chinese, French, Russian and Spanish versions; the eight C7
  applications as ITU names them in each language on its WSIS Action Lines pages.
- SDG titles: UN General Assembly resolution 70/1, "Transforming our world: the 2030 Agenda
  for Sustainable Development" (A/RES/70/1), paragraph 59, in its six official languages.
  The English titles stay as seed 001 gives them (the UN's shortened web wording).
- SDG short names: the official SDG icons of the UN Department of Global Communications,
  in the six languages.
- Building blocks: the Forum's session types; UNGIS is "ГООНИО" in Russian, as the group
  names itself there. The French texts follow the French interface catalogue's terms (e.g.
  "Administration électronique" for e-government, as in the Plan d'action de Genève).

One module per kind: ``action_lines``, ``sdgs``, ``building_blocks``; ``fill`` writes them into
the translation columns. The package re-exports them all.
"""

from .action_lines import ACTION_LINE_TITLES, C7_SHORT, C7_SHORT_EN
from .building_blocks import BUILDING_BLOCKS
from .fill import (
    action_line_fill,
    building_block_fill,
    reference_translations_fill,
    sdg_fill,
)
from .languages import LANGUAGES
from .sdgs import SDG_SHORT, SDG_TITLES

__all__ = [
    "ACTION_LINE_TITLES",
    "BUILDING_BLOCKS",
    "C7_SHORT",
    "C7_SHORT_EN",
    "LANGUAGES",
    "SDG_SHORT",
    "SDG_TITLES",
    "action_line_fill",
    "building_block_fill",
    "reference_translations_fill",
    "sdg_fill",
]
