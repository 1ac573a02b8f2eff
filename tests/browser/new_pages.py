"""The public pages added with the outcome reports, the site search and the Prizes booklet,
with what each shows: shared by the layout and language checks of the browser suite."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import factory
import time_machine
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from forum.enums import FacilitatorRole, SessionRole
from forum.models import ProposalCall, SessionPerson
from forum.outcomes.services import outcome_document_generate
from forum.proposals.speaker_links import LINK_DAYS, speaker_link
from prizes.enums import PhaseKind, ProjectStatus
from stocktaking.models import Entry
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum import action_line, sdg, sourced_role
from tests.factories.forum_outcomes import (
    OutcomeCallFactory,
    OutcomeReportFactory,
    SessionOwnerFactory,
)
from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory
from tests.factories.prizes import ProjectFactory, category, contest_at
from tests.factories.proposals import ProposalCallFactory, ProposalFactory, ProposalSpeakerFactory
from tests.factories.stocktaking import EntryFactory
from wsis_portal.site_search import COUNT_CAP


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
        submitter=owner,  # so that /my/ links its certificate (edge_pages)
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


def edge_pages(owner: AbstractBaseUser) -> list[tuple[str, str, str, int]]:
    """Seed the pages that answer an edge: an expired link (410), bad input (400), a count at
    its cap, the sourced facilitation roles, and ``owner``'s /my/ with a session proposal, an
    open registration window and a certificate (call after :func:`new_public_pages`, signed in
    as ``owner``). Return (name, path, a text the page must show or "", HTTP status)."""
    now = timezone.now()
    call = ProposalCall.objects.get(edition__year=2027)
    proposal = ProposalFactory(
        call=call,
        proposer=owner,
        title="Community networks and local content in indigenous languages of the Andes",
    )
    # Registration to the 2028 Forum is open now and the owner has not registered yet.
    EditionFactory(
        year=2028,
        registration_opens_at=now - timedelta(days=1),
        registration_closes_at=now + timedelta(days=60),
    )
    speaker = ProposalSpeakerFactory(proposal=proposal, name="Nasrin Al-Khwarizmi")
    with time_machine.travel(now - timedelta(days=LINK_DAYS + 1)):
        expired = urlsplit(speaker_link(speaker)).path
    # Roles of a UNGIS member with a long source, one spelt as its source prints it
    # ("UN DESA"): not the migration's roles, which a flush of the test database removes.
    report = (
        "10-Year WSIS Action Line Facilitator's Report on the Implementation of the WSIS "
        "Outcomes: C7 E-health (test data)"
    )
    sourced_role("C7-EHEA", "WHO", source_title=report, locator="Table of facilitators, row 7")
    sourced_role("C7-EHEA", "UN DESA", FacilitatorRole.CO, source_title=report)
    # One more match than the site search counts: the page says "1,000 or more".
    Entry.objects.bulk_create(
        EntryFactory.build_batch(
            COUNT_CAP + 1, title=factory.Sequence(lambda n: f"Cooperative {n}")
        )
    )
    return [
        ("speaker-link-expired", expired, proposal.title, 410),
        ("my", "/my/", proposal.title, 200),
        ("site-search-capped", "/search/?q=cooperative", f"{COUNT_CAP:,}", 200),
        ("action-line-roles", "/action-lines/C7-EHEA/", report, 200),
        ("ungis-members", "/ungis/members/", report, 200),
        ("ungis-member-roles", "/ungis/members/UNDESA/", report, 200),
        ("bad-request-nul", "/search/?q=a%00b", "", 400),
        ("bad-request-kind", "/search/?q=cooperative&kind=nonsense", "", 400),
    ]
