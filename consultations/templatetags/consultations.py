from django import template

from consultations.rendering import render_comment

register = template.Library()


@register.simple_tag
def comment_html(comment):
    """A comment's text as safe HTML (escaped plain text, or sanitised Markdown)."""
    return render_comment(comment.body, comment.body_format)
