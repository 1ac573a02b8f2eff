"""``/search/``: one search over every kind of public content (wsis_portal.site_search)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultations.models import Consultation
from forum.models import Edition
from forum.search_kinds import search_speakers
from prizes.enums import ProjectStatus
from stocktaking.enums import EntryStatus
from tests.factories.consultations import ConsultationFactory, DiscussionFactory
from tests.factories.forum import action_line, sdg, sourced_role
from tests.factories.forum_outcomes import OutcomeReportFactory
from tests.factories.forum_programme import EditionFactory, PersonFactory, SessionFactory
from tests.factories.prizes import ProjectFactory, contest_at
from tests.factories.stocktaking import EntryFactory
from ungis.models import Agency, Initiative
from wsis_portal.site_search import SearchParams

pytestmark = pytest.mark.usefixtures("postgres", "kept_connection")

WORD = "quokka"
KINDS = [
    "entries",
    "projects",
    "sessions",
    "outcomes",
    "consultations",
    "inputs",
    "ungis",
    "initiatives",
    "speakers",
]


def counts(response) -> dict[str, int]:
    """The count of each kind as the page's navigation by kind shows it."""
    html = response.content.decode()
    found = re.findall(r'<li data-kind="([a-z]+)">.*?<span class="count">\((\d+)\)', html)
    return {kind: int(n) for kind, n in found}


def search(client, **params):
    return client.get(reverse("site_search"), params)


def one_of_each(word: str = WORD, *, year: int = 2027, tag: str = "") -> dict[str, object]:
    """One public item of every kind whose text holds ``word``, tagged C3 and SDG 4."""
    contest = contest_at(timezone.now(), year=year)
    edition = contest.edition
    session = SessionFactory(
        edition=edition,
        title=f"Open data {word} session",
        action_lines=[action_line("C3")],
        sdgs=[sdg(4)],
    )
    person = PersonFactory(name=f"Ada {word.title()}")
    session.roles.create(person=person, role=3)
    report = OutcomeReportFactory(
        session=session,
        key_messages=f"The {word} message.",
        action_lines=[action_line("C3")],
        sdgs=[sdg(4)],
    )
    project = ProjectFactory(
        contest=contest,
        title=f"The {word} project",
        category=contest.categories.get(action_line__code="C3"),
    )
    project.sdgs.add(sdg(4))
    entry = EntryFactory(title=f"A {word} entry", action_lines=["C3"], sdgs=[4], start_year=year)
    consultation = ConsultationFactory(
        edition=edition, title=f"Consulting the {word}", description="Agenda."
    )
    discussion = DiscussionFactory(consultation=consultation, title=f"On the {word}")
    agency = Agency.objects.create(acronym=f"{word[:6]}{tag}".upper(), name=f"The {word} agency")
    initiative = Initiative.objects.create(slug=f"{word}{tag}", name=f"The {word} initiative")
    return {
        "session": session,
        "person": person,
        "report": report,
        "project": project,
        "entry": entry,
        "consultation": consultation,
        "discussion": discussion,
        "agency": agency,
        "initiative": initiative,
    }


def test_search_finds_each_kind_grouped_with_counts(client):
    items = one_of_each()
    response = search(client, q=WORD)
    assert response.status_code == 200
    assert counts(response) == dict.fromkeys(KINDS, 1)
    html = response.content.decode()
    for key in ("session", "project", "entry", "consultation", "discussion", "agency"):
        assert items[key].get_absolute_url() in html
    assert f"{WORD} initiative" in html and "Ada Quokka" in html
    assert "9 results for" in html


def test_search_page_without_words_shows_the_form_only(client):
    response = search(client)
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()
    assert "results-heading" not in response.content.decode()


def test_header_search_box_sends_to_the_site_search(client):
    html = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("site_search")}"' in html
    assert 'id="header-search-q"' in html and 'for="header-search-q"' in html


