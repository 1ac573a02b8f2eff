"""A matrix cell's newest entries: read from the pair's links first, the same entries as
the plain join of the entries to both links gives."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from django.utils import timezone

from forum.models import SDG, ActionLine
from stocktaking.enums import EntryStatus
from stocktaking.selectors import matrix, published_entries
from stocktaking.selectors.matrix import newest_of_pair
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db

CODES = ["C1", "C2", "C3"]
NUMBERS = [4, 9, 16]


def joined(action_line, sdg, limit):
    """The former query: the entries joined to both links, newest first."""
    return list(
        published_entries()
        .filter(action_line_links__action_line=action_line, sdg_links__sdg=sdg)
        .order_by("-published_at", "-id")
        .values_list("id", flat=True)[:limit]
    )


@pytest.mark.parametrize("dense_from", [0, 5, 10_000], ids=["walked", "mixed", "pair-first"])
def test_newest_of_each_pair_are_those_of_the_join(dense_from, monkeypatch):
    monkeypatch.setattr(matrix, "DENSE_PAIR", dense_from)
    rng = random.Random(7)
    now = timezone.now()
    for n in range(60):
        published = rng.random() < 0.8
        EntryFactory(
            status=EntryStatus.PUBLISHED if published else EntryStatus.SUBMITTED,
            # Some entries share a publication time: the id breaks the tie.
            published_at=now - timedelta(hours=rng.randrange(20)) if published else None,
            action_lines=rng.sample(CODES, rng.randrange(1, 3)),
            sdgs=rng.sample(NUMBERS, rng.randrange(0, 3)),
        )
    seen = 0
    for code in CODES:
        for number in NUMBERS:
            action_line = ActionLine.objects.get(code=code)
            goal = SDG.objects.get(number=number)
            for limit in (1, 5, 50):
                expected = joined(action_line, goal, limit)
                assert [e.pk for e in newest_of_pair(action_line, goal, limit)] == expected
                seen += len(expected)
    assert seen > 100


def test_an_entry_of_the_pair_has_the_fields_the_cell_shows():
    entry = EntryFactory(title="Rural telecentres", action_lines=["C2"], sdgs=[9])
    (found,) = newest_of_pair(ActionLine.objects.get(code="C2"), SDG.objects.get(number=9), 50)
    assert (found.pk, found.title, found.organisation, found.country) == (
        entry.pk,
        entry.title,
        entry.organisation,
        entry.country,
    )
