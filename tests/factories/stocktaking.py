from datetime import timedelta

import factory
from django.utils import timezone

from accounts.enums import StakeholderType
from stocktaking.enums import CallKind, EntryStatus
from stocktaking.models import Call, Entry, EntryActionLine, EntrySDG
from tests.factories.forum import action_line, sdg


class CallFactory(factory.django.DjangoModelFactory):
    """A call open from a day ago for thirty days (pass dates to move it)."""

    class Meta:
        model = Call

    year = factory.Sequence(lambda n: 2000 + n)
    kind = CallKind.NEW_ENTRIES
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(days=30))
    report_year = factory.LazyAttribute(lambda o: o.year + 1)
    published_at = factory.LazyFunction(timezone.now)


class EntryFactory(factory.django.DjangoModelFactory):
    """A published entry tagged C2 and SDG 9 unless told otherwise."""

    class Meta:
        model = Entry
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Community broadband project {n}")
    description = "Connects remote villages with affordable wireless internet."
    organisation = "Digital Inclusion Foundation"
    stakeholder_type = StakeholderType.CIVIL_SOCIETY
    country = "KE"
    region = factory.LazyAttribute(lambda o: _region(o.country))
    start_year = 2020
    website = "https://example.org/project"
    contact_email = factory.Sequence(lambda n: f"secret-contact-{n}@example.net")
    status = EntryStatus.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == EntryStatus.PUBLISHED else None
    )

    @factory.post_generation
    def action_lines(self, create, extracted, **kwargs):
        if create:
            for code in extracted or ["C2"]:
                EntryActionLine.objects.create(entry=self, action_line=action_line(code))

    @factory.post_generation
    def sdgs(self, create, extracted, **kwargs):
        if create:
            for number in [9] if extracted is None else extracted:
                EntrySDG.objects.create(entry=self, sdg=sdg(number))


def _region(country: str) -> str:
    from forum.base.regions import region_for_country

    region = region_for_country(country)
    return region.value if region else ""


def entry_data(**overrides) -> dict:
    """Form data of a valid entry (for the submit and update pages)."""
    data = {
        "title": "Village Wi-Fi for schools",
        "description": "Brings internet to twenty rural schools.",
        "organisation": "Rural Connect",
        "stakeholder_type": StakeholderType.CIVIL_SOCIETY,
        "country": "SN",
        "start_year": 2021,
        "website": "https://example.org/wifi",
        "contact_email": "private-person@example.net",
        "action_lines": [str(action_line("C2").pk)],
        "sdgs": [str(sdg(4).pk)],
    }
    data.update(overrides)
    return data
