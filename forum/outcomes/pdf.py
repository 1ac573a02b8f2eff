"""The Outcome Document as a PDF, drawn on the server with fpdf2.

Outcome reports are written in any of the six languages, so the PDF embeds Unicode fonts
found on the server: DejaVu Sans (Latin, Cyrillic, Arabic) with Droid Sans Fallback for
Chinese, and shapes Arabic text (joined letters, right to left) when uharfbuzz is installed.
Only the paragraphs that need it are shaped (``wsis_portal.pdf.shape_for``: shaping every
paragraph made 500 reports take over a minute), and the Chinese font (seconds to load) is
added only when the document has Chinese text.
Without those fonts it falls back to the PDF's core Helvetica, as the Stocktaking report does,
and characters outside Latin-1 are replaced: the document is still produced.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from wsis_portal.pdf import has_cjk, shape_for

# fontTools reports every glyph it subsets at INFO: noise in the server's log.
logging.getLogger("fontTools").setLevel(logging.WARNING)

FONT_DIRS = [
    Path(p)
    for p in os.environ.get(
        "WSIS_PDF_FONT_DIRS",
        "/usr/share/fonts/truetype/dejavu:/usr/share/fonts/truetype/droid",
    ).split(":")
    if p
]
FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "cjk": "DroidSansFallbackFull.ttf",
}


def _font(name: str) -> Path | None:
    for folder in FONT_DIRS:
        path = folder / FONT_FILES[name]
        if path.is_file():
            return path
    return None


class _Writer:
    """Writes text in the Unicode font when there is one, in Latin-1 Helvetica otherwise."""

    def __init__(self, pdf: FPDF, *, cjk: bool) -> None:
        self.pdf = pdf
        self.shaping = False
        regular, bold = _font("regular"), _font("bold")
        self.unicode = regular is not None and bold is not None
        if self.unicode:
            pdf.add_font("Body", "", str(regular))
            pdf.add_font("Body", "B", str(bold))
            fallbacks = []
            cjk_font = _font("cjk") if cjk else None
            if cjk_font is not None:
                pdf.add_font("CJK", "", str(cjk_font))
                fallbacks.append("CJK")
            pdf.set_fallback_fonts(fallbacks, exact_match=False)
            # Without uharfbuzz, Arabic comes out unjoined but still readable.
            with contextlib.suppress(Exception):
                pdf.set_text_shaping(True)
                self.shaping = True
                pdf.set_text_shaping(False)
        self.family = "Body" if self.unicode else "Helvetica"

    def text(self, value: object) -> str:
        text = str(value)
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def style(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)

    def para(self, value: object, *, size: float = 10, bold: bool = False, height: float = 5):
        self.style(size, bold)
        text = self.text(value)
        if self.shaping:
            shape_for(self.pdf, text)
        self.pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def _has_cjk(data: Any) -> bool:
    language = translation.get_language() or ""
    if language.startswith(("zh", "ja", "ko")):
        return True
    texts = [str(data.edition), data.edition.theme or ""]
    for section in data.sections:
        texts.append(str(section.action_line))
        for report in section.reports:
            texts += [report.session.title, str(report.session.building_block)]
            texts += [*report.key_message_lines, *report.recommendation_lines]
    return has_cjk(texts)


def outcome_document_pdf(data: Any) -> bytes:
    """The PDF of ``selectors_outcomes.outcome_document(...)``, in the visitor's language."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    writer = _Writer(pdf, cjk=_has_cjk(data))
    title = _("%(edition)s: Outcome Document") % {"edition": data.edition}
    pdf.set_title(writer.text(title))
    pdf.set_author("WSIS Secretariat")
    pdf.set_lang(translation.get_language() or settings.LANGUAGE_CODE)
    pdf.add_page()
    writer.para(title, size=18, bold=True, height=9)
    if data.edition.theme:
        writer.para(data.edition.theme, size=12, height=7)
    pdf.ln(2)
    writer.para(
        _(
            "Drawn from the outcome reports of %(n)s sessions, grouped by WSIS Action Line. "
            "A session that addressed several Action Lines appears under each of them."
        )
        % {"n": data.report_count}
    )
    for section in data.sections:
        pdf.ln(4)
        writer.para(section.action_line, size=14, bold=True, height=7)
        for report in section.reports:
            pdf.ln(2)
            writer.para(report.session.title, size=11, bold=True, height=6)
            writer.para(
                f"{report.session.building_block} · {report.session.starts_at:%Y-%m-%d}",
                size=9,
            )
            writer.para(_("Key messages"), size=10, bold=True)
            for line in report.key_message_lines:
                writer.para(f"- {line}")
            writer.para(_("Recommendations"), size=10, bold=True)
            for line in report.recommendation_lines:
                writer.para(f"- {line}")
            for label, url in (
                (_("Slides"), report.slides_url),
                (_("Recording"), report.recording_url),
            ):
                if url:
                    writer.para(f"{label}: {url}", size=9)
    return bytes(pdf.output())
