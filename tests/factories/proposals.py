"""Factories of the programme pipeline: calls, criteria, proposals, speakers, rooms."""

from datetime import UTC, datetime

import factory

from forum.models import (
    Proposal,
    ProposalCall,
    ProposalSpeaker,
    ReviewCriterion,
    Room,
)
from forum.proposals.enums import ProposalStatus
from tests.factories.accounts import StakeholderFactory
from tests.factories.forum_programme import EditionFactory, building_block

# The 2027 call is open through February; the review runs in March; the Forum is 10-14 May.
CALL_OPENS = datetime(2027, 2, 1, tzinfo=UTC)
CALL_CLOSES = datetime(2027, 3, 1, tzinfo=UTC)
REVIEW_ENDS = datetime(2027, 4, 1, tzinfo=UTC)
DURING_CALL = datetime(2027, 2, 10, 12, 0, tzinfo=UTC)
DURING_REVIEW = datetime(2027, 3, 10, 12, 0, tzinfo=UTC)


class ProposalCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposalCall
        django_get_or_create = ("edition",)

    edition = factory.SubFactory(EditionFactory)
    starts_at = CALL_OPENS
    ends_at = CALL_CLOSES
    review_ends_at = REVIEW_ENDS
    guidelines = "Propose interactive sessions."
    abstract_word_limit = 50


class ReviewCriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewCriterion

    call = factory.SubFactory(ProposalCallFactory)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    description = "How well it does this."
    max_score = 5


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    call = factory.SubFactory(ProposalCallFactory)
    proposer = factory.LazyFunction(StakeholderFactory)
    organisation = factory.LazyAttribute(lambda o: o.proposer.profile.organisation_name)
    title = factory.Sequence(lambda n: f"Proposal {n}")
    building_block = factory.LazyFunction(building_block)
    abstract = "A session about digital inclusion."
    status = ProposalStatus.SUBMITTED
    submitted_at = CALL_OPENS

    @factory.post_generation
    def action_lines(self, create, extracted, **kwargs):
        if create and extracted:
            self.action_lines.add(*extracted)


class ProposalSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposalSpeaker

    proposal = factory.SubFactory(ProposalFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    organisation = "ITU"
    country = "CH"
    email = factory.Sequence(lambda n: f"speaker{n}@example.org")


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room
        django_get_or_create = ("edition", "name")

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    capacity = 100
