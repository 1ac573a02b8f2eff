"""Every admin change list's rows, built by ``wsis_portal.admin_cells``, are Django's HTML."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import results
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

import wsis_portal.templatetags.admin_quick_rows as quick_tag
from accounts.models import User
from tests.factories.stocktaking import EntryFactory
from wsis_portal.admin_cells import quick_results
from wsis_portal.admin_rows import QuickChangeList

# Plain, sorted the other way on the second column, searched, a second page, and as the
# pop-up an autocomplete or raw-id widget opens (its links carry data-popup-opener).
VARIANTS = ["", "?o=-2", "?q=a", "?p=2", "?_popup=1", "?_popup=1&_to_field=id"]


def rows_both_ways(client: Client, url: str) -> tuple[list[list[str]], list[list[str]], bool]:
    response = client.get(url)
    if response.status_code != 200 or "cl" not in response.context:
        return [], [], False
    cl = response.context["cl"]
    django = [[str(cell) for cell in row] for row in results(cl)]
    quick = [[str(cell) for cell in row] for row in quick_results(cl)]
    return django, quick, isinstance(cl, QuickChangeList)


@pytest.fixture(scope="module")
def demo_admin(django_db_setup, django_db_blocker):
    """The demo data and a superuser's client, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        # A title that needs escaping, and an entry without its optional foreign keys.
        EntryFactory(title='Schools & "clinics" <online>')
        user = User.objects.create_superuser(email="cells-admin@example.org", password="x")
        client = Client()
        client.force_login(user)
        yield client
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_change_list_has_djangos_rows(demo_admin, language):
    compared = quick_lists = 0
    differing = []
    with translation.override(language):
        for model in admin.site._registry:
            opts = model._meta
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
            for variant in VARIANTS:
                django, quick, is_quick = rows_both_ways(demo_admin, url + variant)
                compared += len(django)
                quick_lists += bool(is_quick and django)
                if django != quick:
                    differing.append(url + variant)
    assert differing == []
    # The comparison saw rows, and lists that take the quick path.
    assert compared > 500 and quick_lists > 20


def test_a_list_page_is_byte_for_byte_djangos(demo_admin, monkeypatch):
    url = reverse("admin:stocktaking_entry_changelist") + "?o=-1"
    ours = demo_admin.get(url).content.decode()
    monkeypatch.setattr(quick_tag, "quick_results", lambda cl: list(results(cl)))
    djangos = demo_admin.get(url).content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", ours) == token.sub("", djangos)
    assert "&lt;online&gt;" in ours and 'class="action-checkbox"' in ours


def test_quick_rows_escape_and_keep_the_filters_in_links_like_django(admin_client):
    entry = EntryFactory(title='<b>"x" & y</b>')
    url = reverse("admin:stocktaking_entry_changelist") + "?q=x"
    django, quick, is_quick = rows_both_ways(admin_client, url)
    assert is_quick and quick == django
    html = "".join(quick[0])
    assert "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;" in html
    assert f"/admin/stocktaking/entry/{entry.pk}/change/?_changelist_filters=q%3Dx" in html


@pytest.mark.parametrize("value", [True, False, None, 1, 0])
def test_boolean_icons_are_djangos_for_every_value(value, admin_user, rf):
    from django.contrib.admin.templatetags.admin_list import _boolean_icon

    from wsis_portal.admin_cells import _Page

    request = rf.get("/admin/stocktaking/entry/")
    request.user = admin_user
    page = _Page(admin.site._registry[EntryFactory._meta.model].get_changelist_instance(request))
    for first in (True, False, None):  # 1 and 0 are equal to True and False as keys
        page.icon(first)
    assert page.icon(value) == _boolean_icon(value)


@pytest.mark.django_db
def test_lists_leave_their_deferred_columns_unread_and_never_read_them_per_row(
    demo_admin, monkeypatch
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    deferring = {m: a for m, a in admin.site._registry.items() if getattr(a, "list_deferred", ())}
    assert len(deferring) >= 3
    for model, model_admin in deferring.items():
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        with CaptureQueriesContext(connection) as deferred:
            rows = len(demo_admin.get(url).context["cl"].result_list)
        with monkeypatch.context() as patch:
            patch.setattr(model_admin, "list_deferred", ())
            with CaptureQueriesContext(connection) as whole:
                demo_admin.get(url)
        assert rows > 0, opts.label
        assert len(deferred.captured_queries) == len(whole.captured_queries), opts.label
        *path, field = model_admin.list_deferred[0].split("__")
        owner = model
        for step in path:
            owner = owner._meta.get_field(step).related_model
        name = f'"{owner._meta.db_table}"."{owner._meta.get_field(field).column}"'
        assert any(name in q["sql"] for q in whole.captured_queries), opts.label
        assert not any(name in q["sql"] for q in deferred.captured_queries), [
            q["sql"][:300] for q in deferred.captured_queries if name in q["sql"]
        ]
