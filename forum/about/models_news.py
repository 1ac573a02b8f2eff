"""News of the portal, written by the Secretariat and offered as a feed."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NewsQuerySet(models.QuerySet):
    def published(self, now=None):
        """Items whose publication time has come; a blank time keeps an item a draft."""
        return self.filter(published_at__lte=now or timezone.now())


class NewsItem(models.Model):
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences shown in lists and feeds."),
    )
    body = models.TextField(_("text"), max_length=10000, blank=True)
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to keep a draft; a future time publishes it then."),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = NewsQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:news_item", args=[self.slug])
