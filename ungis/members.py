"""UNGIS reference data from the UNGIS web page (seed 004): members and joint initiatives."""

# (acronym, full name), as listed on the UNGIS page.
MEMBERS: list[tuple[str, str]] = [
    ("ECLAC", "Economic Commission for Latin America and the Caribbean"),
    ("FAO", "Food and Agriculture Organization of the United Nations"),
    ("IAEA", "International Atomic Energy Agency"),
    ("ILO", "International Labour Organization"),
    ("ITU", "International Telecommunication Union"),
    ("OECD", "Organisation for Economic Co-operation and Development"),
    ("UNCTAD", "United Nations Conference on Trade and Development"),
    ("UNDESA", "United Nations Department of Economic and Social Affairs"),
    ("UNDP", "United Nations Development Programme"),
    ("UNECA", "United Nations Economic Commission for Africa"),
    ("UNECE", "United Nations Economic Commission for Europe"),
    ("UNESCO", "United Nations Educational, Scientific and Cultural Organization"),
    ("UNESCWA", "United Nations Economic and Social Commission for Western Asia"),
    ("UN-HABITAT", "United Nations Human Settlements Programme"),
    ("UNHCR", "United Nations High Commissioner for Refugees"),
    ("UNICEF", "United Nations Children’s Fund"),
    ("UNIDO", "United Nations Industrial Development Organization"),
    ("UNITAR", "United Nations Institute for Training and Research"),
    ("UNODC", "United Nations Office on Drugs and Crime"),
    ("UNRWA", "United Nations Relief and Works Agency for Palestine Refugees in the Near East"),
    ("UNWTO", "World Tourism Organization"),
    ("UPU", "Universal Postal Union"),
    ("WB", "World Bank"),
    ("WFP", "World Food Programme"),
    ("WHO", "World Health Organization"),
    ("WIPO", "World Intellectual Property Organization"),
    ("WMO", "World Meteorological Organization"),
    ("WTO", "World Trade Organization"),
]

# The joint initiatives "towards 2015": (slug, name, lead agency acronyms).
INITIATIVES: list[tuple[str, str, list[str]]] = [
    ("open-access-scientific-knowledge", "Open Access to Scientific Knowledge", ["UNESCO"]),
    (
        "stip-reviews",
        "Science, Technology and Innovation Policy (STIP) Reviews",
        ["UNCTAD"],
    ),
    ("child-online-protection", "Child Online Protection", ["ITU"]),
]
