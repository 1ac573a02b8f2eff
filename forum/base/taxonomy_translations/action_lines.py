"""The Action Line titles (C1-C11 and the eight C7 applications) and the C7 short names."""

from __future__ import annotations

from .languages import _row


def _c7(ar, zh, fr, ru, es):
    return {
        "ar": "تطبيقات تكنولوجيا المعلومات والاتصالات: الفوائد في جميع جوانب الحياة — " + ar,
        "zh_hans": "信息通信技术应用：惠及生活的方方面面 — " + zh,
        "fr": "Applications TIC\u00a0: des avantages dans tous les aspects de la vie — " + fr,
        "ru": "Применение ИКТ: преимущества во всех аспектах жизни — " + ru,
        "es": "Aplicaciones de las TIC: ventajas en todos los aspectos de la vida — " + es,
    }


# (ar, zh_hans, fr, ru, es) short names of the eight C7 applications.
C7_SHORT = {
    "C7-EGOV": (
        "الحكومة الإلكترونية",
        "电子政务",
        "Administration électronique",
        "Электронное правительство",
        "Gobierno electrónico",
    ),
    "C7-EBUS": (
        "الأعمال الإلكترونية",
        "电子商务",
        "Commerce électronique",
        "Электронный бизнес",
        "Negocios electrónicos",
    ),
    "C7-ELEA": (
        "التعلم الإلكتروني",
        "电子学习",
        "Téléenseignement",
        "Электронное обучение",
        "Aprendizaje electrónico",
    ),
    "C7-EHEA": (
        "الصحة الإلكترونية",
        "电子卫生",
        "Cybersanté",
        "Электронное здравоохранение",
        "Cibersalud",
    ),
    "C7-EEMP": (
        "العمل الإلكتروني",
        "电子就业",
        "Cyberemploi",
        "Электронная занятость",
        "Ciberempleo",
    ),
    "C7-EENV": (
        "البيئة الإلكترونية",
        "电子环境",
        "Cyberenvironnement",
        "Электронная охрана окружающей среды",
        "Ciberecología",
    ),
    "C7-EAGR": (
        "الزراعة الإلكترونية",
        "电子农业",
        "Cyberagriculture",
        "Электронное сельское хозяйство",
        "Ciberagricultura",
    ),
    "C7-ESCI": (
        "العلوم الإلكترونية",
        "电子科学",
        "Cyberscience",
        "Электронная наука",
        "Ciberciencia",
    ),
}
C7_SHORT_EN = {
    "C7-EGOV": "E-government",
    "C7-EBUS": "E-business",
    "C7-ELEA": "E-learning",
    "C7-EHEA": "E-health",
    "C7-EEMP": "E-employment",
    "C7-EENV": "E-environment",
    "C7-EAGR": "E-agriculture",
    "C7-ESCI": "E-science",
}


ACTION_LINE_TITLES = {
    "C1": _row(
        "دور الحكومات وجميع أصحاب المصلحة في النهوض بتكنولوجيا المعلومات والاتصالات من أجل التنمية",
        "政府和所有利益相关方在推进信息通信技术促进发展方面的作用",
        "Rôle des gouvernements et de toutes les parties prenantes dans la promotion des TIC pour le développement",
        "Роль органов государственного управления и всех заинтересованных сторон в содействии применению ИКТ в целях развития",
        "El papel de los gobiernos y de todas las partes interesadas en la promoción de las TIC para el desarrollo",
    ),
    "C2": _row(
        "البنية التحتية للمعلومات والاتصالات",
        "信息和通信基础设施",
        "Infrastructure de l’information et de la communication",
        "Информационная и коммуникационная инфраструктура",
        "Infraestructura de la información y la comunicación",
    ),
    "C3": _row(
        "النفاذ إلى المعلومات والمعارف",
        "获取信息和知识",
        "Accès à l’information et au savoir",
        "Доступ к информации и знаниям",
        "Acceso a la información y al conocimiento",
    ),
    "C4": _row(
        "بناء القدرات",
        "能力建设",
        "Renforcement des capacités",
        "Создание потенциала",
        "Creación de capacidades",
    ),
    "C5": _row(
        "بناء الثقة والأمن في استعمال تكنولوجيا المعلومات والاتصالات",
        "树立使用信息通信技术的信心和提高安全性",
        "Établir la confiance et la sécurité dans l’utilisation des TIC",
        "Укрепление доверия и безопасности при использовании ИКТ",
        "Crear confianza y seguridad en la utilización de las TIC",
    ),
    "C6": _row(
        "البيئة التمكينية",
        "创建有利的环境",
        "Environnement propice",
        "Благоприятная среда",
        "Entorno propicio",
    ),
    **{code: _c7(*names) for code, names in C7_SHORT.items()},
    "C8": _row(
        "التنوع والهوية الثقافيان والتنوع اللغوي والمحتوى المحلي",
        "文化多样性和特性、语言多样性和本地内容",
        "Diversité et identité culturelles, diversité linguistique et contenus locaux",
        "Культурное разнообразие и самобытность, языковое разнообразие и местный контент",
        "Diversidad e identidad culturales, diversidad lingüística y contenido local",
    ),
    "C9": _row(
        "وسائط الإعلام",
        "媒体",
        "Médias",
        "Средства массовой информации",
        "Medios de comunicación",
    ),
    "C10": _row(
        "الأبعاد الأخلاقية لمجتمع المعلومات",
        "信息社会的伦理层面",
        "Dimensions éthiques de la société de l’information",
        "Этические аспекты информационного общества",
        "Dimensiones éticas de la sociedad de la información",
    ),
    "C11": _row(
        "التعاون الدولي والإقليمي",
        "国际和区域合作",
        "Coopération internationale et régionale",
        "Международное и региональное сотрудничество",
        "Cooperación internacional y regional",
    ),
}
