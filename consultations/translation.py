"""Which consultation fields carry a translation per language (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Consultation, ConsultationPhase


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ConsultationPhase)
class ConsultationPhaseTranslation(TranslationOptions):
    fields = ("name", "agenda")
