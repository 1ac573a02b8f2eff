"""Reads of an edition's High-Level Track: themes, their policy sessions and facilitators."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from ..enums import DocumentKind, SessionRole
from ..models import Edition, HighLevelTheme, OutcomeDocument, Person, Session, SessionPerson
from ..proposals.visibility import programme_public_q


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
    # The rule of every public read of sessions: an accepted proposal placed in a theme stays
    # hidden until the Secretariat publishes its call's programme.
    sessions = (
        Session.objects.filter(programme_public_q())
        .select_related("edition")
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


@dataclass(frozen=True)
class Facilitator:
    """A High-Level Track facilitator and the themes of the sessions they facilitate."""

    person: Person
    themes: list[str]


def published_hlt_facilitators(*, edition: Edition) -> list[Facilitator]:
    """The edition's High-Level Track facilitators in the order of the themes, once the
    Secretariat has published them; none while they are a draft (one query, none then)."""
    if edition.hlt_facilitators_published_at is None:
        return []
    roles = (
        SessionPerson.objects.filter(
            role=SessionRole.HLT_FACILITATOR, session__edition_id=edition.pk
        )
        .select_related("person", "session__hlt_theme")
        .order_by("session__hlt_theme__order", "session__starts_at", "order", "pk")
    )
    by_person: dict[int, Facilitator] = {}
    for role in roles:
        theme = role.session.hlt_theme
        found = by_person.setdefault(role.person_id, Facilitator(person=role.person, themes=[]))
        if theme is not None and theme.title not in found.themes:
            found.themes.append(theme.title)
    return list(by_person.values())
