"""Reads of single entries and of a user's entries, and the published set every list starts from."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import User
from forum.models import SDG, ActionLine

from ..enums import EntryStatus, RevisionStatus
from ..models import Entry, EntryRevision

# Columns a result card shows; the long description is cut in the template.
CARD_FIELDS = (
    "id",
    "title",
    "organisation",
    "country",
    "region",
    "stakeholder_type",
    "start_year",
    "is_success_story",
    "published_at",
    "description",
)


def published_entries() -> QuerySet[Entry]:
    return Entry.objects.filter(status=EntryStatus.PUBLISHED)


def with_taxonomy(qs: QuerySet[Entry]) -> QuerySet[Entry]:
    return qs.prefetch_related(
        Prefetch(
            "action_lines",
            queryset=ActionLine.objects.only("id", "code", "title", "short_name"),
        ),
        Prefetch("sdgs", queryset=SDG.objects.only("id", "number", "title", "short_name")),
    )


def entry_for_viewer(*, entry_id: int, user: User | AnonymousUser) -> Entry:
    """An entry page: published entries for everyone; others only for their submitter."""
    entry = (
        with_taxonomy(Entry.objects.select_related("call").defer("search_vector"))
        .filter(pk=entry_id)
        .first()
    )
    if entry is None:
        raise Http404(_("There is no entry with this number."))
    if entry.status == EntryStatus.PUBLISHED:
        return entry
    if user.is_authenticated and (entry.submitter_id == user.pk or user.is_staff):
        return entry
    raise Http404(_("There is no published entry with this number."))


def last_decision(*, entry: Entry) -> EntryRevision | None:
    """The secretariat's latest decision on an entry (shown to its owner with the reason)."""
    return (
        EntryRevision.objects.filter(entry=entry)
        .exclude(status=RevisionStatus.PENDING)
        .order_by("-decided_at", "-id")
        .first()
    )


def pending_update(*, entry: Entry) -> EntryRevision | None:
    return EntryRevision.objects.filter(entry=entry, status=RevisionStatus.PENDING).first()


def pending_update_initial(*, revision: EntryRevision) -> dict[str, Any]:
    """A pending update's data as the edit form's initial values (codes become objects)."""
    initial = dict(revision.data)
    initial["action_lines"] = list(
        ActionLine.objects.filter(code__in=revision.data.get("action_lines", []))
    )
    initial["sdgs"] = list(SDG.objects.filter(number__in=revision.data.get("sdgs", [])))
    return initial


def entries_of_user(*, user: User) -> list[Entry]:
    """The signed-in user's entries with their status and whether an update awaits moderation."""
    pending = EntryRevision.objects.filter(status=RevisionStatus.PENDING, kind="update")
    return list(
        Entry.objects.filter(submitter=user)
        .defer("search_vector", "description")
        .annotate(pending_updates=Count("revisions", filter=Q(revisions__in=pending)))
        .order_by("-updated_at")
    )
