from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from wsis_portal.fragments import fragment

from . import selectors, selectors_facilitation


def matrix(request):
    # The grid's 306 cells are most of the page's time: its HTML is kept for as long as the
    # linkages, the counts and the language are the same (the counts are read each time).
    version = selectors.matrix_version()
    grid = selectors.matrix_grid()
    content = fragment(
        key=selectors.matrix_page_key(version, grid),
        now=timezone.now(),
        build=lambda: (
            render_to_string("forum/includes/matrix_content.html", {"grid": grid}, request),
            None,
        ),
    )
    return render(request, "forum/matrix.html", {"content": content})


def matrix_cell(request, code: str, number: int):
    action_line = selectors.action_line_by_code(code)
    sdg = selectors.sdg_by_number(number)
    cell = selectors.matrix_cell(action_line=action_line, sdg=sdg)
    return render(
        request, "forum/matrix_cell.html", {"action_line": action_line, "sdg": sdg, **cell}
    )


def action_line(request, code: str):
    line = selectors.action_line_by_code(code)
    return render(
        request,
        "forum/action_line.html",
        {
            "action_line": line,
            "links": selectors.links_of_action_line(line),
            "facilitators": selectors_facilitation.facilitators_of_action_line(line),
            "sections": selectors.action_line_sections(line),
        },
    )


def sdg(request, number: int):
    goal = selectors.sdg_by_number(number)
    return render(request, "forum/sdg.html", {"sdg": goal, "links": selectors.links_of_sdg(goal)})
