"""The design system's marks: Action Line icons and interface icons from one SVG sprite."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

register = template.Library()

SPRITE = "img/icons.svg"


@register.simple_tag
def icon(name: str, css_class: str = "icon") -> str:
    """A decorative icon from the sprite; the text beside it carries the meaning."""
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        css_class,
        static(SPRITE),
        name,
    )


@register.simple_tag
def al_icon(code: str, css_class: str = "al-icon") -> str:
    """The line icon of an Action Line (one per code, all 18 in the sprite)."""
    return icon(code, css_class)
