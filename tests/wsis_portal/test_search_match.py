"""wsis_search_match finds what wsis_search_query finds, naming each language's reading once."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

TEXTS = [
    "Community networks for rural schools",
    "A community network in the Andes",
    "Sign language interpreters online",
    "Early warning systems for tsunamis",
    "Jobs and broadband for young people",
    "The job centre",
    "Цифровое образование в сельских школах",
    "Образования и школа",
    "التعليم الرقمي في المدارس الريفية",
    "Éducation numérique pour les écoles",
    "教育信息化示范项目，数字教学资源",
    "数字 jobs 教育",
    "e-government services",
    "",
]
QUERIES = [
    "community network",
    "networks",
    "job",
    "jobs or broadband",
    '"sign language"',
    "broadband -jobs",
    "the",
    "образование",
    "школа",
    "التعليم",
    "المدارس",
    "éducation",
    "教育",
    "数字教学",
    "教育 jobs",
    "e-government",
    "",
    "and or not",
]


def _matches(function: str) -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT t, q FROM unnest(%s::text[]) t, unnest(%s::text[]) q"
            f" WHERE wsis_search_vector(t) @@ {function}(q) ORDER BY t, q",
            [TEXTS, QUERIES],
        )
        return cursor.fetchall()


def test_the_match_function_finds_what_the_query_function_finds(postgres):
    found = _matches("wsis_search_match")
    assert found == _matches("wsis_search_query")
    # Every language's reading counts: each of these pairs is found by one reading only.
    for pair in [
        ("Образования и школа", "образование"),  # russian stem
        ("Community networks for rural schools", "community network"),  # english stem
        ("التعليم الرقمي في المدارس الريفية", "المدارس"),  # arabic
        ("Éducation numérique pour les écoles", "éducation"),  # as written
        ("教育信息化示范项目，数字教学资源", "数字教学"),  # character pairs
        ("数字 jobs 教育", "教育 jobs"),
    ]:
        assert pair in found


def test_each_reading_is_named_once(postgres):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT wsis_search_match('network')::text, wsis_search_match('community network')::text,"
            " wsis_search_query('network')::text"
        )
        one, two, former = cursor.fetchone()
    assert one == "'network'"
    assert two == "'communiti' & 'network' | 'community' & 'network'"
    assert former.count("'network'") == 4  # what the GIN scan read four times
