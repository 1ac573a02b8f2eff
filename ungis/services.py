"""Writes of UNGIS data."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from wsis_portal.bulk_created import bulk_created
from wsis_portal.refusals import Refusal

from .members import INITIATIVES, MEMBERS
from .members_translations import (
    INITIATIVE_NAMES,
    MEMBER_NAMES,
    member_names_fill,
    names_fill,
)
from .models import Agency, Initiative
from .selectors import can_edit_agency


def members_load(**kwargs: Any) -> None:
    """Make sure the 28 members and the joint initiatives of seed 004 exist (idempotent).

    Connected to post_migrate, so a database flushed by a transactional test gets them back.
    Edited names, websites and profiles are kept.
    """
    # The texts are English: they go to the English columns whatever language is active
    # (a request or a test may have left another one active in this thread).
    with translation.override("en"):
        _members_load()


def _members_load() -> None:
    acronyms = [acronym for acronym, _ in MEMBERS]
    if Agency.objects.filter(acronym__in=acronyms).count() == len(MEMBERS) and (
        Initiative.objects.filter(slug__in=[slug for slug, _, _ in INITIATIVES]).count()
        == len(INITIATIVES)
    ):
        return
    if not Agency.objects.exists() and not Initiative.objects.exists():
        _members_bulk_load()
        return
    for acronym, name in MEMBERS:
        Agency.objects.get_or_create(acronym=acronym, defaults={"name": name, "is_member": True})
    for slug, name, leads in INITIATIVES:
        initiative, created = Initiative.objects.get_or_create(slug=slug, defaults={"name": name})
        if created:
            initiative.lead_agencies.add(*Agency.objects.filter(acronym__in=leads))
    member_names_fill(agency_model=Agency, initiative_model=Initiative)


def _members_bulk_load() -> None:
    """A new or flushed database (every transactional test ends with a flush): a few INSERTs."""
    agencies = [Agency(acronym=acronym, name=name, is_member=True) for acronym, name in MEMBERS]
    initiatives = [Initiative(slug=slug, name=name) for slug, name, _leads in INITIATIVES]
    for agency in agencies:
        if agency.acronym in MEMBER_NAMES:
            names_fill(agency, MEMBER_NAMES[agency.acronym])
    for initiative in initiatives:
        if initiative.slug in INITIATIVE_NAMES:
            names_fill(initiative, INITIATIVE_NAMES[initiative.slug])
    by_acronym = {agency.acronym: agency for agency in bulk_created(Agency, agencies)}
    for initiative, (_slug, _name, leads) in zip(
        bulk_created(Initiative, initiatives), INITIATIVES, strict=True
    ):
        initiative.lead_agencies.add(*(by_acronym[acronym] for acronym in leads))


PROFILE_FIELDS = ("website", "description", "logo")


def agency_profile_update(*, agency: Agency, user: User, data: dict[str, Any]) -> Agency:
    """A focal point updates their own agency's public profile (and no other agency's)."""
    if not can_edit_agency(user=user, agency=agency):
        raise Refusal("not_owner", _("Only this agency's focal points may edit its profile."))
    # A logo of None means "no new file": keep the current one.
    changed = [
        name
        for name in PROFILE_FIELDS
        if name in data and not (name == "logo" and data[name] is None)
    ]
    for name in changed:
        value = data[name]
        if name == "logo" and value is False:  # the "clear" checkbox of the file input
            value = ""
        setattr(agency, name, value)
    agency.updated_by = user
    with transaction.atomic():
        agency.full_clean()
        agency.save(update_fields=[*changed, "updated_at", "updated_by"])
    return agency
