"""Extension points that let the base pages show what the domain apps own.

The base (``forum``, ``accounts``) never imports a domain app (DESIGN.md, dependency rule).
Each domain app registers its providers in ``AppConfig.ready``; the home page, ``/my/``,
the matrix, the beat tick and ``seed_demo`` read them from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.functional import Promise

# A label shown to people: a str, or a lazily translated one.
Label = str | Promise


@dataclass(frozen=True)
class OpenItem:
    """Something a visitor can do now, or a deadline coming up, for the home page."""

    process: str
    title: str
    url: str
    action: str = ""
    deadline: datetime | None = None
    opens_at: datetime | None = None


@dataclass(frozen=True)
class MySection:
    """One block of the signed-in user's ``/my/`` page."""

    title: str
    items: list[Any]
    template_name: str
    empty_text: str = ""
    links: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class MatrixItem:
    kind: str
    title: str
    url: str
    subtitle: str = ""


@dataclass(frozen=True)
class MatrixSource:
    """Content tagged with Action Line-SDG pairs.

    ``counts()`` returns {(action_line_code, sdg_number): n} in a fixed number of queries;
    ``items(action_line, sdg, limit)`` returns the items of one cell.
    """

    label: Label
    counts: Callable[[], dict[tuple[str, int], int]]
    items: Callable[[Any, Any, int], list[MatrixItem]]


@dataclass(frozen=True)
class ActionLineSection:
    """A block on an Action Line page (facilitators, entries, categories...)."""

    title: Label
    template_name: str
    context: Callable[[Any], dict[str, Any]]


@dataclass(frozen=True)
class DashboardRow:
    """One line of a dashboard panel: a phase opening or closing, for instance."""

    label: str
    at: datetime | None
    url: str
    note: Label = ""


@dataclass(frozen=True)
class DashboardFigure:
    """What a dashboard source reads: how many wait, since when, and the lines to show."""

    count: int
    oldest: datetime | None = None
    rows: list[DashboardRow] = field(default_factory=list)


@dataclass(frozen=True)
class DashboardSource:
    """A panel of the admin home's "needs action now" (issue 14, item 5).

    ``permission`` ("app.codename") decides who sees it, before anything is read;
    ``read(now)`` answers in one query; ``url()`` is the admin list filtered to what waits.
    ``section`` groups panels: "queues", "decisions", "phases" or "deliveries".
    """

    key: str
    section: str
    title: Label
    permission: str
    read: Callable[[datetime], DashboardFigure]
    url: Callable[[], str]


HomeProvider = Callable[[datetime], Iterable[OpenItem]]
# The next instant after ``now`` at which a home provider's items change by the clock alone
# (a window opens or closes), or None when none is coming.
HomeNextChange = Callable[[datetime], datetime | None]
MyProvider = Callable[[Any], Iterable[MySection]]
TickHandler = Callable[[datetime], Any]
DemoSeeder = Callable[..., Any]
# Performs one outbox message (wsis_portal.models.OutboxMessage). Returns the email to send
# through the send-once ledger, or None when there is nothing (left) to send.
OutboxHandler = Callable[[Any], Any]


class _Registry:
    def __init__(self) -> None:
        self.home: list[HomeProvider] = []
        self.home_next_change: list[HomeNextChange] = []
        self._home_clocked: set[HomeProvider] = set()
        self.my: list[MyProvider] = []
        self.matrix: list[MatrixSource] = []
        self.action_line: list[ActionLineSection] = []
        self.tick: list[tuple[str, TickHandler]] = []
        self.demo: list[tuple[int, str, DemoSeeder]] = []
        self.outbox: dict[str, OutboxHandler] = {}
        self.dashboard: list[DashboardSource] = []

    def add_home(self, provider: HomeProvider, next_change: HomeNextChange | None = None) -> None:
        """Register a home provider; with ``next_change`` the home page may be cached (until
        that instant, or a write to what the provider reads: ``wsis_portal.home_cache``)."""
        if provider not in self.home:
            self.home.append(provider)
            if next_change is not None:
                self.home_next_change.append(next_change)
                self._home_clocked.add(provider)

    def home_complete(self) -> bool:
        """Does every home provider say when the clock changes its items?"""
        return all(provider in self._home_clocked for provider in self.home)

    def add_my(self, provider: MyProvider) -> None:
        if provider not in self.my:
            self.my.append(provider)

    def add_matrix(self, source: MatrixSource) -> None:
        if all(s.label != source.label for s in self.matrix):
            self.matrix.append(source)

    def add_action_line_section(self, section: ActionLineSection) -> None:
        if all(s.title != section.title for s in self.action_line):
            self.action_line.append(section)

    def add_tick(self, name: str, handler: TickHandler) -> None:
        """Register a function applying due transitions; it must be safe to run twice at once."""
        if all(n != name for n, _ in self.tick):
            self.tick.append((name, handler))

    def add_demo(self, name: str, seeder: DemoSeeder, order: int = 50) -> None:
        """Register an idempotent demo-data seeder; lower ``order`` runs first."""
        if all(n != name for _, n, _ in self.demo):
            self.demo.append((order, name, seeder))
            self.demo.sort(key=lambda row: (row[0], row[1]))

    def add_dashboard(self, source: DashboardSource) -> None:
        if all(s.key != source.key for s in self.dashboard):
            self.dashboard.append(source)

    def add_outbox(self, purpose: str, handler: OutboxHandler) -> None:
        """Register the handler of an outbox purpose (``"forum.registration-confirmed"``).

        The handler runs inside the delivery's transaction, may run again after a failure,
        and returns a ``wsis_portal.mail.Email`` (sent once through the ledger) or None.
        """
        existing = self.outbox.get(purpose)
        if existing is not None and existing is not handler:
            raise ValueError(f"outbox purpose {purpose!r} already has a handler")
        self.outbox[purpose] = handler


registry = _Registry()
