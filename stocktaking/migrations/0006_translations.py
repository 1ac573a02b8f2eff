"""One column per language for the text the Secretariat writes (django-modeltranslation)."""

from django.db import migrations, models
from django.db.models import F

# The fields registered in stocktaking/translation.py when this migration was written.
TRANSLATED = {"Call": ["report_title"]}


def copy_english(apps, schema_editor):
    """Rows written before translations existed are English: that text becomes the English column."""
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("stocktaking", model_name)
        model.objects.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("stocktaking", "0005_search_vector_capped_input"),
    ]

    operations = [
        migrations.AddField(
            model_name="call",
            name="report_title_ar",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="report title"
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="report_title_en",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="report title"
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="report_title_es",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="report title"
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="report_title_fr",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="report title"
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="report_title_ru",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="report title"
            ),
        ),
        migrations.AddField(
            model_name="call",
            name="report_title_zh_hans",
            field=models.CharField(
                blank=True, max_length=200, null=True, verbose_name="report title"
            ),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
