"""Which stocktaking fields carry a translation per language (django-modeltranslation).

Entries are written by their submitters in their own language and are not translated.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Call


@register(Call)
class CallTranslation(TranslationOptions):
    fields = ("report_title",)
