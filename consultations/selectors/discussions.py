"""Reads of the online discussions: topics, comments, flags and subscriptions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.models import User
from wsis_portal.search import MultilingualSearchQuery, search_document

from ..models import (
    Comment,
    CommentDelivery,
    CommentFlag,
    Consultation,
    Discussion,
    Subscription,
)


def discussions_of(
    *, consultation: Consultation, language: str | None = None, text: str = ""
) -> QuerySet[Discussion]:
    """Topics with their number of visible comments, newest first (one query per page).

    ``text`` keeps the topics whose title, opening text or a visible comment contains it, in
    any of the six languages (Chinese included: wsis_portal/search.py).
    """
    topics = consultation.discussions.annotate(
        comment_count=Count("comments", filter=Q(comments__is_hidden=False))
    ).order_by("-created_at", "-pk")
    if language:
        topics = topics.filter(language=language)
    text = text.strip()
    if text:
        topics = topics.filter(
            Q(pk__in=_discussions_matching(text)) | Q(pk__in=_comment_discussions_matching(text))
        )
    return topics


def _discussions_matching(text: str) -> QuerySet[Any, Any]:
    if connection.vendor != "postgresql":
        return Discussion.objects.filter(Q(title__icontains=text) | Q(body__icontains=text)).values(
            "pk"
        )
    return (
        Discussion.objects.annotate(document=search_document("title", "body"))
        .filter(document=MultilingualSearchQuery(text))
        .values("pk")
    )


def _comment_discussions_matching(text: str) -> QuerySet[Any, Any]:
    visible = Comment.objects.filter(is_hidden=False)
    if connection.vendor != "postgresql":
        return visible.filter(body__icontains=text).values("discussion_id")
    return (
        visible.annotate(document=search_document("body"))
        .filter(document=MultilingualSearchQuery(text))
        .values("discussion_id")
    )


def discussion_get(*, consultation: Consultation, pk: int) -> Discussion:
    return get_object_or_404(discussions_of(consultation=consultation), pk=pk)


def discussion_comments(*, discussion: Discussion, newest_first: bool) -> QuerySet[Comment]:
    """Top-level comments in the chosen order, each with its replies (oldest first)."""
    order = ["-created_at", "-pk"] if newest_first else ["created_at", "pk"]
    replies = Comment.objects.select_related("author__profile").order_by("created_at", "pk")
    return (
        discussion.comments.filter(parent__isnull=True)
        .select_related("author__profile")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by(*order)
    )


def comment_reply_target(*, discussion: Discussion, pk: int) -> Comment | None:
    """The comment of this topic a reply answers, or None when it no longer exists."""
    return Comment.objects.filter(pk=pk, discussion=discussion).first()


def comment_of_consultation(*, consultation: Consultation, pk: int) -> Comment:
    """A comment of one of this consultation's topics, with its topic and author, or 404."""
    return get_object_or_404(
        Comment.objects.select_related("discussion", "author__profile"),
        pk=pk,
        discussion__consultation=consultation,
    )


def flagged_comment_ids(*, user: User | AnonymousUser, comment_ids: list[int]) -> set[int]:
    if not user.is_authenticated or not comment_ids:
        return set()
    return set(
        CommentFlag.objects.filter(user=user, comment_id__in=comment_ids).values_list(
            "comment_id", flat=True
        )
    )


def is_subscribed(*, user: User | AnonymousUser, discussion: Discussion) -> bool:
    if not user.is_authenticated:
        return False
    return Subscription.objects.filter(user=user, discussion=discussion).exists()


def is_subscribed_to_consultation(
    *, user: User | AnonymousUser, consultation: Consultation
) -> bool:
    if not user.is_authenticated:
        return False
    return Subscription.objects.filter(
        user=user, consultation=consultation, discussion__isnull=True
    ).exists()


def my_subscriptions(*, user: User) -> list[Subscription]:
    return list(
        Subscription.objects.filter(user=user)
        .select_related("consultation", "discussion", "discussion__consultation")
        .order_by("-created_at")[:50]
    )


def subscriptions_with_pending_comments() -> list[int]:
    """Ids of discussion subscriptions with at least one comment not yet delivered."""
    undelivered = Comment.objects.filter(
        discussion_id=OuterRef("discussion_id"),
        is_hidden=False,
        created_at__gte=OuterRef("created_at"),
    ).exclude(author_id=OuterRef("user_id"))
    undelivered = undelivered.exclude(
        Exists(
            CommentDelivery.objects.filter(
                subscription_id=OuterRef(OuterRef("pk")), comment_id=OuterRef("pk")
            )
        )
    )
    return list(
        Subscription.objects.filter(discussion__isnull=False)
        .filter(Exists(undelivered))
        .values_list("pk", flat=True)
    )
