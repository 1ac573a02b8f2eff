"""The admin's estimated-count paginator: exact when small, PostgreSQL's estimate when large."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wsis_portal.admin_pagination import EstimatedCountPaginator, table_row_estimate
from wsis_portal.models import SentEmail

pytestmark = pytest.mark.usefixtures("postgres")


class SmallBound(EstimatedCountPaginator):
    exact_up_to = 5


def sent(n: int, prefix: str = "k") -> None:
    SentEmail.objects.bulk_create(SentEmail(key=f"{prefix}-{i}") for i in range(n))


def analyse() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {SentEmail._meta.db_table}")


def counts_of_the_table(queries) -> list[str]:
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]


def test_small_table_is_counted_exactly():
    sent(3)
    analyse()
    assert EstimatedCountPaginator(SentEmail.objects.order_by("pk"), 2).count == 3


def test_large_whole_table_uses_the_statistics_without_counting():
    sent(8)
    analyse()
    sent(4, prefix="late")  # not yet seen by ANALYZE: the estimate still says 8
    with CaptureQueriesContext(connection) as ctx:
        paginator = SmallBound(SentEmail.objects.order_by("pk"), 2)
        assert paginator.count == 8
    assert counts_of_the_table(ctx.captured_queries) == []
    assert paginator.num_pages == 4
    assert [e.key for e in paginator.page(1)] == ["k-0", "k-1"]


def test_whole_table_never_analysed_is_counted_exactly():
    sent(8)
    # Not analysed: reltuples is -1 (PostgreSQL 14+) or 0, so the exact count is used.
    assert table_row_estimate(SentEmail.objects.all()) <= 8
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE pg_class SET reltuples = -1 WHERE oid = %s::regclass",
            [SentEmail._meta.db_table],
        )
    assert SmallBound(SentEmail.objects.order_by("pk"), 2).count == 8


def test_filtered_small_result_is_counted_exactly():
    sent(8)
    sent(3, prefix="other")
    analyse()
    queryset = SentEmail.objects.filter(key__startswith="other").order_by("pk")
    assert SmallBound(queryset, 2).count == 3


def test_filtered_large_result_is_at_least_the_bound_and_estimated():
    sent(40)
    analyse()
    queryset = SentEmail.objects.filter(key__startswith="k").order_by("pk")
    with CaptureQueriesContext(connection) as ctx:
        count = SmallBound(queryset, 2).count
    assert count >= SmallBound.exact_up_to + 1
    # The bounded count stops after the bound: it never counts the 40 rows.
    bounded = counts_of_the_table(ctx.captured_queries)
    assert len(bounded) == 1 and "LIMIT 6" in bounded[0]
    assert any(q["sql"].startswith("EXPLAIN") for q in ctx.captured_queries)


# Admin lists over tables that reach hundreds of thousands of rows at WSIS scale.
LARGE_LISTS = {
    "accounts.User",
    "accounts.StakeholderProfile",
    "account.EmailAddress",
    "forum.Registration",
    "consultations.Submission",
    "consultations.Comment",
    "consultations.Subscription",
    "prizes.Vote",
}


def large_admins():
    from django.contrib import admin

    from wsis_portal.admin_pagination import LargeTableAdmin

    return {
        model._meta.label: model_admin
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, LargeTableAdmin)
    }


def test_large_lists_use_the_estimated_count():
    assert LARGE_LISTS <= set(large_admins())


def test_large_lists_render_without_counting_the_table(admin_client, monkeypatch):
    from django.urls import reverse

    monkeypatch.setattr(EstimatedCountPaginator, "exact_up_to", -1)
    for label, model_admin in sorted(large_admins().items()):
        opts = model_admin.model._meta
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {opts.db_table}")
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        with CaptureQueriesContext(connection) as ctx:
            response = admin_client.get(url)
        assert response.status_code == 200, label
        whole = [sql for sql in counts_of_the_table(ctx.captured_queries) if "LIMIT" not in sql]
        assert whole == [], label
