"""The WSIS reference data: 18 Action Lines and 17 SDGs (seed 001), with the SDGs' official colours.

Titles are marked for translation here and translated when shown.
"""

from django.utils.translation import gettext_noop as N_

ACTION_LINES = [
    # (code, number used for ordering, title)
    (
        "C1",
        1,
        N_("The role of governments and all stakeholders in the promotion of ICTs for development"),
    ),
    ("C2", 2, N_("Information and communication infrastructure")),
    ("C3", 3, N_("Access to information and knowledge")),
    ("C4", 4, N_("Capacity building")),
    ("C5", 5, N_("Building confidence and security in use of ICTs")),
    ("C6", 6, N_("Enabling environment")),
    ("C7-EGOV", 7, N_("ICT applications: benefits in all aspects of life — E-government")),
    ("C7-EBUS", 8, N_("ICT applications: benefits in all aspects of life — E-business")),
    ("C7-ELEA", 9, N_("ICT applications: benefits in all aspects of life — E-learning")),
    ("C7-EHEA", 10, N_("ICT applications: benefits in all aspects of life — E-health")),
    ("C7-EEMP", 11, N_("ICT applications: benefits in all aspects of life — E-employment")),
    ("C7-EENV", 12, N_("ICT applications: benefits in all aspects of life — E-environment")),
    ("C7-EAGR", 13, N_("ICT applications: benefits in all aspects of life — E-agriculture")),
    ("C7-ESCI", 14, N_("ICT applications: benefits in all aspects of life — E-science")),
    ("C8", 15, N_("Cultural diversity and identity, linguistic diversity and local content")),
    ("C9", 16, N_("Media")),
    ("C10", 17, N_("Ethical dimensions of the Information Society")),
    ("C11", 18, N_("International and regional cooperation")),
]

# Short labels for the matrix's column of row headers.
ACTION_LINE_SHORT = {
    "C7-EGOV": N_("E-government"),
    "C7-EBUS": N_("E-business"),
    "C7-ELEA": N_("E-learning"),
    "C7-EHEA": N_("E-health"),
    "C7-EEMP": N_("E-employment"),
    "C7-EENV": N_("E-environment"),
    "C7-EAGR": N_("E-agriculture"),
    "C7-ESCI": N_("E-science"),
}

SDGS = [
    # (number, title, official colour)
    (1, N_("End poverty in all its forms everywhere"), "#E5243B"),
    (
        2,
        N_(
            "End hunger, achieve food security and improved nutrition and promote sustainable agriculture"
        ),
        "#DDA63A",
    ),
    (3, N_("Ensure healthy lives and promote well-being for all"), "#4C9F38"),
    (
        4,
        N_(
            "Ensure inclusive and equitable quality education and promote lifelong learning opportunities for all"
        ),
        "#C5192D",
    ),
    (5, N_("Achieve gender equality and empower all women and girls"), "#FF3A21"),
    (6, N_("Ensure access to water and sanitation for all"), "#26BDE2"),
    (
        7,
        N_("Ensure access to affordable, reliable, sustainable and modern energy for all"),
        "#FCC30B",
    ),
    (
        8,
        N_("Promote inclusive and sustainable economic growth, employment and decent work for all"),
        "#A21942",
    ),
    (
        9,
        N_(
            "Build resilient infrastructure, promote sustainable industrialization and foster innovation"
        ),
        "#FD6925",
    ),
    (10, N_("Reduce inequality within and among countries"), "#DD1367"),
    (11, N_("Make cities inclusive, safe, resilient and sustainable"), "#FD9D24"),
    (12, N_("Ensure sustainable consumption and production patterns"), "#BF8B2E"),
    (13, N_("Take urgent action to combat climate change and its impacts"), "#3F7E44"),
    (14, N_("Conserve and sustainably use the oceans, seas and marine resources"), "#0A97D9"),
    (
        15,
        N_(
            "Sustainably manage forests, combat desertification, halt and reverse land degradation, halt biodiversity loss"
        ),
        "#56C02B",
    ),
    (16, N_("Promote just, peaceful and inclusive societies"), "#00689D"),
    (17, N_("Revitalize the global partnership for sustainable development"), "#19486A"),
]

# Short SDG names for column headers.
SDG_SHORT = {
    1: N_("No poverty"),
    2: N_("Zero hunger"),
    3: N_("Good health and well-being"),
    4: N_("Quality education"),
    5: N_("Gender equality"),
    6: N_("Clean water and sanitation"),
    7: N_("Affordable and clean energy"),
    8: N_("Decent work and economic growth"),
    9: N_("Industry, innovation and infrastructure"),
    10: N_("Reduced inequalities"),
    11: N_("Sustainable cities and communities"),
    12: N_("Responsible consumption and production"),
    13: N_("Climate action"),
    14: N_("Life below water"),
    15: N_("Life on land"),
    16: N_("Peace, justice and strong institutions"),
    17: N_("Partnerships for the goals"),
}