def test_drafts_and_unpublished_content_are_never_found(client):
    hidden = EditionFactory(year=2031, published_at=None)
    session = SessionFactory(edition=hidden, title=f"Hidden {WORD}")
    session.roles.create(person=PersonFactory(name=f"Hidden {WORD}"), role=3)
    OutcomeReportFactory(session=session, key_messages=f"Hidden {WORD}")
    contest = contest_at(timezone.now(), year=2033)
    ProjectFactory(contest=contest, title=f"Draft {WORD}", status=ProjectStatus.DRAFT)
    ProjectFactory(contest=contest, title=f"Submitted {WORD}", status=ProjectStatus.SUBMITTED)
    unpublished = contest_at(timezone.now(), year=2034, published=False)
    ProjectFactory(contest=unpublished, title=f"Nominated in a draft contest {WORD}")
    EntryFactory(title=f"Draft {WORD}", status=EntryStatus.DRAFT)
    EntryFactory(title=f"Pending {WORD}", status=EntryStatus.SUBMITTED)
    consultation = ConsultationFactory(title=f"Draft {WORD}", published_at=None)
    DiscussionFactory(consultation=consultation, title=f"Draft {WORD}")
    assert Edition.objects.filter(published_at__isnull=True).exists()
    assert Consultation.objects.filter(published_at__isnull=True).exists()
    response = search(client, q=WORD)
    assert sum(counts(response).values()) == 0
    assert "Nothing matches" in response.content.decode()


def test_filters_narrow_every_kind_that_has_them(client):
    one_of_each()
    one_of_each("wombat", year=2028)
    EntryFactory(title=f"Other {WORD}", action_lines=["C8"], sdgs=[13], start_year=2019)
    # A source names the agency QUOKKA (spelt otherwise) among C3's facilitators.
    sourced_role("C3", "Quokka", "co")
    assert counts(search(client, q=WORD))["entries"] == 2
    by_action_line = counts(search(client, q=WORD, action_line="C3"))
    # Consultations and initiatives carry no Action Line: a filter on one leaves them out.
    assert by_action_line == {
        **dict.fromkeys(KINDS, 1),
        "consultations": 0,
        "inputs": 0,
        "initiatives": 0,
    }
    assert counts(search(client, q=WORD, action_line="C8"))["ungis"] == 0
    by_sdg = counts(search(client, q=WORD, sdg=4))
    assert by_sdg["entries"] == 1 and by_sdg["sessions"] == 1 and by_sdg["ungis"] == 0
    assert counts(search(client, q=WORD, sdg=13))["entries"] == 1
    by_year = counts(search(client, q=WORD, year=2027))
    assert by_year["entries"] == 1 and by_year["consultations"] == 1
    assert by_year["projects"] == 1 and by_year["initiatives"] == 0
    assert counts(search(client, q="wombat", year=2027))["sessions"] == 0
    assert counts(search(client, q="wombat", year=2028))["sessions"] == 1


def test_members_filtered_by_action_line_are_those_a_source_names(client):
    """The UNGIS kind's Action Line filter reads forum's sourced roles, nothing else."""
    sourced_role("C7-EENV", "UN Habitat", "co")
    # "Organization": WMO (sourced lead) but not WHO, which no source names for e-environment.
    response = search(client, q="Organization", kind="ungis", action_line="C7-EENV")
    html = response.content.decode()
    assert counts(response)["ungis"] == 1
    assert "/ungis/members/WMO/" in html and "/ungis/members/WHO/" not in html
    # "Programme": UN-HABITAT, matched on its acronym however the source spells it; not UNDP.
    html = search(client, q="Programme", kind="ungis", action_line="C7-EENV").content.decode()
    assert "/ungis/members/UN-HABITAT/" in html and "/ungis/members/UNDP/" not in html
    assert counts(search(client, q="Programme", kind="ungis"))["ungis"] >= 2


def test_kind_filter_pages_through_one_kind_and_keeps_the_other_counts(client):
    for n in range(7):
        EntryFactory(title=f"{WORD} entry {n}")
    SessionFactory(title=f"{WORD} session")
    grouped = search(client, q=WORD).content.decode()
    assert grouped.count('href="/stocktaking/entries/') == 5
    assert "Show all 7 results in WSIS Stocktaking entries" in grouped
    only = search(client, q=WORD, kind="entries")
    html = only.content.decode()
    assert html.count('href="/stocktaking/entries/') == 7
    assert 'id="kind-sessions"' not in html
    assert counts(only)["sessions"] == 1


def test_a_later_page_numbers_its_results_on_from_the_pages_before(client):
    for n in range(23):
        EntryFactory(title=f"{WORD} entry {n}")
    first = search(client, q=WORD, kind="entries").content.decode()
    second = search(client, q=WORD, kind="entries", page=2).content.decode()
    assert '<ol class="site-search-hits">' in first
    assert '<ol class="site-search-hits" start="21">' in second
    assert second.count('href="/stocktaking/entries/') == 3


