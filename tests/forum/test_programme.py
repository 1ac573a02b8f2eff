from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from forum.enums import SessionFormat, SessionRole
from forum.models import BuildingBlock, SessionPerson
from forum.programme.selectors import programme_days, session_matrix_counts
from tests.factories.accounts import StakeholderFactory
from tests.factories.forum import action_line, sdg
from tests.factories.forum_programme import (
    EditionFactory,
    PartnerFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    building_block,
)

pytestmark = pytest.mark.django_db


def test_building_blocks_are_loaded_by_migration():
    assert BuildingBlock.objects.count() == 18
    assert BuildingBlock.objects.filter(name="Virtual Reality for SDGs").exists()


def titles(response):
    return [s.title for day in response.context["days"] for s in day.sessions]


@pytest.fixture
def tagged_sessions():
    edition = EditionFactory()
    return {
        "hack": SessionFactory(
            edition=edition,
            title="Hack",
            building_block=building_block("hackathon"),
            format=SessionFormat.IN_PERSON,
            action_lines=[action_line("C2")],
            sdgs=[sdg(9)],
        ),
        "online": SessionFactory(
            edition=edition,
            title="Online talk",
            format=SessionFormat.ONLINE,
            action_lines=[action_line("C3")],
            sdgs=[sdg(4), sdg(9)],
        ),
        "hybrid": SessionFactory(
            edition=edition,
            title="Hybrid panel",
            format=SessionFormat.HYBRID,
            action_lines=[action_line("C2"), action_line("C5")],
            sdgs=[sdg(16)],
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Hack", "Online talk", "Hybrid panel"}),
        ("block=hackathon", {"Hack"}),
        ("action_line=C2", {"Hack", "Hybrid panel"}),
        ("sdg=9", {"Hack", "Online talk"}),
        ("format=online", {"Online talk"}),
        ("action_line=C2&sdg=16", {"Hybrid panel"}),
        ("action_line=C2&format=online", set()),
    ],
)
def test_programme_filters(client, tagged_sessions, query, expected):
    response = client.get(f"/forum/2027/programme/?{query}")
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_programme_filter_with_unknown_value_shows_error_not_500(client, tagged_sessions):
    response = client.get("/forum/2027/programme/?format=teleport")
    assert response.status_code == 200
    assert response.context["filter"].form.errors["format"]


def test_programme_groups_by_geneva_day():
    edition = EditionFactory()
    # 23:30 UTC on 10 May is 01:30 on 11 May in Geneva.
    late = SessionFactory(edition=edition, starts_at=datetime(2027, 5, 10, 23, 30, tzinfo=UTC))
    early = SessionFactory(edition=edition, starts_at=datetime(2027, 5, 10, 7, 0, tzinfo=UTC))
    days = programme_days([early, late], now=datetime(2027, 1, 1, tzinfo=UTC))
    assert [str(d.day) for d in days] == ["2027-05-10", "2027-05-11"]


def test_programme_marks_sessions_happening_now(client):
    edition = EditionFactory()
    start = datetime(2027, 5, 10, 7, 0, tzinfo=UTC)
    now_session = SessionFactory(edition=edition, title="Now", starts_at=start)
    SessionFactory(edition=edition, title="Later", starts_at=start + timedelta(hours=2))
    with time_machine.travel(start + timedelta(minutes=30), tick=False):
        response = client.get("/forum/2027/programme/")
        marked = [s.title for d in response.context["days"] for s in d.sessions if s.happening_now]
        assert marked == ["Now"]
        assert "Happening now" in response.content.decode()
        page = client.get(now_session.get_absolute_url())
        assert page.context["happening_now"] is True
    with time_machine.travel(start + timedelta(hours=5), tick=False):
        response = client.get("/forum/2027/programme/")
        assert "Happening now" not in response.content.decode()


def test_programme_shows_times_in_geneva_with_zone(client):
    SessionFactory(starts_at=datetime(2027, 5, 10, 7, 0, tzinfo=UTC))
    body = client.get("/forum/2027/programme/").content.decode()
    assert "09:00" in body and "CEST" in body


