"""The demo content reads like a real portal's, and one command removes all of it."""

from __future__ import annotations

import re
from collections import Counter
from datetime import time
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.db.models import Max
from django.urls import reverse

from consultations.models import Consultation
from forum.base.regions import COUNTRY_REGION
from forum.models import (
    SDG,
    ActionLine,
    BuildingBlock,
    Edition,
    Event,
    NewsItem,
    Person,
    Registration,
    Session,
)
from prizes.enums import PhaseKind, ProjectStatus
from prizes.models import Contest, Project
from stocktaking.models import Entry
from tests.factories.forum_programme import PersonFactory, SessionFactory
from ungis.models import Agency
from wsis_portal.demo import demo_counts
from wsis_portal.models import DemoRow

GENEVA = ZoneInfo("Europe/Zurich")
# "AE-159", "C7-EHEA-3", "KE-12": codes where a name should be.
CODE = re.compile(r"\b[A-Z]{1,2}[0-9]?(-[A-Z]{3,4})?-[0-9]+\b")
PLACEHOLDER = re.compile(r"demo project|\(demo\)|placeholder|lorem ipsum", re.IGNORECASE)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The whole demo, seeded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


pytestmark = pytest.mark.usefixtures("seeded")


def words(text: str) -> int:
    return len(text.split())


def test_prize_projects_read_like_distinct_submissions(db):
    for contest in Contest.objects.all():
        projects = list(contest.projects.select_related("category__action_line"))
        assert projects
        descriptions = [p.description for p in projects]
        assert len(set(descriptions)) == len(descriptions), contest
        assert len({p.title for p in projects}) == len(projects), contest
        for p in projects:
            assert 150 <= words(p.description) <= 200, (p.title, words(p.description))
            assert not PLACEHOLDER.search(p.title + p.organisation + p.description)
            assert not CODE.search(p.organisation), p.organisation
            assert re.fullmatch(r"https://www\.[a-z0-9-]+\.example/", p.website), p.website
        # Sites differ: no "example.org everywhere".
        assert len({p.website for p in projects}) > len(projects) // 3
        # All six ITU regions and all six stakeholder types take part, none dominating.
        regions = Counter(COUNTRY_REGION[p.country.code].value for p in projects)
        assert len(regions) == 6
        types = Counter(p.stakeholder_type for p in projects)
        assert len(types) == 6 and max(types.values()) < len(projects) * 0.4
        # Each category's projects come from several regions and say different things.
        by_category = Counter(p.category_id for p in projects)
        assert len(by_category) == 18
        for category_id in by_category:
            mine = [p for p in projects if p.category_id == category_id]
            assert len({COUNTRY_REGION[p.country.code] for p in mine}) >= 3
            openings = {p.description.split(".")[0] for p in mine}
            assert len(openings) == len(mine)


def test_past_contest_has_eighteen_different_winners_one_per_category(db):
    winners = Project.objects.filter(contest__year=2025, status=ProjectStatus.WINNER)
    assert winners.count() == 18
    assert winners.values("category").distinct().count() == 18
    assert len(set(winners.values_list("title", flat=True))) == 18
    contest = Contest.objects.get(year=2025)
    assert contest.edition.year == 2025
    # Submitted, nominated and voted for within its own phases, not on the day of seeding.
    phases = {p.kind: p for p in contest.phases.all()}
    submission, voting = phases[PhaseKind.SUBMISSION], phases[PhaseKind.VOTING]
    for project in contest.projects.all():
        assert submission.starts_at <= project.submitted_at <= submission.ends_at
    last_vote = contest.votes.aggregate(last=Max("cast_at"))["last"]
    assert last_vote <= voting.ends_at


def test_programme_is_a_parallel_week_in_named_rooms_without_clashes(db):
    edition = Edition.objects.get(year=2027)
    sessions = list(Session.objects.filter(edition=edition).prefetch_related("roles"))
    assert len(sessions) >= 50
    days = Counter()
    for s in sessions:
        starts, ends = s.starts_at.astimezone(GENEVA), s.ends_at.astimezone(GENEVA)
        assert (
            starts.date() == ends.date() and edition.starts_on <= starts.date() <= edition.ends_on
        )
        assert starts.weekday() < 5
        assert time(9, 0) <= starts.time() and ends.time() <= time(18, 0), s.title
        assert s.room, s.title
        assert not re.match(r"Building block|.*and SDG \d+$", s.title), s.title
        days[starts.weekday()] += 1
    assert sorted(days) == [0, 1, 2, 3, 4]
    assert min(days.values()) >= 8
    # Parallel sessions: several at once, but one per room and nobody in two places.
    parallel = max(
        sum(1 for o in sessions if o.starts_at < s.ends_at and s.starts_at < o.ends_at)
        for s in sessions
    )
    assert parallel >= 4
    for a in sessions:
        for b in sessions:
            if a.pk >= b.pk or not (a.starts_at < b.ends_at and b.starts_at < a.ends_at):
                continue
            assert a.room != b.room, (a.title, b.title, a.room)
            shared = {r.person_id for r in a.roles.all()} & {r.person_id for r in b.roles.all()}
            assert not shared, (a.title, b.title)
    assert len({s.room for s in sessions}) >= 5


