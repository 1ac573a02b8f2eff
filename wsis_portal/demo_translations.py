"""Demo translations: the open contest, the open consultation and the next Forum edition.

Run by ``manage.py seed_demo`` after the apps' own seeders (order 90), so that every
language of the switcher shows translated content from ``make run``. Only empty
translation columns are filled: a translation typed in the admin is kept.
"""

from __future__ import annotations

from django.utils import timezone

from consultations.models import Consultation, ConsultationPhase
from forum.models import Edition
from prizes.models import Contest

LANGUAGES = ("ar", "zh_hans", "fr", "ru", "es")


def _row(ar: str, zh: str, fr: str, ru: str, es: str) -> dict[str, str]:
    return {"ar": ar, "zh_hans": zh, "fr": fr, "ru": ru, "es": es}


def contest_title(year: int) -> dict[str, str]:
    return _row(
        f"جوائز القمة العالمية لمجتمع المعلومات لعام {year}",
        f"{year}年信息社会世界峰会奖",
        f"Prix du SMSI {year}",
        f"Премии ВВУИО {year} года",
        f"Premios de la CMSI {year}",
    )


def consultation_title(year: int) -> dict[str, str]:
    return _row(
        f"منتدى القمة العالمية لمجتمع المعلومات لعام {year}: عملية التشاور المفتوح",
        f"{year}年信息社会世界峰会论坛：公开磋商进程",
        f"Forum du SMSI {year}\u00a0: processus de consultation ouvert",
        f"Форум ВВУИО {year} года: процесс открытых консультаций",
        f"Foro de la CMSI {year}: proceso de consulta abierta",
    )


CONSULTATION_DESCRIPTION = _row(
    "عملية التشاور المفتوح بشأن الجوانب المواضيعية لمنتدى القمة العالمية لمجتمع المعلومات "
    "والابتكارات في شكله. وتتيح اجتماعاتها الحضورية إمكانية المشاركة عن بُعد.",
    "关于信息社会世界峰会论坛专题内容和形式创新的公开磋商进程。其现场会议提供远程参与。",
    "Le processus de consultation ouvert sur les aspects thématiques du Forum du SMSI et les "
    "innovations de son format. Ses réunions physiques offrent une participation à distance.",
    "Процесс открытых консультаций по тематическим аспектам Форума ВВУИО и нововведениям в "
    "его формате. На очных собраниях предусмотрено дистанционное участие.",
    "El proceso de consulta abierta sobre los aspectos temáticos del Foro de la CMSI y las "
    "innovaciones en su formato. Sus reuniones presenciales ofrecen participación a distancia.",
)

PHASE_NAMES = {
    "Opening of the open consultations": _row(
        "افتتاح المشاورات المفتوحة",
        "公开磋商启动",
        "Ouverture des consultations ouvertes",
        "Начало открытых консультаций",
        "Apertura de las consultas abiertas",
    ),
    "First physical meeting": _row(
        "الاجتماع الحضوري الأول",
        "第一次现场会议",
        "Première réunion physique",
        "Первое очное собрание",
        "Primera reunión presencial",
    ),
    "Second physical meeting": _row(
        "الاجتماع الحضوري الثاني",
        "第二次现场会议",
        "Deuxième réunion physique",
        "Второе очное собрание",
        "Segunda reunión presencial",
    ),
    "Submissions deadline": _row(
        "الموعد النهائي لتقديم المساهمات",
        "提交材料截止日期",
        "Date limite des contributions",
        "Крайний срок представления материалов",
        "Plazo de presentación de contribuciones",
    ),
    "Final review meeting": _row(
        "اجتماع الاستعراض النهائي",
        "最终审议会议",
        "Réunion d’examen final",
        "Заключительное собрание по обзору",
        "Reunión de examen final",
    ),
    "Final brief": _row(
        "الموجز النهائي",
        "最终简报",
        "Note d’information finale",
        "Итоговая записка",
        "Resumen final",
    ),
}

