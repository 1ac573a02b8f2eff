"""Atom feeds of the base: the portal's news and an edition's programme."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from wsis_portal.publishing import published_q

from .models import Edition, NewsItem, Session
from .proposals.visibility import programme_public_q

FEED_LENGTH = 30


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("WSIS Forum portal: news")
    subtitle = _("News of the WSIS Forum, the WSIS Prizes, the WSIS Stocktaking and UNGIS.")

    def link(self):
        return reverse("forum:news")

    def items(self):
        return NewsItem.objects.published()[:FEED_LENGTH]

    def item_title(self, item: NewsItem) -> str:
        return item.title

    def item_description(self, item: NewsItem) -> str:
        return item.summary

    def item_pubdate(self, item: NewsItem):
        return item.published_at


class ProgrammeFeed(Feed):
    """The sessions most recently added to one edition's programme, in the order they are
    held. A feed carries the latest entries, as feeds do: the whole programme of a WSIS-scale
    edition (2,500 sessions) made a 1.5 MB document read on every poll; the programme page
    and its iCalendar file have every session."""

    feed_type = Atom1Feed
    # Sessions carry no creation time; their ids grow as they are added to the programme.
    length = 50

    def get_object(self, request, year: int) -> Edition:
        return get_object_or_404(Edition.objects.filter(published_q()), year=year)

    def title(self, edition: Edition) -> str:
        return str(_("%(edition)s: programme") % {"edition": edition})

    def subtitle(self, edition: Edition) -> str:
        return str(
            _(
                "The sessions most recently added to the programme; the programme page and "
                "its iCalendar file list every session."
            )
        )

    def link(self, edition: Edition) -> str:
        return reverse("forum:programme", args=[edition.year])

    def feed_url(self, edition: Edition) -> str:
        return reverse("forum:programme_feed", args=[edition.year])

    def items(self, edition: Edition) -> list[Session]:
        latest = (
            Session.objects.filter(programme_public_q(), edition=edition)
            .select_related("edition", "building_block")
            .order_by("-id")[: self.length]
        )
        return sorted(latest, key=lambda session: (session.starts_at, session.pk))

    def item_title(self, session: Session) -> str:
        return session.title

    def item_description(self, session: Session) -> str:
        return session.description

    def item_link(self, session: Session) -> str:
        return reverse("forum:session", args=[session.edition.year, session.pk])

    def item_pubdate(self, session: Session):
        return session.starts_at

    def item_categories(self, session: Session):
        return [session.building_block.name] if session.building_block_id else []
