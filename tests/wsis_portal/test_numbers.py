"""Counts and figures written the way each language writes numbers (CLDR through ICU)."""

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from prizes.enums import PhaseKind
from prizes.models import Tally
from prizes.services import tally_compute
from tests.factories.prizes import ProjectFactory, category, contest_at, vote
from wsis_portal.numbers import number_display

NNBSP, NBSP = "\u202f", "\xa0"


@pytest.mark.parametrize(
    ("language", "big", "four_digits", "fraction"),
    [
        ("en", "1,234,567", "1,234", "12.5"),
        ("fr", f"1{NNBSP}234{NNBSP}567", f"1{NNBSP}234", "12,5"),
        ("es", "1.234.567", "1234", "12,5"),
        ("ru", f"1{NBSP}234{NBSP}567", f"1{NBSP}234", "12,5"),
        ("ar", "1,234,567", "1,234", "12.5"),
        ("zh-hans", "1,234,567", "1,234", "12.5"),
    ],
)
def test_each_language_groups_digits_its_own_way(language, big, four_digits, fraction):
    assert number_display(1234567, language=language) == big
    assert number_display(1234, language=language) == four_digits
    assert number_display(Decimal("12.5"), language=language) == fraction
    with translation.override(language):
        assert number_display(1234567) == big


def test_arabic_keeps_western_digits_as_un_arabic_documents_do():
    assert number_display(2000000, language="ar").isascii()


def test_num_filter_formats_numbers_and_leaves_the_rest():
    template = Template(
        "{% load portal %}{{ a|num }}|{{ b|num }}|{{ c|num }}|{{ d|num:1 }}|{{ e|num }}"
    )
    with translation.override("fr"):
        out = template.render(Context({"a": 12345, "b": "2026", "c": None, "d": 2.25, "e": True}))
    assert out == f"12{NNBSP}345|2026|None|2,2|True"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "shown"),
    [("", "12,345 valid votes"), ("/fr", f"12{NNBSP}345"), ("/ru", f"12{NBSP}345")],
)
def test_live_results_write_vote_counts_in_the_readers_language(client, prefix, shown):
    contest = contest_at(timezone.now(), PhaseKind.VOTING, live_results_public=True)
    project = ProjectFactory(contest=contest, category=category(contest, "C1"))
    vote(project)
    tally_compute(contest=contest)
    Tally.objects.filter(project=project).update(votes=12345)
    body = client.get(prefix + reverse("prizes:results", args=[contest.year])).content.decode()
    assert shown in body  # the chart's title, its bar label and its table
    assert not re.search(r"(?<![\w-])12345(?![\w-])", body)  # title, bar label and table
    # Years and addresses stay as they are: no "2,026" anywhere.
    assert f"/{contest.year}/" in body
