"""Forum editions' programme: building blocks, sessions, people, registrations, partners.

Imported by ``forum.models``; import from there (``from forum.models import Session``).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from accounts.enums import StakeholderType
from wsis_portal.uploads import IMAGE_TYPES, ServerName, UploadValidator

from ..enums import (
    AttendanceMode,
    DocumentKind,
    PartnerTier,
    RegistrationStatus,
    SessionFormat,
    SessionRole,
    SessionType,
)

PHOTO_MAX_BYTES = 2 * 1024 * 1024
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


class BuildingBlock(models.Model):
    """A kind of session of the Forum (Policy Statements, Country Workshops, ...).

    The list of the Forum briefing is loaded by a data migration; the secretariat edits it.
    """

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    description = models.TextField(
        _("description"), blank=True, max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("building block")
        verbose_name_plural = _("building blocks")

    def __str__(self) -> str:
        return gettext(self.name)


class Person(models.Model):
    """Someone who speaks at, moderates or organises sessions."""

    honorific = models.CharField(_("honorific"), max_length=20, blank=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    biography = models.TextField(
        _("short biography"), blank=True, max_length=3000, validators=[MaxLengthValidator(3000)]
    )
    photo = models.ImageField(
        _("photo"),
        upload_to=ServerName("forum/people"),
        blank=True,
        validators=[UploadValidator(IMAGE_TYPES, PHOTO_MAX_BYTES)],
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["name"])]

    def __str__(self) -> str:
        return f"{self.honorific} {self.name}".strip()


class SessionQuerySet(models.QuerySet):
    def happening_at(self, when):
        return self.filter(starts_at__lte=when, ends_at__gt=when)


class Session(models.Model):
    """One session of a Forum edition's programme."""

    edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("edition"),
    )
    building_block = models.ForeignKey(
        BuildingBlock,
        on_delete=models.PROTECT,
        related_name="sessions",
        verbose_name=_("building block"),
    )
    hlt_theme = models.ForeignKey(
        "forum.HighLevelTheme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("High-Level Track theme"),
        help_text=_("Set for the policy sessions of the High-Level Track."),
    )
    session_type = models.CharField(
        _("session type"),
        max_length=20,
        choices=SessionType.choices,
        default=SessionType.WORKSHOP,
        help_text=_(
            "Round table, workshop, policy session…; the building block is the Forum's strand."
        ),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(
        _("description"), blank=True, max_length=5000, validators=[MaxLengthValidator(5000)]
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=200, blank=True)
    format = models.CharField(
        _("format"), max_length=20, choices=SessionFormat.choices, default=SessionFormat.HYBRID
    )
    remote_participation_url = models.URLField(_("remote participation link"), blank=True)
    livestream_url = models.URLField(_("livestream link"), blank=True)
    registration_required = models.BooleanField(
        _("registration required"),
        default=False,
        help_text=_(
            "An online-only session with its own registration (seed 001: 'Registration … "
            "(virtual participation only) … Deadline is Monday, 30 January')."
        ),
    )
    registration_closes_at = models.DateTimeField(
        _("session registration closes at"), null=True, blank=True
    )
    more_info_url = models.URLField(
        _("more information link"),
        blank=True,
        help_text=_("A page about the session or its event; shown as 'More information'."),
    )
    action_lines = models.ManyToManyField(
        "forum.ActionLine", related_name="sessions", blank=True, verbose_name=_("Action Lines")
    )
    sdgs: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "forum.SDG", related_name="sessions", blank=True, verbose_name=_("SDGs")
    )
    organisers = models.CharField(
        _("organising entities"),
        max_length=500,
        blank=True,
        help_text=_("The organisations that organise the session, as shown in the programme."),
    )
    people: models.ManyToManyField[Person, SessionPerson] = models.ManyToManyField(
        Person, through="SessionPerson", related_name="sessions", verbose_name=_("people")
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "title"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [
            models.Index(fields=["edition", "starts_at"]),
            # The admin's list in its default order (the model's, then the newest key first):
            # read in index order, its first page no longer sorts every wide translated row.
            models.Index(fields=["starts_at", "title", "-id"], name="fsession_list"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="forum_session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            # Only online-only sessions take a registration of their own, with its deadline.
            models.CheckConstraint(
                condition=Q(registration_required=False)
                | Q(format=SessionFormat.ONLINE, registration_closes_at__isnull=False),
                name="forum_session_registration_online_with_deadline",
                violation_error_message=_(
                    "Only an online session takes its own registration, and it needs a deadline."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("forum:session", args=[self.edition.year, self.pk])

    def is_happening(self, now=None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at


class SessionPerson(models.Model):
    """A person's role in a session; listed moderators first, then speakers, then organisers."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="roles")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    role = models.PositiveSmallIntegerField(_("role"), choices=SessionRole.choices)
    order = models.PositiveSmallIntegerField(_("order within the role"), default=0)

    class Meta:
        ordering = ["role", "order", "pk"]
        verbose_name = _("person in a session")
        verbose_name_plural = _("people in a session")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person", "role"],
                name="forum_sessionperson_one_role_each",
                violation_error_message=_("This person already has this role in the session."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Registration(models.Model):
    """A stakeholder's registration to a Forum edition; one per user and edition."""

    edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("edition"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="forum_registrations",
        verbose_name=_("user"),
    )
    mode = models.CharField(_("participation"), max_length=20, choices=AttendanceMode.choices)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=40, choices=StakeholderType.choices
    )
    country = CountryField(_("country"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "user"],
                name="forum_registration_one_per_user",
                violation_error_message=_("This person is already registered for this edition."),
            )
        ]
        indexes = [
            models.Index(fields=["edition", "status", "mode"]),
            # The admin's list order (newest first, then -pk), read a page at a time.
            models.Index(fields=["-created_at", "-id"], name="forum_registration_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.edition}"


class Partner(models.Model):
    """An organisation supporting an edition, by sponsorship tier."""

    edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.CASCADE,
        related_name="partners",
        verbose_name=_("edition"),
    )
    organisation = models.CharField(_("organisation"), max_length=300)
    tier = models.PositiveSmallIntegerField(_("tier"), choices=PartnerTier.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to=ServerName("forum/partners"),
        blank=True,
        validators=[UploadValidator(IMAGE_TYPES, PHOTO_MAX_BYTES)],
    )
    order = models.PositiveSmallIntegerField(_("order within the tier"), default=0)

    class Meta:
        ordering = ["tier", "order", "organisation"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "organisation"],
                name="forum_partner_once_per_edition",
                violation_error_message=_(
                    "This organisation is already a partner of this edition."
                ),
            ),
            # The Platinum package is sold as exclusive: one Platinum partner per edition.
            models.UniqueConstraint(
                fields=["edition"],
                condition=models.Q(tier=PartnerTier.PLATINUM),
                name="forum_partner_one_platinum_per_edition",
                violation_error_message=_(
                    "This edition already has its Platinum partner: the package is exclusive."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.organisation


class OutcomeDocument(models.Model):
    """A document an edition produced (outcome document, executive brief, report...)."""

    edition = models.ForeignKey(
        "forum.Edition",
        on_delete=models.CASCADE,
        related_name="outcome_documents",
        verbose_name=_("edition"),
    )
    kind = models.CharField(
        _("kind of document"),
        max_length=30,
        choices=DocumentKind.choices,
        default=DocumentKind.OTHER,
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("outcome document")
        verbose_name_plural = _("outcome documents")

    def __str__(self) -> str:
        return self.title


class SessionRegistration(models.Model):
    """A participant registered for one online-only session, apart from the edition."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("session")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_registrations",
        verbose_name=_("participant"),
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    class Meta:
        ordering = ["session", "created_at"]
        verbose_name = _("session registration")
        verbose_name_plural = _("session registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                name="forum_sessionregistration_once",
                violation_error_message=_("You are already registered for this session."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.session}"
