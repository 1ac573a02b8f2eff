"""Review of session proposals: scores, the conflict-of-interest rule, the ranked list and
the Secretariat's decisions."""

import pytest
import time_machine
from django.urls import reverse

from accounts.roles import SECRETARIAT, SESSION_REVIEWERS
from forum.models import Proposal, Review, SessionPerson
from forum.proposals import emails
from forum.proposals.review import proposal_decide, review_save
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.proposals import (
    DURING_CALL,
    DURING_REVIEW,
    REVIEW_ENDS,
    ProposalCallFactory,
    ProposalFactory,
    ProposalSpeakerFactory,
    ReviewCriterionFactory,
)
from tests.support.refusals import refused
from wsis_portal.models import ActivityLog, OutboxMessage


@pytest.fixture
def call():
    return ProposalCallFactory()


@pytest.fixture
def criteria(call):
    return [
        ReviewCriterionFactory(call=call, max_score=5),
        ReviewCriterionFactory(call=call, max_score=10),
    ]


@pytest.fixture
def during_review():
    with time_machine.travel(DURING_REVIEW, tick=False):
        yield


def reviewer(organisation="Reviewing Org"):
    return StakeholderFactory(groups=[SESSION_REVIEWERS], profile__organisation_name=organisation)


def secretariat():
    return UserFactory(is_staff=True, groups=[SECRETARIAT])


@pytest.mark.django_db
def test_reviewer_scores_against_the_criteria(call, criteria, during_review):
    proposal = ProposalFactory(call=call)
    judge = reviewer()
    review = review_save(
        proposal=proposal,
        reviewer=judge,
        scores={criteria[0].pk: 4, criteria[1].pk: 7},
        comment="Good",
    )
    assert review.total == 11
    # Saving again changes the same review.
    review_save(proposal=proposal, reviewer=judge, scores={criteria[0].pk: 5, criteria[1].pk: 7})
    assert Review.objects.get().total == 12
    assert ActivityLog.objects.filter(action="review_save").count() == 2
    with refused("score"):
        review_save(
            proposal=proposal, reviewer=judge, scores={criteria[0].pk: 6, criteria[1].pk: 1}
        )
    with refused("score"):
        review_save(proposal=proposal, reviewer=judge, scores={criteria[0].pk: 1})


@pytest.mark.django_db
def test_a_reviewer_of_the_proposing_organisation_is_refused(call, criteria, during_review, client):
    proposal = ProposalFactory(call=call, organisation="Digital  Africa ")
    judge = reviewer(organisation="digital africa")
    scores = {criteria[0].pk: 1, criteria[1].pk: 1}
    with refused("conflict", match="conflict of interest"):
        review_save(proposal=proposal, reviewer=judge, scores=scores)
    speaker_judge = reviewer()
    ProposalSpeakerFactory(proposal=proposal, email=speaker_judge.email)
    with refused("conflict"):
        review_save(proposal=proposal, reviewer=speaker_judge, scores=scores)
    assert not Review.objects.exists()
    client.force_login(judge)
    url = reverse("forum:review_proposal", args=[2027, proposal.pk])
    page = client.get(url)
    assert page.status_code == 200 and "conflict of interest" in page.content.decode()
    response = client.post(
        url, {f"criterion_{criteria[0].pk}": "5", f"criterion_{criteria[1].pk}": "5"}
    )
    assert response.status_code == 403
    assert not Review.objects.exists()


@pytest.mark.django_db
def test_review_is_open_only_between_the_close_and_the_review_end(call, criteria):
    proposal = ProposalFactory(call=call)
    judge = reviewer()
    scores = {criteria[0].pk: 1, criteria[1].pk: 1}
    for moment in (DURING_CALL, REVIEW_ENDS):
        with time_machine.travel(moment, tick=False), refused("closed"):
            review_save(proposal=proposal, reviewer=judge, scores=scores)
    with refused("not_assigned"):
        review_save(
            proposal=proposal, reviewer=StakeholderFactory(), scores=scores, now=DURING_REVIEW
        )


