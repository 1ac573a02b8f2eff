"""The site search's probe: a kind whose table holds no match of the words answers none
without its query, and the probe never hides what the kind itself would find."""

from __future__ import annotations

import dataclasses

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stocktaking.enums import EntryStatus
from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory
from tests.factories.stocktaking import EntryFactory
from tests.support.prepared import statements_run
from tests.wsis_portal.test_site_search import KINDS, WORD, one_of_each, search
from wsis_portal import site_search
from wsis_portal.site_search import SearchParams

pytestmark = pytest.mark.usefixtures("postgres", "kept_connection")

TABLES = {
    "projects": "prizes_project",
    "sessions": "forum_session",
    "outcomes": "forum_outcomereport",
    "consultations": "consultations_consultation",
    "inputs": "consultations_discussion",
    "ungis": "ungis_agency",
    "initiatives": "ungis_initiative",
    "speakers": "forum_person",
}


def answers(params: SearchParams, **page: int | str) -> list[tuple[str, int, bool, list]]:
    args = {"only": "", "offset": 0, "limit": 20, "preview": 5, **page}
    return [
        (r.kind.key, r.count, r.more, r.hits)
        for r in site_search._compute(params=params, **args)  # type: ignore[arg-type]
    ]


def test_every_small_table_is_probed_in_the_settings_round_trip(client):
    one_of_each()
    with CaptureQueriesContext(connection) as captured:
        search(client, q=WORD, page=2)
    probe = next(q["sql"] for q in captured if q["sql"].startswith("SET LOCAL"))
    assert probe.count("EXISTS") == len(TABLES) == len(KINDS) - 1
    # Not the entries': a GIN bitmap of a common word's matches costs more than it saves.
    assert "stocktaking" not in probe


def test_a_kind_whose_table_holds_no_match_costs_no_query(client):
    one_of_each()
    EntryFactory(title="A wombat entry")
    search(client, q="warmup")  # the filters' lists are cached after this
    with CaptureQueriesContext(connection) as captured:
        response = search(client, q="wombat")
    assert response.status_code == 200
    statements = [s for s in statements_run(captured) if not s.startswith("SET LOCAL")]
    for kind, table in TABLES.items():
        assert not [s for s in statements if f'"{table}"' in s or f" {table} " in s], kind
    assert [s for s in statements if "stocktaking_searchdocument" in s]


@pytest.mark.parametrize(
    "params",
    [
        SearchParams(text=WORD),
        SearchParams(text=f"{WORD} hidden"),
        SearchParams(text="hidden"),
        SearchParams(text="nowhere"),
        SearchParams(text="numbat"),  # only a speaker's name: no session's text holds it
        SearchParams(text=WORD, year=2027),
        SearchParams(text=WORD, action_line="C3", sdg=4),
    ],
    ids=str,
)
def test_the_probe_never_changes_an_answer(monkeypatch, params):
    """Each kind's probe reads the kind's own document: with and without the probes, the same
    counts and hits, for words every kind finds, words only unpublished items hold, words
    found nowhere, and with filters; and a page of one kind."""
    items = one_of_each(year=2027)
    items["session"].roles.create(person=PersonFactory(name="Numbat Jones"), role=3)
    hidden = EditionFactory(year=2031, published_at=None)
    session = SessionFactory(edition=hidden, title="A hidden session")
    session.roles.create(person=PersonFactory(name="Hidden Person"), role=3)
    EntryFactory(title="A hidden draft", status=EntryStatus.DRAFT)
    probed = {
        "": answers(params),
        "sessions": answers(params, only="sessions", offset=0, limit=20),
    }
    monkeypatch.setattr(
        site_search,
        "_kinds",
        {key: dataclasses.replace(kind, probe=None) for key, kind in site_search._kinds.items()},
    )
    assert answers(params) == probed[""]
    assert answers(params, only="sessions", offset=0, limit=20) == probed["sessions"]
    if params == SearchParams(text=WORD):  # every kind finds it: none was skipped
        assert all(count for _, count, _, _ in probed[""])
