from django.db import models
from django.utils.translation import gettext_lazy as _


class StakeholderType(models.TextChoices):
    """The six WSIS stakeholder groups."""

    GOVERNMENT = "government", _("Government")
    PRIVATE_SECTOR = "private_sector", _("Private Sector")
    CIVIL_SOCIETY = "civil_society", _("Civil Society")
    ACADEMIA = "academia", _("Academia")
    TECHNICAL_COMMUNITY = "technical_community", _("Technical Community")
    INTERNATIONAL_ORGANIZATION = "international_organization", _("International Organization")
