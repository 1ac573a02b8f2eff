import re

import pytest

from forum.base.taxonomy import ACTION_LINES, SDGS
from forum.models import SDG, ActionLine

EXPECTED_CODES = [
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "C6",
    "C7-EGOV",
    "C7-EBUS",
    "C7-ELEA",
    "C7-EHEA",
    "C7-EEMP",
    "C7-EENV",
    "C7-EAGR",
    "C7-ESCI",
    "C8",
    "C9",
    "C10",
    "C11",
]


@pytest.mark.django_db
def test_taxonomy_has_18_action_lines_in_order():
    assert list(ActionLine.objects.values_list("code", flat=True)) == EXPECTED_CODES
    egov = ActionLine.objects.get(code="C7-EGOV")
    assert egov.title.endswith("E-government")
    assert egov.short_title == "E-government"


@pytest.mark.django_db
def test_taxonomy_has_17_sdgs_with_official_colours():
    goals = list(SDG.objects.all())
    assert [g.number for g in goals] == list(range(1, 18))
    colours = {g.number: g.colour for g in goals}
    assert colours[1] == "#E5243B"
    assert colours[9] == "#FD6925"
    assert colours[17] == "#19486A"
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours.values())
    assert len(set(colours.values())) == 17
    assert str(SDG.objects.get(number=4)).startswith("Goal 4: Ensure inclusive")


@pytest.mark.django_db
def test_taxonomy_load_is_idempotent():
    from forum.base.services import taxonomy_load

    taxonomy_load()
    taxonomy_load()
    assert ActionLine.objects.count() == len(ACTION_LINES) == 18
    assert SDG.objects.count() == len(SDGS) == 17
