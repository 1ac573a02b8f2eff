"""WSIS Stocktaking: calls for entries, entries, and the moderation record of each change."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.enums import StakeholderType
from forum.base.regions import region_for_country
from forum.enums import Region
from forum.models import SDG, ActionLine
from wsis_portal.models import Phase
from wsis_portal.publishing import Publishable

from .enums import CallKind, EntryStatus, RevisionKind, RevisionStatus


class Call(Publishable, Phase):
    """A yearly call: for new entries, or for updates of published ones.

    ``starts_at``/``ends_at`` are when it opens and closes; whether it is open is computed
    from the clock. ``report_year`` names the WSIS Stocktaking Report it feeds.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=CallKind.choices)
    report_year = models.PositiveSmallIntegerField(
        _("report year"), help_text=_("The WSIS Stocktaking Report this call feeds.")
    )
    report_title = models.CharField(_("report title"), max_length=200, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta(Phase.Meta):
        ordering = ["-starts_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            *Phase.Meta.constraints,
            models.UniqueConstraint(fields=["year", "kind"], name="stocktaking_call_one_per_kind"),
        ]
        indexes = [models.Index(fields=["kind", "starts_at", "ends_at"])]

    def __str__(self) -> str:
        return gettext("%(kind)s call %(year)s") % {
            "kind": self.get_kind_display(),
            "year": self.year,
        }

    @property
    def opens_at(self):
        return self.starts_at

    @property
    def closes_at(self):
        return self.ends_at

    @property
    def report_name(self) -> str:
        return self.report_title or gettext("WSIS Stocktaking Report %(year)s") % {
            "year": self.report_year
        }


class Entry(models.Model):
    """An ICT-for-development activity in the WSIS Stocktaking database."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(
        _("description"), max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    organisation = models.CharField(_("organisation"), max_length=255)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=40, choices=StakeholderType.choices
    )
    country = CountryField(_("country"))
    # Derived from the country (forum.base.regions); stored so that it can be filtered and counted.
    region = models.CharField(_("ITU region"), max_length=20, choices=Region.choices, blank=True)
    action_lines: models.ManyToManyField[ActionLine, EntryActionLine] = models.ManyToManyField(
        ActionLine, through="EntryActionLine", related_name="stocktaking_entries"
    )
    sdgs: models.ManyToManyField[SDG, EntrySDG] = models.ManyToManyField(
        SDG, through="EntrySDG", related_name="stocktaking_entries"
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    website = models.URLField(_("website"), blank=True)
    # Never public: not on pages, not in exports, not in the API.
    contact_email = models.EmailField(_("contact email"))
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stocktaking_entries",
        verbose_name=_("submitter"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EntryStatus.choices, default=EntryStatus.DRAFT
    )
    is_success_story = models.BooleanField(_("success story"), default=False)
    call = models.ForeignKey(
        Call,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("call"),
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Kept current by a database trigger on PostgreSQL (migration 0002); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["-published_at", "-id"]
        indexes = [
            # The public list: published entries, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                name="stk_entry_published_idx",
                condition=Q(status="published"),
            ),
            # The admin list: every entry in the model's default order.
            models.Index(fields=["-published_at", "-id"], name="stk_entry_admin_order_idx"),
            models.Index(fields=["status", "region"], name="stk_entry_status_region"),
            models.Index(fields=["status", "country"], name="stk_entry_status_country"),
            models.Index(fields=["status", "stakeholder_type"], name="stk_entry_status_type"),
            models.Index(fields=["status", "start_year"], name="stk_entry_status_year"),
            models.Index(fields=["status", "is_success_story"], name="stk_entry_status_story"),
            models.Index(fields=["status", "title"], name="stk_entry_status_title"),
            # A report's success stories by title: with statistics, PostgreSQL otherwise walks
            # every published entry by title for the few stories (100,000 rows for none).
            models.Index(
                fields=["title", "id"],
                name="stk_entry_story_title",
                condition=Q(status="published", is_success_story=True),
            ),
            # The admin's date drill-down reads the first and last day (MIN/MAX) on each load.
            models.Index(fields=["created_at"], name="stk_entry_created_at"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="stocktaking_entry_published_has_date",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("stocktaking:entry", args=[self.pk])

    def sync_region(self) -> None:
        region = region_for_country(self.country.code if self.country else None)
        self.region = region.value if region else ""

    @property
    def is_published(self) -> bool:
        return self.status == EntryStatus.PUBLISHED


class EntryActionLine(models.Model):
    # Both single-column indexes are covered by the two composite ones below.
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="action_line_links", db_index=False
    )
    action_line = models.ForeignKey(
        ActionLine, on_delete=models.PROTECT, related_name="+", db_index=False
    )

    class Meta:
        verbose_name = _("Action Line of an entry")
        constraints = [
            models.UniqueConstraint(fields=["entry", "action_line"], name="stk_entry_al_unique")
        ]
        # Facet counts and Action Line filters go from the Action Line to the entries.
        indexes = [models.Index(fields=["action_line", "entry"], name="stk_al_entry")]

    def __str__(self) -> str:
        return f"{self.entry_id} × {self.action_line_id}"


class EntrySDG(models.Model):
    entry = models.ForeignKey(
        Entry, on_delete=models.CASCADE, related_name="sdg_links", db_index=False
    )
    sdg = models.ForeignKey(SDG, on_delete=models.PROTECT, related_name="+", db_index=False)

    class Meta:
        verbose_name = _("SDG of an entry")
        constraints = [
            models.UniqueConstraint(fields=["entry", "sdg"], name="stk_entry_sdg_unique")
        ]
        indexes = [models.Index(fields=["sdg", "entry"], name="stk_sdg_entry")]

    def __str__(self) -> str:
        return f"{self.entry_id} × SDG {self.sdg_id}"


class EntryRevision(models.Model):
    """One step of an entry through moderation: a new submission or a proposed update.

    A pending update holds the proposed values in ``data`` while the published entry stays
    as it is; publishing applies them and keeps in ``changes`` what changed
    ({field: [before, after]}), so the secretariat sees each update's history.
    """

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    kind = models.CharField(_("kind"), max_length=12, choices=RevisionKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING
    )
    data = models.JSONField(_("proposed values"), default=dict, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(
        _("reason"), blank=True, max_length=2000, validators=[MaxLengthValidator(2000)]
    )
    notified_at = models.DateTimeField(_("submitter notified"), null=True, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry"],
                condition=Q(status="pending"),
                name="stocktaking_one_pending_revision",
            )
        ]
        indexes = [
            models.Index(fields=["status", "created_at"], name="stk_revision_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.entry}"


class ModerationItem(EntryRevision):
    """The secretariat's moderation queue in the admin (pending revisions, oldest first)."""

    class Meta:
        proxy = True
        verbose_name = _("moderation queue item")
        verbose_name_plural = _("moderation queue")


class ReportRelease(models.Model):
    """When and where a yearly WSIS Stocktaking Report is launched (seed 002: the report
    "will be released at the WSIS Forum 2017")."""

    report_year = models.PositiveSmallIntegerField(_("report year"), unique=True)
    edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.PROTECT,
        related_name="stocktaking_reports",
        verbose_name=_("launched at"),
    )
    released_on = models.DateField(_("release date"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-report_year"]
        verbose_name = _("report release")
        verbose_name_plural = _("report releases")

    def __str__(self) -> str:
        return gettext("WSIS Stocktaking Report %(year)s") % {"year": self.report_year}

    def clean(self) -> None:
        edition = self.edition if self.edition_id else None
        if (
            edition
            and self.released_on
            and not (edition.starts_on <= self.released_on <= edition.ends_on)
        ):
            raise ValidationError(
                {
                    "released_on": gettext(
                        "The report is launched at the Forum: choose a day of %(edition)s."
                    )
                    % {"edition": edition}
                }
            )


# The facet of (Action Line, SDG) pairs: its value is "<action line id>:<sdg id>".
PAIR_FACET = "al_sdg"


class FacetCount(models.Model):
    """How many published entries have each facet value, per call and region.

    Kept exact by database triggers on the entries and their Action Line and SDG links
    (migrations 0010 and 0016), so bulk updates, the admin and raw SQL are counted too. The
    unfiltered search, the reports and the Action Line x SDG matrix (``PAIR_FACET``) sum
    these few thousand rows instead of grouping 100,000 entries.
    """

    call_key = models.IntegerField()  # the entry's call id; 0 when it has none
    region = models.CharField(max_length=20, blank=True)
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=40, blank=True)
    n = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["call_key", "region", "facet", "value"], name="stk_facetcount_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}: {self.n}"


class SearchDocument(models.Model):
    """A published entry's search vector, in a narrow table of its own, for the site search.

    Kept by database triggers on the entries (migrations 0012 and 0013): a row per published
    entry, written when its vector, status or start year changes, removed when the entry is
    unpublished or deleted (by a trigger, hence ``DO_NOTHING``: no query from Django).
    Choosing the entries that match a word and ranking them reads only this table and its
    GIN index (short rows, the vectors in the table's TOAST storage) instead of the wide
    entries table, one page per match. The index and the trigger are PostgreSQL's only.
    The vector also names the entry's slice of 5,000 ids (0018), so the newest matches can be
    found without the older ones.
    """

    entry = models.OneToOneField(
        Entry, on_delete=models.DO_NOTHING, primary_key=True, related_name="+"
    )
    start_year = models.PositiveSmallIntegerField()
    search_vector = SearchVectorField()

    def __str__(self) -> str:
        return str(self.entry_id)
