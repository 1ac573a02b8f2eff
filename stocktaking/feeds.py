"""The feed of newly published WSIS Stocktaking entries."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .enums import EntryStatus
from .models import Entry

FEED_LENGTH = 50


class NewEntriesFeed(Feed):
    feed_type = Atom1Feed
    title = _("WSIS Stocktaking: new entries")
    subtitle = _("Projects and activities newly published in the WSIS Stocktaking database.")

    def link(self):
        return reverse("stocktaking:search")

    def items(self):
        return (
            Entry.objects.filter(status=EntryStatus.PUBLISHED, published_at__isnull=False)
            .only("id", "title", "description", "organisation", "published_at")
            .order_by("-published_at", "-id")[:FEED_LENGTH]
        )

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_description(self, entry: Entry) -> str:
        return Truncator(entry.description).words(60)

    def item_author_name(self, entry: Entry) -> str:
        return entry.organisation

    def item_pubdate(self, entry: Entry):
        return entry.published_at
