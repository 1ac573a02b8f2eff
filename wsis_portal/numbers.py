"""Numbers written the way each of the six languages writes them.

Django groups digits only with USE_THOUSAND_SEPARATOR, which would also turn every year and
id a template prints into "2,026"; so counts are formatted on purpose, with the `num` filter
(wsis_portal.templatetags.portal) and `number_display`, from CLDR's rules through ICU: Spanish
leaves four-digit numbers ungrouped ("1234", "12.345"), French groups with a narrow no-break
space, Arabic and Chinese group by thousands with a comma.
"""

from __future__ import annotations

import functools
from decimal import Decimal

import icu
from django.utils import translation


def _icu_locale(language: str) -> str:
    code = translation.to_locale(language)
    # UN Arabic documents write figures in Western digits; say so rather than rely on the
    # ICU default, which has changed between CLDR releases.
    return f"{code}@numbers=latn" if code == "ar" else code


@functools.cache
def _formatter(language: str, decimals: int | None) -> icu.LocalizedNumberFormatter:
    # NumberFormatter (not the older NumberFormat) applies CLDR's minimum grouping digits and
    # is immutable, so one instance serves every thread.
    formatter = icu.NumberFormatter.withLocale(icu.Locale(_icu_locale(language)))
    if decimals is not None:
        formatter = formatter.precision(icu.Precision.fixedFraction(decimals))
    return formatter


def number_display(
    value: int | float | Decimal, *, decimals: int | None = None, language: str | None = None
) -> str:
    """`value` as the reader's language writes it (the active language unless one is given)."""
    formatter = _formatter(language or translation.get_language() or "en", decimals)
    if isinstance(value, int):
        return str(formatter.formatInt(value))
    return str(formatter.formatDouble(float(value)))
