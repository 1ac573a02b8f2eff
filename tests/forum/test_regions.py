import pytest
from django_countries.data import COUNTRIES

from forum.base.regions import COUNTRY_REGION, NO_REGION, countries_of_region, region_for_country
from forum.enums import Region


def test_every_country_has_a_region_or_is_listed_as_having_none():
    missing = set(COUNTRIES) - set(COUNTRY_REGION) - NO_REGION
    assert missing == set()


def test_no_code_is_placed_twice_and_none_is_unknown():
    codes = []
    from forum.base import regions

    for name in ("_AFRICA", "_ARAB_STATES", "_AMERICAS", "_ASIA_PACIFIC", "_CIS", "_EUROPE"):
        codes.extend(getattr(regions, name).split())
    assert len(codes) == len(set(codes))
    assert set(codes) <= set(COUNTRIES)
    assert not (set(codes) & NO_REGION)


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("EG", Region.ARAB_STATES),
        ("MA", Region.ARAB_STATES),
        ("SA", Region.ARAB_STATES),
        ("MR", Region.ARAB_STATES),
        ("RU", Region.CIS),
        ("KZ", Region.CIS),
        ("AM", Region.CIS),
        ("UA", Region.EUROPE),
        ("CH", Region.EUROPE),
        ("TR", Region.EUROPE),
        ("IL", Region.EUROPE),
        ("KE", Region.AFRICA),
        ("ZA", Region.AFRICA),
        ("BR", Region.AMERICAS),
        ("US", Region.AMERICAS),
        ("IR", Region.ASIA_PACIFIC),
        ("CN", Region.ASIA_PACIFIC),
        ("FJ", Region.ASIA_PACIFIC),
    ],
)
def test_region_for_country_follows_itu_grouping(code, region):
    assert region_for_country(code) == region
    assert region_for_country(code.lower()) == region


def test_region_for_country_unknown_or_empty_is_none():
    assert region_for_country("AQ") is None
    assert region_for_country("") is None
    assert region_for_country(None) is None
    assert region_for_country("ZZ") is None


def test_every_region_has_countries():
    for region in Region:
        assert countries_of_region(region)
    assert len(countries_of_region(Region.CIS)) == 9
    assert len(countries_of_region(Region.ARAB_STATES)) == 22
