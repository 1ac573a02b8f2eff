"""The online discussions can be searched in every language."""

import pytest

from consultations.selectors import discussions_of
from tests.factories.consultations import CommentFactory, ConsultationFactory, DiscussionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(postgres):
    consultation = ConsultationFactory()
    DiscussionFactory(
        consultation=consultation, title="人工智能与发展", body="讨论人工智能的治理。"
    )
    russian = DiscussionFactory(consultation=consultation, title="Открытые данные", body="Тема.")
    CommentFactory(discussion=russian, body="Нужны стандарты кибербезопасности для государств.")
    arabic = DiscussionFactory(consultation=consultation, title="الأمن السيبراني", body="موضوع.")
    CommentFactory(discussion=arabic, body="hidden words", is_hidden=True)
    DiscussionFactory(consultation=consultation, title="Digital skills", body="Training.")
    return consultation


def _titles(consultation, text: str) -> set[str]:
    return {d.title for d in discussions_of(consultation=consultation, text=text)}


def test_two_chinese_characters_find_the_topic(consultation):
    assert _titles(consultation, "治理") == {"人工智能与发展"}
    assert _titles(consultation, "人工") == {"人工智能与发展"}


def test_russian_comment_finds_its_topic(consultation):
    assert _titles(consultation, "стандарт кибербезопасности") == {"Открытые данные"}


def test_arabic_title_and_hidden_comments(consultation):
    assert _titles(consultation, "السيبراني") == {"الأمن السيبراني"}
    assert _titles(consultation, "hidden") == set()


def test_discussions_page_has_a_search_box_that_filters(client, consultation):
    url = f"/ru/consultations/{consultation.slug}/discussions/"
    html = client.get(url, {"q": "кибербезопасность"}).content.decode()
    assert 'name="q"' in html and "Открытые данные" in html
    assert "Digital skills" not in html


def test_search_uses_the_expression_indexes(consultation):
    from django.db import connection

    qs = discussions_of(consultation=consultation, text="治理")
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "consultations_discussion_search" in plan
    assert "consultations_comment_search" in plan
