"""The admin change list's cells, with the per-column work done once per page.

Django's ``items_for_result`` decides, for every cell of every row, what the column is (a
model field, a foreign key, a method of the admin...), its CSS class and whether it links to
the change page, and wraps each cell in two or three ``format_html`` calls; a filtered list
with filters resolves the change URL again per row to keep them. That was half of a change
list's CPU at WSIS scale (100 rows of 8 columns: 19-22 of 38-45 ms, issue 16 item 5).

``quick_results`` gives the same rows: the column facts are found once per page, every value
is still shown by Django's own ``display_for_field`` / ``display_for_value`` (or, for a
column that is not a plain field, found by Django's ``lookup_field``), and the HTML is
written with the same escaping. ``tests/wsis_portal/test_admin_cells.py`` renders every
registered change list both ways and compares the HTML byte for byte.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.admin.templatetags.admin_list import (  # type: ignore[attr-defined]
    ResultList,
    _boolean_icon,
    _coerce_field_name,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (  # type: ignore[attr-defined]
    FieldIsAForeignKeyColumnName,
    _get_non_gfk_field,
    display_for_field,
    display_for_value,
    lookup_field,
)
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.urls import NoReverseMatch
from django.utils.safestring import SafeString

from wsis_portal.admin_rows import (
    KEY_MARK,
    QuickChangeList,
    QuickRowsAdmin,
    action_checkbox_html,
    checkbox_label,
    quick_key,
)
from wsis_portal.quick_html import quick_escape

_NOWRAP_FIELDS = (models.DateField, models.TimeField, models.ForeignKey)


@dataclass
class _Column:
    name: Any
    css: str  # the cell's class before what its value or field adds
    field_css: str  # a field's cell's class ("nowrap" added for dates, times and keys)
    link: bool
    field: Any  # the model field, or None when Django's lookup_field finds the value
    foreign: bool
    choices: dict | None  # a field's choices and each label's HTML
    boolean: bool  # a BooleanField without choices: shown as an icon


class _Page:
    """What every row of one page shares: the empty value, the checkbox's label, the icons."""

    def __init__(self, cl: Any) -> None:
        self.empty = cl.model_admin.get_empty_value_display()
        self.label = checkbox_label()
        self._icons: dict[bool | None, str] = {}

    def icon(self, value: Any) -> str:
        """``_boolean_icon(value)``, its static() address found once per value."""
        if not (value is True or value is False or value is None):
            return _boolean_icon(value)  # Django's own error or alt text for other values
        if value not in self._icons:
            self._icons[value] = _boolean_icon(value)
        return self._icons[value]


def _columns(cl: Any) -> list[_Column]:
    opts = cl.lookup_opts
    first = True
    columns = []
    for index, name in enumerate(cl.list_display):
        if cl.list_display_links is None:
            link = False
        elif first and not cl.list_display_links:
            link = True
        else:
            link = name in cl.list_display_links
        if link:
            first = False
        field = None
        if not callable(name):
            try:
                field = _get_non_gfk_field(opts, name)
            except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
                field = None
        if field is not None and field.auto_created:
            field = None  # Django shows these through lookup_field and display_for_value
        css = f"field-{_coerce_field_name(name, index)}"
        nowrap = field is not None and isinstance(field, _NOWRAP_FIELDS)
        choices = None
        if field is not None and getattr(field, "flatchoices", None):
            try:
                # Each label's HTML once per page (a lazy label is translated at each str()).
                choices = {key: quick_escape(label) for key, label in field.flatchoices}
            except TypeError:
                choices = None  # list-like choices: Django's display_for_field
        columns.append(
            _Column(
                name=name,
                css=css,
                field_css=css + " nowrap" if nowrap else css,
                link=link,
                field=field,
                foreign=field is not None and isinstance(field.remote_field, models.ManyToOneRel),
                choices=choices,
                boolean=choices is None and isinstance(field, models.BooleanField),
            )
        )
    return columns


