"""Drop UNGIS's own Action Line roles: they cited no source, and some contradicted the sourced
ones. The member pages now show forum's roles, each with its document (forum migration 0024)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("ungis", "0008_search_documents")]

    operations = [migrations.DeleteModel(name="Facilitation")]
