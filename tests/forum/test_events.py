"""Regional and national events, and WSIS sessions at other forums (issue 17, item 6)."""

from datetime import date

import pytest
import time_machine
from django.db import IntegrityError, transaction

from forum import demo_programme
from forum.enums import EventKind, SessionRole
from forum.models import Edition, Event, EventPerson, Session
from tests.factories.forum_programme import EditionFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _event(**fields) -> Event:
    defaults = {
        "kind": EventKind.REGIONAL_REVIEW,
        "title": "Regional review",
        "starts_on": date(2027, 3, 1),
        "ends_on": date(2027, 3, 1),
        "place": "Bangkok",
        "region": "asia-pacific",
        "organisers": "UN ESCAP",
    }
    return Event.objects.create(**{**defaults, **fields})


def test_an_event_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        _event(starts_on=date(2027, 3, 2), ends_on=date(2027, 3, 1))


@time_machine.travel("2027-02-01 10:00Z", tick=False)
def test_calendar_splits_upcoming_and_past_and_filters_by_region_and_kind(client):
    _event(title="Asia-Pacific review")
    _event(
        title="African review",
        region="africa",
        starts_on=date(2026, 10, 1),
        ends_on=date(2026, 10, 2),
    )
    _event(title="National day", kind=EventKind.NATIONAL, region="europe")
    response = client.get("/events/")
    calendar = response.context["calendar"]
    assert [e.title for e in calendar.upcoming] == ["Asia-Pacific review", "National day"]
    assert [e.title for e in calendar.past] == ["African review"]
    html = client.get("/events/?region=asia-pacific").content.decode()
    assert "Asia-Pacific review" in html and "National day" not in html
    html = client.get("/events/?kind=national").content.decode()
    assert "National day" in html and "Asia-Pacific review" not in html
    # Unknown filter values are ignored, never an error.
    assert client.get("/events/?region=%C2%B2&kind=nope").status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_calendar_query_budget(client, django_assert_max_num_queries, count):
    edition = EditionFactory()
    for n in range(count):
        _event(title=f"Event {n}", feeds_edition=edition)
    with django_assert_max_num_queries(3):
        assert client.get("/events/").status_code == 200


def test_event_page_shows_agenda_people_and_the_edition_it_feeds(client):
    edition = EditionFactory()
    event = _event(agenda="Trends of the facilitators\nNational plans", feeds_edition=edition)
    EventPerson.objects.create(
        event=event, person=PersonFactory(name="Gitanjali Sah"), role=SessionRole.ONSITE_MODERATOR
    )
    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "<li>Trends of the facilitators</li>" in html and "<li>National plans</li>" in html
    assert "Gitanjali Sah" in html and "Onsite moderator" in html
    assert f'href="{edition.get_absolute_url()}"' in html
    edition_page = client.get(edition.get_absolute_url()).content.decode()
    assert "Events whose outcomes feed this Forum" in edition_page and event.title in edition_page


def test_demo_outside_events_are_events_not_programme_sessions():
    demo_programme.seed_past_editions()
    demo_programme.seed_outside_events()
    demo_programme.seed_outside_events()  # idempotent
    kinds = dict(Event.objects.values_list("title", "kind"))
    assert kinds[demo_programme.ECOSOC_SIDE_EVENT["title"]] == EventKind.SIDE_EVENT
    assert kinds[demo_programme.IGF_OPEN_FORUM["title"]] == EventKind.OPEN_FORUM
    assert kinds[demo_programme.ESCAP_REVIEW["title"]] == EventKind.REGIONAL_REVIEW
    assert not Session.objects.filter(title=demo_programme.ECOSOC_SIDE_EVENT["title"]).exists()
    escap = Event.objects.get(title=demo_programme.ESCAP_REVIEW["title"])
    assert escap.feeds_edition == Edition.objects.get(year=2017)
    assert escap.starts_on == date(2016, 10, 4) and escap.country == "TH"
    assert len(escap.agenda_items) == 4
    side_event = Event.objects.get(title=demo_programme.ECOSOC_SIDE_EVENT["title"])
    roles = [(r.person.name, r.role) for r in side_event.roles.select_related("person")]
    assert roles[0] == ("Gitanjali Sah", SessionRole.ONSITE_MODERATOR)
    assert ("Tomas Lamanauskas", SessionRole.SPEAKER) in roles and len(roles) == 8
    assert side_event.url.startswith("https://sdgs.un.org/")
