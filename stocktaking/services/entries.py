"""A stakeholder's entries: drafts, submission, update proposals, and the entry's single
transition function."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from forum.models import SDG, ActionLine
from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from ..caching import CACHE_VERSION_KEY
from ..enums import ENTRY_MOVES, CallKind, EntryStatus, RevisionKind, RevisionStatus
from ..models import Call, Entry, EntryActionLine, EntryRevision, EntrySDG
from ..selectors.calls import open_call

# Fields a stakeholder fills in; the same list drives update proposals and their diffs.
ENTRY_FIELDS = (
    "title",
    "description",
    "organisation",
    "stakeholder_type",
    "country",
    "start_year",
    "website",
    "contact_email",
)


def search_cache_bump() -> None:
    """Invalidate cached facet counts, matrix counts and reports after published data changed."""
    # The cache is an optimisation; a Redis outage must not fail a write.
    with contextlib.suppress(Exception):
        cache.set(CACHE_VERSION_KEY, timezone.now().timestamp(), None)


def _bump_on_commit() -> None:
    transaction.on_commit(search_cache_bump)


def _require_open_call(kind: str) -> Call:
    call = open_call(kind=kind)
    if call is None:
        if kind == CallKind.NEW_ENTRIES:
            raise Refusal("closed", _("No call for new entries is open at the moment."))
        raise Refusal("closed", _("No call for updates is open at the moment."))
    return call


def _require_owner(entry: Entry, user: User) -> None:
    if entry.submitter_id != user.pk:
        raise Refusal("not_owner", _("Only the submitter of this entry can change it."))


def _set_taxonomy(entry: Entry, action_lines: Iterable[Any], sdgs: Iterable[Any]) -> None:
    """Set the entry's Action Lines and SDGs, given as rows or primary keys."""
    al_ids = sorted({al.pk if hasattr(al, "pk") else int(al) for al in action_lines})
    sdg_ids = sorted({s.pk if hasattr(s, "pk") else int(s) for s in sdgs})
    EntryActionLine.objects.filter(entry=entry).exclude(action_line_id__in=al_ids).delete()
    EntrySDG.objects.filter(entry=entry).exclude(sdg_id__in=sdg_ids).delete()
    have_al = set(
        EntryActionLine.objects.filter(entry=entry).values_list("action_line_id", flat=True)
    )
    have_sdg = set(EntrySDG.objects.filter(entry=entry).values_list("sdg_id", flat=True))
    EntryActionLine.objects.bulk_create(
        [EntryActionLine(entry=entry, action_line_id=i) for i in al_ids if i not in have_al]
    )
    EntrySDG.objects.bulk_create(
        [EntrySDG(entry=entry, sdg_id=i) for i in sdg_ids if i not in have_sdg]
    )


def _apply_fields(entry: Entry, data: dict[str, Any]) -> None:
    for name in ENTRY_FIELDS:
        if name in data:
            setattr(entry, name, data[name])
    entry.sync_region()


def _check_taxonomy(action_lines: Iterable[Any], sdgs: Iterable[Any] = ()) -> None:
    if not list(action_lines):
        raise ValidationError({"action_lines": _("Choose at least one WSIS Action Line.")})


@transaction.atomic
def entry_save_draft(
    *,
    user: User,
    data: dict[str, Any],
    action_lines: Iterable[ActionLine],
    sdgs: Iterable[SDG],
    entry: Entry | None = None,
    submit: bool = False,
) -> Entry:
    """Create or edit a draft while a call for new entries is open; ``submit`` sends it on.

    Only the owner edits a draft, and only while it is a draft (submitted entries wait
    for the secretariat; published ones change through ``entry_update_propose``).
    """
    call = _require_open_call(CallKind.NEW_ENTRIES)
    if entry is None:
        entry = Entry(submitter=user, status=EntryStatus.DRAFT)
    else:
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        _require_owner(entry, user)
        if entry.status != EntryStatus.DRAFT:
            raise Refusal("locked", _("This entry is no longer a draft and cannot be edited here."))
    _apply_fields(entry, data)
    entry.call = call
    _check_taxonomy(action_lines, sdgs)
    entry.full_clean()
    entry.save()
    _set_taxonomy(entry, action_lines, sdgs)
    if submit:
        entry_submit(entry=entry, user=user)
        entry.refresh_from_db()
    return entry


