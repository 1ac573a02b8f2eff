from django.db import models
from django.utils.translation import gettext_lazy as _


class CallKind(models.TextChoices):
    NEW_ENTRIES = "new", _("New entries")
    UPDATES = "updates", _("Updates of published entries")


class EntryStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


# The only moves an entry's status may make (entry_status_change enforces it).
ENTRY_MOVES: dict[str, set[str]] = {
    EntryStatus.DRAFT: {EntryStatus.SUBMITTED},
    EntryStatus.SUBMITTED: {EntryStatus.PUBLISHED, EntryStatus.REJECTED},
    EntryStatus.PUBLISHED: set(),
    EntryStatus.REJECTED: set(),
}

# States the owner may still edit (while a call for new entries is open).
EDITABLE_STATES = (EntryStatus.DRAFT,)


class RevisionKind(models.TextChoices):
    SUBMISSION = "submission", _("New entry")
    UPDATE = "update", _("Update of a published entry")


class RevisionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("Relevance")
    NEWEST = "newest", _("Newest first")
    OLDEST = "oldest", _("Oldest first")
    TITLE = "title", _("Title (A to Z)")
