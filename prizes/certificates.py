"""The certificates and the yearly booklet of the WSIS Prizes, drawn as PDF with fpdf2.

Both are written in the active language (the page's, or the recipient's in an email link)
and set in the portal's Unicode fonts (``wsis_portal.pdf``): project titles and
organisations keep their own script. What they show is decided by ``prizes.recognition``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF
from fpdf.enums import MethodReturnValue

from wsis_portal.pdf import FAMILY, document, shape_for

from .enums import ProjectStatus

if TYPE_CHECKING:
    from .models import Project
    from .recognition import Booklet

NAVY = (0, 53, 95)
GOLD = (166, 124, 0)
GREY = (80, 80, 80)


def status_title(status: str) -> str:
    if status == ProjectStatus.WINNER:
        return _("WSIS Prize Winner")
    return _("WSIS Prize Champion")


def _centred(pdf: FPDF, text: str, *, size: float, style: str = "", height: float = 0) -> None:
    pdf.set_font(FAMILY, style, size)
    pdf.multi_cell(
        0, height or size * 0.55, shape_for(pdf, text), align="C", new_x="LMARGIN", new_y="NEXT"
    )


def certificate_pdf(*, project: Project, status: str, verify_url: str, preview: bool) -> bytes:
    """One Champion's or Winner's certificate: the project, its organisation and country,
    the category, the contest year and the distinction, on one A4 landscape page."""
    contest = project.contest
    title = _("Certificate: %(distinction)s %(year)s") % {
        "distinction": status_title(status),
        "year": contest.year,
    }
    pdf = document(
        orientation="L",
        title=title,
        author=_("WSIS Secretariat"),
        texts=[project.title, project.organisation, contest.name],
    )
    pdf.set_auto_page_break(False)
    pdf.add_page()
    # A double frame, in the UN's navy and a gold line inside it.
    pdf.set_draw_color(*NAVY)
    pdf.set_line_width(1.6)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.6)
    pdf.rect(14, 14, pdf.w - 28, pdf.h - 28)
    pdf.set_margins(28, 24, 28)
    pdf.set_y(26)
    pdf.set_text_color(*NAVY)
    _centred(pdf, _("World Summit on the Information Society"), size=14)
    _centred(pdf, contest.name, size=20, style="B", height=12)
    pdf.ln(4)
    pdf.set_text_color(*GOLD)
    _centred(pdf, status_title(status), size=30, style="B", height=16)
    pdf.set_text_color(0, 0, 0)
    pdf.ln(2)
    _centred(pdf, _("This certificate recognises the project"), size=13)
    pdf.ln(1)
    _centred(pdf, project.title, size=22, style="B", height=11)
    pdf.ln(1)
    _centred(
        pdf,
        _("%(organisation)s, %(country)s")
        % {"organisation": project.organisation, "country": project.country.name},
        size=15,
    )
    pdf.ln(4)
    _centred(pdf, _("in the category"), size=12)
    _centred(pdf, str(project.category.action_line), size=15, style="B")
    pdf.ln(4)
    pdf.set_text_color(*GREY)
    if status == ProjectStatus.WINNER:
        line = _("Winner of its category in the WSIS Prizes %(year)s contest.")
    else:
        line = _(
            "Among the most voted projects of its category in the WSIS Prizes %(year)s "
            "public online voting."
        )
    _centred(pdf, line % {"year": contest.year}, size=12)
    edition = contest.edition
    if edition is not None:
        _centred(
            pdf,
            _("Announced at %(edition)s, %(date)s.")
            % {"edition": edition, "date": date_format(edition.starts_on, "DATE_FORMAT")},
            size=12,
        )
    pdf.set_y(pdf.h - 40)
    _centred(pdf, _("WSIS Secretariat"), size=12, style="B")
    _centred(pdf, _("Check this certificate: %(url)s") % {"url": verify_url}, size=9)
    if preview:
        pdf.set_text_color(180, 0, 0)
        pdf.set_y(16)
        _centred(
            pdf,
            _("Preview for the Secretariat: the results are not published yet."),
            size=10,
            style="B",
        )
    return bytes(pdf.output())


def booklet_pdf(*, booklet: Booklet) -> bytes:
    """The year's Winners and Champions: a cover, then each category from a new page, one
    block per project that is never split across two pages."""
    contest = booklet.contest
    heading = _("%(contest)s: Winners and Champions") % {"contest": contest.name}
    pdf = document(
        title=heading,
        author=_("WSIS Secretariat"),
        texts=[
            text
            for section in booklet.categories
            for entry in section.entries
            for text in (entry.project.title, entry.project.organisation, entry.project.description)
        ],
    )
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_y(90)
    pdf.set_text_color(*NAVY)
    _centred(pdf, _("World Summit on the Information Society"), size=14)
    _centred(pdf, heading, size=24, style="B", height=14)
    pdf.set_text_color(*GREY)
    _centred(
        pdf,
        ", ".join(
            [
                ngettext("%(n)s Winner", "%(n)s Winners", booklet.winner_count)
                % {"n": booklet.winner_count},
                ngettext("%(n)s Champion", "%(n)s Champions", booklet.champion_count)
                % {"n": booklet.champion_count},
                ngettext("%(n)s category", "%(n)s categories", len(booklet.categories))
                % {"n": len(booklet.categories)},
            ]
        )
        + ".",
        size=12,
    )
    _centred(
        pdf,
        _("Printed on %(date)s.") % {"date": date_format(timezone.localdate(), "DATE_FORMAT")},
        size=10,
    )
    for section in booklet.categories:
        pdf.add_page()
        pdf.set_text_color(*NAVY)
        pdf.set_font(FAMILY, "B", 16)
        heading = shape_for(pdf, str(section.category.action_line))
        pdf.multi_cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for entry in section.entries:
            lines = _project_lines(entry.project, entry.status)
            # Keep a project's block on one page: start a new page when it would not fit.
            # Measured line by line (a dry run breaks the text without drawing it): fpdf2's
            # offset_rendering() copied the whole document, fonts included, for each block.
            if pdf.get_y() + _height(pdf, lines) > pdf.page_break_trigger:
                pdf.add_page()
            _draw(pdf, lines)
            pdf.ln(5)
    return bytes(pdf.output())


# One line of a project's block: colour, style, size, line height, text.
Line = tuple[tuple[int, int, int], str, float, float, str]


def _project_lines(project: Project, status: str) -> list[Line]:
    where = _("%(organisation)s, %(country)s") % {
        "organisation": project.organisation,
        "country": project.country.name,
    }
    return [
        (GOLD, "B", 10, 6, status_title(status)),
        ((0, 0, 0), "B", 13, 7, project.title),
        (GREY, "", 10, 5, where),
        ((0, 0, 0), "", 10, 5, project.description),
    ]


def _height(pdf: FPDF, lines: list[Line]) -> float:
    total = 0.0
    for _colour, style, size, height, text in lines:
        pdf.set_font(FAMILY, style, size)
        measured = pdf.multi_cell(
            0, height, shape_for(pdf, text), dry_run=True, output=MethodReturnValue.HEIGHT
        )
        assert isinstance(measured, float | int)  # what output=HEIGHT returns
        total += measured
    return total


def _draw(pdf: FPDF, lines: list[Line]) -> None:
    for colour, style, size, height, text in lines:
        pdf.set_text_color(*colour)
        pdf.set_font(FAMILY, style, size)
        pdf.multi_cell(0, height, shape_for(pdf, text), new_x="LMARGIN", new_y="NEXT")
