"""The UNGIS members' and joint initiatives' names in Arabic, Chinese, French, Russian, Spanish.

English lives in ``ungis.members``. Source: each organization's official name in the six UN
languages as the UN Terminology Database (UNTERM, unterm.un.org) records it, the way the UN
system's documents write them. Filled by the data migration 0007 and again by
``members_load`` when a flushed database gets its members back; names the Secretariat has
translated in the admin are left alone.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("ar", "zh_hans", "fr", "ru", "es")

# acronym: (ar, zh_hans, fr, ru, es)
MEMBER_NAMES = {
    "ECLAC": (
        "اللجنة الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي",
        "拉丁美洲和加勒比经济委员会",
        "Commission économique pour l'Amérique latine et les Caraïbes",
        "Экономическая комиссия для Латинской Америки и Карибского бассейна",
        "Comisión Económica para América Latina y el Caribe",
    ),
    "FAO": (
        "منظمة الأغذية والزراعة للأمم المتحدة",
        "联合国粮食及农业组织",
        "Organisation des Nations Unies pour l’alimentation et l’agriculture",
        "Продовольственная и сельскохозяйственная организация Объединенных Наций",
        "Organización de las Naciones Unidas para la Alimentación y la Agricultura",
    ),
    "IAEA": (
        "الوكالة الدولية للطاقة الذرية",
        "国际原子能机构",
        "Agence internationale de l’énergie atomique",
        "Международное агентство по атомной энергии",
        "Organismo Internacional de Energía Atómica",
    ),
    "ILO": (
        "منظمة العمل الدولية",
        "国际劳工组织",
        "Organisation internationale du Travail",
        "Международная организация труда",
        "Organización Internacional del Trabajo",
    ),
    "ITU": (
        "الاتحاد الدولي للاتصالات",
        "国际电信联盟",
        "Union internationale des télécommunications",
        "Международный союз электросвязи",
        "Unión Internacional de Telecomunicaciones",
    ),
    "OECD": (
        "منظمة التعاون والتنمية في الميدان الاقتصادي",
        "经济合作与发展组织",
        "Organisation de coopération et de développement économiques",
        "Организация экономического сотрудничества и развития",
        "Organización de Cooperación y Desarrollo Económicos",
    ),
    "UNCTAD": (
        "مؤتمر الأمم المتحدة للتجارة والتنمية",
        "联合国贸易和发展会议",
        "Conférence des Nations Unies sur le commerce et le développement",
        "Конференция Организации Объединенных Наций по торговле и развитию",
        "Conferencia de las Naciones Unidas sobre Comercio y Desarrollo",
    ),
    "UNDESA": (
        "إدارة الشؤون الاقتصادية والاجتماعية بالأمم المتحدة",
        "联合国经济和社会事务部",
        "Département des affaires économiques et sociales de l’Organisation des Nations Unies",
        "Департамент по экономическим и социальным вопросам Организации Объединенных Наций",
        "Departamento de Asuntos Económicos y Sociales de las Naciones Unidas",
    ),
    "UNDP": (
        "برنامج الأمم المتحدة الإنمائي",
        "联合国开发计划署",
        "Programme des Nations Unies pour le développement",
        "Программа развития Организации Объединенных Наций",
        "Programa de las Naciones Unidas para el Desarrollo",
    ),
    "UNECA": (
        "اللجنة الاقتصادية لأفريقيا",
        "非洲经济委员会",
        "Commission économique pour l’Afrique",
        "Экономическая комиссия для Африки",
        "Comisión Económica para África",
    ),
    "UNECE": (
        "اللجنة الاقتصادية لأوروبا",
        "欧洲经济委员会",
        "Commission économique pour l’Europe",
        "Европейская экономическая комиссия",
        "Comisión Económica para Europa",
    ),
    "UNESCO": (
        "منظمة الأمم المتحدة للتربية والعلم والثقافة",
        "联合国教育、科学及文化组织",
        "Organisation des Nations Unies pour l’éducation, la science et la culture",
        "Организация Объединенных Наций по вопросам образования, науки и культуры",
        "Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura",
    ),
    "UNESCWA": (
        "اللجنة الاقتصادية والاجتماعية لغربي آسيا",
        "西亚经济社会委员会",
        "Commission économique et sociale pour l’Asie occidentale",
        "Экономическая и социальная комиссия для Западной Азии",
        "Comisión Económica y Social para Asia Occidental",
    ),
    "UN-HABITAT": (
        "برنامج الأمم المتحدة للمستوطنات البشرية",
        "联合国人类住区规划署",
        "Programme des Nations Unies pour les établissements humains",
        "Программа Организации Объединенных Наций по населенным пунктам",
        "Programa de las Naciones Unidas para los Asentamientos Humanos",
    ),
    "UNHCR": (
        "مفوضية الأمم المتحدة لشؤون اللاجئين",
        "联合国难民事务高级专员办事处",
        "Haut-Commissariat des Nations Unies pour les réfugiés",
        "Управление Верховного комиссара Организации Объединенных Наций по делам беженцев",
        "Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados",
    ),
    "UNICEF": (
        "منظمة الأمم المتحدة للطفولة",
        "联合国儿童基金会",
        "Fonds des Nations Unies pour l’enfance",
        "Детский фонд Организации Объединенных Наций",
        "Fondo de las Naciones Unidas para la Infancia",
    ),
    "UNIDO": (
        "منظمة الأمم المتحدة للتنمية الصناعية",
        "联合国工业发展组织",
        "Organisation des Nations Unies pour le développement industriel",
        "Организация Объединенных Наций по промышленному развитию",
        "Organización de las Naciones Unidas para el Desarrollo Industrial",
    ),
    "UNITAR": (
        "معهد الأمم المتحدة للتدريب والبحث",
        "联合国训练研究所",
        "Institut des Nations Unies pour la formation et la recherche",
        "Учебный и научно-исследовательский институт Организации Объединенных Наций",
        "Instituto de las Naciones Unidas para Formación Profesional e Investigaciones",
    ),
    "UNODC": (
        "مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
        "联合国毒品和犯罪问题办公室",
        "Office des Nations Unies contre la drogue et le crime",
        "Управление Организации Объединенных Наций по наркотикам и преступности",
        "Oficina de las Naciones Unidas contra la Droga y el Delito",
    ),
    "UNRWA": (
        "وكالة الأمم المتحدة لإغاثة وتشغيل لاجئي فلسطين في الشرق الأدنى",
        "联合国近东巴勒斯坦难民救济和工程处",
        "Office de secours et de travaux des Nations Unies pour les réfugiés de Palestine dans le Proche-Orient",
        "Ближневосточное агентство Организации Объединенных Наций для помощи палестинским беженцам и организации работ",
        "Organismo de Obras Públicas y Socorro de las Naciones Unidas para los Refugiados de Palestina en el Cercano Oriente",
    ),
    "UNWTO": (
        "منظمة السياحة العالمية",
        "世界旅游组织",
        "Organisation mondiale du tourisme",
        "Всемирная туристская организация",
        "Organización Mundial del Turismo",
    ),
    "UPU": (
        "الاتحاد البريدي العالمي",
        "万国邮政联盟",
        "Union postale universelle",
        "Всемирный почтовый союз",
        "Unión Postal Universal",
    ),
    "WB": ("البنك الدولي", "世界银行", "Banque mondiale", "Всемирный банк", "Banco Mundial"),
    "WFP": (
        "برنامج الأغذية العالمي",
        "世界粮食计划署",
        "Programme alimentaire mondial",
        "Всемирная продовольственная программа",
        "Programa Mundial de Alimentos",
    ),
    "WHO": (
        "منظمة الصحة العالمية",
        "世界卫生组织",
        "Organisation mondiale de la Santé",
        "Всемирная организация здравоохранения",
        "Organización Mundial de la Salud",
    ),
    "WIPO": (
        "المنظمة العالمية للملكية الفكرية",
        "世界知识产权组织",
        "Organisation Mondiale de la Propriété Intellectuelle",
        "Всемирная организация интеллектуальной собственности",
        "Organización Mundial de la Propiedad Intelectual",
    ),
    "WMO": (
        "المنظمة العالمية للأرصاد الجوية",
        "世界气象组织",
        "Organisation météorologique mondiale",
        "Всемирная метеорологическая организация",
        "Organización Meteorológica Mundial",
    ),
    "WTO": (
        "منظمة التجارة العالمية",
        "世界贸易组织",
        "Organisation mondiale du commerce",
        "Всемирная торговая организация",
        "Organización Mundial del Comercio",
    ),
}

INITIATIVE_NAMES = {
    "open-access-scientific-knowledge": (
        "الوصول المفتوح إلى المعرفة العلمية",
        "科学知识开放获取",
        "Libre accès au savoir scientifique",
        "Открытый доступ к научным знаниям",
        "Acceso abierto al conocimiento científico",
    ),
    "stip-reviews": (
        "استعراضات سياسات العلم والتكنولوجيا والابتكار",
        "科学、技术和创新政策审评",
        "Examens des politiques de la science, de la technologie et de l’innovation",
        "Обзоры политики в области науки, техники и инноваций",
        "Exámenes de las políticas de ciencia, tecnología e innovación",
    ),
    "child-online-protection": (
        "حماية الأطفال على الإنترنت",
        "儿童在线保护",
        "Protection en ligne des enfants",
        "Защита ребенка в онлайновой среде",
        "Protección de la infancia en línea",
    ),
}


def names_fill(obj, names: tuple[str, ...]) -> bool:
    """Set a member's or initiative's empty translated names; True when one changed."""
    changed = False
    for lang, name in zip(LANGUAGES, names, strict=True):
        if not getattr(obj, f"name_{lang}", None):
            setattr(obj, f"name_{lang}", name)
            changed = True
    return changed


def _fill(model, key: str, names: Mapping[str, tuple[str, ...]]) -> None:
    for obj in model.objects.filter(**{f"{key}__in": names}):
        if names_fill(obj, names[getattr(obj, key)]):
            obj.save()


def member_names_fill(*, agency_model, initiative_model) -> None:
    """Fill the empty translated names of the members and initiatives (idempotent).

    Takes the model classes so that a data migration can pass its historical models.
    """
    _fill(agency_model, "acronym", MEMBER_NAMES)
    _fill(initiative_model, "slug", INITIATIVE_NAMES)
