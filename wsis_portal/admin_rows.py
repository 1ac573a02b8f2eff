"""The admin change list's per-row work, done once per page where Django does it per row.

A change list of 100 rows spent most of its time (cProfile, issue 16 item 5) in work that
repeats identically on every row:

- the action checkbox is a ``CheckboxInput`` rendered through the form template engine,
  a template render per row (a fifth of the whole page);
- the link to each row's change page is a full ``reverse()`` per row, although only the
  primary key differs.

``QuickRowsAdmin`` writes the same checkbox HTML with ``format_html`` and reverses the change
URL once per page, substituting each row's key. The HTML is byte for byte Django's
(``tests/wsis_portal/test_admin_rows.py`` compares both).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import ChangeList
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

if TYPE_CHECKING:
    _AdminBase = admin.ModelAdmin
else:
    _AdminBase = object

# Letters and digits only, so that reverse() leaves it as it is and it cannot be part of
# the rest of an admin URL.
KEY_MARK = "QuickRowsKey0x7f"
# Django's own words, translated by the admin's catalogue; a name rather than a literal keeps
# makemessages from copying them into the portal's catalogues.
_CHECKBOX_LABEL = "Select this object for an action - {}"


def quick_key(cl: Any, result: Any) -> str | None:
    """The row's admin-quoted key when reverse() would leave it as it is, else None: a key
    that reverse() would percent-encode (spaces, non-ASCII letters) goes the slow way, so
    every URL stays the one Django builds."""
    key = str(quote(getattr(result, cl.pk_attname)))
    return key if key.isascii() and key.isalnum() else None


class QuickChangeList(ChangeList):
    """A change list that reverses its rows' change URL once."""

    _change_url_template: str | None = None

    def change_url_template(self) -> str:
        """The change page's URL with ``KEY_MARK`` where a row's key goes."""
        if self._change_url_template is None:
            self._change_url_template = reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                args=(KEY_MARK,),
                current_app=self.model_admin.admin_site.name,
            )
        return self._change_url_template

    def get_queryset(self, request: Any, exclude_parameters: Any = None) -> Any:
        queryset = super().get_queryset(request, exclude_parameters)
        # Long columns no cell shows (``QuickRowsAdmin.list_deferred``) are left unread: the
        # list's rows are sorted and sent narrower, and the change form still reads them.
        deferred = getattr(self.model_admin, "list_deferred", ())
        return queryset.defer(*deferred) if deferred else queryset

    def url_for_result(self, result: Any) -> str:
        key = quick_key(self, result)
        if key is None:
            return super().url_for_result(result)
        return self.change_url_template().replace(KEY_MARK, key)


class QuickRowsAdmin(_AdminBase):
    """Mixin for a ModelAdmin whose list shows many rows: Django's row HTML, built faster.

    ``list_deferred`` names long columns (of the model or of ``list_select_related`` rows)
    that no cell of the list shows; the list does not read them."""

    list_deferred: tuple[str, ...] = ()

    def get_changelist(self, request: Any, **kwargs: Any) -> type[ChangeList]:
        changelist = super().get_changelist(request, **kwargs)
        if changelist is ChangeList:
            return QuickChangeList
        return changelist

    @admin.display(description=mark_safe('<input type="checkbox" id="action-toggle">'))
    def action_checkbox(self, obj: Any) -> SafeString:
        return action_checkbox_html(obj, checkbox_label())


def checkbox_label() -> str:
    """The checkbox's label in the active language, with ``{}`` where the row's name goes."""
    return gettext(_CHECKBOX_LABEL)


def action_checkbox_html(obj: Any, label: str) -> SafeString:
    """What CheckboxInput(attrs).render(ACTION_CHECKBOX_NAME, str(obj.pk)) writes."""
    return format_html(
        '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
        helpers.ACTION_CHECKBOX_NAME,
        str(obj.pk),
        format_html(label, str(obj)),
    )
