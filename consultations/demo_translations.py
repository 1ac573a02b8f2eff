"""Demo translations of the open consultation (see ``wsis_portal/demo_translations.py``)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from wsis_portal.demo_translations import fill, row

from .models import Consultation, ConsultationPhase
from .presets import PHASE_NAMES


def consultation_title(year: int) -> dict[str, str]:
    return row(
        f"منتدى القمة العالمية لمجتمع المعلومات لعام {year}: عملية التشاور المفتوح",
        f"{year}年信息社会世界峰会论坛：公开磋商进程",
        f"Forum du SMSI {year}\u00a0: processus de consultation ouvert",
        f"Форум ВВУИО {year} года: процесс открытых консультаций",
        f"Foro de la CMSI {year}: proceso de consulta abierta",
    )


CONSULTATION_DESCRIPTION = row(
    "عملية التشاور المفتوح بشأن الجوانب المواضيعية لمنتدى القمة العالمية لمجتمع المعلومات "
    "والابتكارات في شكله. وتتيح اجتماعاتها الحضورية إمكانية المشاركة عن بُعد.",
    "关于信息社会世界峰会论坛专题内容和形式创新的公开磋商进程。其现场会议提供远程参与。",
    "Le processus de consultation ouvert sur les aspects thématiques du Forum du SMSI et les "
    "innovations de son format. Ses réunions physiques offrent une participation à distance.",
    "Процесс открытых консультаций по тематическим аспектам Форума ВВУИО и нововведениям в "
    "его формате. На очных собраниях предусмотрено дистанционное участие.",
    "El proceso de consulta abierta sobre los aspectos temáticos del Foro de la CMSI y las "
    "innovaciones en su formato. Sus reuniones presenciales ofrecen participación a distancia.",
)


def _open_consultation() -> Consultation | None:
    now = timezone.now()
    return (
        Consultation.objects.filter(phases__ends_at__gt=now).order_by("phases__starts_at").first()
    )


def seed(*, stdout: Any = None, **options: Any) -> None:
    """Translate the demo's open consultation and its phases."""
    if consultation := _open_consultation():
        year = consultation.edition.year if consultation.edition else timezone.now().year
        changed = fill(consultation, "title", consultation_title(year))
        changed += fill(consultation, "description", CONSULTATION_DESCRIPTION)
        if changed:
            consultation.save(update_fields=changed)
        for phase in ConsultationPhase.objects.filter(consultation=consultation):
            changed = fill(phase, "name", PHASE_NAMES.get(phase.name_en or ""))
            if changed:
                phase.save(update_fields=changed)
        if stdout:
            stdout.write(f"  translated: {consultation}")
