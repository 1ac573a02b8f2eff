"""One column per language for the text the Secretariat writes (django-modeltranslation)."""

from django.db import migrations, models
from django.db.models import F

# The fields registered in prizes/translation.py when this migration was written.
TRANSLATED = {"Contest": ["title"]}


def copy_english(apps, schema_editor):
    """Rows written before translations existed are English: that text becomes the English column."""
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("prizes", model_name)
        model.objects.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("prizes", "0004_text_max_lengths"),
    ]

    operations = [
        migrations.AddField(
            model_name="contest",
            name="title_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="contest",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="contest",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="contest",
            name="title_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="contest",
            name="title_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="contest",
            name="title_zh_hans",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
