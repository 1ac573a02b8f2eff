"""Action Line titles, SDG titles and short names, and building blocks in five more languages.

English lives in ``forum.taxonomy`` and ``forum.building_blocks``; these are the Arabic,
Chinese, French, Russian and Spanish versions, filled into the translation columns by the
data migration 0012 and again by the post_migrate loaders when a flushed database gets
its reference data back. Rows the Secretariat has translated in the admin are left alone.

Sources:
- Action Lines C1-C11: the WSIS Geneva Plan of Action (WSIS-03/GENEVA/DOC/5), section C,
  in its official Arabic, Chinese, French, Russian and Spanish versions; the eight C7
  applications as ITU names them in each language on its WSIS Action Lines pages.
- SDG titles: UN General Assembly resolution 70/1, "Transforming our world: the 2030 Agenda
  for Sustainable Development" (A/RES/70/1), paragraph 59, in its six official languages.
  The English titles stay as seed 001 gives them (the UN's shortened web wording).
- SDG short names: the official SDG icons of the UN Department of Global Communications,
  in the six languages.
- Building blocks: the Forum's session types; UNGIS is "ГООНИО" in Russian, as the group
  names itself there. The French texts follow the French interface catalogue's terms (e.g.
  "Administration électronique" for e-government, as in the Plan d'action de Genève).
"""

from __future__ import annotations

LANGUAGES = ("ar", "zh_hans", "fr", "ru", "es")


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


def _row(ar, zh, fr, ru, es):
    return {"ar": ar, "zh_hans": zh, "fr": fr, "ru": ru, "es": es}


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