def test_registrations_have_a_realistic_mix(db):
    registrations = Registration.objects.filter(edition__year=2027)
    types = Counter(registrations.values_list("stakeholder_type", flat=True))
    countries = Counter(registrations.values_list("country", flat=True))
    assert len(types) == 6 and len(set(types.values())) > 3
    assert len(countries) >= 20 and countries.most_common(1)[0][0] == "CH"


def test_consultation_phases_end_before_their_forum(db):
    consultations = Consultation.objects.select_related("edition")
    assert consultations.count() == 2
    for consultation in consultations:
        forum_opens = consultation.edition.starts_on
        for phase in consultation.phases.all():
            assert phase.ends_at.astimezone(GENEVA).date() < forum_opens, (consultation, phase)
        assert str(consultation.edition.year) in consultation.title


def test_stocktaking_entries_state_consistent_facts(db):
    entries = list(Entry.objects.filter(is_demo=True))
    assert len(entries) >= 300
    for entry in entries:
        for year in re.findall(r"\b(?:19|20)\d\d\b", entry.description):
            assert int(year) == entry.start_year, (entry.title, year, entry.start_year)
        assert not PLACEHOLDER.search(entry.title + entry.description + entry.organisation)
        assert not CODE.search(entry.organisation), entry.organisation
        assert entry.website.endswith(".example/")
        assert entry.contact_email.split("@")[1] in entry.website
    assert len({e.region for e in entries}) == 6
    types = Counter(e.stakeholder_type for e in entries)
    assert len(types) == 6 and max(types.values()) < len(entries) * 0.4
    english = [
        e.description for e in entries if "began" in e.description or "since" in e.description
    ]
    assert len(set(english)) == len(english)


def test_public_pages_show_no_placeholder_or_code(client, db):
    winner = Project.objects.filter(contest__year=2025, status=ProjectStatus.WINNER).first()
    nominee = Project.objects.filter(contest__year=2027).last()
    entry = Entry.objects.filter(is_demo=True).first()
    urls = [
        reverse("home"),
        reverse("prizes:contest", args=[2027]),
        reverse("prizes:results", args=[2025]),
        reverse("prizes:project", args=[2025, winner.pk]),
        reverse("prizes:project", args=[2027, nominee.pk]),
        reverse("forum:programme", args=[2027]),
        reverse("forum:edition", args=[2027]),
        reverse("forum:news"),
        reverse("forum:news_feed"),
        reverse("stocktaking:search"),
        reverse("stocktaking:entry", args=[entry.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert not PLACEHOLDER.search(text), (url, PLACEHOLDER.search(text))
        assert not re.search(r"\b[A-Z]{2}-[0-9]{2,3}\b", text), url


def test_news_is_demo_and_published(client, db):
    news = NewsItem.objects.published()
    assert news.count() >= 4 and not news.filter(is_demo=False).exists()
    feed = client.get(reverse("forum:news_feed")).content.decode()
    assert news.first().title in feed


def test_one_command_removes_every_demo_row_and_only_those(db):
    reference = (
        ActionLine.objects.count(),
        SDG.objects.count(),
        BuildingBlock.objects.count(),
        Agency.objects.count(),
    )
    keeper = get_user_model().objects.create_user(email="secretariat@itu.example", password="x")
    assert all(demo_counts().values())
    call_command("seed_demo", "--remove", stdout=StringIO())
    assert not any(demo_counts().values()), demo_counts()
    assert not DemoRow.objects.exists()
    assert not Session.objects.exists() and not Edition.objects.exists()
    assert not Event.objects.exists()
    assert not Contest.objects.exists() and not Project.objects.exists()
    assert not Consultation.objects.exists() and not Entry.objects.exists()
    assert not NewsItem.objects.exists()
    assert list(get_user_model().objects.all()) == [keeper]
    assert reference == (
        ActionLine.objects.count(),
        SDG.objects.count(),
        BuildingBlock.objects.count(),
        Agency.objects.count(),
    )
    assert all(reference)


def test_remove_also_clears_a_database_seeded_before_rows_were_marked(db):
    """Rows an older seed_demo left unmarked are found by their placeholders."""
    call_command("seed_demo", "--remove", stdout=StringIO())
    old_session = SessionFactory(description="A session on skills. Demonstration data.")
    old_person = PersonFactory(organisation="Example University (demo)")
    kept = SessionFactory(description="A real session.")
    call_command("seed_demo", "--remove", stdout=StringIO())
    assert not Session.objects.filter(pk=old_session.pk).exists()
    assert not Person.objects.filter(pk=old_person.pk).exists()
    assert Session.objects.filter(pk=kept.pk).exists()
