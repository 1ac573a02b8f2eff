"""The site search's statements are prepared once per connection (wsis_portal/search_prepared.py)."""

from __future__ import annotations

import re

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.wsis_portal.test_site_search import KINDS, WORD, counts, one_of_each
from wsis_portal import search_prepared
from wsis_portal.search_prepared import numbered

pytestmark = pytest.mark.usefixtures("kept_connection")


def test_placeholders_are_numbered_and_the_words_query_is_computed_once():
    sql = (
        "SELECT ts_rank(d, wsis_search_query(%s)) FROM t WHERE d @@ (wsis_search_match(%s))"
        " AND t.code LIKE 'a%%' LIMIT %s"
    )
    assert numbered(sql) == (
        "SELECT ts_rank(d, (SELECT wsis_search_query($1))) FROM t"
        " WHERE d @@ ((SELECT wsis_search_match($2))) AND t.code LIKE 'a%' LIMIT $3",
        [],
    )


def test_named_placeholders_share_a_number_and_a_subquery_is_not_wrapped_twice():
    sql = (
        "SELECT 1 FROM t WHERE d @@ (SELECT wsis_search_match(%(q)s) && f(%(n)s))"
        " AND r = ts_rank(d, wsis_search_query(%(q)s)) LIMIT %(n)s"
    )
    assert numbered(sql) == (
        "SELECT 1 FROM t WHERE d @@ (SELECT wsis_search_match($1) && f($2))"
        " AND r = ts_rank(d, (SELECT wsis_search_query($1))) LIMIT $2",
        ["q", "n"],
    )


def _statements(captured) -> list[str]:
    return [q["sql"].split()[0] for q in captured.captured_queries]


@pytest.mark.django_db(transaction=True)  # the connection is closed midway
@pytest.mark.usefixtures("postgres")
def test_a_search_prepares_its_statements_once_per_connection(client):
    one_of_each()

    def search(page: int):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("site_search"), {"q": WORD, "page": page})
        assert counts(response) == dict.fromkeys(KINDS, 1)
        return _statements(captured)

    connection.close()  # none prepared yet, whatever ran before on this connection
    first = search(2)  # each search is computed: the page number keys the cache
    assert first.count("PREPARE") >= 5
    again = search(3)
    assert "PREPARE" not in again
    assert again.count("EXECUTE") == first.count("PREPARE")
    # A new connection has none of them: they are prepared again.
    connection.close()
    assert search(4).count("PREPARE") == first.count("PREPARE")


@pytest.mark.usefixtures("postgres")
def test_generic_plans_give_the_answers_of_plans_made_for_each_search(client, monkeypatch):
    items = one_of_each()
    one_of_each("wombat", year=2026)
    prepared = [client.get(reverse("site_search"), {"q": w, "page": 2}) for w in (WORD, "wombat")]
    monkeypatch.setattr(search_prepared, "execution", lambda c, sql, params: (sql, params))
    planned = [client.get(reverse("site_search"), {"q": w, "page": 3}) for w in (WORD, "wombat")]
    for a, b in zip(prepared, planned, strict=True):
        assert counts(a) == counts(b) == dict.fromkeys(KINDS, 1)
        hits_a = a.content.decode().split('id="results-heading"')[1]
        hits_b = b.content.decode().split('id="results-heading"')[1]
        assert hits_a.replace("page=2", "") == hits_b.replace("page=3", "")
    assert items["entry"].get_absolute_url() in prepared[0].content.decode()


@pytest.mark.usefixtures("postgres")
def test_a_statement_postgresql_will_not_prepare_runs_as_before_in_the_same_transaction():
    # PostgreSQL cannot tell the type of "$1 IS NULL": PREPARE fails, in its own savepoint.
    with transaction.atomic(), connection.cursor() as cursor:
        sql, params = search_prepared.execution(connection, "SELECT %s IS NULL", [None])
        assert (sql, params) == ("SELECT %s IS NULL", (None,))
        cursor.execute(sql, params)
        assert cursor.fetchone() == (True,)
        # Asked again, it is not retried.
        with CaptureQueriesContext(connection) as captured:
            search_prepared.execution(connection, "SELECT %s IS NULL", [None])
        assert captured.captured_queries == []


@pytest.mark.usefixtures("postgres")
def test_past_the_bound_a_connection_drops_its_statements_and_prepares_anew(monkeypatch):
    monkeypatch.setattr(search_prepared, "MAX_PREPARED", 2)
    with connection.cursor() as cursor:
        # None prepared yet, whatever earlier tests prepared on this connection (and not put
        # back afterwards: the connection no longer holds them).
        cursor.execute("DEALLOCATE ALL")
        setattr(connections[DEFAULT_DB_ALIAS], search_prepared._STATE, None)
        for n in (1, 2, 3):
            sql, params = search_prepared.execution(connection, f"SELECT %s::int + {n}", [1])
            assert sql.startswith("EXECUTE site_search_")
            cursor.execute(sql, params)
            assert cursor.fetchone() == (1 + n,)
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone() == (1,)


@pytest.mark.usefixtures("postgres")
def test_the_setting_turns_preparing_off(client, settings):
    """Behind PgBouncer in transaction mode a session's statements reach other clients."""
    one_of_each()
    settings.SITE_SEARCH_PREPARED_STATEMENTS = False
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("site_search"), {"q": WORD, "page": 6})
    assert counts(response) == dict.fromkeys(KINDS, 1)
    heads = _statements(captured)
    assert "PREPARE" not in heads and "EXECUTE" not in heads


@pytest.mark.usefixtures("postgres")
def test_a_connection_closed_after_the_request_prepares_nothing(client, monkeypatch):
    """With CONN_MAX_AGE 0 every search would prepare every statement anew: it plans them."""
    one_of_each()
    monkeypatch.setattr(connections[DEFAULT_DB_ALIAS], "close_at", 0.0)  # closed after this request
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("site_search"), {"q": WORD, "page": 5})
    assert counts(response) == dict.fromkeys(KINDS, 1)
    heads = _statements(captured)
    assert "PREPARE" not in heads and "EXECUTE" not in heads


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("postgres")
def test_every_prepared_statement_computes_the_words_query_once(client):
    """A bare ``wsis_search_match($1)`` in a generic plan runs the PL/pgSQL function again for
    every row it ranks or rechecks: each call on the words must be a scalar subquery."""
    one_of_each()
    connection.close()
    for params in ({"q": WORD}, {"q": WORD, "kind": "sessions", "action_line": "C3"}):
        client.get(reverse("site_search"), params)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'site_search_%%'"
        )
        statements = [row[0] for row in cursor.fetchall()]
    assert len(statements) >= 9
    for statement in statements:
        calls = re.findall(r"(.{8})wsis_search_(?:match|query)\(", statement)
        assert calls, statement[:200]
        assert all(before.endswith("(SELECT ") for before in calls), statement[:200]
