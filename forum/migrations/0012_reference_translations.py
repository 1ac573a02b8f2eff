"""Action Line titles, SDG titles and short names, and building blocks in the six languages.

The texts and their sources are in forum/base/taxonomy_translations/. English is not touched:
0011 copied the existing English text into the English column.
"""

from django.db import migrations

from forum.base.taxonomy_translations import LANGUAGES, reference_translations_fill


def load(apps, schema_editor):
    reference_translations_fill(
        action_line_model=apps.get_model("forum", "ActionLine"),
        sdg_model=apps.get_model("forum", "SDG"),
        building_block_model=apps.get_model("forum", "BuildingBlock"),
    )


def unload(apps, schema_editor):
    for model_name, fields in (
        ("ActionLine", ("title", "short_name")),
        ("SDG", ("title", "short_name")),
        ("BuildingBlock", ("name",)),
    ):
        model = apps.get_model("forum", model_name)
        model.objects.update(**{f"{field}_{lang}": None for field in fields for lang in LANGUAGES})


class Migration(migrations.Migration):
    dependencies = [("forum", "0011_translations")]

    operations = [migrations.RunPython(load, unload)]
