"""Factories of the Open Consultation Process."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

import factory
from django.utils import timezone

from consultations.enums import PhaseKind
from consultations.models import (
    Comment,
    Consultation,
    ConsultationPhase,
    Discussion,
    Submission,
    Subscription,
)
from consultations.selectors import token_hash
from forum.models import Edition
from tests.factories.accounts import StakeholderFactory


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2100 + n)
    theme = "Information society for the SDGs"
    starts_on = factory.LazyAttribute(lambda o: date(o.year, 5, 12))
    ends_on = factory.LazyAttribute(lambda o: date(o.year, 5, 16))
    venue = "Geneva"
    published_at = factory.LazyFunction(timezone.now)


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"WSIS Forum Open Consultation {n}")
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    description = "Thematic aspects and innovations on the format."
    published_at = factory.LazyFunction(timezone.now)


PHASES = [
    (1, PhaseKind.OPENING, "Opening of the open consultations"),
    (2, PhaseKind.PHYSICAL_MEETING, "First physical meeting"),
    (3, PhaseKind.PHYSICAL_MEETING, "Second physical meeting"),
    (4, PhaseKind.SUBMISSIONS_DEADLINE, "Submissions deadline"),
    (5, PhaseKind.REVIEW_MEETING, "Final review meeting"),
    (6, PhaseKind.FINAL_BRIEF, "Final brief"),
]


def phase_dates(opening: datetime) -> dict[int, tuple[datetime, datetime]]:
    """Six phases from ``opening``: meetings of 8 hours; the deadline is day 40 at noon."""
    day = timedelta(days=1)
    hours = timedelta(hours=8)
    return {
        1: (opening, opening + 10 * day),
        2: (opening + 10 * day, opening + 10 * day + hours),
        3: (opening + 30 * day, opening + 30 * day + hours),
        4: (opening + 35 * day, opening + 40 * day),
        5: (opening + 50 * day, opening + 50 * day + hours),
        6: (opening + 70 * day, opening + 120 * day),
    }


def consultation_with_phases(*, opening: datetime | None = None, **kwargs) -> Consultation:
    """A consultation with its six phases; by default Phase I opened 5 days ago."""
    opening = opening or timezone.now() - timedelta(days=5)
    consultation = ConsultationFactory(**kwargs)
    for number, kind, name in PHASES:
        starts_at, ends_at = phase_dates(opening)[number]
        ConsultationPhase.objects.create(
            consultation=consultation,
            number=number,
            kind=kind,
            name=name,
            starts_at=starts_at,
            ends_at=ends_at,
            venue="ITU Headquarters, Geneva"
            if kind in (PhaseKind.PHYSICAL_MEETING, PhaseKind.REVIEW_MEETING)
            else "",
            remote_participation_url="https://remote.example.org/room"
            if kind in (PhaseKind.PHYSICAL_MEETING, PhaseKind.REVIEW_MEETING)
            else "",
        )
    return consultation


def deadline_of(consultation: Consultation) -> datetime:
    return consultation.phases.get(kind=PhaseKind.SUBMISSIONS_DEADLINE).ends_at


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    consultation = factory.SubFactory(ConsultationFactory)
    full_name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"submitter{n}@example.org")
    organisation_name = factory.Sequence(lambda n: f"Organisation {n}")
    organisation_country = "CH"
    stakeholder_type = "civil_society"
    thematic_aspects = "Digital inclusion"
    edit_token_hash = factory.LazyFunction(lambda: token_hash(secrets.token_urlsafe(32)))
    # Confirmed unless told otherwise (email_confirmed_at=None: double opt-in pending).
    email_confirmed_at = factory.LazyFunction(timezone.now)


class DiscussionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Discussion

    consultation = factory.SubFactory(ConsultationFactory)
    title = factory.Sequence(lambda n: f"Topic {n}")
    body = " ".join(f"word{i}" for i in range(100))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    discussion = factory.SubFactory(DiscussionFactory)
    author = factory.LazyFunction(StakeholderFactory)
    body = factory.Sequence(lambda n: f"Comment text {n}")


class SubscriptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscription

    user = factory.LazyFunction(StakeholderFactory)
    discussion = factory.SubFactory(DiscussionFactory)
    consultation = factory.LazyAttribute(
        lambda o: o.discussion.consultation if o.discussion else None
    )
