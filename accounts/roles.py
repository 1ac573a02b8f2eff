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
# Of the portal's shared models, the Secretariat reads the activity log (nobody edits it).
SECRETARIAT_PORTAL_PERMISSIONS = ("view_activitylog",)


def in_group(user, name: str) -> bool:
    if not user.is_authenticated:
        return False
    return user.groups.filter(name=name).exists()
