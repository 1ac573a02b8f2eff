"""Country names in the UN's wording for each of the six languages, sorted by that language.

django-countries offers the portal's country fields and lists; two of its hooks are used:
``COUNTRIES_OVERRIDE`` (settings) gives every code a lazy name that reads the active language in
``UN_NAMES``, and its module-level ``sort_key`` (which it documents as the UCA hook, used when
pyuca is installed) is replaced at start-up by the ICU collation of the active language: pinyin
order in Chinese, Arabic and Cyrillic alphabetical order, "Ñ" after "N" in Spanish, accents
ignored at the first level in French.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import icu
from django.utils.functional import lazy
from django.utils.translation import get_language

from .un_country_names import UN_NAMES

# Position of each language in the tuples of UN_NAMES.
LANGUAGE_INDEX = {"ar": 0, "zh-hans": 1, "en": 2, "fr": 3, "ru": 4, "es": 5}
ICU_LOCALES = {"ar": "ar", "zh-hans": "zh_Hans", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


def _portal_language(language: str | None) -> str:
    """One of the six codes for any spelling Django or a caller may use (zh_Hans, fr-ch…)."""
    language = (language or "en").lower().replace("_", "-")
    if language.startswith("zh"):
        return "zh-hans"
    language = language.split("-")[0]
    return language if language in LANGUAGE_INDEX else "en"


def _index(language: str | None) -> int:
    return LANGUAGE_INDEX[_portal_language(language)]


def un_name(code: str, language: str | None = None) -> str:
    """The UN name of ``code`` in ``language`` (the active one by default)."""
    return UN_NAMES[code][_index(language or get_language())]


_lazy_un_name = lazy(un_name, str)


def countries_override() -> dict[str, Any]:
    """COUNTRIES_OVERRIDE: every code named lazily, so each request reads its own language."""
    return {code: _lazy_un_name(code) for code in UN_NAMES}


@lru_cache(maxsize=8)
def collator(language: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(ICU_LOCALES[language]))


def collation_key(text: str, language: str | None = None) -> bytes:
    """Sort key of ``text`` by the collation of ``language`` (the active one by default)."""
    return collator(_portal_language(language or get_language())).getSortKey(text)


def _country_sort_key(item: tuple[str, str]) -> bytes:
    """django-countries' sort hook: ``item`` is (code, translated name)."""
    return collation_key(str(item[1]))


def install_collation() -> None:
    """Make django-countries sort with ICU (called from the portal's AppConfig.ready)."""
    import django_countries

    django_countries.sort_key = _country_sort_key