@pytest.mark.parametrize("count", [1, 3])
def test_programme_query_budget(client, django_assert_max_num_queries, count):
    edition = EditionFactory()
    for n in range(count):
        SessionFactory(
            edition=edition,
            building_block=building_block("hackathon" if n % 2 else "tedx"),
            action_lines=[action_line("C1"), action_line("C2")],
            sdgs=[sdg(n + 1)],
            starts_at=datetime(2027, 5, 10 + n, 7, tzinfo=UTC),
        )
    with django_assert_max_num_queries(10):
        response = client.get("/forum/2027/programme/?format=hybrid")
    assert len(titles(response)) == count


@pytest.mark.parametrize("count", [1, 3])
def test_edition_list_query_budget(client, django_assert_max_num_queries, count):
    for n in range(count):
        EditionFactory(year=2020 + n)
    with django_assert_max_num_queries(3):
        response = client.get("/forum/")
    assert response.status_code == 200
    assert len(response.context["editions"]) == count


def test_edition_page_figures_are_computed_from_data(client):
    edition = EditionFactory()
    SessionFactory(edition=edition)
    SessionFactory(edition=edition)
    RegistrationFactory(
        edition=edition, user=StakeholderFactory(profile__organisation_country="KE")
    )
    RegistrationFactory(
        edition=edition, user=StakeholderFactory(profile__stakeholder_type="government")
    )
    RegistrationFactory(edition=edition, mode="remote", status="cancelled")
    RegistrationFactory(edition=edition, mode="remote")
    PartnerFactory(edition=edition, organisation="Platinum Co", tier=1)
    response = client.get("/forum/2027/")
    figures = response.context["figures"]
    assert figures.participants == 3
    assert figures.in_person == 2
    assert figures.remote == 1
    assert figures.countries == 2
    assert figures.sessions == 2
    assert dict(figures.by_stakeholder_type) == {"Government": 1, "Civil Society": 2}
    body = response.content.decode()
    assert "Platinum Co" in body and "Platinum Strategic Partner (exclusive)" in body


def test_unknown_edition_and_session_are_404(client):
    session = SessionFactory()
    assert client.get("/forum/1999/").status_code == 404
    assert client.get(f"/forum/1999/sessions/{session.pk}/").status_code == 404
    assert client.get("/forum/2027/sessions/999999/").status_code == 404


def test_session_page_lists_people_by_role_order(client):
    session = SessionFactory(action_lines=[action_line("C11")], sdgs=[sdg(17)])
    speaker = PersonFactory(name="Speaker Person")
    onsite = PersonFactory(name="Onsite Mod")
    online = PersonFactory(name="Online Mod")
    organiser = PersonFactory(name="Organiser Person")
    for person, role in [
        (organiser, SessionRole.ORGANISER),
        (speaker, SessionRole.SPEAKER),
        (online, SessionRole.ONLINE_MODERATOR),
        (onsite, SessionRole.ONSITE_MODERATOR),
    ]:
        SessionPerson.objects.create(session=session, person=person, role=role)
    response = client.get(session.get_absolute_url())
    assert response.status_code == 200
    assert [r.person.name for r in response.context["roles"]] == [
        "Onsite Mod",
        "Online Mod",
        "Speaker Person",
        "Organiser Person",
    ]
    body = response.content.decode()
    assert "Online moderator" in body and "C11" in body and "Goal 17" in body


def test_sessions_appear_in_matrix_cells(client):
    SessionFactory(title="Matrix session", action_lines=[action_line("C2")], sdgs=[sdg(9)])
    assert session_matrix_counts()[("C2", 9)] == 1
    response = client.get("/matrix/C2/9/")
    assert "Matrix session" in response.content.decode()


def test_sessions_open_data_api(client, tagged_sessions, django_assert_max_num_queries):
    SessionPerson.objects.create(
        session=tagged_sessions["hack"],
        person=PersonFactory(name="Ada"),
        role=SessionRole.SPEAKER,
    )
    with django_assert_max_num_queries(7):
        response = client.get("/api/forum/2027/sessions/?action_line=C2")
    assert response.status_code == 200
    rows = {row["title"]: row for row in response.json()["results"]}
    assert set(rows) == {"Hack", "Hybrid panel"}
    assert rows["Hack"]["sdgs"] == [9]
    assert rows["Hack"]["people"][0]["name"] == "Ada"
    assert rows["Hybrid panel"]["action_lines"] == ["C2", "C5"]
