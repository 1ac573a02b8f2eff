"""Demo outcome reports for the demo edition, and its Outcome Document generated from them.

Reports are written straight into the tables (the demo edition's sessions lie ahead, and the
service only takes a report after its session). Idempotent: a second run adds nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from wsis_portal.activity import CLOCK
from wsis_portal.demo import demo_email

from .demo_programme import CURRENT_YEAR
from .models import Edition, OutcomeCall, OutcomeReport, Session, SessionOwner
from .outcomes.services import outcome_document_generate

REPORTS = [
    (
        "Meaningful connectivity needs affordable devices as much as networks.\n"
        "Community networks reach the last villages that operators leave out.",
        "Fund community networks through universal service funds.\n"
        "Measure use and skills, not only coverage.",
    ),
    (
        "Digital public infrastructure works when it is open and interoperable.\n"
        "Trust depends on data protection written into law.",
        "Publish the standards that public digital services rely on.\n"
        "Adopt a data protection law before a national digital identity.",
    ),
    (
        "La formation des enseignants décide du succès de l'éducation numérique.\n"
        "Les contenus en langues locales augmentent l'usage.",
        "Former les enseignants avant d'équiper les écoles.\n"
        "Financer la production de contenus éducatifs en langues locales.",
    ),
    (
        "数字技能是缩小数字鸿沟的关键。\n农村地区的妇女需要有针对性的培训。",
        "在社区中心开展数字技能培训。\n收集按性别分列的数据。",
    ),
    (
        "AI governance must include the countries that use AI, not only those that build it.\n"
        "Capacity building is part of governance.",
        "Open regional dialogues on AI governance.\nShare evaluation methods openly.",
    ),
    (
        "Early warning systems save lives when messages reach every phone.\n"
        "Satellite data is only useful with local capacity to read it.",
        "Make emergency alerts free for every subscriber.\n"
        "Train national meteorological services in the use of satellite data.",
    ),
]


def seed(*, stdout: Any = None, **options: Any) -> None:
    edition = Edition.objects.filter(year=CURRENT_YEAR).first()
    if edition is None:
        return
    with transaction.atomic():
        OutcomeCall.objects.get_or_create(
            edition=edition,
            defaults={
                "reminder_at": datetime(CURRENT_YEAR, 6, 1, 8, 0, tzinfo=UTC),
                "due_at": datetime(CURRENT_YEAR, 6, 15, 22, 0, tzinfo=UTC),
            },
        )
        owner, _created = get_user_model().objects.get_or_create(
            email=demo_email("session-organiser"),
            defaults={"password": make_password(None)},
        )
        sessions = list(
            Session.objects.filter(edition=edition, action_lines__isnull=False)
            .distinct()
            .prefetch_related("action_lines", "sdgs")
            .order_by("starts_at", "pk")[: len(REPORTS) + 2]
        )
        for session in sessions:
            SessionOwner.objects.get_or_create(session=session, user=owner)
        for session, (messages, recommendations) in zip(sessions, REPORTS, strict=False):
            report, made = OutcomeReport.objects.get_or_create(
                session=session,
                defaults={
                    "key_messages": messages,
                    "recommendations": recommendations,
                    "slides_url": f"https://www.itu.int/net4/wsis/forum/{CURRENT_YEAR}/slides",
                    "submitted_by": owner,
                },
            )
            if made:
                report.action_lines.set(session.action_lines.all())
                report.sdgs.set(session.sdgs.all())
        outcome_document_generate(edition=edition, actor=CLOCK)
    if stdout is not None:
        stdout.write(
            f"forum outcomes: {OutcomeReport.objects.filter(session__edition=edition).count()} "
            f"reports, Outcome Document of {edition}"
        )
