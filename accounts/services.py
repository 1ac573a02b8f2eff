from __future__ import annotations

from typing import Any

from django.db import transaction

from .models import StakeholderProfile, User

PROFILE_FIELDS = (
    "full_name",
    "organisation_name",
    "organisation_country",
    "stakeholder_type",
    "job_title",
    "telephone",
)


@transaction.atomic
def profile_update(*, user: User, data: dict[str, Any]) -> StakeholderProfile:
    """Create or update the stakeholder profile of ``user`` from cleaned form data."""
    profile = StakeholderProfile.objects.filter(user=user).first() or StakeholderProfile(user=user)
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(profile, name, data[name])
    profile.full_clean()
    profile.save()
    return profile
