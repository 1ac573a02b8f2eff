"""A kind's page is its pool ranked first, then only the page's rows read
(``search_ranking._page``): the same rows, order and count as ranking every pooled row."""

from __future__ import annotations

import pytest
from django.contrib.postgres.search import SearchRank
from django.utils import timezone

from prizes.models import Project
from prizes.search_kinds import search_projects
from tests.factories.prizes import ProjectFactory, contest_at
from tests.wsis_portal.test_site_search import WORD
from wsis_portal.search import MultilingualSearchQuery
from wsis_portal.search_ranking import StoredDocument
from wsis_portal.site_search import SearchParams

pytestmark = pytest.mark.usefixtures("postgres", "kept_connection")


def test_pages_follow_the_rank_then_the_newest(monkeypatch):
    contest = contest_at(timezone.now(), year=2027)
    # The oldest rank highest (the word repeated most); a tie straddles pages 1 and 2: neither
    # the ids' order nor its reverse is the ranking's.
    for repeats in (9, 7, 5, 5, 3, 2, 1, 1):
        ProjectFactory(
            contest=contest, title="A project", description=" ".join([WORD] * repeats + ["x"])
        )
    ranked = list(
        Project.objects.annotate(
            rank=SearchRank(StoredDocument(), MultilingualSearchQuery(WORD))
        ).order_by("-rank", "-pk")
    )
    params = SearchParams(text=WORD)
    pages = [search_projects(params, offset, 3) for offset in (0, 3, 6)]
    assert [count for count, _ in pages] == [8, 8, 8]
    urls = [hit.url for _, hits in pages for hit in hits]
    assert urls == [project.get_absolute_url() for project in ranked]
    assert [p.pk for p in ranked] != sorted(p.pk for p in ranked)
    assert [p.pk for p in ranked] != sorted((p.pk for p in ranked), reverse=True)
