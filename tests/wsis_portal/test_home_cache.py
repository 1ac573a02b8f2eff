"""The home page's content is cached until a write or the clock changes it (issue 16, item 3):
never wrong when a window opens or closes, the same for every person (the header stays
theirs), one copy per language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache

from prizes.enums import PhaseKind
from tests.factories.accounts import UserFactory
from tests.factories.prizes import contest_at
from tests.factories.stocktaking import CallFactory
from wsis_portal.home_cache import next_change
from wsis_portal.registry import registry

pytestmark = pytest.mark.django_db

T0 = datetime(2031, 2, 1, 9, 0, tzinfo=UTC)


def _sections(client) -> tuple[str, str]:
    """The HTML of "Open now" and of "Coming up"."""
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    start, middle, end = (
        html.index('id="open-now"'),
        html.index('id="coming-up"'),
        html.index('id="matrix-heading"'),
    )
    return html[start:middle], html[middle:end]


def test_every_home_provider_says_when_the_clock_changes_it():
    assert registry.home and registry.home_complete()


def test_home_page_is_served_from_the_cache(client, django_assert_max_num_queries):
    CallFactory(starts_at=T0 - timedelta(days=1), ends_at=T0 + timedelta(days=1))
    with time_machine.travel(T0, tick=False):
        first = _sections(client)
        with django_assert_max_num_queries(0):
            assert _sections(client) == first


def test_a_call_moves_from_coming_up_to_open_now_and_off_at_its_boundaries(client):
    opens, closes = T0 + timedelta(hours=2), T0 + timedelta(days=3)
    CallFactory(year=2031, starts_at=opens, ends_at=closes)
    with time_machine.travel(T0, tick=False) as clock:
        open_now, coming_up = _sections(client)
        assert "call 2031" not in open_now and "call 2031" in coming_up
        assert next_change(T0) == opens
        clock.move_to(opens - timedelta(seconds=1))
        open_now, coming_up = _sections(client)
        assert "call 2031" in coming_up, "before the boundary the cached copy still holds"
        clock.move_to(opens)
        open_now, coming_up = _sections(client)
        assert "call 2031" in open_now and "call 2031" not in coming_up
        clock.move_to(closes)
        open_now, coming_up = _sections(client)
        assert "call 2031" not in open_now + coming_up


def test_a_prize_phase_is_announced_when_it_comes_within_notice(client):
    contest = contest_at(T0 + timedelta(days=200), open_phase=PhaseKind.SUBMISSION, year=2031)
    submission = contest.phases.get(kind=PhaseKind.SUBMISSION)
    announced = submission.starts_at - timedelta(days=120)
    with time_machine.travel(announced - timedelta(minutes=1), tick=False) as clock:
        assert "WSIS Prizes 2031" not in "".join(_sections(client))
        clock.move_to(announced)
        assert "WSIS Prizes 2031" in _sections(client)[1]


def test_a_write_shows_at_once(client, django_capture_on_commit_callbacks):
    call = CallFactory(year=2031, starts_at=T0 - timedelta(days=1), ends_at=T0 + timedelta(days=9))
    with time_machine.travel(T0, tick=False):
        assert "call 2031" in _sections(client)[0]
        with django_capture_on_commit_callbacks(execute=True):
            call.published_at = None
            call.save()
        assert "call 2031" not in _sections(client)[0]


def test_the_cached_content_keeps_each_persons_header_and_language(client):
    cache.clear()
    with time_machine.travel(T0, tick=False):
        anonymous = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        member = UserFactory()
        client.force_login(member)
        signed_in = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
        french = client.get("/fr/").content.decode()
    assert "Sign out" not in anonymous and "Sign out" in signed_in
    assert "csrfmiddlewaretoken" in signed_in
    content = anonymous[anonymous.index('id="open-now"') :]
    assert content == signed_in[signed_in.index('id="open-now"') :]
    assert "Ouvert maintenant" in french
    assert french[french.index('id="open-now"') :] != content
