from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from forum.selectors import matrix_grid

from .health import outbox_figures, run_checks
from .selectors import open_items


def home(request):
    now = timezone.now()
    items = open_items(now=now)
    return render(
        request,
        "home.html",
        {
            "open_now": [i for i in items if i.opens_at is None or i.opens_at <= now],
            "upcoming": [i for i in items if i.opens_at is not None and i.opens_at > now],
            "grid": matrix_grid(),
        },
    )


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
