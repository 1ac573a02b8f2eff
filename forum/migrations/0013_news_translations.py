"""One column per language for the news the Secretariat writes (django-modeltranslation)."""

from django.db import migrations, models
from django.db.models import F

TRANSLATED = {"NewsItem": ["title", "summary", "body"]}


def copy_english(apps, schema_editor):
    """News written before translations existed is English: it becomes the English column."""
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("forum", model_name)
        model.objects.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0012_reference_translations"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsitem",
            name="body_ar",
            field=models.TextField(blank=True, max_length=10000, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="body_en",
            field=models.TextField(blank=True, max_length=10000, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="body_es",
            field=models.TextField(blank=True, max_length=10000, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="body_fr",
            field=models.TextField(blank=True, max_length=10000, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="body_ru",
            field=models.TextField(blank=True, max_length=10000, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="body_zh_hans",
            field=models.TextField(blank=True, max_length=10000, null=True, verbose_name="text"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="summary_ar",
            field=models.TextField(
                help_text="Two or three sentences shown in lists and feeds.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="summary_en",
            field=models.TextField(
                help_text="Two or three sentences shown in lists and feeds.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="summary_es",
            field=models.TextField(
                help_text="Two or three sentences shown in lists and feeds.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="summary_fr",
            field=models.TextField(
                help_text="Two or three sentences shown in lists and feeds.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="summary_ru",
            field=models.TextField(
                help_text="Two or three sentences shown in lists and feeds.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="summary_zh_hans",
            field=models.TextField(
                help_text="Two or three sentences shown in lists and feeds.",
                max_length=600,
                null=True,
                verbose_name="summary",
            ),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_ar",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_en",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_es",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_fr",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_ru",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="newsitem",
            name="title_zh_hans",
            field=models.CharField(max_length=250, null=True, verbose_name="title"),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
