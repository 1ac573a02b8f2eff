"""PDF documents drawn on the server with fpdf2, in every script the portal's people write.

fpdf2's core fonts (Helvetica) know Latin-1 only: a project from Beijing, Cairo or Moscow
would print as question marks. :func:`document` embeds DejaVu Sans (Latin, Greek, Cyrillic,
Arabic, Hebrew...) with Droid Sans Fallback behind it for Chinese, Japanese and Korean, and
turns on text shaping (uharfbuzz), which joins Arabic letters and lays right-to-left text
out in its order. fpdf2 embeds only the glyphs a document uses.

Text shaping is turned on only for the text that needs it (:func:`shape_for`): fpdf2 shapes
a line again for every character it adds while breaking it into lines, which made a
500-report Outcome Document take over a minute to draw; Latin, Greek, Cyrillic and CJK
letters look the same drawn one by one (only DejaVu's kerning pairs are not applied).

Loading a font costs time (about 0.3 s for each DejaVu style, 3 s for the 4 MB CJK
fallback), so the fallback is loaded only for a document that has CJK text, and the big
PDFs are drawn by a worker, never in a request (``wsis_portal.drawn_files``).

The fonts are Debian's packages ``fonts-dejavu-core`` and ``fonts-droid-fallback``
(installed by the Dockerfile and ``.ci/run``); ``PDF_FONT_DIRS`` lists where to look.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from fpdf import FPDF

# (family, style, file name): the first found in PDF_FONT_DIRS is used.
FONT_FILES = [
    ("DejaVu", "", "DejaVuSans.ttf"),
    ("DejaVu", "B", "DejaVuSans-Bold.ttf"),
    ("Droid", "", "DroidSansFallbackFull.ttf"),
]
DEFAULT_FONT_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/droid",
    "/usr/share/fonts/truetype",
]
FAMILY = "DejaVu"
# fontTools logs every table it subsets at INFO: dozens of lines per PDF.
logging.getLogger("fontTools").setLevel(logging.WARNING)
# Han, kana, Hangul, CJK punctuation and full-width forms: drawn from the fallback font.
CJK_RANGES = [
    (0x2E80, 0x2FDF),
    (0x3000, 0x30FF),
    (0x3100, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x20000, 0x2FFFF),
]
CJK = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in CJK_RANGES) + "]")
# Scripts whose letters join, reorder or stack (Arabic, Hebrew, Syriac, Thaana, the Indic and
# South-East Asian scripts, combining marks, bidirectional controls): drawn through the
# shaping engine, which also lays right-to-left text out in its order.
SHAPED = re.compile(
    "[\u0300-\u036f\u0590-\u0dff\u0e00-\u109f\u1780-\u18af"
    "\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufeff]"
)


def needs_shaping(text: str) -> bool:
    """Whether ``text`` has letters that only come out right through the shaping engine."""
    return SHAPED.search(text) is not None


def shape_for(pdf: FPDF, text: str) -> str:
    """Turn text shaping on for ``text`` if it needs it, off otherwise; returns ``text``.

    Called before each paragraph is measured or drawn (the widths differ with shaping)."""
    wanted = needs_shaping(text)
    if wanted != bool(pdf.text_shaping):
        pdf.set_text_shaping(wanted)
    return text


def has_cjk(texts: Iterable[str]) -> bool:
    """Whether any of ``texts`` has a character only the CJK fallback font can draw."""
    return any(CJK.search(text) for text in texts)


@lru_cache(maxsize=1)
def font_paths() -> dict[tuple[str, str], Path]:
    """Where each font file is; DejaVu is required, the CJK fallback is used when present."""
    dirs = [Path(d) for d in getattr(settings, "PDF_FONT_DIRS", DEFAULT_FONT_DIRS)]
    found: dict[tuple[str, str], Path] = {}
    for family, style, name in FONT_FILES:
        for directory in dirs:
            candidates = [directory / name, *directory.glob(f"*/{name}")]
            path = next((c for c in candidates if c.is_file()), None)
            if path is not None:
                found[(family, style)] = path
                break
    if (FAMILY, "") not in found or (FAMILY, "B") not in found:
        raise ImproperlyConfigured(
            "DejaVu Sans is needed to draw PDFs in every script: install the Debian package "
            "fonts-dejavu-core or set PDF_FONT_DIRS."
        )
    return found


def document(
    *, orientation: str = "P", title: str = "", author: str = "", texts: Iterable[str] = ()
) -> FPDF:
    """An A4 fpdf2 document with the portal's Unicode fonts loaded; text is shaped where
    it needs it when written through :func:`shape_for`.

    ``texts`` are the people's words the document will show (titles, names): the CJK
    fallback is loaded when they, or the active language, need it.
    """
    pdf = FPDF(orientation=orientation, format="A4")
    language = translation.get_language() or ""
    cjk = language.startswith(("zh", "ja", "ko")) or has_cjk([title, *texts])
    fallbacks = []
    for (family, style), path in font_paths().items():
        if family != FAMILY:
            if not cjk:
                continue
            fallbacks.append(family)
        pdf.add_font(family, style, str(path))
    if fallbacks:
        # A character DejaVu lacks (a Chinese name) is drawn from the fallback, bold or not.
        pdf.set_fallback_fonts(sorted(set(fallbacks)), exact_match=False)
    pdf.set_font(FAMILY, "", 11)
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.set_creator("WSIS Forum portal")
    return pdf
