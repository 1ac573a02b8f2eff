"""``{% translated obj "field" %}``: a translated field, marked ``lang="en"`` when it fell back.

{% load translated %}
<h1>{% translated contest "title" %}</h1>          → Arabic title, or <span lang="en">…</span>
{% translated contest "title" as title %}
<title{{ title.lang_attr }}>{{ title }}</title>    → for places where a <span> cannot go
"""

from django import template

from wsis_portal.translated import TranslatedText
from wsis_portal.translated import translated as translated_text

register = template.Library()


class TranslatedNode(template.Node):
    def __init__(self, instance, field, target: str | None):
        self.instance = instance
        self.field = field
        self.target = target

    def render(self, context) -> str:
        instance = self.instance.resolve(context)
        if instance in (None, ""):
            return ""
        value: TranslatedText = translated_text(instance, self.field.resolve(context))
        if self.target:
            context[self.target] = value
            return ""
        return value.as_html()


@register.tag(name="translated")
def do_translated(parser, token):
    bits = token.split_contents()
    if len(bits) == 3:
        target = None
    elif len(bits) == 5 and bits[3] == "as":
        target = bits[4]
    else:
        raise template.TemplateSyntaxError(
            '{% translated obj "field" %} or {% translated obj "field" as name %}'
        )
    return TranslatedNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), target)
