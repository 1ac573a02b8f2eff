"""Load the 18 WSIS Action Lines and the 17 SDGs (seed 001) as reference data."""

from django.db import migrations

from forum.base.taxonomy import ACTION_LINES, SDGS


def load(apps, schema_editor):
    ActionLine = apps.get_model("forum", "ActionLine")
    SDG = apps.get_model("forum", "SDG")
    for code, number, title in ACTION_LINES:
        ActionLine.objects.update_or_create(code=code, defaults={"number": number, "title": title})
    for number, title, colour in SDGS:
        SDG.objects.update_or_create(number=number, defaults={"title": title, "colour": colour})


def unload(apps, schema_editor):
    apps.get_model("forum", "ActionLine").objects.all().delete()
    apps.get_model("forum", "SDG").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("forum", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
