"""Country names as the UN writes them, in the six languages, in each language's order."""

import pytest
from django.conf import settings
from django.utils import translation
from django_countries import countries
from django_countries.data import COUNTRIES

from wsis_portal.un_country_names import UN_NAMES

SAMPLES = {
    "en": {
        "RU": "Russian Federation",
        "VN": "Viet Nam",
        "KR": "Republic of Korea",
        "KP": "Democratic People's Republic of Korea",
        "TR": "Türkiye",
        "IR": "Iran (Islamic Republic of)",
        "BO": "Bolivia (Plurinational State of)",
        "NR": "Nauru",
        "TZ": "United Republic of Tanzania",
        "CI": "Côte d’Ivoire",
        "GB": "United Kingdom of Great Britain and Northern Ireland",
        "TW": "Taiwan Province of China",
    },
    "fr": {
        "RU": "Fédération de Russie",
        "KR": "République de Corée",
        "IR": "Iran (République islamique d’)",
        "TZ": "République-Unie de Tanzanie",
        "VN": "Viet Nam",
    },
    "es": {
        "RU": "Federación de Rusia",
        "KP": "República Popular Democrática de Corea",
        "BO": "Bolivia (Estado Plurinacional de)",
        "VN": "Viet Nam",
    },
    "ru": {
        "RU": "Российская Федерация",
        "KR": "Республика Корея",
        "IR": "Иран (Исламская Республика)",
        "TZ": "Объединенная Республика Танзания",
    },
    "zh-hans": {
        "RU": "俄罗斯联邦",
        "KR": "大韩民国",
        "KP": "朝鲜民主主义人民共和国",
        "IR": "伊朗伊斯兰共和国",
        "TW": "中国台湾省",
    },
    "ar": {
        "RU": "الاتحاد الروسي",
        "KR": "جمهورية كوريا",
        "TZ": "جمهورية تنزانيا المتحدة",
        "NR": "ناورو",
    },
}


@pytest.mark.parametrize("language", list(SAMPLES))
def test_country_names_are_the_uns_in_each_language(language):
    with translation.override(language):
        for code, name in SAMPLES[language].items():
            assert countries.name(code) == name, code


def test_every_offered_country_has_six_names():
    assert set(UN_NAMES) == set(COUNTRIES)
    assert set(dict(countries)) == set(COUNTRIES)
    for code, names in UN_NAMES.items():
        assert len(names) == len(settings.LANGUAGES) and all(n.strip() for n in names), code


def test_no_iso_or_cldr_short_names_remain():
    with translation.override("en"):
        names = {name for _code, name in countries}
    for short in ["Russia", "Vietnam", "North Korea", "South Korea", "Taiwan", "Turkey", "Iran"]:
        assert short not in names


def _position(language: str, code: str) -> int:
    with translation.override(language):
        return [c for c, _name in countries].index(code)


@pytest.mark.parametrize(
    ("language", "ordered"),
    [
        # French ignores accents at the first level: Égypte among the E's, after Dominique.
        ("fr", ["DM", "EG", "SV", "AE"]),
        # Spanish: Nicaragua, Níger, Nigeria (accent is secondary), Noruega.
        ("es", ["NI", "NE", "NG", "NO"]),
        # Russian alphabet: Австралия, Бразилия, Вьетнам, Германия … Япония.
        ("ru", ["AU", "BR", "VN", "DE", "JP"]),
        # Chinese in pinyin: 阿富汗 (a), 巴西 (ba), 德国 (de), 法国 (fa), 中国 (zhong).
        ("zh-hans", ["AF", "BR", "DE", "FR", "CN"]),
        # Arabic alphabet, article included: الأردن (alif), تونس (ta), مصر (mim), ناورو (nun).
        ("ar", ["JO", "TN", "EG", "NR"]),
        ("en", ["AF", "AX", "AL", "CI", "HR", "TR", "TM", "ZW"]),
    ],
)
def test_countries_are_sorted_by_each_languages_collation(language, ordered):
    positions = [_position(language, code) for code in ordered]
    assert positions == sorted(positions), list(zip(ordered, positions, strict=True))


@pytest.mark.django_db
def test_signup_form_offers_the_un_names_in_the_page_language(client):
    html = client.get("/ru/accounts/signup/").content.decode()
    assert '<option value="RU">Российская Федерация</option>' in html
    html = client.get("/zh-hans/accounts/signup/").content.decode()
    assert '<option value="TW">中国台湾省</option>' in html
    assert html.index('value="AF"') < html.index('value="BR"') < html.index('value="CN"')
