"""The feed of what is open now across every process (the home page's "Open now")."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .registry import OpenItem
from .selectors import open_items


class OpenCallsFeed(Feed):
    feed_type = Atom1Feed
    title = _("WSIS Forum portal: open calls")
    subtitle = _("Consultations, calls for entries, prize phases and registrations open now.")

    def link(self):
        return reverse("home")

    def items(self) -> list[OpenItem]:
        now = timezone.now()
        return [i for i in open_items(now=now) if i.opens_at is None or i.opens_at <= now]

    def item_title(self, item: OpenItem) -> str:
        return f"{item.process}: {item.title}"

    def item_description(self, item: OpenItem) -> str:
        if item.deadline is None:
            return item.action
        deadline = timezone.localtime(item.deadline).strftime("%Y-%m-%d %H:%M %Z")
        return " ".join(part for part in (item.action, gettext("Deadline: %s") % deadline) if part)

    def item_link(self, item: OpenItem) -> str:
        return item.url

    def item_guid(self, item: OpenItem) -> str:
        # The same call reopened next year is a new item for feed readers.
        return f"{item.url}#{item.deadline.isoformat() if item.deadline else 'open'}"

    item_guid_is_permalink = False
