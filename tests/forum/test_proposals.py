"""The call for session proposals: drafts, edits until the deadline, submission, privacy."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from forum.models import ActionLine, Proposal, ProposalCall
from forum.proposals import emails
from forum.proposals.enums import ProposalStatus
from forum.proposals.services import proposal_calls_close_apply, proposal_save, proposal_submit
from tests.factories.accounts import StakeholderFactory, UserFactory
from tests.factories.forum_programme import building_block
from tests.factories.proposals import (
    CALL_CLOSES,
    DURING_CALL,
    ProposalCallFactory,
    ProposalFactory,
    ReviewCriterionFactory,
)
from tests.support.refusals import refused
from wsis_portal.models import ActivityLog, OutboxMessage

SPEAKER = {"name": "Ada Diallo", "organisation": "ITU", "country": "SN", "email": "ada@example.org"}


def _data(**extra):
    return {
        "title": "Closing the digital divide",
        "building_block": building_block(),
        "format": "hybrid",
        "abstract": "Short and clear.",
        "remote_needs": "Captioning",
        **extra,
    }


@pytest.fixture
def during_call():
    with time_machine.travel(DURING_CALL, tick=False):
        yield


@pytest.fixture
def call():
    return ProposalCallFactory()


def _save(call, user, proposal=None, **data):
    return proposal_save(
        call=call,
        user=user,
        data=_data(**data),
        action_lines=[ActionLine.objects.get(code="C1")],
        preferred_days=[date(2027, 5, 11)],
        speakers=[SPEAKER],
        proposal=proposal,
    )


@pytest.mark.django_db
def test_draft_is_kept_edited_and_submitted_with_a_receipt(call, during_call):
    user = StakeholderFactory(profile__organisation_name="Digital Org")
    proposal = _save(call, user)
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.organisation == "Digital Org"
    assert proposal.preferred_days == ["2027-05-11"]
    assert not OutboxMessage.objects.exists()
    proposal = _save(call, user, proposal=proposal, title="A better title")
    assert proposal.title == "A better title"
    assert proposal.speakers.get().email == "ada@example.org"
    proposal_submit(proposal=proposal, user=user)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.submitted_at == DURING_CALL
    message = OutboxMessage.objects.get()
    assert message.purpose == emails.PROPOSAL_RECEIPT and message.recipient == user
    log = ActivityLog.objects.get(action="proposal_submit")
    assert (log.before, log.after, log.actor) == ("draft", "submitted", user)
    # Still editable after submission, until the deadline.
    _save(call, user, proposal=proposal, title="Changed after submitting")
    with refused("duplicate"):
        proposal_submit(proposal=proposal, user=user)


@pytest.mark.django_db
def test_deadline_is_applied_by_the_clock(call):
    user = StakeholderFactory()
    with time_machine.travel(DURING_CALL, tick=False):
        proposal = _save(call, user)
    with time_machine.travel(CALL_CLOSES, tick=False):
        with refused("closed", match="closed"):
            _save(call, user, proposal=proposal, title="Too late")
        with refused("closed"):
            proposal_submit(proposal=proposal, user=user)
    proposal.refresh_from_db()
    assert proposal.title != "Too late" and proposal.status == ProposalStatus.DRAFT
    with time_machine.travel(call.starts_at.replace(day=1, month=1), tick=False):
        with refused("closed", match="not opened"):
            _save(call, StakeholderFactory())


@pytest.mark.django_db
def test_abstract_word_limit_and_days_are_field_errors(call, during_call):
    user = StakeholderFactory()
    with pytest.raises(ValidationError) as error:
        _save(call, user, abstract="word " * 51)
    assert "abstract" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        proposal_save(
            call=call,
            user=user,
            data=_data(),
            preferred_days=[date(2027, 6, 1)],
            speakers=[SPEAKER],
        )
    assert "preferred_days" in error.value.message_dict
    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_nobody_reaches_another_proposal(call, during_call, client):
    owner = StakeholderFactory()
    proposal = _save(call, owner)
    other = StakeholderFactory()
    with refused("not_owner"):
        _save(call, other, proposal=proposal, title="Hijacked")
    client.force_login(other)
    url = reverse("forum:proposal_edit", args=[2027, proposal.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404
    submit = reverse("forum:proposal_submit", args=[2027, proposal.pk])
    assert client.post(submit).status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT


@pytest.mark.django_db
def test_submit_needs_a_speaker(call, during_call):
    user = StakeholderFactory()
    proposal = proposal_save(call=call, user=user, data=_data())
    with refused("speakers"):
        proposal_submit(proposal=proposal, user=user)


def _form_post(**overrides):
    data = {
        "proposal-title": "Open data for all",
        "proposal-building_block": str(building_block().pk),
        "proposal-format": "hybrid",
        "proposal-abstract": "An abstract.",
        "proposal-remote_needs": "",
        "proposal-action_lines": [str(ActionLine.objects.get(code="C3").pk)],
        "proposal-preferred_days": ["2027-05-10"],
        "speakers-TOTAL_FORMS": "2",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "8",
        "speakers-0-name": "Ada",
        "speakers-0-organisation": "ITU",
        "speakers-0-country": "CH",
        "speakers-0-email": "ada@example.org",
        "submit": "1",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_form_page_saves_and_submits(call, during_call, client):
    user = StakeholderFactory()
    client.force_login(user)
    response = client.post(reverse("forum:proposal_new", args=[2027]), _form_post())
    assert response.status_code == 302
    proposal = Proposal.objects.get(proposer=user)
    assert proposal.status == ProposalStatus.SUBMITTED
    assert list(proposal.speakers.values_list("name", flat=True)) == ["Ada"]


@pytest.mark.django_db
def test_form_shows_the_word_limit_next_to_the_field(call, during_call, client):
    client.force_login(StakeholderFactory())
    response = client.post(
        reverse("forum:proposal_new", args=[2027]),
        _form_post(**{"proposal-abstract": "word " * 60}),
    )
    assert response.status_code == 200
    assert "the limit is 50 words" in response.content.decode()
    assert not Proposal.objects.exists()


@pytest.mark.django_db
def test_call_page_publishes_the_criteria(call, client):
    ReviewCriterionFactory(call=call, name="Relevance to the Action Lines")
    response = client.get(reverse("forum:proposal_call", args=[2027]))
    assert response.status_code == 200
    assert "Relevance to the Action Lines" in response.content.decode()


@pytest.mark.django_db
def test_closing_the_call_tells_each_reviewer_once(call):
    reviewer = UserFactory(groups=["Session Reviewers"])
    UserFactory()
    ProposalFactory(call=call)
    assert proposal_calls_close_apply(DURING_CALL) == 0
    with time_machine.travel(CALL_CLOSES, tick=False):
        assert proposal_calls_close_apply(CALL_CLOSES) == 1
        assert proposal_calls_close_apply(CALL_CLOSES) == 0
    message = OutboxMessage.objects.get()
    assert message.purpose == emails.REVIEW_OPEN and message.recipient == reviewer
    assert ProposalCall.objects.get().closed_applied_at is not None


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(call, during_call, client):
    response = client.get(reverse("forum:proposal_new", args=[2027]))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.django_db
def test_receipt_email_links_to_the_proposal(call, during_call, mailoutbox):
    from wsis_portal.tasks import outbox_deliver

    user = StakeholderFactory()
    proposal = _save(call, user)
    proposal_submit(proposal=proposal, user=user)
    assert outbox_deliver(OutboxMessage.objects.get().pk)
    (email,) = mailoutbox
    assert email.to == [user.email]
    assert proposal.title in email.subject
    assert f"/forum/2027/call/proposals/{proposal.pk}/" in email.body
