"""One column per language for the text the Secretariat writes (django-modeltranslation)."""

import django.core.validators
from django.db import migrations, models
from django.db.models import F

# The fields registered in ungis/translation.py when this migration was written.
TRANSLATED = {"Agency": ["name", "description"], "Initiative": ["name", "description"]}


def copy_english(apps, schema_editor):
    """Rows written before translations existed are English: that text becomes the English column."""
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("ungis", model_name)
        model.objects.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("ungis", "0005_chairterm_source"),
    ]

    operations = [
        migrations.AddField(
            model_name="agency",
            name="description_ar",
            field=models.TextField(
                blank=True,
                help_text="What the agency does for the WSIS process.",
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="public profile",
            ),
        ),
        migrations.AddField(
            model_name="agency",
            name="description_en",
            field=models.TextField(
                blank=True,
                help_text="What the agency does for the WSIS process.",
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="public profile",
            ),
        ),
        migrations.AddField(
            model_name="agency",
            name="description_es",
            field=models.TextField(
                blank=True,
                help_text="What the agency does for the WSIS process.",
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="public profile",
            ),
        ),
        migrations.AddField(
            model_name="agency",
            name="description_fr",
            field=models.TextField(
                blank=True,
                help_text="What the agency does for the WSIS process.",
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="public profile",
            ),
        ),
        migrations.AddField(
            model_name="agency",
            name="description_ru",
            field=models.TextField(
                blank=True,
                help_text="What the agency does for the WSIS process.",
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="public profile",
            ),
        ),
        migrations.AddField(
            model_name="agency",
            name="description_zh_hans",
            field=models.TextField(
                blank=True,
                help_text="What the agency does for the WSIS process.",
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="public profile",
            ),
        ),
        migrations.AddField(
            model_name="agency",
            name="name_ar",
            field=models.CharField(max_length=300, null=True, verbose_name="full name"),
        ),
        migrations.AddField(
            model_name="agency",
            name="name_en",
            field=models.CharField(max_length=300, null=True, verbose_name="full name"),
        ),
        migrations.AddField(
            model_name="agency",
            name="name_es",
            field=models.CharField(max_length=300, null=True, verbose_name="full name"),
        ),
        migrations.AddField(
            model_name="agency",
            name="name_fr",
            field=models.CharField(max_length=300, null=True, verbose_name="full name"),
        ),
        migrations.AddField(
            model_name="agency",
            name="name_ru",
            field=models.CharField(max_length=300, null=True, verbose_name="full name"),
        ),
        migrations.AddField(
            model_name="agency",
            name="name_zh_hans",
            field=models.CharField(max_length=300, null=True, verbose_name="full name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="description_ar",
            field=models.TextField(
                blank=True,
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="initiative",
            name="description_en",
            field=models.TextField(
                blank=True,
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="initiative",
            name="description_es",
            field=models.TextField(
                blank=True,
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="initiative",
            name="description_fr",
            field=models.TextField(
                blank=True,
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="initiative",
            name="description_ru",
            field=models.TextField(
                blank=True,
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="initiative",
            name="description_zh_hans",
            field=models.TextField(
                blank=True,
                max_length=5000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(5000)],
                verbose_name="description",
            ),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_ar",
            field=models.CharField(max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_en",
            field=models.CharField(max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_es",
            field=models.CharField(max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_fr",
            field=models.CharField(max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_ru",
            field=models.CharField(max_length=300, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="initiative",
            name="name_zh_hans",
            field=models.CharField(max_length=300, null=True, verbose_name="name"),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
