from django.db import migrations

# A frozen copy of forum.base.building_blocks.BUILDING_BLOCKS at the time of this migration.
BUILDING_BLOCKS = [
    ("policy-statements", "Policy Statements"),
    ("wsis-prizes", "WSIS Prizes"),
    ("action-line-facilitators-meeting", "Action Line Facilitators Meeting"),
    ("ministerial-round-table", "Ministerial Round Table"),
    ("action-line-facilitation-meetings", "Action Line Facilitation Meetings"),
    ("interactive-sessions", "Interactive Sessions"),
    ("country-workshops", "Country Workshops"),
    ("thematic-workshops", "Thematic Workshops"),
    ("knowledge-exchange", "Knowledge Exchange"),
    ("exhibition", "Exhibition"),
    ("ungis", "UNGIS"),
    ("un-regional-commissions", "UN Regional Commissions"),
    ("innovations", "Innovations"),
    ("icts-and-sustainable-development", "ICTs and Sustainable Development"),
    ("partnerships", "Partnerships"),
    ("hackathon", "Hackathon"),
    ("tedx", "TEDx"),
    ("virtual-reality-for-sdgs", "Virtual Reality for SDGs"),
]


def load(apps, schema_editor):
    BuildingBlock = apps.get_model("forum", "BuildingBlock")
    for order, (slug, name) in enumerate(BUILDING_BLOCKS, start=1):
        BuildingBlock.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("forum", "0004_programme")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
