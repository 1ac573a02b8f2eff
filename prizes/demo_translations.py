"""Demo translations of the open contest (see ``wsis_portal/demo_translations.py``)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from wsis_portal.demo_translations import fill, row

from .models import Contest


def contest_title(year: int) -> dict[str, str]:
    return row(
        f"جوائز القمة العالمية لمجتمع المعلومات لعام {year}",
        f"{year}年信息社会世界峰会奖",
        f"Prix du SMSI {year}",
        f"Премии ВВУИО {year} года",
        f"Premios de la CMSI {year}",
    )


def _open_contest() -> Contest | None:
    now = timezone.now()
    contest = Contest.objects.filter(phases__starts_at__lte=now, phases__ends_at__gt=now).first()
    return contest or Contest.objects.filter(year=now.year).first()


def seed(*, stdout: Any = None, **options: Any) -> None:
    """Translate the demo's open contest."""
    if contest := _open_contest():
        changed = fill(contest, "title", contest_title(contest.year))
        if changed:
            contest.save(update_fields=changed)
        if stdout:
            stdout.write(f"  translated: {contest}")