# A/RES/70/1, paragraph 59: "Goal 1. …" to "Goal 17. …" in each official language.
SDG_TITLES = {
    1: _row(
        "القضاء على الفقر بجميع أشكاله في كل مكان",
        "在全世界消除一切形式的贫困",
        "Éliminer la pauvreté sous toutes ses formes et partout dans le monde",
        "Повсеместная ликвидация нищеты во всех ее формах",
        "Poner fin a la pobreza en todas sus formas en todo el mundo",
    ),
    2: _row(
        "القضاء على الجوع وتوفير الأمن الغذائي والتغذية المحسّنة وتعزيز الزراعة المستدامة",
        "消除饥饿，实现粮食安全，改善营养状况和促进可持续农业",
        "Éliminer la faim, assurer la sécurité alimentaire, améliorer la nutrition et promouvoir l’agriculture durable",
        "Ликвидация голода, обеспечение продовольственной безопасности и улучшение питания и содействие устойчивому развитию сельского хозяйства",
        "Poner fin al hambre, lograr la seguridad alimentaria y la mejora de la nutrición y promover la agricultura sostenible",
    ),
    3: _row(
        "ضمان تمتّع الجميع بأنماط عيش صحية وبالرفاهية في جميع الأعمار",
        "确保健康的生活方式，促进各年龄段人群的福祉",
        "Permettre à tous de vivre en bonne santé et promouvoir le bien-être de tous à tout âge",
        "Обеспечение здорового образа жизни и содействие благополучию для всех в любом возрасте",
        "Garantizar una vida sana y promover el bienestar para todos en todas las edades",
    ),
    4: _row(
        "ضمان التعليم الجيد المنصف والشامل للجميع وتعزيز فرص التعلّم مدى الحياة للجميع",
        "确保包容和公平的优质教育，让全民终身享有学习机会",
        "Assurer l’accès de tous à une éducation de qualité, sur un pied d’égalité, et promouvoir les possibilités d’apprentissage tout au long de la vie",
        "Обеспечение всеохватного и справедливого качественного образования и поощрение возможности обучения на протяжении всей жизни для всех",
        "Garantizar una educación inclusiva, equitativa y de calidad y promover oportunidades de aprendizaje durante toda la vida para todos",
    ),
    5: _row(
        "تحقيق المساواة بين الجنسين وتمكين كل النساء والفتيات",
        "实现性别平等，增强所有妇女和女童的权能",
        "Parvenir à l’égalité des sexes et autonomiser toutes les femmes et les filles",
        "Обеспечение гендерного равенства и расширение прав и возможностей всех женщин и девочек",
        "Lograr la igualdad entre los géneros y empoderar a todas las mujeres y las niñas",
    ),
    6: _row(
        "ضمان توافر المياه وخدمات الصرف الصحي للجميع وإدارتها إدارة مستدامة",
        "为所有人提供水和环境卫生并对其进行可持续管理",
        "Garantir l’accès de tous à l’eau et à l’assainissement et assurer une gestion durable des ressources en eau",
        "Обеспечение наличия и рационального использования водных ресурсов и санитарии для всех",
        "Garantizar la disponibilidad de agua y su gestión sostenible y el saneamiento para todos",
    ),
    7: _row(
        "ضمان حصول الجميع بتكلفة ميسورة على خدمات الطاقة الحديثة الموثوقة والمستدامة",
        "确保人人获得负担得起的、可靠和可持续的现代能源",
        "Garantir l’accès de tous à des services énergétiques fiables, durables et modernes, à un coût abordable",
        "Обеспечение всеобщего доступа к недорогим, надежным, устойчивым и современным источникам энергии для всех",
        "Garantizar el acceso a una energía asequible, segura, sostenible y moderna para todos",
    ),
    8: _row(
        "تعزيز النمو الاقتصادي المطرد والشامل للجميع والمستدام، والعمالة الكاملة والمنتجة، وتوفير العمل اللائق للجميع",
        "促进持久、包容和可持续的经济增长，促进充分的生产性就业和人人获得体面工作",
        "Promouvoir une croissance économique soutenue, partagée et durable, le plein emploi productif et un travail décent pour tous",
        "Содействие поступательному, всеохватному и устойчивому экономическому росту, полной и производительной занятости и достойной работе для всех",
        "Promover el crecimiento económico sostenido, inclusivo y sostenible, el empleo pleno y productivo y el trabajo decente para todos",
    ),
    9: _row(
        "إقامة بنى تحتية قادرة على الصمود، وتحفيز التصنيع الشامل للجميع والمستدام، وتشجيع الابتكار",
        "建造具备抵御灾害能力的基础设施，促进具有包容性的可持续工业化，推动创新",
        "Bâtir une infrastructure résiliente, promouvoir une industrialisation durable qui profite à tous et encourager l’innovation",
        "Создание стойкой инфраструктуры, содействие всеохватной и устойчивой индустриализации и инновациям",
        "Construir infraestructuras resilientes, promover la industrialización inclusiva y sostenible y fomentar la innovación",
    ),
    10: _row(
        "الحد من انعدام المساواة داخل البلدان وفيما بينها",
        "减少国家内部和国家之间的不平等",
        "Réduire les inégalités dans les pays et d’un pays à l’autre",
        "Сокращение неравенства внутри стран и между ними",
        "Reducir la desigualdad en los países y entre ellos",
    ),
    11: _row(
        "جعل المدن والمستوطنات البشرية شاملة للجميع وآمنة وقادرة على الصمود ومستدامة",
        "建设包容、安全、有抵御灾害能力和可持续的城市和人类住区",
        "Faire en sorte que les villes et les établissements humains soient ouverts à tous, sûrs, résilients et durables",
        "Обеспечение открытости, безопасности, жизнестойкости и экологической устойчивости городов и населенных пунктов",
        "Lograr que las ciudades y los asentamientos humanos sean inclusivos, seguros, resilientes y sostenibles",
    ),
    12: _row(
        "ضمان وجود أنماط استهلاك وإنتاج مستدامة",
        "采用可持续的消费和生产模式",
        "Établir des modes de consommation et de production durables",
        "Обеспечение перехода к рациональным моделям потребления и производства",
        "Garantizar modalidades de consumo y producción sostenibles",
    ),
    13: _row(
        "اتخاذ إجراءات عاجلة للتصدي لتغير المناخ وآثاره",
        "采取紧急行动应对气候变化及其影响",
        "Prendre d’urgence des mesures pour lutter contre les changements climatiques et leurs répercussions",
        "Принятие срочных мер по борьбе с изменением климата и его последствиями",
        "Adoptar medidas urgentes para combatir el cambio climático y sus efectos",
    ),
    14: _row(
        "حفظ المحيطات والبحار والموارد البحرية واستخدامها على نحو مستدام لتحقيق التنمية المستدامة",
        "保护和可持续利用海洋和海洋资源以促进可持续发展",
        "Conserver et exploiter de manière durable les océans, les mers et les ressources marines aux fins du développement durable",
        "Сохранение и рациональное использование океанов, морей и морских ресурсов в интересах устойчивого развития",
        "Conservar y utilizar sosteniblemente los océanos, los mares y los recursos marinos para el desarrollo sostenible",
    ),
    15: _row(
        "حماية النظم الإيكولوجية البرّية وترميمها وتعزيز استخدامها على نحو مستدام، وإدارة الغابات على نحو مستدام، ومكافحة التصحر، ووقف تدهور الأراضي وعكس مساره، ووقف فقدان التنوع البيولوجي",
        "保护、恢复和促进可持续利用陆地生态系统，可持续管理森林，防治荒漠化，制止和扭转土地退化，遏制生物多样性的丧失",
        "Préserver et restaurer les écosystèmes terrestres, en veillant à les exploiter de façon durable, gérer durablement les forêts, lutter contre la désertification, enrayer et inverser le processus de dégradation des terres et mettre fin à l’appauvrissement de la biodiversité",
        "Защита и восстановление экосистем суши и содействие их рациональному использованию, рациональное лесопользование, борьба с опустыниванием, прекращение и обращение вспять процесса деградации земель и прекращение процесса утраты биологического разнообразия",
        "Proteger, restablecer y promover el uso sostenible de los ecosistemas terrestres, gestionar sosteniblemente los bosques, luchar contra la desertificación, detener e invertir la degradación de las tierras y detener la pérdida de biodiversidad",
    ),
    16: _row(
        "التشجيع على إقامة مجتمعات مسالمة لا يُهمَّش فيها أحد من أجل تحقيق التنمية المستدامة، وإتاحة إمكانية وصول الجميع إلى العدالة، وبناء مؤسسات فعالة وخاضعة للمساءلة وشاملة للجميع على جميع المستويات",
        "创建和平、包容的社会以促进可持续发展，让所有人都能诉诸司法，在各级建立有效、负责和包容的机构",
        "Promouvoir l’avènement de sociétés pacifiques et inclusives aux fins du développement durable, assurer l’accès de tous à la justice et mettre en place, à tous les niveaux, des institutions efficaces, responsables et ouvertes à tous",
        "Содействие построению миролюбивого и открытого общества в интересах устойчивого развития, обеспечение доступа к правосудию для всех и создание эффективных, подотчетных и основанных на широком участии учреждений на всех уровнях",
        "Promover sociedades pacíficas e inclusivas para el desarrollo sostenible, facilitar el acceso a la justicia para todos y construir a todos los niveles instituciones eficaces e inclusivas que rindan cuentas",
    ),
    17: _row(
        "تعزيز وسائل التنفيذ وتنشيط الشراكة العالمية من أجل تحقيق التنمية المستدامة",
        "加强执行手段，重振可持续发展全球伙伴关系",
        "Renforcer les moyens de mettre en œuvre le Partenariat mondial pour le développement durable et le revitaliser",
        "Укрепление средств осуществления и активизация работы в рамках Глобального партнерства в интересах устойчивого развития",
        "Fortalecer los medios de implementación y revitalizar la Alianza Mundial para el Desarrollo Sostenible",
    ),
}

