"""Stocktaking search finds entries written in any of the six languages."""

import pytest
from django.http import QueryDict

from stocktaking.selectors import entry_search
from tests.factories.stocktaking import EntryFactory

pytestmark = pytest.mark.django_db


def _titles(query: str) -> set[str]:
    result = entry_search(params=QueryDict(query), page_number=1)
    return {entry.title for entry in result["entries"]}


@pytest.fixture
def entries(postgres):
    EntryFactory(
        title="教育信息化示范项目",
        description="为农村学校提供宽带接入和数字教学资源。",
        organisation="中国教育部",
    )
    EntryFactory(
        title="Цифровое образование в сельских школах",
        description="Подключение школ к широкополосному интернету.",
    )
    EntryFactory(
        title="التعليم الرقمي في المدارس الريفية",
        description="ربط المدارس بالإنترنت عريض النطاق.",
    )
    EntryFactory(title="Éducation numérique", description="Des tablettes pour les écoles rurales.")
    EntryFactory(title="Telemedicine network", description="Doctors online.")


def test_a_two_character_chinese_query_finds_the_entry(entries):
    assert _titles("q=教育") == {"教育信息化示范项目"}
    assert _titles("q=宽带") == {"教育信息化示范项目"}  # in the description, between other words


def test_a_longer_chinese_query_needs_its_characters_side_by_side(entries):
    assert _titles("q=数字教学") == {"教育信息化示范项目"}
    assert _titles("q=学教") == set()  # both characters occur, never in this order


def test_russian_is_found_by_another_form_of_the_word(entries):
    assert _titles("q=образование") == {"Цифровое образование в сельских школах"}
    assert _titles("q=школа") == {"Цифровое образование в сельских школах"}


def test_arabic_is_found_with_and_without_the_article(entries):
    assert _titles("q=التعليم") == {"التعليم الرقمي في المدارس الريفية"}
    assert _titles("q=المدارس") == {"التعليم الرقمي في المدارس الريفية"}


def test_french_accents_and_english_stems_still_match(entries):
    assert _titles("q=éducation") == {"Éducation numérique"}
    assert _titles("q=écoles") == {"Éducation numérique"}
    assert _titles("q=telemedicine") == {"Telemedicine network"}


def test_mixed_scripts_must_all_match(entries):
    EntryFactory(title="宽带 broadband for 教育", description="")
    assert _titles("q=教育 broadband") == {"宽带 broadband for 教育"}
    assert _titles("q=教育 telemedicine") == set()


def test_search_page_in_chinese_shows_the_chinese_entry(client, entries):
    html = client.get("/zh-hans/stocktaking/?q=教育").content.decode()
    assert "教育信息化示范项目" in html
    assert "Telemedicine network" not in html
