"""One column per language for the text the Secretariat writes (django-modeltranslation)."""

import django.core.validators
from django.db import migrations, models
from django.db.models import F

# The fields registered in consultations/translation.py when this migration was written.
TRANSLATED = {"Consultation": ["title", "description"], "ConsultationPhase": ["name", "agenda"]}


def copy_english(apps, schema_editor):
    """Rows written before translations existed are English: that text becomes the English column."""
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("consultations", model_name)
        model.objects.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0003_submission_pending_link"),
    ]

    operations = [
        migrations.AddField(
            model_name="consultation",
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
            model_name="consultation",
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
            model_name="consultation",
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
            model_name="consultation",
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
            model_name="consultation",
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
            model_name="consultation",
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
            model_name="consultation",
            name="title_ar",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="consultation",
            name="title_en",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="consultation",
            name="title_es",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="consultation",
            name="title_fr",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="consultation",
            name="title_ru",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="consultation",
            name="title_zh_hans",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="agenda_ar",
            field=models.TextField(
                blank=True,
                max_length=20000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(20000)],
                verbose_name="agenda",
            ),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="agenda_en",
            field=models.TextField(
                blank=True,
                max_length=20000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(20000)],
                verbose_name="agenda",
            ),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="agenda_es",
            field=models.TextField(
                blank=True,
                max_length=20000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(20000)],
                verbose_name="agenda",
            ),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="agenda_fr",
            field=models.TextField(
                blank=True,
                max_length=20000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(20000)],
                verbose_name="agenda",
            ),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="agenda_ru",
            field=models.TextField(
                blank=True,
                max_length=20000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(20000)],
                verbose_name="agenda",
            ),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="agenda_zh_hans",
            field=models.TextField(
                blank=True,
                max_length=20000,
                null=True,
                validators=[django.core.validators.MaxLengthValidator(20000)],
                verbose_name="agenda",
            ),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="name_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="name_en",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="name_es",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="name_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="name_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="consultationphase",
            name="name_zh_hans",
            field=models.CharField(max_length=200, null=True, verbose_name="name"),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
