"""Form widgets rendered in Python where Django's templates cost too much."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .quick_html import quick_escape


def _attrs(attrs: dict[str, Any]) -> SafeString:
    """As Django's ``attrs.html``: False leaves the attribute out, True writes its name alone."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


class QuickSelect(forms.Select):
    """A select whose options are written in Python: Django renders each option through a
    template, and the country list's ~250 of them made the sign-up page's form cost most of
    its time. The same elements and attributes as the template, without its blank lines."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        # The choices are walked here rather than through get_context(), whose dict per option
        # (create_option, build_attrs) cost as much as writing it; the same selection rules as
        # ChoiceWidget.optgroups: the first option whose value matches is selected, once.
        widget_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            widget_attrs["multiple"] = True
        values = self.format_value(value)
        multiple = self.allow_multiple_selected
        has_selected = False
        parts: list[str] = [format_html('<select name="{}"{}>', name, _attrs(widget_attrs))]
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            group = isinstance(option_label, (list, tuple))
            # Django's template writes no <optgroup> for a group without a name.
            named = group and bool(option_value)
            if named:
                parts.append(format_html('\n  <optgroup label="{}">', option_value))
            for subvalue, sublabel in option_label if group else ((option_value, option_label),):
                selected = (not has_selected or multiple) and str(subvalue) in values
                has_selected |= selected
                parts.append(
                    f'\n  <option value="{quick_escape(str(subvalue))}"'
                    f"{' selected' if selected else ''}>{quick_escape(sublabel)}</option>"
                )
            if named:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))
