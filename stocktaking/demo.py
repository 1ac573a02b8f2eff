"""Demo data: calls and a few hundred plausible entries, and large sets for benchmarks.

``seed(entries=N)`` makes sure at least N demo entries exist, inserting in batches with
``bulk_create`` (the PostgreSQL trigger fills each search vector as rows go in).
"""

from __future__ import annotations

import random
import time
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from accounts.enums import StakeholderType
from forum.base.regions import COUNTRY_REGION
from forum.models import SDG, ActionLine, Edition
from wsis_portal import demo_content as content

from .enums import CallKind, EntryStatus
from .models import Call, Entry, EntryActionLine, EntrySDG, ReportRelease
from .services import search_cache_bump

DEMO_ENTRIES = 300
BATCH = 5000
UNIQUE_TITLES = 1500

# Who documents projects in the database: civil society and governments most, then
# companies and universities, fewer technical-community and international bodies.
STAKEHOLDER_WEIGHTS: dict[str, int] = {
    StakeholderType.CIVIL_SOCIETY: 27,
    StakeholderType.GOVERNMENT: 24,
    StakeholderType.PRIVATE_SECTOR: 18,
    StakeholderType.ACADEMIA: 15,
    StakeholderType.TECHNICAL_COMMUNITY: 8,
    StakeholderType.INTERNATIONAL_ORGANIZATION: 8,
}
# More entries come from Africa and Asia-Pacific, as in the real database; every region is
# present.
REGION_WEIGHTS = {
    "africa": 26,
    "asia-pacific": 24,
    "americas": 15,
    "arab-states": 13,
    "europe": 13,
    "cis": 9,
}


def _calls(now) -> dict[int, Call]:
    """Demo calls: the last three years' (closed), this year's (open), next year's."""
    calls: dict[int, Call] = {}
    for offset in (-3, -2, -1, 0):
        year = now.year + offset
        if offset < 0:
            starts = now.replace(month=7, day=1, hour=9, minute=0, second=0, microsecond=0).replace(
                year=year
            )
            ends = starts + timedelta(days=150)
        else:
            starts = now - timedelta(days=30)
            ends = now + timedelta(days=60)
        call, _ = Call.objects.get_or_create(
            year=year,
            kind=CallKind.NEW_ENTRIES,
            defaults={
                "starts_at": starts,
                "ends_at": ends,
                "report_year": year + 1,
                "is_demo": True,
            },
        )
        calls[year] = call
        Call.objects.get_or_create(
            year=year,
            kind=CallKind.UPDATES,
            defaults={
                "starts_at": starts,
                "ends_at": ends,
                "report_year": year + 1,
                "is_demo": True,
            },
        )
    return calls


# One bulk entry in ten is written in another UN language, as real submissions are, so that
# search in Chinese, Russian, Arabic, French and Spanish is measured on realistic data.
OTHER_LANGUAGES = {
    "zh-hans": [
        ("农村宽带接入项目", "为偏远村庄的学校和诊所提供宽带接入和数字技能培训。"),
        ("教育信息化示范工程", "在农村学校推广数字教学资源，培训教师使用在线平台。"),
        ("远程医疗服务网络", "通过移动网络连接乡镇卫生院与城市医院，开展远程会诊。"),
        ("电子政务便民平台", "让公民在线办理证件和缴费，减少往返政府部门的时间。"),
    ],
    "ru": [
        (
            "Цифровое образование в сельских школах",
            "Подключение школ к широкополосному интернету и обучение учителей.",
        ),
        (
            "Телемедицина для отдалённых районов",
            "Консультации врачей по видеосвязи для жителей сёл.",
        ),
        (
            "Электронное правительство для граждан",
            "Онлайн-услуги для получения документов и справок.",
        ),
        (
            "Кибербезопасность для малого бизнеса",
            "Обучение предпринимателей защите данных и платежей.",
        ),
    ],
    "ar": [
        (
            "التعليم الرقمي في المدارس الريفية",
            "ربط المدارس بالإنترنت عريض النطاق وتدريب المعلمين على الأدوات الرقمية.",
        ),
        ("الصحة الإلكترونية للقرى النائية", "استشارات طبية عن بعد عبر الهاتف المحمول لسكان القرى."),
        ("بوابة الحكومة الإلكترونية", "خدمات حكومية على الإنترنت للمواطنين والشركات الصغيرة."),
        ("محو الأمية الرقمية للنساء", "دورات تدريبية للنساء على استخدام الحاسوب والإنترنت."),
    ],
    "fr": [
        (
            "Éducation numérique dans les écoles rurales",
            "Des tablettes et une connexion pour les écoles des villages.",
        ),
        (
            "Télémédecine pour les zones reculées",
            "Des consultations à distance entre dispensaires et hôpitaux.",
        ),
    ],
    "es": [
        (
            "Alfabetización digital para mujeres rurales",
            "Cursos de informática e internet para mujeres de zonas rurales.",
        ),
        (
            "Gobierno electrónico municipal",
            "Trámites en línea para los vecinos y las pequeñas empresas.",
        ),
    ],
}


