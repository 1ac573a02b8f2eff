"""A project entered in a contest, and its attachments."""

from __future__ import annotations

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries.fields import CountryField

from accounts.enums import StakeholderType
from wsis_portal.uploads import (
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    ServerName,
    UploadValidator,
    private_storage,
)

from ..enums import BALLOT_STATES, ProjectStatus
from .contests import Category, Contest

ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
PROJECT_IMAGE_MAX_BYTES = 2 * 1024 * 1024
ATTACHMENTS_PER_PROJECT = 5
DESCRIPTION_MIN_WORDS = 150
DESCRIPTION_MAX_WORDS = 200


class ProjectQuerySet(models.QuerySet):
    def on_ballot(self):
        return self.filter(status__in=BALLOT_STATES)


class Project(models.Model):
    """A project entered in one category of a contest."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="projects")
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    title = models.CharField(_("project title"), max_length=200)
    description = models.TextField(
        _("short description"),
        help_text=_("Between 150 and 200 words."),
        # Longer than 200 words can be, but a bound on what is read before counting words.
        max_length=3000,
        validators=[MaxLengthValidator(3000)],
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    country = CountryField(_("country"))
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=30, choices=StakeholderType.choices
    )
    sdgs = models.ManyToManyField(
        "forum.SDG",
        verbose_name=_("Sustainable Development Goals it advances"),
        related_name="prize_projects",
        blank=True,
    )
    website = models.URLField(_("website"), blank=True)
    # Public once the project is on the ballot (shown on its card and page), so it is kept
    # in the public media storage, unlike the attachments.
    image = models.ImageField(
        _("image"),
        upload_to=ServerName("prizes/images"),
        blank=True,
        validators=[UploadValidator(IMAGE_TYPES, PROJECT_IMAGE_MAX_BYTES)],
        help_text=_("A photograph or picture of the project: PNG, JPEG or WebP, at most 2 MB."),
    )
    image_alt = models.CharField(
        _("what the image shows"),
        max_length=200,
        blank=True,
        help_text=_(
            "For people who cannot see it, in one sentence. Leave it empty if the image only "
            "decorates the page."
        ),
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="prize_projects"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.DRAFT,
    )
    status_reason = models.TextField(
        _("reason for the last decision"),
        blank=True,
        max_length=2000,
        validators=[MaxLengthValidator(2000)],
    )
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["category__action_line__number", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.UniqueConstraint(
                Lower("organisation"),
                "category",
                name="prizes_project_one_per_organisation_and_category",
                violation_error_message=_(
                    "Your organisation already has a project in this category. "
                    "Each organisation may enter one project per category."
                ),
            )
        ]
        indexes = [
            models.Index(fields=["contest", "status", "category"], name="prizes_project_ballot"),
            models.Index(fields=["submitter", "contest"], name="prizes_project_submitter"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("prizes:project", args=[self.contest.year, self.pk])

    def clean(self) -> None:
        super().clean()
        words = len(self.description.split())
        if self.description and not DESCRIPTION_MIN_WORDS <= words <= DESCRIPTION_MAX_WORDS:
            raise ValidationError(
                {
                    "description": ngettext(
                        "The description has %(n)s word; write between %(min)s and %(max)s.",
                        "The description has %(n)s words; write between %(min)s and %(max)s.",
                        words,
                    )
                    % {"n": words, "min": DESCRIPTION_MIN_WORDS, "max": DESCRIPTION_MAX_WORDS}
                }
            )
        if self.category_id and self.contest_id and self.category.contest_id != self.contest_id:
            raise ValidationError({"category": _("This category belongs to another contest.")})


def attachment_display_name(name: str) -> str:
    """The name a person gave the file, reduced to a safe base name for display and download."""
    base = PurePath(str(name).replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>')
    return cleaned.strip()[:200] or "attachment"


def attachment_content_type(name: str) -> str:
    extension = PurePath(str(name)).suffix.lower().lstrip(".")
    return DOCUMENT_TYPES.get(extension, "application/octet-stream")


class ProjectAttachment(models.Model):
    """A file that documents a project (at most ATTACHMENTS_PER_PROJECT per project).

    The stored name is made by the server; the name the submitter gave is kept for display.
    Who may download it is decided by the view (nominated projects are public, drafts are not).
    """

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"),
        upload_to=ServerName("prizes/attachments"),
        storage=private_storage,
        validators=[UploadValidator(DOCUMENT_TYPES, max_bytes=ATTACHMENT_MAX_BYTES)],
        help_text=_("A PDF, PNG or JPEG file of at most 5 MB."),
    )
    original_name = models.CharField(_("original file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [
            models.Index(fields=["project", "uploaded_at"], name="prizes_attachment_project")
        ]

    def __str__(self) -> str:
        return self.original_name or self.file.name

    def save(self, *args, **kwargs) -> None:
        # A freshly uploaded file (from the site or the admin): record what describes it.
        if self.file and not getattr(self.file, "_committed", True):
            self.original_name = attachment_display_name(self.file.name)
            self.size = self.file.size
            self.content_type = attachment_content_type(self.file.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "prizes:attachment",
            args=[self.project.contest.year, self.project_id, self.pk],
        )