@pytest.mark.django_db
def test_secretariat_accepts_rejects_and_merges_with_a_reason(call, during_review):
    staff = secretariat()
    accepted = ProposalFactory(call=call, preferred_days=["2027-05-12"])
    ProposalSpeakerFactory(proposal=accepted, email="ada@example.org")
    rejected = ProposalFactory(call=call)
    merged = ProposalFactory(call=call)
    ProposalSpeakerFactory(proposal=merged, email="bo@example.org")
    with refused("reason"):
        proposal_decide(proposal=accepted, by=staff, decision="accepted", reason=" ")
    with refused("not_assigned"):
        proposal_decide(proposal=accepted, by=reviewer(), decision="accepted", reason="Good")
    proposal_decide(proposal=accepted, by=staff, decision="accepted", reason="Strong and balanced")
    proposal_decide(proposal=rejected, by=staff, decision="rejected", reason="Out of scope")
    proposal_decide(
        proposal=merged, by=staff, decision="merged", reason="Same topic", merge_into=accepted
    )
    accepted.refresh_from_db()
    session = accepted.session
    assert session is not None and session.title == accepted.title
    assert session.starts_at.date().isoformat() == "2027-05-12"
    # The merged proposal's speaker joined the accepted session.
    names = set(
        SessionPerson.objects.filter(session=session).values_list(
            "person__proposal_speakers__email", flat=True
        )
    )
    assert names == {"ada@example.org", "bo@example.org"}
    assert Proposal.objects.get(pk=merged.pk).merged_into == accepted
    log = ActivityLog.objects.get(action="proposal_decide", object_id=rejected.pk)
    assert (log.before, log.after, log.reason, log.actor) == (
        "submitted",
        "rejected",
        "Out of scope",
        staff,
    )
    decided = OutboxMessage.objects.filter(purpose=emails.PROPOSAL_DECIDED)
    assert decided.count() == 3
    assert OutboxMessage.objects.filter(purpose=emails.SPEAKER_CONFIRM).count() == 2
    with refused("decided"):
        proposal_decide(proposal=rejected, by=staff, decision="accepted", reason="Second thoughts")


@pytest.mark.django_db
def test_decision_email_quotes_the_reason(call, during_review, mailoutbox):
    from wsis_portal.tasks import outbox_deliver

    proposal = ProposalFactory(call=call)
    proposal_decide(proposal=proposal, by=secretariat(), decision="rejected", reason="Out of scope")
    assert outbox_deliver(OutboxMessage.objects.get(purpose=emails.PROPOSAL_DECIDED).pk)
    (email,) = mailoutbox
    assert email.to == [proposal.proposer.email] and "Out of scope" in email.body


@pytest.mark.django_db
@pytest.mark.parametrize("n", [1, 3])
def test_ranked_list_has_a_query_budget(
    call, criteria, during_review, client, django_assert_max_num_queries, n
):
    client.force_login(secretariat())
    for _ in range(n):
        ProposalFactory(call=call)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("forum:review_list", args=[2027]))
    assert response.status_code == 200


@pytest.mark.django_db
def test_ranked_list_orders_by_average_and_filters(call, criteria, during_review, client):
    low = ProposalFactory(call=call, title="Low")
    high = ProposalFactory(call=call, title="High")
    ProposalFactory(call=call, title="Unreviewed", action_lines=[])
    judge = reviewer()
    review_save(proposal=low, reviewer=judge, scores={criteria[0].pk: 1, criteria[1].pk: 1})
    review_save(proposal=high, reviewer=judge, scores={criteria[0].pk: 5, criteria[1].pk: 9})
    client.force_login(secretariat())
    url = reverse("forum:review_list", args=[2027])
    titles = [p.title for p in client.get(url).context["proposals"]]
    assert titles[:2] == ["High", "Low"]
    titles = [p.title for p in client.get(url, {"reviewed": "no"}).context["proposals"]]
    assert titles == ["Unreviewed"]
    # A stakeholder does not reach the review at all.
    client.force_login(StakeholderFactory())
    assert client.get(url).status_code == 403
