"""Which UNGIS fields carry a translation per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Agency, Initiative


@register(Agency)
class AgencyTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Initiative)
class InitiativeTranslation(TranslationOptions):
    fields = ("name", "description")
