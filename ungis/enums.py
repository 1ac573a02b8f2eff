from django.db import models
from django.utils.translation import gettext_lazy as _


class ChairRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-Chair")
