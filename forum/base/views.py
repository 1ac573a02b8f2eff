from django.shortcuts import render

from . import selectors, selectors_facilitation


def matrix(request):
    return render(request, "forum/matrix.html", {"grid": selectors.matrix_grid()})


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
