"""The names of the Forum's building blocks (session types)."""

from __future__ import annotations

from .languages import _row

BUILDING_BLOCKS = {
    "policy-statements": _row(
        "بيانات السياسات",
        "政策声明",
        "Déclarations de politique générale",
        "Заявления о политике",
        "Declaraciones de política",
    ),
    "wsis-prizes": _row(
        "جوائز القمة العالمية لمجتمع المعلومات",
        "信息社会世界峰会奖",
        "Prix du SMSI",
        "Премии ВВУИО",
        "Premios de la CMSI",
    ),
    "action-line-facilitators-meeting": _row(
        "اجتماع ميسّري خطوط العمل",
        "行动方面协调方会议",
        "Réunion des coordonnateurs des grandes orientations",
        "Собрание координаторов направлений деятельности",
        "Reunión de los facilitadores de las líneas de acción",
    ),
    "ministerial-round-table": _row(
        "اجتماع المائدة المستديرة الوزاري",
        "部长级圆桌会议",
        "Table ronde ministérielle",
        "Круглый стол на уровне министров",
        "Mesa redonda ministerial",
    ),
    "action-line-facilitation-meetings": _row(
        "اجتماعات تيسير خطوط العمل",
        "行动方面协调会议",
        "Réunions de coordination des grandes orientations",
        "Собрания по координации направлений деятельности",
        "Reuniones de facilitación de las líneas de acción",
    ),
    "interactive-sessions": _row(
        "جلسات تفاعلية",
        "互动会议",
        "Sessions interactives",
        "Интерактивные сессии",
        "Sesiones interactivas",
    ),
    "country-workshops": _row(
        "حلقات عمل قُطرية",
        "国别研讨会",
        "Ateliers de pays",
        "Семинары-практикумы по странам",
        "Talleres nacionales",
    ),
    "thematic-workshops": _row(
        "حلقات عمل مواضيعية",
        "专题研讨会",
        "Ateliers thématiques",
        "Тематические семинары-практикумы",
        "Talleres temáticos",
    ),
    "knowledge-exchange": _row(
        "تبادل المعارف",
        "知识交流",
        "Échange de connaissances",
        "Обмен знаниями",
        "Intercambio de conocimientos",
    ),
    "exhibition": _row("المعرض", "展览", "Exposition", "Выставка", "Exposición"),
    "ungis": _row(
        "فريق الأمم المتحدة المعني بمجتمع المعلومات",
        "联合国信息社会小组",
        "UNGIS",
        "ГООНИО",
        "UNGIS",
    ),
    "un-regional-commissions": _row(
        "اللجان الإقليمية للأمم المتحدة",
        "联合国区域委员会",
        "Commissions régionales des Nations Unies",
        "Региональные комиссии Организации Объединенных Наций",
        "Comisiones regionales de las Naciones Unidas",
    ),
    "innovations": _row("الابتكارات", "创新", "Innovations", "Инновации", "Innovaciones"),
    "icts-and-sustainable-development": _row(
        "تكنولوجيا المعلومات والاتصالات والتنمية المستدامة",
        "信息通信技术与可持续发展",
        "TIC et développement durable",
        "ИКТ и устойчивое развитие",
        "Las TIC y el desarrollo sostenible",
    ),
    "partnerships": _row("الشراكات", "伙伴关系", "Partenariats", "Партнерства", "Alianzas"),
    "hackathon": _row("هاكاثون", "黑客马拉松", "Hackathon", "Хакатон", "Hackatón"),
    "tedx": _row("TEDx", "TEDx", "TEDx", "TEDx", "TEDx"),
    "virtual-reality-for-sdgs": _row(
        "الواقع الافتراضي من أجل أهداف التنمية المستدامة",
        "虚拟现实促进可持续发展目标",
        "La réalité virtuelle au service des ODD",
        "Виртуальная реальность в интересах ЦУР",
        "Realidad virtual para los ODS",
    ),
}