# The official SDG icons: (en, ar, zh_hans, fr, ru, es).
SDG_SHORT = {
    1: (
        "No poverty",
        "القضاء على الفقر",
        "无贫穷",
        "Pas de pauvreté",
        "Ликвидация нищеты",
        "Fin de la pobreza",
    ),
    2: (
        "Zero hunger",
        "القضاء التام على الجوع",
        "零饥饿",
        "Faim «\u00a0zéro\u00a0»",
        "Ликвидация голода",
        "Hambre cero",
    ),
    3: (
        "Good health and well-being",
        "الصحة الجيدة والرفاه",
        "良好健康与福祉",
        "Bonne santé et bien-être",
        "Хорошее здоровье и благополучие",
        "Salud y bienestar",
    ),
    4: (
        "Quality education",
        "التعليم الجيد",
        "优质教育",
        "Éducation de qualité",
        "Качественное образование",
        "Educación de calidad",
    ),
    5: (
        "Gender equality",
        "المساواة بين الجنسين",
        "性别平等",
        "Égalité entre les sexes",
        "Гендерное равенство",
        "Igualdad de género",
    ),
    6: (
        "Clean water and sanitation",
        "المياه النظيفة والنظافة الصحية",
        "清洁饮水和卫生设施",
        "Eau propre et assainissement",
        "Чистая вода и санитария",
        "Agua limpia y saneamiento",
    ),
    7: (
        "Affordable and clean energy",
        "طاقة نظيفة وبأسعار معقولة",
        "经济适用的清洁能源",
        "Énergie propre et d’un coût abordable",
        "Недорогостоящая и чистая энергия",
        "Energía asequible y no contaminante",
    ),
    8: (
        "Decent work and economic growth",
        "العمل اللائق ونمو الاقتصاد",
        "体面工作和经济增长",
        "Travail décent et croissance économique",
        "Достойная работа и экономический рост",
        "Trabajo decente y crecimiento económico",
    ),
    9: (
        "Industry, innovation and infrastructure",
        "الصناعة والابتكار والهياكل الأساسية",
        "产业、创新和基础设施",
        "Industrie, innovation et infrastructure",
        "Индустриализация, инновации и инфраструктура",
        "Industria, innovación e infraestructura",
    ),
    10: (
        "Reduced inequalities",
        "الحد من أوجه عدم المساواة",
        "减少不平等",
        "Inégalités réduites",
        "Уменьшение неравенства",
        "Reducción de las desigualdades",
    ),
    11: (
        "Sustainable cities and communities",
        "مدن ومجتمعات محلية مستدامة",
        "可持续城市和社区",
        "Villes et communautés durables",
        "Устойчивые города и населенные пункты",
        "Ciudades y comunidades sostenibles",
    ),
    12: (
        "Responsible consumption and production",
        "الاستهلاك والإنتاج المسؤولان",
        "负责任消费和生产",
        "Consommation et production responsables",
        "Ответственное потребление и производство",
        "Producción y consumo responsables",
    ),
    13: (
        "Climate action",
        "العمل المناخي",
        "气候行动",
        "Mesures relatives à la lutte contre les changements climatiques",
        "Борьба с изменением климата",
        "Acción por el clima",
    ),
    14: (
        "Life below water",
        "الحياة تحت الماء",
        "水下生物",
        "Vie aquatique",
        "Сохранение морских экосистем",
        "Vida submarina",
    ),
    15: (
        "Life on land",
        "الحياة في البر",
        "陆地生物",
        "Vie terrestre",
        "Сохранение экосистем суши",
        "Vida de ecosistemas terrestres",
    ),
    16: (
        "Peace, justice and strong institutions",
        "السلام والعدل والمؤسسات القوية",
        "和平、正义与强大机构",
        "Paix, justice et institutions efficaces",
        "Мир, правосудие и эффективные институты",
        "Paz, justicia e instituciones sólidas",
    ),
    17: (
        "Partnerships for the goals",
        "عقد الشراكات لتحقيق الأهداف",
        "促进目标实现的伙伴关系",
        "Partenariats pour la réalisation des objectifs",
        "Партнерство в интересах устойчивого развития",
        "Alianzas para lograr los objetivos",
    ),
}

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


