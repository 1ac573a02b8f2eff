"""Drafts until the Secretariat publishes them (issue 14, item 1).

A contest, consultation, stocktaking call or Forum edition is a draft while ``published_at``
is empty: the public gets 404 for it everywhere, staff see it with a banner (a preview), and
the admin action "Publish" (after its confirmation page) makes it public.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

M = TypeVar("M", bound=models.Model)


class Publishable(models.Model):
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Empty while this is a draft: only staff can see it."),
    )

    class Meta:
        abstract = True

    @property
    def is_draft(self) -> bool:
        return self.published_at is None


def can_preview(user: Any) -> bool:
    """Staff preview drafts; everyone else (anonymous, stakeholders, experts) never sees one."""
    return bool(user is not None and getattr(user, "is_active", False) and user.is_staff)


def visible(queryset: QuerySet[M], user: Any = None) -> QuerySet[M]:
    """The rows this person may see: published ones, and drafts too for staff."""
    if can_preview(user):
        return queryset
    return queryset.filter(published_at__isnull=False)


def published_q(prefix: str = "") -> models.Q:
    """Filter for a related model's rows, e.g. ``published_q("contest__")``."""
    return models.Q(**{f"{prefix}published_at__isnull": False})


def publish(*, queryset: QuerySet, by: Any = None, now: Any = None) -> int:
    """Publish the drafts among ``queryset``; already published rows keep their date.

    Each row goes through the activity log's transition (saved, not updated in bulk), so
    the change is logged and post_save handlers run (they invalidate caches of open calls).
    """
    # Imported here: this module is imported by models modules while apps load.
    from .activity import transition_write

    now = now or timezone.now()
    count = 0
    for obj in queryset.filter(published_at__isnull=True):
        transition_write(obj, field="published_at", to=now, actor=by, action="publish", at=now)
        count += 1
    return count


def unpublish(*, queryset: QuerySet, by: Any, reason: str, now: Any = None) -> int:
    """Take the published rows among ``queryset`` back to draft (the public gets 404 again).

    A reason is required: the public loses a page it may have linked to, and the log says
    why. Each row goes through the activity log's transition, as ``publish`` does.
    """
    from .activity import transition_write
    from .refusals import Refusal

    if not reason.strip():
        raise Refusal(
            "reason",
            _("Give a reason to take it back to draft: the activity log keeps it."),
        )
    now = now or timezone.now()
    count = 0
    for obj in queryset.filter(published_at__isnull=False):
        transition_write(
            obj,
            field="published_at",
            to=None,
            actor=by,
            action="unpublish",
            reason=reason.strip(),
            at=now,
        )
        count += 1
    return count


def mark_preview(request: HttpRequest, obj: Any) -> Any:
    """Note that the page shows a draft (to staff): the base template shows the banner."""
    if getattr(obj, "published_at", True) is None:
        request.draft_preview = obj  # type: ignore[attr-defined]
    return obj


def publishable_models() -> list[type[models.Model]]:
    """Every installed model with drafts (found through the app registry, not imported)."""
    from django.apps import apps

    return [m for m in apps.get_models() if issubclass(m, Publishable)]