def test_results_are_ranked_within_a_kind(client):
    EntryFactory(title="Broadband in schools", description=f"Mentions {WORD} once.")
    best = EntryFactory(title=f"{WORD} {WORD} observatory", description=f"All about {WORD}.")
    html = search(client, q=WORD, kind="entries").content.decode()
    urls = re.findall(r'href="(/stocktaking/entries/\d+/)"', html)
    assert urls[0] == best.get_absolute_url()


def test_chinese_two_character_query_finds_an_entry(client):
    entry = EntryFactory(title="农村学校的数字教育", description="为偏远地区提供教育资源。")
    response = search(client, q="教育")
    assert counts(response)["entries"] == 1
    assert entry.get_absolute_url() in response.content.decode()


def test_translated_session_is_found_and_shown_in_the_visitors_language(client):
    session = SessionFactory(title="Digital governance")
    session.title_fr = "Gouvernance numérique"
    session.save()
    response = client.get("/fr/search/", {"q": "gouvernance"})
    assert counts(response)["sessions"] == 1
    assert "Gouvernance numérique" in response.content.decode()
    english = Client().get("/search/", {"q": "governance"}).content.decode()
    assert "Digital governance" in english


def test_a_bad_filter_is_an_error_next_to_its_field(client):
    response = search(client, q=WORD, year="last", action_line="C99")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="search-errors"' in html and 'href="#id_year"' in html
    assert 'href="#id_action_line"' in html


@pytest.mark.django_db(transaction=True)  # the connection is closed midway
@pytest.mark.parametrize("n", [1, 3])
def test_search_query_budget(client, django_assert_max_num_queries, n):
    for i in range(n):
        one_of_each(year=2027 + i, tag=str(i))
    # A connection's first search of a shape also prepares its statements (search_prepared),
    # each in a savepoint; it runs nothing else more than the searches after it.
    connection.close()
    with CaptureQueriesContext(connection) as first:
        search(client, q=WORD, page=2)
    with CaptureQueriesContext(connection) as after:
        search(client, q=WORD, page=3)
    heads = [q["sql"].split()[0] for q in first.captured_queries]
    assert heads.count("PREPARE") >= 5
    preparing = {"SAVEPOINT", "PREPARE", "RELEASE"}
    filters = 2  # the filters' lists, cached by the first search
    assert [h for h in heads if h not in preparing][filters:] == [
        q["sql"].split()[0] for q in after.captured_queries
    ]
    # One query per kind, two for the filters' lists, one to keep the planner on the GIN
    # indexes (SET LOCAL), whatever the number of items.
    with django_assert_max_num_queries(12):
        response = search(client, q=WORD)
    assert response.status_code == 200
    search(client, q=WORD, kind="sessions", action_line="C3", sdg=4, year=2026)
    with django_assert_max_num_queries(12):
        search(client, q=WORD, kind="sessions", action_line="C3", sdg=4, year=2027)


def test_each_filter_leaves_out_items_of_the_same_words_that_lack_it(client):
    """Every kind that has a filter applies it to its pool (the page's rows only read the
    pool): an item with the same words but another Action Line, SDG and year is left out."""
    one_of_each(year=2027)  # C3, SDG 4, 2027
    contest = contest_at(timezone.now(), year=2029)
    session = SessionFactory(
        edition=contest.edition,
        title=f"Other {WORD} session",
        action_lines=[action_line("C8")],
        sdgs=[sdg(13)],
    )
    session.roles.create(person=PersonFactory(name=f"Bob {WORD.title()}"), role=3)
    OutcomeReportFactory(
        session=session,
        key_messages=f"Another {WORD} message.",
        action_lines=[action_line("C8")],
        sdgs=[sdg(13)],
    )
    project = ProjectFactory(
        contest=contest,
        title=f"Another {WORD} project",
        category=contest.categories.get(action_line__code="C8"),
    )
    project.sdgs.add(sdg(13))
    EntryFactory(title=f"Another {WORD} entry", action_lines=["C8"], sdgs=[13], start_year=2029)
    consultation = ConsultationFactory(
        edition=contest.edition, title=f"Another {WORD} consultation"
    )
    DiscussionFactory(consultation=consultation, title=f"Another {WORD} topic")
    tagged = ["entries", "projects", "sessions", "outcomes", "speakers"]
    dated = [*tagged, "consultations", "inputs"]
    everything = counts(search(client, q=WORD))
    assert {kind: everything[kind] for kind in dated} == dict.fromkeys(dated, 2)
    by_action_line = counts(search(client, q=WORD, action_line="C3"))
    assert {kind: by_action_line[kind] for kind in tagged} == dict.fromkeys(tagged, 1)
    by_sdg = counts(search(client, q=WORD, sdg=4))
    assert {kind: by_sdg[kind] for kind in tagged} == dict.fromkeys(tagged, 1)
    by_year = counts(search(client, q=WORD, year=2027))
    assert {kind: by_year[kind] for kind in dated} == dict.fromkeys(dated, 1)


