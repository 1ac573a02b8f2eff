from django.db import migrations

# A frozen copy of ungis.members at the time of this migration (seed 004).
MEMBERS = [
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

INITIATIVES = [
    ("open-access-scientific-knowledge", "Open Access to Scientific Knowledge", ["UNESCO"]),
    ("stip-reviews", "Science, Technology and Innovation Policy (STIP) Reviews", ["UNCTAD"]),
    ("child-online-protection", "Child Online Protection", ["ITU"]),
]


def load(apps, schema_editor):
    Agency = apps.get_model("ungis", "Agency")
    Initiative = apps.get_model("ungis", "Initiative")
    for acronym, name in MEMBERS:
        Agency.objects.update_or_create(acronym=acronym, defaults={"name": name, "is_member": True})
    for slug, name, leads in INITIATIVES:
        initiative, _ = Initiative.objects.get_or_create(slug=slug, defaults={"name": name})
        initiative.lead_agencies.add(*Agency.objects.filter(acronym__in=leads))


class Migration(migrations.Migration):
    dependencies = [("ungis", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
