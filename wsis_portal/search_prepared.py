"""The site search's statements prepared once per database connection and run with a generic plan.

Planning was a fifth of the database's time in a cold search: each kind's statement (nested
subqueries, a window, the joins of its page) planned anew for every search, 0.5-2 ms apiece.
A statement the site search sends again and again (``search_plans`` keeps its SQL per shape,
the entries' selector writes its own) is instead prepared on the connection the first time
(``PREPARE``) and executed by name after that (``EXECUTE``); the search's transaction asks
for the generic plan (``plan_cache_mode``, ``site_search.SEARCH_SETTINGS``), planned once.

In a generic plan a function of a parameter is no longer folded into a constant when the
plan is made, so the visitor's words become their query inside a scalar subquery, computed
once per execution: left as a call, ``ts_rank(document, wsis_search_query($1))`` would run
the PL/pgSQL function again for every ranked row. The same 3,696 searches gave the same
answers both ways (``bench/site_search_same.py``).

Prepared statements live as long as the connection (not its transactions: a rolled-back
transaction keeps them), so they are remembered per DB-API connection object; a reconnection
starts afresh. A connection pooler that hands one client's session to another (PgBouncer's
transaction mode) would break this: the portal connects to PostgreSQL directly, and
``DJANGO_SITE_SEARCH_PREPARED_STATEMENTS=false`` turns preparing off behind such a pooler.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Mapping, Sequence
from typing import Any, overload

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

logger = logging.getLogger(__name__)

# The words' functions, each made a scalar subquery of the statement (see above) unless it
# already is one.
_WORDS_CALL = re.compile(r"(?<!SELECT )(?<![\w.])(wsis_search_(?:match|query)\((?:%s|%\(\w+\)s)\))")
_PLACEHOLDER = re.compile(r"%%|%s|%\((\w+)\)s")
# A connection keeps at most this many; past it they are all dropped and prepared again as
# they come (each holds its plan in the server process's memory).
MAX_PREPARED = 256
_STATE = "_site_search_prepared"

Params = Sequence[Any] | Mapping[str, Any]


@overload
def execution(
    connection: BaseDatabaseWrapper, sql: str, params: Mapping[str, Any]
) -> tuple[str, tuple[Any, ...] | Mapping[str, Any]]: ...


@overload
def execution(
    connection: BaseDatabaseWrapper, sql: str, params: Sequence[Any]
) -> tuple[str, tuple[Any, ...]]: ...


def execution(
    connection: BaseDatabaseWrapper, sql: str, params: Params
) -> tuple[str, tuple[Any, ...] | Mapping[str, Any]]:
    """(SQL, parameters) that run ``sql`` with ``params``: ``EXECUTE`` of its prepared form.

    ``sql`` is written for the DB-API (``%s`` or ``%(name)s`` placeholders, ``%%`` for a
    percent sign). Where it cannot be prepared (another database, or PostgreSQL refused it)
    it is returned as it is, and runs planned as before; so is it on a connection closed at the
    end of the request.
    """
    plain = (sql, params if isinstance(params, Mapping) else tuple(params))
    if (
        connection.vendor != "postgresql"
        or not settings.SITE_SEARCH_PREPARED_STATEMENTS
        or not _outlives_the_request(connection)
    ):
        return plain
    prepared, names = _prepared(connection, sql)
    if prepared is None:
        return plain
    values = [params[name] for name in names] if isinstance(params, Mapping) else list(params)
    if not values:
        return f"EXECUTE {prepared}", ()
    return f"EXECUTE {prepared}({', '.join(['%s'] * len(values))})", tuple(values)


def _outlives_the_request(connection: BaseDatabaseWrapper) -> bool:
    """Whether the connection is kept after this request (``CONN_MAX_AGE``, 60 s in
    docker-compose.yml): one closed at the end of it would prepare every statement of every
    search, which costs more than planning them."""
    connection.ensure_connection()
    return connection.close_at is None or connection.close_at > time.monotonic()


def numbered(sql: str) -> tuple[str, list[str]]:
    """``sql`` with its placeholders numbered ($1, $2...) and the words' query computed once;
    and, for named placeholders, the names in the order of their numbers."""
    names: list[str] = []
    positional = 0

    def number(match: re.Match[str]) -> str:
        nonlocal positional
        if match.group(0) == "%%":
            return "%"
        name = match.group(1)
        if name is None:
            positional += 1
            return f"${positional}"
        if name not in names:
            names.append(name)
        return f"${names.index(name) + 1}"

    once = _WORDS_CALL.sub(r"(SELECT \1)", sql)
    return _PLACEHOLDER.sub(number, once), names


def _prepared(connection: BaseDatabaseWrapper, sql: str) -> tuple[str | None, list[str]]:
    """The name of ``sql``'s prepared statement on this connection (prepared now if new),
    None if PostgreSQL refused to prepare it; and its parameters' names."""
    state = getattr(connection, _STATE, None)
    if state is None or state[0] is not connection.connection:
        state = (connection.connection, {})
        setattr(connection, _STATE, state)
    known: dict[str, tuple[str | None, list[str]]] = state[1]
    try:
        return known[sql]
    except KeyError:
        pass
    if len(known) >= MAX_PREPARED:
        with connection.cursor() as cursor:
            cursor.execute("DEALLOCATE ALL")
        known.clear()
    name = "site_search_" + hashlib.sha1(sql.encode()).hexdigest()[:20]
    text, names = numbered(sql)
    try:
        # In a savepoint: a refusal must not abort the search's transaction.
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(f"PREPARE {name} AS {text}")
    except DatabaseError:
        logger.warning("site search: a statement could not be prepared", exc_info=True)
        known[sql] = (None, names)
    else:
        known[sql] = (name, names)
    return known[sql]
