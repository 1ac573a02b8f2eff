"""The UNGIS members' and joint initiatives' names in the six languages.

The names and their source are in ungis/members_translations.py. English is not touched:
0006 copied the existing English names.
"""

from django.db import migrations

from ungis.members_translations import LANGUAGES, member_names_fill


def load(apps, schema_editor):
    member_names_fill(
        agency_model=apps.get_model("ungis", "Agency"),
        initiative_model=apps.get_model("ungis", "Initiative"),
    )


def unload(apps, schema_editor):
    for model_name in ("Agency", "Initiative"):
        apps.get_model("ungis", model_name).objects.update(
            **{f"name_{lang}": None for lang in LANGUAGES}
        )


class Migration(migrations.Migration):
    dependencies = [("ungis", "0006_translations")]

    operations = [migrations.RunPython(load, unload)]
