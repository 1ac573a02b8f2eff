"""Which forum fields carry a translation per language (django-modeltranslation).

Reference data (Action Lines, SDGs, building blocks) is filled in six languages by data
migrations; the Secretariat translates editions and sessions in the admin.
"""

from modeltranslation.translator import TranslationOptions, register

from .about.models_news import NewsItem
from .models import SDG, ActionLine, BuildingBlock, Edition, Session


@register(ActionLine)
class ActionLineTranslation(TranslationOptions):
    fields = ("title", "short_name")


@register(SDG)
class SDGTranslation(TranslationOptions):
    fields = ("title", "short_name")


@register(BuildingBlock)
class BuildingBlockTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Edition)
class EditionTranslation(TranslationOptions):
    fields = ("theme", "venue")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "description")


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "summary", "body")