def _computed(cl: Any, column: _Column, result: Any, page: _Page) -> tuple[str, str]:
    """A column that is not a plain field (a method, a property, an auto-created field...):
    Django's lookup and display, and the cell's class."""
    empty = page.empty
    if column.name == "action_checkbox" and _is_quick_checkbox(cl.model_admin):
        return "action-checkbox", action_checkbox_html(result, page.label)
    try:
        _field, attr, value = lookup_field(column.name, result, cl.model_admin)
    except ObjectDoesNotExist:
        return column.css, quick_escape(empty)
    empty = getattr(attr, "empty_value_display", empty)
    if isinstance(value, str) and value.strip() == "":
        value = ""
    css = "action-checkbox" if column.name == "action_checkbox" else column.css
    boolean = getattr(attr, "boolean", False)
    if isinstance(attr, property) and hasattr(attr, "fget"):
        boolean = getattr(attr.fget, "boolean", False)
    if isinstance(value, (datetime.date, datetime.time)):
        css += " nowrap"
    if boolean:
        return css, page.icon(value)
    return css, quick_escape(display_for_value(value, empty, boolean))


def _is_quick_checkbox(model_admin: Any) -> bool:
    return getattr(type(model_admin), "action_checkbox", None) is QuickRowsAdmin.action_checkbox


def _field(column: _Column, result: Any, page: _Page) -> tuple[str, str]:
    """A model field's cell, shown as Django's ``items_for_result`` shows it."""
    field, empty = column.field, page.empty
    try:
        value = getattr(result, column.name)
    except ObjectDoesNotExist:  # Django's lookup_field raised: no "nowrap"
        return column.css, quick_escape(empty)
    if column.foreign:  # the related row, shown by its str()
        return column.field_css, quick_escape(empty if value is None else value)
    if isinstance(value, str) and value.strip() == "":
        value = ""
    if column.choices is not None:
        try:
            shown = column.choices.get(value)
        except TypeError:
            shown = None  # an unhashable value: Django's display_for_field
        else:
            return column.field_css, quick_escape(empty) if shown is None else shown
    if column.boolean:
        return column.field_css, page.icon(value)
    shown = display_for_field(value, field, empty, avoid_link=column.link)
    return column.field_css, quick_escape(shown)


class _Links:
    """Each row's change URL with the list's filters kept, found once per page."""

    def __init__(self, cl: Any) -> None:
        self.cl = cl
        self.context = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}
        self.template = add_preserved_filters(self.context, cl.change_url_template())
        self.attname = str(cl.to_field) if cl.to_field else cl.lookup_opts.pk.attname

    def href(self, result: Any) -> str | None:
        key = quick_key(self.cl, result)
        if key is not None:
            return self.template.replace(KEY_MARK, key)
        try:
            url = self.cl.url_for_result(result)
        except NoReverseMatch:
            return None
        return add_preserved_filters(self.context, url)

    def opener(self, result: Any) -> str:
        if not self.cl.is_popup:
            return ""
        return f' data-popup-opener="{quick_escape(result.serializable_value(self.attname))}"'


def _row(
    cl: Any, columns: list[_Column], links: _Links, result: Any, page: _Page
) -> list[SafeString]:
    cells = []
    first = True
    for column in columns:
        if column.field is None:
            css, shown = _computed(cl, column, result, page)
        else:
            css, shown = _field(column, result, page)
        if column.link:
            tag = "th" if first else "td"
            first = False
            href = links.href(result)
            if href is not None:
                shown = f'<a href="{quick_escape(href)}"{links.opener(result)}>{shown}</a>'
            cells.append(SafeString(f'<{tag} class="{css}">{shown}</{tag}>'))
        else:
            cells.append(SafeString(f'<td class="{css}">{shown}</td>'))
    return cells


def quick_results(cl: Any) -> list[ResultList]:
    """The rows of ``admin_list.results(cl)``, built with the column facts found once."""
    if cl.formset or not isinstance(cl, QuickChangeList):
        return list(results(cl))  # editable rows and other change lists: Django's own
    columns = _columns(cl)
    links = _Links(cl)
    page = _Page(cl)
    return [ResultList(None, _row(cl, columns, links, row, page)) for row in cl.result_list]
