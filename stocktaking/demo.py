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
from forum.models import SDG, ActionLine
from forum.regions import COUNTRY_REGION

from .enums import CallKind, EntryStatus
from .models import Call, Entry, EntryActionLine, EntrySDG
from .services import search_cache_bump

DEMO_ENTRIES = 300
BATCH = 5000

TOPICS = [
    ("rural broadband", ["C2"], [9, 17]),
    ("community network", ["C2", "C4"], [9, 10]),
    ("digital literacy", ["C4", "C7-ELEA"], [4, 5]),
    ("telemedicine", ["C7-EHEA"], [3]),
    ("mobile health records", ["C7-EHEA", "C5"], [3, 16]),
    ("e-government portal", ["C7-EGOV", "C1"], [16]),
    ("open data platform", ["C3", "C7-EGOV"], [16, 17]),
    ("cybersecurity awareness", ["C5"], [16, 9]),
    ("child online protection", ["C5", "C10"], [16, 4]),
    ("precision agriculture", ["C7-EAGR"], [2, 13]),
    ("market price information service", ["C7-EAGR", "C7-EBUS"], [1, 2, 8]),
    ("e-commerce for small businesses", ["C7-EBUS"], [8, 9]),
    ("women in tech coding school", ["C4", "C7-EEMP"], [5, 8]),
    ("digital jobs platform", ["C7-EEMP"], [8, 10]),
    ("early warning system", ["C7-EENV", "C2"], [11, 13]),
    ("e-waste recycling", ["C7-EENV"], [12, 13]),
    ("research and education network", ["C7-ESCI", "C2"], [4, 9]),
    ("local language content", ["C8", "C3"], [4, 10]),
    ("community radio and media", ["C9"], [16, 10]),
    ("ethics of artificial intelligence", ["C10"], [16, 9]),
    ("regional ICT cooperation", ["C11", "C1"], [17]),
    ("national digital strategy", ["C1", "C6"], [17, 9]),
    ("spectrum policy reform", ["C6", "C2"], [9]),
    ("public library internet access", ["C3", "C4"], [4, 10]),
    ("accessible ICT for persons with disabilities", ["C3", "C10"], [10, 4]),
]
ADJECTIVES = [
    "National",
    "Inclusive",
    "Open",
    "Smart",
    "Community-led",
    "Sustainable",
    "Youth",
    "Regional",
    "Affordable",
    "Resilient",
]
BENEFICIARIES = [
    "remote villages",
    "smallholder farmers",
    "girls and women",
    "older persons",
    "refugees",
    "schools",
    "small island communities",
    "municipalities",
    "persons with disabilities",
    "micro-enterprises",
]
ORG_KINDS = {
    StakeholderType.GOVERNMENT: [
        "Ministry of ICT",
        "National Regulatory Authority",
        "Digital Agency",
    ],
    StakeholderType.PRIVATE_SECTOR: ["Telecom", "Digital Solutions Ltd", "Networks Inc."],
    StakeholderType.CIVIL_SOCIETY: [
        "Digital Inclusion Foundation",
        "Community Network Association",
    ],
    StakeholderType.ACADEMIA: ["University", "Institute of Technology"],
    StakeholderType.TECHNICAL_COMMUNITY: ["Internet Society Chapter", "Network Operators Group"],
    StakeholderType.INTERNATIONAL_ORGANIZATION: ["Regional Commission", "Development Programme"],
}
# Countries weighted towards where most entries come from; every region is present.
COUNTRIES = [
    "KE",
    "NG",
    "GH",
    "RW",
    "ZA",
    "SN",
    "UG",
    "EG",
    "MA",
    "TN",
    "AE",
    "SA",
    "JO",
    "IN",
    "BD",
    "ID",
    "PH",
    "CN",
    "JP",
    "AU",
    "FJ",
    "PK",
    "BR",
    "MX",
    "CO",
    "AR",
    "CA",
    "US",
    "JM",
    "RU",
    "KZ",
    "AM",
    "UZ",
    "BY",
    "CH",
    "FR",
    "DE",
    "ES",
    "PL",
    "UA",
    "GB",
    "IT",
    "TR",
    "RO",
]


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


def _make(rng: random.Random, n: int, calls: list[Call], lines: dict, goals: dict, now):
    entries, tags = [], []
    for i in range(n):
        topic, codes, numbers = rng.choice(TOPICS)
        stype = rng.choice(list(StakeholderType))
        country = rng.choice(COUNTRIES)
        call = rng.choice(calls)
        published = min(call.ends_at + timedelta(days=rng.randint(1, 120)), now)
        org = f"{rng.choice(ORG_KINDS[stype])} {country}-{rng.randint(1, 400)}"
        title = f"{rng.choice(ADJECTIVES)} {topic} for {rng.choice(BENEFICIARIES)}"
        description = (
            f"A {topic} programme led by {org} that serves {rng.choice(BENEFICIARIES)} "
            f"with {rng.choice(['training', 'connectivity', 'online services', 'open tools', 'local partnerships'])}. "
            f"It began in {call.year - rng.randint(0, 6)} and reports its results against the WSIS Action Lines "
            f"and the Sustainable Development Goals. Demo entry {i + 1}."
        )
        if i % 10 == 9:
            language = list(OTHER_LANGUAGES)[(i // 10) % len(OTHER_LANGUAGES)]
            title, description = rng.choice(OTHER_LANGUAGES[language])
            description = f"{description} ({org}, {i + 1})"
        region = COUNTRY_REGION[country]
        entries.append(
            Entry(
                title=title,
                description=description,
                organisation=org,
                stakeholder_type=stype,
                country=country,
                region=region.value,
                start_year=call.year - rng.randint(0, 6),
                website=f"https://example.org/projects/{rng.randint(1, 10**6)}",
                contact_email=f"contact{rng.randint(1, 10**6)}@example.org",
                status=EntryStatus.PUBLISHED,
                is_success_story=rng.random() < 0.03,
                call=call,
                is_demo=True,
                submitted_at=call.starts_at + timedelta(days=rng.randint(0, 100)),
                published_at=published,
            )
        )
        extra_al = [rng.choice(list(lines))] if rng.random() < 0.3 else []
        extra_sdg = [rng.randint(1, 17)] if rng.random() < 0.4 else []
        tags.append(
            ({lines[c] for c in [*codes, *extra_al]}, {goals[g] for g in [*numbers, *extra_sdg]})
        )
    return entries, tags


def seed(*, stdout=None, entries: int | None = None, **options) -> int:
    """Ensure at least ``entries`` (default a few hundred) published demo entries exist."""
    now = timezone.now()
    calls = list(_calls(now).values())
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
    while made < missing:
        size = min(BATCH, missing - made)
        objs, tags = _make(rng, size, past_calls, lines, goals, now)
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
