"""The Secretariat publishes the year's High-Level Track facilitators (issue 14, item 10).

Until then they are a draft: listed in the admin (the sessions' people with the High-Level
Track facilitator role) but not on the consultation's public page. Publishing and taking
back are logged like every change of state.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wsis_portal.activity import transition_write
from wsis_portal.refusals import Refusal

from ..models import Edition

FIELD = "hlt_facilitators_published_at"


def hlt_facilitators_publish(*, edition: Edition, by: Any) -> bool:
    """Publish the edition's facilitators; False when they were published already."""
    with transaction.atomic():
        locked = Edition.objects.select_for_update().get(pk=edition.pk)
        if locked.hlt_facilitators_published_at is not None:
            return False
        transition_write(
            locked, field=FIELD, to=timezone.now(), actor=by, action="hlt_facilitators_publish"
        )
    return True


def hlt_facilitators_withdraw(*, edition: Edition, by: Any, reason: str) -> bool:
    """Take the published facilitators back to draft, with the reason the log keeps."""
    if not reason.strip():
        raise Refusal("reason", _("Give a reason to take the facilitators back to draft."))
    with transaction.atomic():
        locked = Edition.objects.select_for_update().get(pk=edition.pk)
        if locked.hlt_facilitators_published_at is None:
            return False
        transition_write(
            locked,
            field=FIELD,
            to=None,
            actor=by,
            action="hlt_facilitators_withdraw",
            reason=reason.strip(),
        )
    return True
