"""What WSIS Stocktaking gives the base pages through ``wsis_portal.registry``."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from wsis_portal.registry import MySection, OpenItem

from .enums import CallKind
from .selectors import calls_for_home, calls_next_change, entries_of_user
from .services import search_cache_bump


def home_items(now: datetime) -> list[OpenItem]:
    """Open calls with their deadline, and the next calls with their opening date."""
    items = []
    for call in calls_for_home(now=now):
        is_open = call.is_open(now)
        if call.kind == CallKind.NEW_ENTRIES:
            url = reverse("stocktaking:submit")
            action = _("Submit your ICT-for-development project to the WSIS Stocktaking database.")
        else:
            url = reverse("accounts:my")
            action = _("Update your published WSIS Stocktaking entries.")
        items.append(
            OpenItem(
                process=_("WSIS Stocktaking"),
                title=str(call),
                url=url,
                action=action,
                deadline=call.ends_at if is_open else None,
                opens_at=None if is_open else call.starts_at,
            )
        )
    return items


def home_next_change(now: datetime) -> datetime | None:
    """The next call to open or close (one query)."""
    return calls_next_change(now=now)


def my_sections(user) -> list[MySection]:
    return [
        MySection(
            title=_("WSIS Stocktaking entries"),
            items=entries_of_user(user=user),
            template_name="stocktaking/includes/my_entries.html",
            empty_text=_("You have no WSIS Stocktaking entry yet."),
            links=[
                (_("Submit an entry"), reverse("stocktaking:submit")),
                (_("Search the database"), reverse("stocktaking:search")),
            ],
        )
    ]


def data_changed(sender, **kwargs) -> None:
    transaction.on_commit(search_cache_bump)
