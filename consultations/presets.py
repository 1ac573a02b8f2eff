"""The six phases a new consultation starts with: the real process's calendar (seed 002).

Open Consultation Process for the WSIS Forum 2017: Phase I opening 1 September 2016, Phase II
first physical meeting 12 October, Phase III second physical meeting 14 February 2017,
Phase IV submissions deadline 20 February, Phase V final review meeting 14 March, Phase VI
final brief 10 May. The admin's add page offers these as editable rows for the Forum's year.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from wsis_portal.demo_translations import row

from .enums import PhaseKind

VENUE = "ITU Headquarters, Geneva"

# The usual phase names in the five other languages, so a new consultation's phases read in
# every language from the start; the Secretariat edits them like any other text.
PHASE_NAMES = {
    "Opening of the open consultations": row(
        "افتتاح المشاورات المفتوحة",
        "公开磋商启动",
        "Ouverture des consultations ouvertes",
        "Начало открытых консультаций",
        "Apertura de las consultas abiertas",
    ),
    "First physical meeting": row(
        "الاجتماع الحضوري الأول",
        "第一次现场会议",
        "Première réunion physique",
        "Первое очное собрание",
        "Primera reunión presencial",
    ),
    "Second physical meeting": row(
        "الاجتماع الحضوري الثاني",
        "第二次现场会议",
        "Deuxième réunion physique",
        "Второе очное собрание",
        "Segunda reunión presencial",
    ),
    "Submissions deadline": row(
        "الموعد النهائي لتقديم المساهمات",
        "提交材料截止日期",
        "Date limite des contributions",
        "Крайний срок представления материалов",
        "Plazo de presentación de contribuciones",
    ),
    "Final review meeting": row(
        "اجتماع الاستعراض النهائي",
        "最终审议会议",
        "Réunion d’examen final",
        "Заключительное собрание по обзору",
        "Reunión de examen final",
    ),
    "Final brief": row(
        "الموجز النهائي",
        "最终简报",
        "Note d’information finale",
        "Итоговая записка",
        "Resumen final",
    ),
}


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def consultation_phase_presets(year: int) -> list[dict]:
    """Initial rows for the consultation preparing the Forum of ``year``."""
    opening = date(year - 1, 9, 1)
    first_meeting = date(year - 1, 10, 12)
    second_meeting = date(year, 2, 14)
    deadline = date(year, 2, 20)
    review = date(year, 3, 14)
    brief = date(year, 5, 10)
    rows = [
        (1, PhaseKind.OPENING, "Opening of the open consultations",
         _at(opening, 9), _at(first_meeting, 9), ""),
        (2, PhaseKind.PHYSICAL_MEETING, "First physical meeting",
         _at(first_meeting, 9), _at(first_meeting, 17), VENUE),
        (3, PhaseKind.PHYSICAL_MEETING, "Second physical meeting",
         _at(second_meeting, 9), _at(second_meeting, 17), VENUE),
        (4, PhaseKind.SUBMISSIONS_DEADLINE, "Submissions deadline",
         _at(second_meeting + timedelta(days=1), 0), _at(deadline, 23, 59), ""),
        (5, PhaseKind.REVIEW_MEETING, "Final review meeting",
         _at(review, 9), _at(review, 17), VENUE),
        (6, PhaseKind.FINAL_BRIEF, "Final brief",
         _at(brief, 9), _at(brief + timedelta(days=21), 9), ""),
    ]  # fmt: skip
    return [
        {
            "number": number,
            "kind": kind.value,
            "name_en": name,
            **{f"name_{lang}": text for lang, text in PHASE_NAMES[name].items()},
            "starts_at": starts_at,
            "ends_at": ends_at,
            "venue": venue,
        }
        for number, kind, name, starts_at, ends_at, venue in rows
    ]
