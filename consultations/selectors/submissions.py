"""Reads of the official submissions: private links, one's own, the final brief's figures."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from accounts.enums import StakeholderType
from accounts.models import User
from forum.models import ActionLine

from ..enums import EVENT_KINDS
from ..models import Comment, Consultation, Discussion, Submission, counted_submission_q


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def submission_by_token(*, consultation: Consultation, token: str) -> Submission:
    """The submission whose private edit token this is, or 404 (no one else can open it)."""
    if not token or len(token) > 100:
        raise Http404
    hashed = token_hash(token)
    return get_object_or_404(
        Submission.objects.prefetch_related("action_lines", "sdgs").filter(
            Q(edit_token_hash=hashed) | Q(pending_token_hash=hashed)
        ),
        consultation=consultation,
    )


def submission_of_user(
    *, consultation: Consultation, user: User | AnonymousUser, pk: int
) -> Submission:
    """A submission its signed-in author sent; 404 for anybody else's."""
    return get_object_or_404(
        Submission.objects.prefetch_related("action_lines", "sdgs"),
        consultation=consultation,
        user=user,
        pk=pk,
    )


def counted_submissions(*, consultation: Consultation) -> QuerySet[Submission]:
    return Submission.objects.counted().filter(consultation=consultation)


def final_brief(*, consultation: Consultation) -> dict[str, Any]:
    """The figures of the final brief, computed from submissions and discussions."""
    submissions = counted_submissions(consultation=consultation)
    type_labels = dict(StakeholderType.choices)
    by_type = [
        {"label": type_labels.get(row["stakeholder_type"]) or _("Not stated"), "count": row["n"]}
        for row in submissions.values("stakeholder_type")
        .annotate(n=Count("id"))
        .order_by("-n", "stakeholder_type")
    ]
    from django_countries import countries

    by_country = [
        {"code": row["organisation_country"], "label": countries.name(row["organisation_country"])}
        | {"count": row["n"]}
        for row in submissions.values("organisation_country")
        .annotate(n=Count("id"))
        .order_by("-n", "organisation_country")
    ]
    counted = Q(consultation_submissions__consultation=consultation) & counted_submission_q(
        "consultation_submissions__"
    )
    by_action_line = list(
        ActionLine.objects.annotate(n=Count("consultation_submissions", filter=counted))
        .filter(n__gt=0)
        .order_by("-n", "number")
    )
    themes = list(
        submissions.exclude(thematic_aspects="")
        .order_by("created_at")
        .values("organisation_name", "thematic_aspects")
    )
    innovations = list(
        submissions.exclude(format_innovations="")
        .order_by("created_at")
        .values("organisation_name", "format_innovations")
    )
    regional_inputs = list(
        submissions.filter(input_kind__in=EVENT_KINDS).order_by("event_date", "event_name")
    )
    visible = Comment.objects.filter(discussion__consultation=consultation, is_hidden=False)
    discussion_figures = {
        "discussions": Discussion.objects.filter(consultation=consultation).count(),
        **visible.aggregate(comments=Count("id"), participants=Count("author_id", distinct=True)),
    }
    return {
        "total": submissions.count(),
        "by_type": by_type,
        "by_country": by_country,
        "by_action_line": by_action_line,
        "themes": themes,
        "innovations": innovations,
        "regional_inputs": regional_inputs,
        **discussion_figures,
    }


def my_submissions(*, user: User) -> list[Submission]:
    return list(
        Submission.objects.filter(user=user)
        .select_related("consultation")
        .order_by("-created_at")[:50]
    )
