"""Read a translated field in the visitor's language, and say when it fell back to English.

django-modeltranslation's descriptor already falls back to English (settings,
``MODELTRANSLATION_FALLBACK_LANGUAGES``) but does not tell which language it returned. A page
must mark English text inside, say, an Arabic page with ``lang="en"`` so that screen readers
switch voice and the browser picks the right fonts and hyphenation; ``translated`` returns
the text together with its language for that.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname, get_language


@dataclass(frozen=True)
class TranslatedText:
    """A field's text, the language it is written in, and whether that is a fallback."""

    text: str
    language: str
    fell_back: bool

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)

    @property
    def lang_attr(self) -> SafeString:
        """`` lang="en"`` when the text is a fallback, else nothing: for an element's tag."""
        if not self.fell_back:
            return mark_safe("")
        return format_html(' lang="{}"', self.language)

    def as_html(self) -> SafeString:
        """The escaped text, wrapped in ``<span lang="…">`` when it is a fallback."""
        if not self.fell_back:
            return format_html("{}", self.text)
        return format_html('<span lang="{}">{}</span>', self.language, self.text)


def _is_translated(instance: models.Model, field: str) -> bool:
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return False
    return field in options.all_fields


def translated(instance: models.Model, field: str) -> TranslatedText:
    """The value of ``field`` in the active language, else in English, with its language.

    A field that is not registered for translation is returned as it is, in the active
    language (it is, for example, a name that does not change between languages).
    """
    language = get_language()
    if not _is_translated(instance, field):
        return TranslatedText(str(getattr(instance, field) or ""), language, False)
    for candidate in dict.fromkeys([language, settings.MODELTRANSLATION_DEFAULT_LANGUAGE]):
        value = getattr(instance, build_localized_fieldname(field, candidate), None)
        if value:
            return TranslatedText(str(value), candidate, candidate != language)
    # No English either (a row written straight into another column): show what there is.
    value = str(getattr(instance, field) or "")
    return TranslatedText(value, language, False)
