from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache

from forum.base.selectors import home_matrix, matrix_version

from . import styleguide as styleguide_data
from .health import check_database, outbox_figures, run_checks
from .home_cache import home_content
from .selectors import open_items


def home(request):
    now = timezone.now()

    def render_content() -> str:
        # Nothing of the person is in it (the header, with its sign-in links and CSRF token,
        # is rendered for each request), so one copy per language serves everyone.
        items = open_items(now=now)
        return render_to_string(
            "home_content.html",
            {
                "open_now": [i for i in items if i.opens_at is None or i.opens_at <= now],
                "upcoming": [i for i in items if i.opens_at is not None and i.opens_at > now],
                "grid": home_matrix(),
            },
        )

    content = home_content(now=now, render=render_content, matrix_version=matrix_version())
    return render(request, "home.html", {"content": content})


@never_cache
def healthz(request):
    results = run_checks()
    failing = {name: problem for name, problem in results.items() if problem}
    body = {
        "status": "ok" if not failing else "fail",
        "checks": {name: (problem or "ok") for name, problem in results.items()},
        "outbox": outbox_figures(),
    }
    return JsonResponse(body, status=503 if failing else 200)


@never_cache
def healthz_web(request):
    """Healthy when this process answers and reaches the database: a stale worker or a slow
    outbox is the worker's and beat's business (their own health commands), and must not
    take the web container out of the load balancer."""
    problem = check_database()
    body = {"status": "fail" if problem else "ok", "checks": {"database": problem or "ok"}}
    return JsonResponse(body, status=503 if problem else 200)


def open_data(request):
    """A page for people about the open-data API, with the machine-readable schema linked."""
    return render(request, "open_data.html")


def styleguide(request):
    """Every component of the design system on one page, for the Secretariat's staff.

    Hidden (404) from visitors who are not signed in, refused (403) to signed-in non-staff.
    """
    if not request.user.is_authenticated:
        raise Http404
    if not request.user.is_staff:
        raise PermissionDenied
    return render(request, "styleguide.html", styleguide_data.context(request))


def page_not_found(request, exception):
    """404: JSON under /api/ (the open-data API documents a JSON error), the site's page
    elsewhere."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)
