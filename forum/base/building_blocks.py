"""The WSIS Forum's building blocks (session types), from the Forum 2017 briefing (seed 002).

Reference data loaded by a data migration; the secretariat may edit or add rows in the admin.
"""

from django.utils.translation import gettext_noop as _

# (slug, name) in the order of the briefing.
BUILDING_BLOCKS: list[tuple[str, str]] = [
    ("policy-statements", _("Policy Statements")),
    ("wsis-prizes", _("WSIS Prizes")),
    ("action-line-facilitators-meeting", _("Action Line Facilitators Meeting")),
    ("ministerial-round-table", _("Ministerial Round Table")),
    ("action-line-facilitation-meetings", _("Action Line Facilitation Meetings")),
    ("interactive-sessions", _("Interactive Sessions")),
    ("country-workshops", _("Country Workshops")),
    ("thematic-workshops", _("Thematic Workshops")),
    ("knowledge-exchange", _("Knowledge Exchange")),
    ("exhibition", _("Exhibition")),
    ("ungis", _("UNGIS")),
    ("un-regional-commissions", _("UN Regional Commissions")),
    ("innovations", _("Innovations")),
    ("icts-and-sustainable-development", _("ICTs and Sustainable Development")),
    ("partnerships", _("Partnerships")),
    ("hackathon", _("Hackathon")),
    ("tedx", _("TEDx")),
    ("virtual-reality-for-sdgs", _("Virtual Reality for SDGs")),
]
