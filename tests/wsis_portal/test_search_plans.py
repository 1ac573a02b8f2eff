"""The site search's queries compiled once per shape (wsis_portal.search_plans): a kept
shape answers every later search with that search's own words and filters."""

from __future__ import annotations

import pytest
from django.db.models import QuerySet
from django.utils import timezone

from tests.factories.forum import sdg
from tests.factories.prizes import ProjectFactory, contest_at
from tests.wsis_portal.test_site_search import one_of_each
from ungis.models import Initiative
from wsis_portal import search_plans, site_search
from wsis_portal.site_search import SearchParams

pytestmark = pytest.mark.usefixtures("postgres", "kept_connection")


def kind(key: str, params: SearchParams, offset: int = 0, limit: int = 5) -> site_search.KindResult:
    [result] = [
        r
        for r in site_search._compute(
            params=params, only=key, offset=offset, limit=limit, preview=limit
        )
        if r.kind.key == key
    ]
    return result


def titles(result: site_search.KindResult) -> list[str]:
    return [hit.title for hit in result.hits]


def test_a_kept_shape_answers_each_search_with_its_own_words():
    one_of_each("quokka")
    one_of_each("wombat", year=2028, tag="w")
    search_plans._plans.clear()
    for word in ("quokka", "wombat", "quokka"):
        for key in ("entries", "projects", "sessions", "outcomes", "speakers", "initiatives"):
            result = kind(key, SearchParams(text=word))
            assert result.count == 1, (word, key)
            assert word in " ".join(titles(result)).lower(), (word, key)
    # The shapes were kept (and so the second and third searches ran kept SQL).
    assert search_plans._plans and all(search_plans._plans.values())


def test_a_kept_shape_answers_each_search_with_its_own_filters():
    for year, number in ((2027, 4), (2028, 5)):
        contest = contest_at(timezone.now(), year=year)
        project = ProjectFactory(contest=contest, title=f"Quokka project {year}")
        project.sdgs.add(sdg(number))
    search_plans._plans.clear()
    for year, number in ((2027, 4), (2028, 5), (2027, 4)):
        by_year = kind("projects", SearchParams(text="quokka", year=year))
        assert titles(by_year) == [f"Quokka project {year}"]
        by_goal = kind("projects", SearchParams(text="quokka", sdg=number))
        assert titles(by_goal) == [f"Quokka project {year}"]
    # Without the filter: another shape, with both projects.
    assert kind("projects", SearchParams(text="quokka")).count == 2


def _initiatives_like(params: SearchParams) -> QuerySet[Initiative]:
    # The words become a LIKE pattern: the stand-in is rewritten, so nothing can be kept.
    return Initiative.objects.filter(name__icontains=params.text)


def test_a_builder_that_rewrites_a_value_is_compiled_every_time():
    Initiative.objects.create(slug="quokka", name="The quokka initiative")
    Initiative.objects.create(slug="wombat", name="The wombat initiative")
    for word in ("quokka", "wombat"):
        found = list(search_plans.compiled(_initiatives_like, SearchParams(text=word)))
        assert [i.slug for i in found] == [word]
    assert [
        plan for (build, *_), plan in search_plans._plans.items() if build is _initiatives_like
    ] == [None]


def test_a_function_made_for_one_search_is_never_kept():
    Initiative.objects.create(slug="quokka", name="The quokka initiative")
    before = len(search_plans._plans)
    found = search_plans.compiled(
        lambda params: Initiative.objects.filter(slug=params.text), SearchParams(text="quokka")
    )
    assert [i.slug for i in found] == ["quokka"]
    assert len(search_plans._plans) == before
