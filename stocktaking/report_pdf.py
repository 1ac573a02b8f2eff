"""The printable PDF edition of a WSIS Stocktaking Report, drawn on the server with fpdf2.

The PDF carries the report's figures (totals and breakdowns). It is set in the PDF's core
Helvetica, so text is written in English and any character outside Latin-1 is replaced:
the figures, not the entries' own texts, make the report.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from fpdf import FPDF

from . import selectors

BAR_WIDTH_MM = 90.0


def _latin1(text: object) -> str:
    return str(text).encode("latin-1", "replace").decode("latin-1")


def report_pdf(*, year: int, region: str | None = None) -> bytes:
    """The report of ``year`` (optionally one region) as PDF bytes; 404 as the page does."""
    with translation.override("en"):
        data: dict[str, Any] = selectors.report(year=year, region=region)
        pdf = FPDF(format="A4")
        pdf.set_title(_latin1(data["title"]))
        pdf.set_author("WSIS Secretariat")
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 18)
        pdf.multi_cell(0, 9, _latin1(data["title"]), new_x="LMARGIN", new_y="NEXT")
        if data["region"]:
            pdf.set_font("Helvetica", "", 13)
            pdf.cell(
                0,
                8,
                _latin1(f"Regional report: {data['region'].label}"),
                new_x="LMARGIN",
                new_y="NEXT",
            )
        pdf.set_font("Helvetica", "", 11)
        pdf.ln(2)
        pdf.cell(
            0,
            7,
            _latin1(
                f"{data['total']} published entries, {data['success_story_count']} success stories."
            ),
            new_x="LMARGIN",
            new_y="NEXT",
        )
        for heading, bars in [
            ("Entries by ITU region", data["by_region"]),
            ("Entries by stakeholder type", data["by_stakeholder_type"]),
            ("Entries by WSIS Action Line", data["by_action_line"]),
            ("Entries by Sustainable Development Goal", data["by_sdg"]),
        ]:
            _section(pdf, heading, bars)
        if data["success_stories"]:
            pdf.set_font("Helvetica", "B", 13)
            pdf.ln(4)
            pdf.cell(0, 8, "Success stories", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 10)
            for entry in data["success_stories"]:
                pdf.multi_cell(
                    0,
                    5,
                    _latin1(f"- {entry.title} ({entry.organisation})"),
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
    return bytes(pdf.output())


def _section(pdf: FPDF, heading: str, bars: list[Any]) -> None:
    pdf.set_font("Helvetica", "B", 13)
    pdf.ln(4)
    pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    for bar in bars:
        y = pdf.get_y()
        pdf.cell(80, 6, _latin1(bar.label)[:60])
        pdf.set_fill_color(0, 86, 145)
        if bar.percent:
            pdf.rect(pdf.get_x(), y + 1.5, BAR_WIDTH_MM * bar.percent / 100, 3, style="F")
        pdf.set_x(pdf.l_margin + 80 + BAR_WIDTH_MM + 2)
        pdf.cell(0, 6, str(bar.value), new_x="LMARGIN", new_y="NEXT")