def _make(rng: random.Random, n: int, calls: list[Call], lines: dict, goals: dict, now, taken):
    entries, tags = [], []
    codes = list(lines)
    regions, region_weights = zip(*REGION_WEIGHTS.items(), strict=True)
    for i in range(n):
        call = rng.choice(calls)
        start_year = call.year - rng.randint(0, 6)
        code = rng.choice(codes)
        for _attempt in range(6):
            region = rng.choices(regions, region_weights)[0]
            place = rng.choice(content.places(region))
            archetype = rng.randrange(3)
            stype = content.stakeholder_for(rng, code, STAKEHOLDER_WEIGHTS)
            org = content.organisation(rng, place, stype, code)
            others = [p for p in content.places(region) if p != place]
            title, description = content.write_up(
                rng,
                action_line=code,
                archetype=archetype,
                place=place,
                org=org,
                year=start_year,
                other=f"{rng.choice(others).name} and nearby communities",
                min_words=90,
                max_words=150,
            )
            # Distinct titles for the demo's few hundred; bulk benchmark sets may repeat.
            if title not in taken or len(taken) >= UNIQUE_TITLES:
                break
        taken.add(title)
        if i % 10 == 9:
            language = list(OTHER_LANGUAGES)[(i // 10) % len(OTHER_LANGUAGES)]
            title, summary = rng.choice(OTHER_LANGUAGES[language])
            description = f"{summary} ({org}, {place.name})"
        website = content.website(org)
        entries.append(
            Entry(
                title=title,
                description=description,
                organisation=org,
                stakeholder_type=stype,
                country=place.country,
                region=COUNTRY_REGION[place.country].value,
                start_year=start_year,
                website=website,
                contact_email="contact@" + website.split("//www.", 1)[1].rstrip("/"),
                status=EntryStatus.PUBLISHED,
                is_success_story=rng.random() < 0.03,
                call=call,
                is_demo=True,
                submitted_at=call.starts_at + timedelta(days=rng.randint(0, 100)),
                published_at=min(call.ends_at + timedelta(days=rng.randint(1, 120)), now),
            )
        )
        extra_al = [rng.choice(codes)] if rng.random() < 0.25 else []
        tags.append(
            (
                {lines[c] for c in [code, *extra_al]},
                {goals[g] for g in content.sdgs_for(rng, code)},
            )
        )
    return entries, tags


def _releases(calls: list[Call]) -> None:
    """Each report is launched on the first day of the Forum edition of its year, if any."""
    editions = {e.year: e for e in Edition.objects.filter(year__in=[c.report_year for c in calls])}
    for call in calls:
        edition = editions.get(call.report_year) if call.report_year else None
        if edition is not None:
            ReportRelease.objects.get_or_create(
                report_year=call.report_year,
                defaults={"edition": edition, "released_on": edition.starts_on, "is_demo": True},
            )


def seed(*, stdout=None, entries: int | None = None, **options) -> int:
    """Ensure at least ``entries`` (default a few hundred) published demo entries exist."""
    now = timezone.now()
    calls = list(_calls(now).values())
    _releases(calls)
    past_calls = [c for c in calls if c.ends_at <= now] or calls
    target = entries if entries is not None else DEMO_ENTRIES
    have = Entry.objects.filter(is_demo=True).count()
    missing = max(0, target - have)
    if not missing:
        return 0
    rng = random.Random(have + 4242)
    lines = {al.code: al.pk for al in ActionLine.objects.all()}
    goals = {s.number: s.pk for s in SDG.objects.all()}
    started = time.monotonic()
    made = 0
    taken = set(Entry.objects.filter(is_demo=True).values_list("title", flat=True)[:DEMO_ENTRIES])
    while made < missing:
        size = min(BATCH, missing - made)
        objs, tags = _make(rng, size, past_calls, lines, goals, now, taken)
        created = Entry.objects.bulk_create(objs)
        EntryActionLine.objects.bulk_create(
            [
                EntryActionLine(entry_id=e.pk, action_line_id=a)
                for e, (als, _) in zip(created, tags, strict=True)
                for a in als
            ]
        )
        EntrySDG.objects.bulk_create(
            [
                EntrySDG(entry_id=e.pk, sdg_id=s)
                for e, (_, sdgs) in zip(created, tags, strict=True)
                for s in sdgs
            ]
        )
        made += size
        if stdout and missing > BATCH:
            stdout.write(f"  {made}/{missing} entries…")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in (
                "stocktaking_entry",
                "stocktaking_entryactionline",
                "stocktaking_entrysdg",
            ):
                cursor.execute(f"ANALYZE {table}")
    # After the commit, so that no request caches counts from before the new rows are visible.
    transaction.on_commit(search_cache_bump)
    if stdout:
        stdout.write(f"  {made} stocktaking entries in {time.monotonic() - started:.1f} s")
    return made
