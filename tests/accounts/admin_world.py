"""One object of every model registered in the admin, and a user for each role.

The role x admin permission matrix (`test_admin_matrix.py`) opens each object's pages as
each role. The objects owned by a person belong to a stakeholder, so the Secretariat may
reach them; `staff_targets` holds the same kind of objects owned by a staff member.
"""

from __future__ import annotations

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import Group
from django.utils import timezone

from accounts.roles import EXPERT_GROUP, SECRETARIAT
from forum.models import ActionLineFacilitator, Event, FacilitationSource, NewsItem
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import ExpertAssignment, ExpertScore, Tally
from stocktaking.enums import RevisionKind
from stocktaking.models import EntryRevision, ReportRelease
from tests.factories.accounts import StakeholderFactory, StakeholderProfileFactory, UserFactory
from tests.factories.consultations import (
    CommentFactory,
    ConsultationFactory,
    SubmissionFactory,
    SubscriptionFactory,
)
from tests.factories.forum import MatrixLinkFactory, action_line
from tests.factories.forum_outcomes import (
    OutcomeCallFactory,
    OutcomeReportFactory,
    SessionOwnerFactory,
)
from tests.factories.forum_programme import (
    PartnerFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.factories.prizes import ProjectFactory, category, contest_at, vote
from tests.factories.proposals import ProposalCallFactory, ProposalFactory, RoomFactory
from tests.factories.stocktaking import CallFactory, EntryFactory
from tests.factories.ungis import agency, focal_point
from ungis.models import ChairTerm, FocalPoint, Initiative, Meeting
from wsis_portal.activity import activity_record
from wsis_portal.models import OutboxMessage, SentEmail

ROLES = ("anonymous", "stakeholder", "expert", "focal_point", "secretariat", "superuser")


def role_users() -> dict[str, object | None]:
    expert = UserFactory(groups=[EXPERT_GROUP])
    return {
        "anonymous": None,
        "stakeholder": StakeholderFactory(),
        "expert": expert,
        "focal_point": focal_point("ITU"),
        "secretariat": UserFactory(is_staff=True, groups=[SECRETARIAT]),
        "superuser": UserFactory(is_staff=True, is_superuser=True),
    }


def build_world() -> tuple[dict[str, object], dict[str, object]]:
    """Objects keyed by model label; the second dict holds staff-owned user-linked objects."""
    owner = StakeholderFactory()
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])
    StakeholderProfileFactory(user=staff)

    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    project = ProjectFactory(contest=contest, submitter=owner, status=ProjectStatus.CHAMPION)
    the_vote = vote(project, voter=owner)
    tally = Tally.objects.create(
        project=project,
        contest=contest,
        category=project.category,
        votes=1,
        rank=1,
        computed_at=timezone.now(),
    )
    expert = UserFactory(groups=[EXPERT_GROUP])
    assignment = ExpertAssignment.objects.create(contest=contest, expert=expert)
    assignment.categories.add(category(contest, "C1"))
    score = ExpertScore.objects.create(project=project, expert=expert, score=5)

    entry = EntryFactory(submitter=owner)
    revision = EntryRevision.objects.create(
        entry=entry, kind=RevisionKind.UPDATE, data={}, proposed_by=owner
    )

    consultation = ConsultationFactory()
    submission = SubmissionFactory(consultation=consultation)
    comment = CommentFactory(author=owner)
    subscription = SubscriptionFactory(user=owner)
    nomination = consultation.nominations.create(
        nominated_by=owner,
        nominee_name="A. Nominee",
        organisation="Org",
        stakeholder_group="civil_society",
        justification="Because.",
    )

    session = SessionFactory()
    registration = RegistrationFactory(user=owner)
    attempt = {
        "user_agent": "test",
        "ip_address": "192.0.2.1",
        "username": "someone@example.org",
        "http_accept": "*/*",
        "path_info": "/accounts/login/",
    }
    world = {
        "auth.Group": Group.objects.get(name=SECRETARIAT),
        "account.EmailAddress": owner.emailaddress_set.get(),
        "axes.AccessAttempt": AccessAttempt.objects.create(
            **attempt, get_data="", post_data="", failures_since_start=1
        ),
        "axes.AccessLog": AccessLog.objects.create(**attempt),
        "axes.AccessFailureLog": AccessFailureLog.objects.create(**attempt),
        "accounts.User": owner,
        "accounts.StakeholderProfile": owner.profile,
        "forum.MatrixLink": MatrixLinkFactory(),
        "forum.FacilitationSource": FacilitationSource.objects.create(
            title="Matrix test source", publisher="ITU"
        ),
        "forum.ActionLineFacilitator": ActionLineFacilitator.objects.create(
            action_line=action_line("C2"),
            agency="TESTAGENCY",
            agency_name="Test agency",
            role="co",
            source=FacilitationSource.objects.create(title="Matrix test role", publisher="ITU"),
            locator="Annex",
        ),
        "forum.Edition": session.edition,
        "forum.Session": session,
        "forum.OutcomeCall": OutcomeCallFactory(edition=session.edition),
        "forum.SessionOwner": SessionOwnerFactory(session=session, user=owner),
        "forum.OutcomeReport": OutcomeReportFactory(session=session),
        "forum.Person": PersonFactory(),
        "forum.ProposalCall": ProposalCallFactory(edition=session.edition),
        "forum.Proposal": ProposalFactory(call__edition=session.edition, proposer=owner),
        "forum.Room": RoomFactory(edition=session.edition),
        "forum.Registration": registration,
        "forum.Partner": PartnerFactory(edition=session.edition),
        "stocktaking.ReportRelease": ReportRelease.objects.create(
            report_year=2031, edition=session.edition, released_on=session.edition.starts_on
        ),
        "forum.Event": Event.objects.create(
            kind="regional_review",
            title="Regional review",
            starts_on=timezone.localdate(),
            ends_on=timezone.localdate(),
            place="Bangkok",
            organisers="UN ESCAP",
        ),
        "forum.NewsItem": NewsItem.objects.create(
            title="News", slug="news-for-the-admin-matrix", summary="Summary"
        ),
        "prizes.Contest": contest,
        "prizes.Project": project,
        "prizes.Vote": the_vote,
        "prizes.Tally": tally,
        "prizes.ExpertAssignment": assignment,
        "prizes.ExpertScore": score,
        "stocktaking.Call": CallFactory(),
        "stocktaking.Entry": entry,
        "stocktaking.ModerationItem": revision,
        "stocktaking.EntryRevision": revision,
        "consultations.Consultation": consultation,
        "consultations.Submission": submission,
        "consultations.Discussion": comment.discussion,
        "consultations.Comment": comment,
        "consultations.Subscription": subscription,
        "consultations.Nomination": nomination,
        "ungis.Agency": agency("ITU"),
        "ungis.ChairTerm": ChairTerm.objects.create(agency=agency("ITU"), role="chair", year=2031),
        "ungis.Initiative": Initiative.objects.create(slug="matrix-test", name="Test initiative"),
        "ungis.Meeting": Meeting.objects.create(date=timezone.now().date(), venue="Geneva"),
        "ungis.FocalPoint": FocalPoint.objects.create(user=owner, agency=agency("UNESCO")),
        "wsis_portal.ActivityLog": activity_record(
            obj=project,
            action="winner_confirm",
            actor=staff,
            field="status",
            before="champion",
            after="winner",
            reason="Matrix test",
        ),
        "wsis_portal.OutboxMessage": OutboxMessage.objects.create(
            purpose="forum.registration-confirmed", obj=registration, recipient=owner
        ),
        "wsis_portal.SentEmail": SentEmail.objects.create(key="outbox:matrix-test"),
    }
    staff_targets = {
        "accounts.User": staff,
        "accounts.StakeholderProfile": staff.profile,
        "account.EmailAddress": staff.emailaddress_set.get(),
    }
    return world, staff_targets


def first_of(model):
    """Reference data loaded by migrations (Action Lines, SDGs, UNGIS facts)."""
    return model._default_manager.order_by("pk").first()
