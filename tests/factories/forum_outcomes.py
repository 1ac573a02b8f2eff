"""Factories of outcome reporting: deadlines, session owners and outcome reports."""

from datetime import UTC, datetime

import factory

from forum.models import OutcomeCall, OutcomeReport, SessionOwner
from tests.factories.accounts import StakeholderFactory
from tests.factories.forum_programme import EditionFactory, SessionFactory


class OutcomeCallFactory(factory.django.DjangoModelFactory):
    """Reports of the 2027 edition due by 15 June 2027, owners reminded on 8 June."""

    class Meta:
        model = OutcomeCall
        django_get_or_create = ("edition",)

    edition = factory.SubFactory(EditionFactory)
    reminder_at = datetime(2027, 6, 8, 8, 0, tzinfo=UTC)
    due_at = datetime(2027, 6, 15, 22, 0, tzinfo=UTC)


class SessionOwnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionOwner

    session = factory.SubFactory(SessionFactory)
    user = factory.LazyFunction(StakeholderFactory)


class OutcomeReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutcomeReport
        skip_postgeneration_save = True

    session = factory.SubFactory(SessionFactory)
    key_messages = "Connectivity is a precondition.\nSkills matter as much as cables."
    recommendations = "Fund community networks.\nMeasure what is used, not what is built."
    slides_url = "https://example.org/slides.pdf"

    @factory.post_generation
    def action_lines(self, create, extracted, **kwargs):
        if create and extracted:
            self.action_lines.add(*extracted)

    @factory.post_generation
    def sdgs(self, create, extracted, **kwargs):
        if create and extracted:
            self.sdgs.add(*extracted)
