"""The entries' creation time indexed: the admin's date drill-down reads the first and last
entry (MIN/MAX of created_at) on each load of the list, 49 ms each over 100,000 entries
without it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("stocktaking", "0014_admin_search_trigram"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="entry",
            index=models.Index(fields=["created_at"], name="stk_entry_created_at"),
        ),
    ]
