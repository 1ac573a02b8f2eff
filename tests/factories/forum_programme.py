"""Factories of Forum editions, sessions, people and registrations."""

from datetime import UTC, date, datetime, timedelta

import factory
from django.utils import timezone

from forum.enums import AttendanceMode, PartnerTier, SessionFormat
from forum.models import BuildingBlock, Edition, Partner, Person, Registration, Session
from tests.factories.accounts import StakeholderFactory


def building_block(slug: str = "thematic-workshops") -> BuildingBlock:
    return BuildingBlock.objects.get(slug=slug)


class EditionFactory(factory.django.DjangoModelFactory):
    """An edition with registration open from 2027-01-01 to 2027-05-01 (UTC)."""

    class Meta:
        model = Edition
        django_get_or_create = ("year",)

    year = 2027
    theme = "Test theme"
    starts_on = date(2027, 5, 10)
    ends_on = date(2027, 5, 14)
    venue = "Geneva"
    in_person_capacity = 100
    registration_opens_at = datetime(2027, 1, 1, tzinfo=UTC)
    registration_closes_at = datetime(2027, 5, 1, tzinfo=UTC)
    published_at = factory.LazyFunction(timezone.now)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True

    edition = factory.SubFactory(EditionFactory)
    building_block = factory.LazyFunction(building_block)
    title = factory.Sequence(lambda n: f"Session {n}")
    description = "About things."
    # 10 May 2027 09:00 in Geneva (CEST, UTC+2).
    starts_at = datetime(2027, 5, 10, 7, 0, tzinfo=UTC)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    room = "Room A"
    format = SessionFormat.HYBRID

    @factory.post_generation
    def action_lines(self, create, extracted, **kwargs):
        if create and extracted:
            self.action_lines.add(*extracted)

    @factory.post_generation
    def sdgs(self, create, extracted, **kwargs):
        if create and extracted:
            self.sdgs.add(*extracted)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    honorific = "Ms."
    name = factory.Sequence(lambda n: f"Person {n}")
    position = "Director"
    organisation = "ITU"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    edition = factory.SubFactory(EditionFactory)
    user = factory.LazyFunction(StakeholderFactory)
    mode = AttendanceMode.IN_PERSON
    stakeholder_type = factory.LazyAttribute(lambda o: o.user.profile.stakeholder_type)
    country = factory.LazyAttribute(lambda o: o.user.profile.organisation_country)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    edition = factory.SubFactory(EditionFactory)
    organisation = factory.Sequence(lambda n: f"Partner {n}")
    tier = PartnerTier.GOLD