# The demo seeders give the next edition one of these themes, whichever runs first.
EDITION_THEMES = {
    "WSIS Action Lines for building inclusive knowledge societies": _row(
        "خطوط عمل القمة العالمية لمجتمع المعلومات من أجل بناء مجتمعات معرفة شاملة للجميع",
        "信息社会世界峰会行动方面：建设包容性知识社会",
        "Les grandes orientations du SMSI au service de sociétés du savoir inclusives",
        "Направления деятельности ВВУИО для построения открытых для всех обществ знаний",
        "Las líneas de acción de la CMSI para construir sociedades del conocimiento inclusivas",
    ),
    "WSIS Action Lines for an inclusive digital future (demo)": _row(
        "خطوط عمل القمة العالمية لمجتمع المعلومات من أجل مستقبل رقمي شامل للجميع (عرض توضيحي)",
        "信息社会世界峰会行动方面：共创包容性数字未来（演示）",
        "Les grandes orientations du SMSI pour un avenir numérique inclusif (démonstration)",
        "Направления деятельности ВВУИО для открытого для всех цифрового будущего (демонстрация)",
        "Las líneas de acción de la CMSI para un futuro digital inclusivo (demostración)",
    ),
}

EDITION_VENUES = {
    "ITU Headquarters, Geneva, Switzerland": _row(
        "مقر الاتحاد الدولي للاتصالات، جنيف، سويسرا",
        "瑞士日内瓦国际电联总部",
        "Siège de l’UIT, Genève (Suisse)",
        "Штаб-квартира МСЭ, Женева, Швейцария",
        "Sede de la UIT, Ginebra (Suiza)",
    ),
    "ITU Headquarters and CICG, Geneva, Switzerland": _row(
        "مقر الاتحاد الدولي للاتصالات والمركز الدولي للمؤتمرات بجنيف، جنيف، سويسرا",
        "瑞士日内瓦国际电联总部和日内瓦国际会议中心",
        "Siège de l’UIT et CICG, Genève (Suisse)",
        "Штаб-квартира МСЭ и Женевский международный конференц-центр, Женева, Швейцария",
        "Sede de la UIT y CICG, Ginebra (Suiza)",
    ),
}


def _fill(obj, field: str, texts: dict[str, str] | None) -> list[str]:
    """Set the empty translation columns of ``field``; the names of the columns set."""
    if not texts:
        return []
    changed = []
    for lang in LANGUAGES:
        column = f"{field}_{lang}"
        if not getattr(obj, column):
            setattr(obj, column, texts[lang])
            changed.append(column)
    return changed


def _open_contest() -> Contest | None:
    now = timezone.now()
    contest = Contest.objects.filter(phases__starts_at__lte=now, phases__ends_at__gt=now).first()
    return contest or Contest.objects.filter(year=now.year).first()


def _open_consultation() -> Consultation | None:
    now = timezone.now()
    return (
        Consultation.objects.filter(phases__ends_at__gt=now).order_by("phases__starts_at").first()
    )


def _next_edition() -> Edition | None:
    return Edition.objects.filter(ends_on__gte=timezone.localdate()).order_by("year").first()


def seed(*, stdout=None, **options) -> None:
    """Translate the demo's open contest, open consultation and next edition."""
    if contest := _open_contest():
        changed = _fill(contest, "title", contest_title(contest.year))
        if changed:
            contest.save(update_fields=changed)
    if consultation := _open_consultation():
        year = consultation.edition.year if consultation.edition else timezone.now().year
        changed = _fill(consultation, "title", consultation_title(year))
        changed += _fill(consultation, "description", CONSULTATION_DESCRIPTION)
        if changed:
            consultation.save(update_fields=changed)
        for phase in ConsultationPhase.objects.filter(consultation=consultation):
            changed = _fill(phase, "name", PHASE_NAMES.get(phase.name_en or ""))
            if changed:
                phase.save(update_fields=changed)
    if edition := _next_edition():
        changed = _fill(edition, "theme", EDITION_THEMES.get(edition.theme_en or ""))
        changed += _fill(edition, "venue", EDITION_VENUES.get(edition.venue_en or ""))
        if changed:
            edition.save(update_fields=changed)
    if stdout:
        stdout.write(
            "  translated: "
            + ", ".join(str(x) for x in (contest, consultation, edition) if x is not None)
        )
