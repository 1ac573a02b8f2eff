"""Demo data at the size of the real WSIS processes, for measuring pages and the vote path.

``seed_demo --scale wsis`` adds, on top of the ordinary demo, what the busiest year of the
WSIS processes holds: half a million accounts, 100,000 stocktaking entries, 2,000,000 votes
over 1,000 projects and a Forum programme of 2,500 sessions. Rows go in with set-based SQL
(``INSERT … SELECT generate_series``), so the whole set takes minutes, and every run is
idempotent: it tops up to the sizes below and never duplicates.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection

from .demo import DEMO_EMAIL_DOMAIN

# The sizes of one busy year (issue 16): accounts, published stocktaking entries, votes in
# the open contest, projects on its ballot, sessions in the programme of the next Forum.
SCALES: dict[str, dict[str, int]] = {
    "wsis": {
        "accounts": 500_000,
        "entries": 100_000,
        "votes": 2_000_000,
        "projects": 1_000,
        "sessions": 2_500,
    },
}

# The bulk accounts are demo voters: ``demo-voter-<n>@`` the demo domain, n from 1.
VOTER_PREFIX = "demo-voter-"


def scale_sizes(options: dict[str, Any]) -> dict[str, int] | None:
    """The sizes asked for with ``--scale``, or None for the ordinary demo."""
    name = options.get("scale")
    return SCALES[name] if name else None


def voter_number_sql(column: str = "email") -> str:
    """SQL reading n from a bulk voter's address, for joins that pick votes by voter."""
    return f"split_part(split_part({column}, '@', 1), '-', 3)::bigint"


def voter_email_regex() -> str:
    return "^" + VOTER_PREFIX + r"[0-9]+@" + DEMO_EMAIL_DOMAIN.replace(".", r"\.") + "$"


def accounts_bulk(*, count: int) -> int:
    """Make sure demo voters 1..``count`` exist, each with a verified primary address.

    Two statements whatever the count; the addresses are allauth's ``EmailAddress`` rows,
    verified, so that these accounts may vote. Returns how many accounts were added.
    """
    if connection.vendor != "postgresql":
        raise RuntimeError("--scale needs PostgreSQL")
    from allauth.account.models import EmailAddress

    user_table = get_user_model()._meta.db_table
    email_table = EmailAddress._meta.db_table
    domain = f"@{DEMO_EMAIL_DOMAIN}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {user_table}
                (password, is_superuser, email, is_staff, is_active, date_joined, language)
            SELECT '!', false, %(prefix)s || g || %(domain)s, false, true,
                   now() - (g %% 700) * interval '1 day', ''
            FROM generate_series(1, %(count)s) AS g
            ON CONFLICT DO NOTHING
            """,
            {"prefix": VOTER_PREFIX, "domain": domain, "count": count},
        )
        added = cursor.rowcount
        cursor.execute(
            f"""
            INSERT INTO {email_table} (user_id, email, verified, "primary")
            SELECT u.id, u.email, true, true
            FROM {user_table} u
            WHERE u.email ~ %(regex)s
              AND NOT EXISTS (SELECT 1 FROM {email_table} e WHERE e.user_id = u.id)
            ON CONFLICT DO NOTHING
            """,
            {"regex": voter_email_regex()},
        )
        cursor.execute(f"ANALYZE {user_table}")
        cursor.execute(f"ANALYZE {email_table}")
    return added
