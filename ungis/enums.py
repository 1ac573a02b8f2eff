from django.db import models
from django.utils.translation import gettext_lazy as _


class ChairRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-Chair")


class FacilitationRole(models.TextChoices):
    """An agency's part in facilitating a WSIS Action Line."""

    LEAD = "lead", _("Lead facilitator")
    CO = "co", _("Co-facilitator")