def _fill(obj, field: str, texts: dict[str, str]) -> bool:
    """Set the empty translation columns of ``field``; True when something changed."""
    changed = False
    for lang in LANGUAGES:
        column = f"{field}_{lang}"
        if not getattr(obj, column, None):
            setattr(obj, column, texts[lang])
            changed = True
    return changed


def reference_translations_fill(*, action_line_model, sdg_model, building_block_model) -> None:
    """Fill the empty translation columns of the reference rows (idempotent).

    Takes the model classes so that a data migration can pass its historical models.
    """
    for line in action_line_model.objects.filter(code__in=ACTION_LINE_TITLES):
        changed = _fill(line, "title", ACTION_LINE_TITLES[line.code])
        if line.code in C7_SHORT:
            if not line.short_name_en:
                line.short_name_en = C7_SHORT_EN[line.code]
                changed = True
            texts = dict(zip(LANGUAGES, C7_SHORT[line.code], strict=True))
            changed = _fill(line, "short_name", texts) or changed
        if changed:
            line.save()
    for goal in sdg_model.objects.filter(number__in=SDG_TITLES):
        changed = _fill(goal, "title", SDG_TITLES[goal.number])
        english, *others = SDG_SHORT[goal.number]
        if not goal.short_name_en:
            goal.short_name_en = english
            changed = True
        changed = _fill(goal, "short_name", dict(zip(LANGUAGES, others, strict=True))) or changed
        if changed:
            goal.save()
    for block in building_block_model.objects.filter(slug__in=BUILDING_BLOCKS):
        if _fill(block, "name", BUILDING_BLOCKS[block.slug]):
            block.save()