@transaction.atomic
def entry_submit(*, entry: Entry, user: User) -> EntryRevision:
    """Send a draft to moderation (a call for new entries must be open)."""
    call = _require_open_call(CallKind.NEW_ENTRIES)
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    _require_owner(entry, user)
    if not entry.action_line_links.exists():
        raise ValidationError({"action_lines": _("Choose at least one WSIS Action Line.")})
    entry_status_change(
        entry=entry, to=EntryStatus.SUBMITTED, call=call, actor=user, action="entry_submit"
    )
    revision = EntryRevision(
        entry=entry, kind=RevisionKind.SUBMISSION, proposed_by=user, data=_snapshot(entry)
    )
    revision.full_clean()
    revision.save()
    return revision


def entry_status_change(
    *,
    entry: Entry,
    to: str,
    actor: User | None = None,
    action: str = "entry_status_change",
    reason: str = "",
    call: Call | None = None,
) -> Entry:
    """The one function that moves an entry's status, along ``ENTRY_MOVES`` only.

    ``actor`` is the person acting (None: the clock); the move and its activity-log row
    are written in the caller's transaction.
    """
    if to not in ENTRY_MOVES[entry.status]:
        raise Refusal(
            "transition",
            _("An entry cannot go from %(old)s to %(new)s.")
            % {"old": entry.get_status_display(), "new": EntryStatus(to).label},
        )
    now = timezone.now()
    also = []
    if to == EntryStatus.SUBMITTED:
        entry.submitted_at = now
        also.append("submitted_at")
        if call is not None:
            entry.call = call
            also.append("call")
    if to == EntryStatus.PUBLISHED:
        entry.published_at = now
        also.append("published_at")
    transition_write(entry, to=to, actor=actor, action=action, reason=reason, also=also, at=now)
    if to == EntryStatus.PUBLISHED:
        _bump_on_commit()
    return entry


def _snapshot(entry: Entry) -> dict[str, Any]:
    """The stakeholder-editable values of an entry, as JSON."""
    data = {name: getattr(entry, name) for name in ENTRY_FIELDS}
    data["country"] = entry.country.code if entry.country else ""
    data["action_lines"] = sorted(
        EntryActionLine.objects.filter(entry=entry).values_list("action_line__code", flat=True)
    )
    data["sdgs"] = sorted(
        EntrySDG.objects.filter(entry=entry).values_list("sdg__number", flat=True)
    )
    return data


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    return {
        key: [before.get(key), after.get(key)] for key in after if before.get(key) != after.get(key)
    }


@transaction.atomic
def entry_update_propose(
    *,
    entry: Entry,
    user: User,
    data: dict[str, Any],
    action_lines: Iterable[ActionLine],
    sdgs: Iterable[SDG],
) -> EntryRevision:
    """Propose new values for a published entry during a call for updates.

    The published entry stays as it is until the secretariat publishes the update; a second
    proposal before that replaces the pending one.
    """
    _require_open_call(CallKind.UPDATES)
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    _require_owner(entry, user)
    if entry.status != EntryStatus.PUBLISHED:
        raise Refusal("locked", _("Only published entries can be updated."))
    _check_taxonomy(action_lines, sdgs)
    # Validate the proposed values on a copy, without touching the published row.
    trial = Entry.objects.get(pk=entry.pk)
    _apply_fields(trial, data)
    trial.full_clean()
    proposed = {name: getattr(trial, name) for name in ENTRY_FIELDS}
    proposed["country"] = trial.country.code
    proposed["action_lines"] = sorted(al.code for al in action_lines)
    proposed["sdgs"] = sorted(s.number for s in sdgs)
    current = _snapshot(entry)
    changes = _diff(current, proposed)
    if not changes:
        # Bad input rather than a rule: the form shows it, like any other field error.
        raise ValidationError(
            _("Nothing has changed: change at least one field to propose an update.")
        )
    revision = EntryRevision.objects.filter(entry=entry, status=RevisionStatus.PENDING).first()
    if revision is None:
        revision = EntryRevision(entry=entry, kind=RevisionKind.UPDATE)
    revision.proposed_by = user
    revision.data = proposed
    revision.changes = changes
    revision.full_clean()
    revision.save()
    return revision