def test_the_filters_selects_are_written_as_django_writes_them():
    """The form's selects are written in Python (QuickSelect), the same as Django's."""
    from django import forms

    from wsis_portal.views_search import SiteSearchForm
    from wsis_portal.widgets import QuickSelect

    action_line("C3")
    sdg(4)
    form = SiteSearchForm({"q": WORD, "kind": "sessions", "action_line": "C3", "sdg": "4"})
    assert form.is_valid()
    for name in ("kind", "action_line", "sdg"):
        field = form.fields[name]
        assert isinstance(field.widget, QuickSelect)
        written = str(form[name])
        django = forms.Select(choices=field.choices).render(
            form[name].html_name, form[name].value(), attrs={"id": form[name].auto_id}
        )
        assert re.sub(r">\s+<", "><", written) == re.sub(r">\s+<", "><", django)
        assert " selected" in written


def test_a_speaker_opens_their_latest_public_session_with_its_year():
    person = PersonFactory(name=f"Grace {WORD.title()}")
    sessions = {}
    for year, published in ((2027, True), (2029, True), (2028, True), (2031, False)):
        edition = EditionFactory(year=year, published_at=timezone.now() if published else None)
        sessions[year] = SessionFactory(
            edition=edition, starts_at=datetime(year, 5, 10, 7, 0, tzinfo=UTC)
        )
        sessions[year].roles.create(person=person, role=3)
    count, hits = search_speakers(SearchParams(text=WORD), 0, 5)
    assert count == 1
    # The newest public session (2029), not the unpublished 2031 one nor the latest created.
    assert hits[0].url == reverse("forum:session", args=[2029, sessions[2029].pk])


def test_a_speaker_opens_their_latest_session_that_is_public_and_passes_the_filters():
    from tests.factories.proposals import ProposalCallFactory, ProposalFactory

    person = PersonFactory(name=f"Grace {WORD.title()}")
    edition = EditionFactory(year=2027)

    def role_in(day: int, **tags) -> int:
        session = SessionFactory(
            edition=edition, starts_at=datetime(2027, 5, day, 7, 0, tzinfo=UTC), **tags
        )
        session.roles.create(person=person, role=3)
        return session

    tagged = role_in(10, action_lines=[action_line("C3")], sdgs=[sdg(4)])
    untagged = role_in(12, action_lines=[action_line("C8")])
    # Accepted, its programme not yet published: hidden, though the latest and tagged.
    accepted = role_in(14, action_lines=[action_line("C3")], sdgs=[sdg(4)])
    call = ProposalCallFactory(edition=edition)
    ProposalFactory(call=call, session=accepted)
    PersonFactory(name=f"Only accepted {WORD}").roles.create(session=accepted, role=3)

    def opened(**filters) -> list[str]:
        count, hits = search_speakers(SearchParams(text=WORD, **filters), 0, 5)
        assert count == len(hits)
        return [hit.url for hit in hits]

    def url(session) -> list[str]:
        return [reverse("forum:session", args=[2027, session.pk])]

    assert opened() == url(untagged)
    assert opened(year=2027) == url(untagged)
    assert opened(action_line="C3") == url(tagged)
    assert opened(sdg=4) == url(tagged)
    assert opened(action_line="C3", sdg=4, year=2027) == url(tagged)
    assert opened(action_line="C8", sdg=4) == []
    call.programme_published_at = timezone.now()
    call.save()
    assert opened() == url(accepted) * 2
