"""Which rows are demo data, and removing them all with one command.

A demo row is either a row of a model with an ``is_demo`` flag set, a row recorded in
``DemoRow`` when a seeder created it, or a user whose address is on the demo's reserved
domains. ``demo_remove`` deletes them in an order that respects protected foreign keys and
leaves reference data (Action Lines, Goals, building blocks, UNGIS members) alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TypeVar

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone

from .models import DemoRow

# Every demo account lives on the reserved domain; the older addresses are those of demo
# data seeded before it, so that their removal still finds them.
DEMO_EMAIL_DOMAIN = "demo.wsis.example"
LEGACY_DEMO_EMAILS = [
    r"^demo-voter-[0-9]+@example\.invalid$",
    r"^prizes-demo@example\.invalid$",
    r"^forum-demo-[0-9]+@example\.org$",
]

# Flagged models, deleted first to last (a later one may be protected by an earlier one).
FLAGGED = [
    "forum.NewsItem",
    "stocktaking.Entry",
    "stocktaking.ReportRelease",
    "stocktaking.Call",
    "consultations.Consultation",
    "forum.MatrixLink",
]
# Models whose demo rows are recorded in DemoRow, deleted in this order; editions last,
# because contests, consultations, sessions and events point to them.
MARKED = [
    "prizes.Contest",
    "forum.Event",
    "forum.Session",
    "forum.Partner",
    "forum.Registration",
    "forum.Person",
    "ungis.Meeting",
    "forum.Edition",
]


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_EMAIL_DOMAIN}"


def demo_users_q() -> Q:
    q = Q(email__iendswith=f"@{DEMO_EMAIL_DOMAIN}")
    for pattern in LEGACY_DEMO_EMAILS:
        q |= Q(email__iregex=pattern)
    return q


def demo_mark(objects: Iterable[models.Model]) -> None:
    """Record rows a seeder has just created as demo rows."""
    rows = [
        DemoRow(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)
        for obj in objects
    ]
    DemoRow.objects.bulk_create(rows, ignore_conflicts=True)


M = TypeVar("M", bound=models.Model)


def demo_get_or_create(model: type[M], **kwargs: Any) -> tuple[M, bool]:
    """``get_or_create`` that marks the row as demo data when it creates it."""
    obj, created = model._default_manager.get_or_create(**kwargs)
    if created:
        demo_mark([obj])
        # Demo editions, contests, calls and consultations are public, not drafts.
        if getattr(obj, "published_at", False) is None:
            type(obj)._default_manager.filter(pk=obj.pk).update(published_at=timezone.now())
            setattr(obj, "published_at", timezone.now())  # noqa: B010 (not every model has it)
    return obj, created


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def _delete(queryset: models.QuerySet) -> tuple[int, int]:
    """Delete ``queryset``; rows that real data still protects are kept. (deleted, kept)."""
    try:
        return queryset.delete()[1].get(queryset.model._meta.label, 0), 0
    except ProtectedError:
        deleted = kept = 0
        for obj in queryset:
            try:
                with transaction.atomic():
                    obj.delete()
                deleted += 1
            except ProtectedError:
                kept += 1
        return deleted, kept


def demo_counts() -> dict[str, int]:
    """How many demo rows of each kind there are."""
    counts: dict[str, int] = {}
    for label in FLAGGED:
        model = _model(label)
        if model is not None:
            counts[label] = model._default_manager.filter(is_demo=True).count()
    for label in MARKED:
        model = _model(label)
        if model is not None:
            ct = ContentType.objects.get_for_model(model)
            pks = DemoRow.objects.filter(content_type=ct).values("object_id")
            counts[label] = model._default_manager.filter(pk__in=pks).count()
    counts["accounts.User"] = get_user_model().objects.filter(demo_users_q()).count()
    return counts


def _mark_legacy() -> None:
    """Mark the demo rows of a database seeded before rows were marked, by the placeholders
    that seeding left in them, so that one ``--remove`` also clears those."""
    Project = apps.get_model("prizes.Project")
    legacy = Project.objects.filter(submitter__email__iregex=LEGACY_DEMO_EMAILS[1])
    demo_mark(apps.get_model("prizes.Contest").objects.filter(projects__in=legacy).distinct())
    demo_mark(
        apps.get_model("forum.Session").objects.filter(description__endswith="Demonstration data.")
    )
    for label in ("forum.Person", "forum.Partner"):
        demo_mark(apps.get_model(label).objects.filter(organisation__endswith="(demo)"))
    demo_mark(apps.get_model("forum.Edition").objects.filter(theme__endswith="(demo)"))


@transaction.atomic
def demo_remove() -> dict[str, tuple[int, int]]:
    """Delete every demo row; returns (deleted, kept) per model label."""
    report: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    _mark_legacy()
    Consultation = _model("consultations.Consultation")
    if Consultation is not None:
        demo_consultations = Consultation._default_manager.filter(is_demo=True)
        # Submissions and nominations protect their consultation; on a demo consultation
        # they are demo content too.
        for label in ("consultations.Submission", "consultations.Nomination"):
            model = _model(label)
            if model is not None:
                report[label] = _delete(
                    model._default_manager.filter(consultation__in=demo_consultations)
                )
    for label in FLAGGED:
        model = _model(label)
        if model is not None:
            report[label] = _delete(model._default_manager.filter(is_demo=True))
    marked = defaultdict(list)
    for content_type_id, object_id in DemoRow.objects.values_list("content_type", "object_id"):
        marked[content_type_id].append(object_id)
    users = get_user_model().objects.filter(demo_users_q())
    for label in MARKED:
        model = _model(label)
        if model is None:
            continue
        if label == "forum.Edition":
            # Accounts go before editions: their registrations point to an edition.
            report["accounts.User"] = _delete(users)
        ct = ContentType.objects.get_for_model(model)
        rows = model._default_manager.filter(pk__in=marked.get(ct.pk, []))
        if label == "prizes.Contest":
            # A project protects its category, which the contest's deletion would cascade to.
            Project = apps.get_model("prizes.Project")
            report["prizes.Project"] = _delete(Project.objects.filter(contest__in=rows))
        report[label] = _delete(rows)
    # Marks of rows that are gone; a row kept because real data needs it keeps its mark.
    for content_type_id, ids in marked.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        alive = (
            set(model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
            if model
            else set()
        )
        DemoRow.objects.filter(content_type_id=content_type_id).exclude(
            object_id__in=alive
        ).delete()
    return dict(report)
