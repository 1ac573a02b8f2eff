"""The Secretariat's decisions on pending revisions (publish or reject)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from forum.models import SDG, ActionLine
from wsis_portal import outbox
from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from ..emails import REVISION_DECIDED
from ..enums import EntryStatus, RevisionKind, RevisionStatus
from ..models import Entry, EntryRevision
from .entries import (
    _apply_fields,
    _bump_on_commit,
    _diff,
    _set_taxonomy,
    _snapshot,
    entry_status_change,
)


@transaction.atomic
def revision_publish(*, revision: EntryRevision, by: User, reason: str = "") -> EntryRevision:
    """Publish a pending submission or apply a pending update; the submitter is emailed."""
    revision = _lock_pending(revision)
    entry = Entry.objects.select_for_update().get(pk=revision.entry_id)
    if revision.kind == RevisionKind.SUBMISSION:
        entry_status_change(
            entry=entry,
            to=EntryStatus.PUBLISHED,
            actor=by,
            action="revision_publish",
            reason=reason,
        )
        revision.changes = {}
    else:
        before = _snapshot(entry)
        data = revision.data
        _apply_fields(entry, data)
        entry.full_clean()
        entry.save()
        codes = data.get("action_lines", before["action_lines"])
        numbers = data.get("sdgs", before["sdgs"])
        _set_taxonomy(
            entry,
            ActionLine.objects.filter(code__in=codes).values_list("pk", flat=True),
            SDG.objects.filter(number__in=numbers).values_list("pk", flat=True),
        )
        revision.changes = _diff(before, _snapshot(entry))
        _bump_on_commit()
    return revision_status_change(
        revision=revision,
        to=RevisionStatus.PUBLISHED,
        by=by,
        action="revision_publish",
        reason=reason,
    )


@transaction.atomic
def revision_reject(*, revision: EntryRevision, by: User, reason: str) -> EntryRevision:
    """Reject a pending submission or update, with a reason the submitter is sent."""
    if not reason.strip():
        raise Refusal("reason", _("Give the submitter a reason for the rejection."))
    revision = _lock_pending(revision)
    if revision.kind == RevisionKind.SUBMISSION:
        entry = Entry.objects.select_for_update().get(pk=revision.entry_id)
        entry_status_change(
            entry=entry, to=EntryStatus.REJECTED, actor=by, action="revision_reject", reason=reason
        )
    return revision_status_change(
        revision=revision,
        to=RevisionStatus.REJECTED,
        by=by,
        action="revision_reject",
        reason=reason,
    )


def _lock_pending(revision: EntryRevision) -> EntryRevision:
    locked = EntryRevision.objects.select_for_update().get(pk=revision.pk)
    if locked.status != RevisionStatus.PENDING:
        raise Refusal("decided", _("This item has already been decided."))
    return locked


def revision_status_change(
    *, revision: EntryRevision, to: str, by: User, action: str, reason: str
) -> EntryRevision:
    """The one function that decides a pending revision (published or rejected), with the
    activity-log row, and tells the submitter once the decision is committed."""
    if revision.status != RevisionStatus.PENDING or to == RevisionStatus.PENDING:
        raise Refusal("decided", _("This item has already been decided."))
    revision.decided_by = by
    revision.decided_at = timezone.now()
    revision.reason = reason.strip()
    revision.full_clean(exclude=["status"])
    transition_write(
        revision,
        to=to,
        actor=by,
        action=action,
        reason=revision.reason,
        also=["decided_by", "decided_at", "reason", "changes"],
        at=revision.decided_at,
    )
    outbox.add(
        purpose=REVISION_DECIDED,
        obj=revision,
        to=revision.entry.submitter or revision.proposed_by,
    )
    return revision
