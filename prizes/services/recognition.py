"""Champions and Winners are told, once each, when the results are published.

The results are published by the clock: at the start of the ceremony phase. The beat tick
then adds one outbox message per Champion and Winner, keyed by the project
(``prizes:recognition:<project>``), so the message is claimed per recipient: a second tick,
a re-run or a worker that dies half-way adds nothing twice, and a project missed by one
tick (a failure on one row) is added by the next. The delivery sends each once through the
send-once ledger, in the submitter's language, with a link to the certificate; that
certificate and the booklet are drawn in that language once the message is committed, so
that the link finds them ready (``recognition_files``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Cast, Concat

from wsis_portal import outbox
from wsis_portal.i18n import recipient_language
from wsis_portal.models import OutboxMessage

from .. import emails, recognition_files
from ..enums import PhaseKind, ProjectStatus
from ..models import ContestPhase, Project

RECOGNITION_KEY = "prizes:recognition:"
# A tick that was down through the ceremony still tells them, within this time after it;
# contests that ended long before this feature existed are not written to years later.
RECOGNITION_GRACE = timedelta(days=30)


def recognition_queue(now: datetime) -> int:
    """Tick handler: one email for every Champion and Winner of a contest whose results are
    published and who has not had one; returns how many were added now."""
    ceremonies = ContestPhase.objects.filter(
        kind=PhaseKind.CEREMONY,
        starts_at__lte=now,
        ends_at__gt=now - RECOGNITION_GRACE,
        contest__published_at__isnull=False,
    ).values_list("contest_id", flat=True)
    told = OutboxMessage.objects.filter(
        key=Concat(Value(RECOGNITION_KEY), Cast(OuterRef("pk"), output_field=CharField()))
    )
    projects = (
        Project.objects.filter(
            contest_id__in=list(ceremonies),
            status__in=[ProjectStatus.WINNER, ProjectStatus.CHAMPION],
        )
        .exclude(Exists(told))
        .select_related("submitter")
        .order_by("pk")
    )
    added = 0
    for project in projects:
        with transaction.atomic():
            message = outbox.add(
                purpose=emails.RECOGNITION,
                obj=project,
                to=project.submitter,
                data={"status": project.status},
                key=f"{RECOGNITION_KEY}{project.pk}",
            )
            if message is not None:
                language = recipient_language(
                    project.submitter, fallback=message.data.get("language")
                )
                transaction.on_commit(partial(recognition_files.prepare_for, project, language))
        added += message is not None
    return added
