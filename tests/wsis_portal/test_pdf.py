"""The portal's PDFs shape the text that needs it (Arabic joined, right to left) and only it."""

from __future__ import annotations

import io
from datetime import datetime
from types import SimpleNamespace
from typing import Any

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from forum.models import Edition
from forum.outcomes.pdf import outcome_document_pdf
from forum.outcomes.selectors import OutcomeDocumentData, OutcomeSection
from tests.factories.forum import action_line
from wsis_portal.pdf import document, needs_shaping, shape_for

ARABIC = "مشروع المدارس المتصلة"
# Contextual forms shaping picks for ARABIC: meem initial, lam-alef parts, teh marbuta final.
SHAPED_FORMS = {"uniFEE3", "uniFEDF", "uniFE94"}


def embedded_glyphs(body: bytes) -> set[str]:
    """The glyph names of every font embedded in the PDF ``body``."""
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(body)).pages:
        resources: Any = page["/Resources"]
        for font in resources["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            data = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object()
            names.update(TTFont(io.BytesIO(data.get_data())).getGlyphOrder())
    return names


@pytest.mark.parametrize(
    "text, shaped",
    [
        (ARABIC, True),
        ("שלום", True),
        ("डिजिटल", True),
        ("Connected schools “for all” – 2027", False),
        ("Московский университет", False),
        ("智慧农业平台", False),
    ],
)
def test_only_scripts_that_join_or_reorder_need_shaping(text, shaped):
    assert needs_shaping(text) is shaped


def test_arabic_is_drawn_in_its_joined_forms_and_latin_letter_by_letter():
    pdf = document()
    pdf.add_page()
    pdf.multi_cell(0, 5, shape_for(pdf, "Open data"), new_x="LMARGIN", new_y="NEXT")
    assert not pdf.text_shaping
    pdf.multi_cell(0, 5, shape_for(pdf, ARABIC), new_x="LMARGIN", new_y="NEXT")
    assert pdf.text_shaping
    glyphs = embedded_glyphs(bytes(pdf.output()))
    assert SHAPED_FORMS <= glyphs
    assert {"O", "p", "e", "n", "d", "a", "t"} <= glyphs


@pytest.mark.django_db
def test_outcome_document_shapes_an_arabic_report():
    report = SimpleNamespace(
        session=SimpleNamespace(
            title="Open data", building_block="Workshop", starts_at=datetime(2027, 5, 10, 9)
        ),
        key_message_lines=[ARABIC],
        recommendation_lines=["Measure what is used."],
        slides_url="",
        recording_url="",
    )
    edition = Edition(year=2027, theme="")
    data = OutcomeDocumentData(
        edition=edition,
        document=None,
        sections=[OutcomeSection(action_line("C1"), [report])],  # type: ignore[list-item]
        report_count=1,
    )
    glyphs = embedded_glyphs(outcome_document_pdf(data))
    assert SHAPED_FORMS <= glyphs
