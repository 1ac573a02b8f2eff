"""Demo translations: shared helpers, and the next Forum edition.

Run by ``manage.py seed_demo`` after the apps' own seeders (order 90), so that every
language of the switcher shows translated content from ``make run``. Only empty
translation columns are filled: a translation typed in the admin is kept. Each domain app
translates its own demo content the same way (``prizes/demo_translations.py``,
``consultations/demo_translations.py``): the base imports no domain app.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from forum.models import Edition

LANGUAGES = ("ar", "zh_hans", "fr", "ru", "es")


def row(ar: str, zh: str, fr: str, ru: str, es: str) -> dict[str, str]:
    return {"ar": ar, "zh_hans": zh, "fr": fr, "ru": ru, "es": es}


# The demo seeders give the next edition one of these themes, whichever runs first.
EDITION_THEMES = {
    "WSIS Action Lines for building inclusive knowledge societies": row(
        "خطوط عمل القمة العالمية لمجتمع المعلومات من أجل بناء مجتمعات معرفة شاملة للجميع",
        "信息社会世界峰会行动方面：建设包容性知识社会",
        "Les grandes orientations du SMSI au service de sociétés du savoir inclusives",
        "Направления деятельности ВВУИО для построения открытых для всех обществ знаний",
        "Las líneas de acción de la CMSI para construir sociedades del conocimiento inclusivas",
    ),
    "WSIS Action Lines for an inclusive digital future": row(
        "خطوط عمل القمة العالمية لمجتمع المعلومات من أجل مستقبل رقمي شامل للجميع",
        "信息社会世界峰会行动方面：共创包容性数字未来",
        "Les grandes orientations du SMSI pour un avenir numérique inclusif",
        "Направления деятельности ВВУИО для открытого для всех цифрового будущего",
        "Las líneas de acción de la CMSI para un futuro digital inclusivo",
    ),
}

EDITION_VENUES = {
    "ITU Headquarters, Geneva, Switzerland": row(
        "مقر الاتحاد الدولي للاتصالات، جنيف، سويسرا",
        "瑞士日内瓦国际电联总部",
        "Siège de l’UIT, Genève (Suisse)",
        "Штаб-квартира МСЭ, Женева, Швейцария",
        "Sede de la UIT, Ginebra (Suiza)",
    ),
    "ITU Headquarters and CICG, Geneva, Switzerland": row(
        "مقر الاتحاد الدولي للاتصالات والمركز الدولي للمؤتمرات بجنيف، جنيف، سويسرا",
        "瑞士日内瓦国际电联总部和日内瓦国际会议中心",
        "Siège de l’UIT et CICG, Genève (Suisse)",
        "Штаб-квартира МСЭ и Женевский международный конференц-центр, Женева, Швейцария",
        "Sede de la UIT y CICG, Ginebra (Suiza)",
    ),
}


def fill(obj, field: str, texts: dict[str, str] | None) -> list[str]:
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


def _next_edition() -> Edition | None:
    return Edition.objects.filter(ends_on__gte=timezone.localdate()).order_by("year").first()


def seed(*, stdout: Any = None, **options: Any) -> None:
    """Translate the demo's next Forum edition."""
    if edition := _next_edition():
        # theme_en, venue_en: fields django-modeltranslation adds at start-up.
        theme_en = edition.theme_en or ""  # type: ignore[attr-defined]
        venue_en = edition.venue_en or ""  # type: ignore[attr-defined]
        changed = fill(edition, "theme", EDITION_THEMES.get(theme_en))
        changed += fill(edition, "venue", EDITION_VENUES.get(venue_en))
        if changed:
            edition.save(update_fields=changed)
        if stdout:
            stdout.write(f"  translated: {edition}")
