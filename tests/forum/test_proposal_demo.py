"""The demo's call for session proposals is built through the pipeline's services."""

import pytest

from forum.models import Placement, Proposal, ProposalCall, Review
from forum.proposals import demo
from forum.proposals.enums import ProposalStatus
from tests.factories.forum_programme import EditionFactory
from wsis_portal.demo import demo_remove


@pytest.mark.django_db
def test_demo_has_a_reviewed_call_and_a_published_programme(client):
    EditionFactory(year=demo.YEAR)
    demo.seed()
    call = ProposalCall.objects.get(edition__year=demo.YEAR)
    assert call.programme_is_published and call.criteria.count() == 3
    statuses = sorted(Proposal.objects.values_list("status", flat=True))
    assert statuses.count(ProposalStatus.ACCEPTED) == 5
    assert set(statuses) == {"accepted", "rejected", "merged"}
    assert Review.objects.count() == 2 * len(demo.PROPOSALS)
    assert Placement.objects.count() == 5
    programme = client.get(f"/forum/{demo.YEAR}/programme/").content.decode()
    assert "Community networks for the last mile" in programme
    assert "Kofi Mensah" in client.get(f"/forum/{demo.YEAR}/speakers/").content.decode()
    demo.seed()  # idempotent
    assert Proposal.objects.count() == len(demo.PROPOSALS)


@pytest.mark.django_db
def test_demo_removal_takes_the_pipeline_with_it():
    edition = EditionFactory(year=demo.YEAR)
    from wsis_portal.demo import demo_mark

    demo_mark([edition])
    demo.seed()
    demo_remove()
    assert not ProposalCall.objects.exists() and not Placement.objects.exists()
