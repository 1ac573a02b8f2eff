"""Which prize fields carry a translation per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Contest


@register(Contest)
class ContestTranslation(TranslationOptions):
    fields = ("title",)
