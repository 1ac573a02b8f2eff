"""WSIS-scale demo data for the Forum: a programme of 2,500 sessions in the next edition.

The demo's own week of sessions is repeated in further parallel rooms until the edition
holds the asked-for number: each copy keeps its original's time, building block, type,
format, Action Lines, Goals and people, so every page and export has real content to show.
Idempotent: a second run finds the programme full and adds nothing.
"""

from __future__ import annotations

from typing import Any

from wsis_portal.demo import demo_mark
from wsis_portal.demo_scale import scale_sizes

from .demo_programme import current_edition
from .models import Session, SessionPerson

PARALLEL_ROOM = "Parallel room {}"


def sessions_bulk(*, target: int) -> int:
    """Repeat the next edition's demo sessions until it has ``target``; returns how many."""
    edition = current_edition()
    have = Session.objects.filter(edition=edition).count()
    base = list(
        Session.objects.filter(edition=edition)
        .exclude(room__startswith=PARALLEL_ROOM.format(""))
        .order_by("pk")
        .prefetch_related("action_lines", "sdgs", "roles")
    )
    missing = target - have
    if missing <= 0 or not base:
        return 0
    copies, origins = [], []
    offset = have - len(base)
    for g in range(offset, offset + missing):
        original = base[g % len(base)]
        track = g // len(base) + 1
        copy = Session(
            edition=edition,
            building_block_id=original.building_block_id,
            hlt_theme_id=original.hlt_theme_id,
            session_type=original.session_type,
            title=f"{original.title} ({track + 1})",
            description=original.description,
            starts_at=original.starts_at,
            ends_at=original.ends_at,
            room=PARALLEL_ROOM.format(f"{track}.{g % 12 + 1}"),
            format=original.format,
            remote_participation_url=original.remote_participation_url,
            livestream_url=original.livestream_url,
            registration_required=original.registration_required,
            registration_closes_at=original.registration_closes_at,
            more_info_url=original.more_info_url,
            organisers=original.organisers,
        )
        copies.append(copy)
        origins.append(original)
    Session.objects.bulk_create(copies, batch_size=1000)
    demo_mark(copies)
    lines = Session.action_lines.through
    goals = Session.sdgs.through
    lines.objects.bulk_create(
        lines(session_id=c.pk, actionline_id=a.pk)
        for c, o in zip(copies, origins, strict=True)
        for a in o.action_lines.all()
    )
    goals.objects.bulk_create(
        goals(session_id=c.pk, sdg_id=s.pk)
        for c, o in zip(copies, origins, strict=True)
        for s in o.sdgs.all()
    )
    SessionPerson.objects.bulk_create(
        SessionPerson(session_id=c.pk, person_id=r.person_id, role=r.role, order=r.order)
        for c, o in zip(copies, origins, strict=True)
        for r in o.roles.all()
    )
    return len(copies)


def seed(*, stdout=None, **options: Any) -> None:
    """With ``--scale``: fill the next edition's programme to its number of sessions."""
    sizes = scale_sizes(options)
    if not sizes:
        return
    added = sessions_bulk(target=sizes["sessions"])
    if stdout:
        stdout.write(f"  {added} sessions added to the next edition's programme")
