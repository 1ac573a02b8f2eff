"""Reads of an edition's High-Level Track: themes, their policy sessions and facilitators."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from .enums import DocumentKind, SessionRole
from .models import Edition, HighLevelTheme, OutcomeDocument, Session, SessionPerson


@dataclass(frozen=True)
class HighLevelTrack:
    edition: Edition
    themes: list[HighLevelTheme]
    documents: list[OutcomeDocument]

    @property
    def session_count(self) -> int:
        return sum(len(theme.sessions.all()) for theme in self.themes)

    @property
    def is_empty(self) -> bool:
        return not self.themes and not self.documents


def high_level_track(*, edition: Edition) -> HighLevelTrack:
    """Themes in order, each with its sessions by time and their facilitators (4 queries)."""
    facilitators = SessionPerson.objects.filter(role=SessionRole.HLT_FACILITATOR).select_related(
        "person"
    )
    sessions = (
        Session.objects.select_related("edition")
        .order_by("starts_at")
        .prefetch_related(Prefetch("roles", queryset=facilitators, to_attr="facilitator_roles"))
    )
    themes = list(
        HighLevelTheme.objects.filter(edition=edition).prefetch_related(
            Prefetch("sessions", queryset=sessions)
        )
    )
    documents = list(
        OutcomeDocument.objects.filter(edition=edition, kind=DocumentKind.HLT_OUTCOMES)
    )
    return HighLevelTrack(edition=edition, themes=themes, documents=documents)
