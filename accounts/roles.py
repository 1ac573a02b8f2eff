"""The portal's groups (DESIGN.md, "Roles and permissions")."""

SECRETARIAT = "Secretariat"
EXPERT_GROUP = "Expert Group"
UNGIS_FOCAL_POINT = "UNGIS Focal Point"
# Score the Forum's session proposals (forum.proposals.review); created by a forum migration.
SESSION_REVIEWERS = "Session Reviewers"

ALL_GROUPS = (SECRETARIAT, EXPERT_GROUP, UNGIS_FOCAL_POINT, SESSION_REVIEWERS)

# The Secretariat administers the content of these apps.
SECRETARIAT_APPS = (
    "accounts",
    "forum",
    "prizes",
    "stocktaking",
    "consultations",
    "ungis",
    "account",
)
# Of the portal's shared models, the Secretariat reads the activity log (nobody edits it), and
# it reads the statistics pages of every app.
SECRETARIAT_PORTAL_PERMISSIONS = ("view_activitylog", "view_statistics")
# The permission each statistics page of the admin asks for.
STATISTICS_PERMISSION = "wsis_portal.view_statistics"


def in_group(user, name: str) -> bool:
    if not user.is_authenticated:
        return False
    return user.groups.filter(name=name).exists()
