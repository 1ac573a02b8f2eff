"""The public pages added with the outcome reports, the site search and the Prizes booklet,
with what each shows: shared by the layout and language checks of the browser suite."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from forum.enums import SessionRole
from forum.models import SessionPerson
from forum.outcomes.services import outcome_document_generate
from prizes.enums import PhaseKind, ProjectStatus
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum import action_line, sdg
from tests.factories.forum_outcomes import (
    OutcomeCallFactory,
    OutcomeReportFactory,
    SessionOwnerFactory,
)
from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.factories.proposals import ProposalCallFactory
from tests.factories.stocktaking import EntryFactory


def new_public_pages(
    owner: AbstractBaseUser | None = None,
) -> tuple[AbstractBaseUser, list[tuple[str, str, str]]]:
    """Seed the new pages; return the owner of a session to report on, and (name, path, a text
    the page must show) triples.

    The outcome report form is only for the session's owner: sign in as ``owner`` to see it.
    """
    now = timezone.now()
    edition = EditionFactory(year=2027)
    OutcomeCallFactory(
        edition=edition, reminder_at=now - timedelta(days=1), due_at=now + timedelta(days=7)
    )
    owner = owner or StakeholderFactory()
    to_report = SessionOwnerFactory(
        user=owner,
        session=SessionFactory(
            edition=edition,
            title="Community networks for the last mile in mountain regions",
            starts_at=now - timedelta(days=2, hours=1),
            ends_at=now - timedelta(days=2),
            action_lines=[action_line("C2")],
        ),
    ).session
    reported = SessionFactory(
        edition=edition,
        title="Measuring meaningful connectivity in least developed countries",
        starts_at=now - timedelta(days=3, hours=1),
        ends_at=now - timedelta(days=3),
        action_lines=[action_line("C2"), action_line("C7-EGOV")],
    )
    OutcomeReportFactory(
        session=reported,
        action_lines=[action_line("C2"), action_line("C7-EGOV")],
        sdgs=[sdg(9), sdg(17)],
        slides_url="https://www.example.org/slides/" + "community-networks-" * 6 + ".pdf",
    )
    SessionPerson.objects.create(
        session=reported,
        person=PersonFactory(name="Amina Abdullahi-Rodríguez", organisation="ITU"),
        role=SessionRole.SPEAKER,
    )
    # The call for session proposals is open.
    ProposalCallFactory(
        edition=edition,
        starts_at=now - timedelta(days=1),
        ends_at=now + timedelta(days=20),
        review_ends_at=now + timedelta(days=30),
    )
    outcome_document_generate(edition=edition, actor=UserFactory(is_staff=True))
    EntryFactory(title="Community networks in the Andes", action_lines=["C2"], sdgs=[9])

    # Results published: the ceremony has started.
    contest = contest_at(now, PhaseKind.CEREMONY)
    ProjectFactory(
        contest=contest,
        status=ProjectStatus.WINNER,
        title="Connecting rural schools to the national research and education network",
    )
    ProjectFactory(
        contest=contest,
        status=ProjectStatus.CHAMPION,
        category=category(contest, "C4"),
        title="Skills bus",
    )
    return owner, [
        ("site-search", "/search/?q=community+networks", "Community networks in the Andes"),
        (
            "site-search-kind",
            "/search/?q=community+networks&kind=sessions",
            to_report.title,
        ),
        ("outcome-document", "/forum/2027/outcome-document/", reported.title),
        ("session-outcomes", f"/forum/2027/sessions/{reported.pk}/", "Fund community networks."),
        (
            "outcome-report-form",
            f"/forum/2027/sessions/{to_report.pk}/outcome-report/",
            to_report.title,
        ),
        ("proposal-call", "/forum/2027/call/", "Propose interactive sessions."),
        ("proposal-form", "/forum/2027/call/propose/", "2027"),
        ("speakers", "/forum/2027/speakers/", "Amina Abdullahi-Rodríguez"),
        ("prizes-booklet", f"/prizes/{contest.year}/winners/", "Skills bus"),
    ]
