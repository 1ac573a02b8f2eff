"""The admin list's row HTML built once per page is the HTML Django builds per row."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.test import RequestFactory
from django.utils import translation

from stocktaking.models import Entry
from tests.factories.stocktaking import EntryFactory
from wsis_portal.admin_rows import QuickChangeList, QuickRowsAdmin

pytestmark = pytest.mark.django_db


def entry_admin() -> admin.ModelAdmin:
    model_admin = admin.site._registry[Entry]
    assert isinstance(model_admin, QuickRowsAdmin)
    return model_admin


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_checkbox_is_djangos_html(language):
    entry = EntryFactory(title='Schools & "clinics" <online>')
    with translation.override(language):
        quick = entry_admin().action_checkbox(entry)
        django = admin.ModelAdmin.action_checkbox(entry_admin(), entry)
    assert quick == django
    assert "&amp;" in quick and "&lt;online&gt;" in quick


def changelist(admin_user) -> ChangeList:
    request = RequestFactory().get("/admin/stocktaking/entry/")
    request.user = admin_user
    return entry_admin().get_changelist_instance(request)


def test_change_links_are_djangos(admin_user):
    cl = changelist(admin_user)
    assert isinstance(cl, QuickChangeList)
    entries = [EntryFactory(), EntryFactory()]
    for entry in entries:
        assert cl.url_for_result(entry) == ChangeList.url_for_result(cl, entry)
    assert cl.url_for_result(entries[0]) != cl.url_for_result(entries[1])


@pytest.mark.parametrize("key", ["a b", "x_y/z", "café", "42"])
def test_change_links_of_keys_that_need_quoting_are_djangos(admin_user, key):
    cl = changelist(admin_user)
    row = SimpleNamespace(**{cl.pk_attname: key})
    assert cl.url_for_result(row) == ChangeList.url_for_result(cl, row)
