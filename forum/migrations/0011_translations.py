"""One column per language for the text the Secretariat writes (django-modeltranslation)."""

import django.core.validators
from django.db import migrations, models
from django.db.models import F

# The fields registered in forum/translation.py when this migration was written.
TRANSLATED = {
    "ActionLine": ["title"],
    "SDG": ["title"],
    "BuildingBlock": ["name", "description"],
    "Edition": ["theme", "venue"],
    "Session": ["title", "description"],
}


def copy_english(apps, schema_editor):
    """Rows written before translations existed are English: that text becomes the English column."""
    for model_name, fields in TRANSLATED.items():
        model = apps.get_model("forum", model_name)
        model.objects.update(**{f"{field}_en": F(field) for field in fields})


class Migration(migrations.Migration):
    dependencies = [
        ("forum", "0010_session_type_rapporteur_country"),
    ]

    operations = [
        migrations.AddField(
            model_name="actionline",
            name="short_name",
            field=models.CharField(
                blank=True,
                help_text="Shown where the full title does not fit, such as the matrix's rows.",
                max_length=80,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="actionline",
            name="short_name_ar",
            field=models.CharField(
                blank=True,
                help_text="Shown where the full title does not fit, such as the matrix's rows.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="actionline",
            name="short_name_en",
            field=models.CharField(
                blank=True,
                help_text="Shown where the full title does not fit, such as the matrix's rows.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="actionline",
            name="short_name_es",
            field=models.CharField(
                blank=True,
                help_text="Shown where the full title does not fit, such as the matrix's rows.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="actionline",
            name="short_name_fr",
            field=models.CharField(
                blank=True,
                help_text="Shown where the full title does not fit, such as the matrix's rows.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="actionline",
            name="short_name_ru",
            field=models.CharField(
                blank=True,
                help_text="Shown where the full title does not fit, such as the matrix's rows.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="actionline",
            name="short_name_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="Shown where the full title does not fit, such as the matrix's rows.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="actionline",
            name="title_ar",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="actionline",
            name="title_en",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="actionline",
            name="title_es",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="actionline",
            name="title_fr",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="actionline",
            name="title_ru",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="actionline",
            name="title_zh_hans",
            field=models.CharField(max_length=200, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="buildingblock",
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
            model_name="buildingblock",
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
            model_name="buildingblock",
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
            model_name="buildingblock",
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
            model_name="buildingblock",
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
            model_name="buildingblock",
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
            model_name="buildingblock",
            name="name_ar",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="buildingblock",
            name="name_en",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="buildingblock",
            name="name_es",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="buildingblock",
            name="name_fr",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="buildingblock",
            name="name_ru",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="buildingblock",
            name="name_zh_hans",
            field=models.CharField(max_length=120, null=True, unique=True, verbose_name="name"),
        ),
        migrations.AddField(
            model_name="edition",
            name="theme_ar",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="theme"),
        ),
        migrations.AddField(
            model_name="edition",
            name="theme_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="theme"),
        ),
        migrations.AddField(
            model_name="edition",
            name="theme_es",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="theme"),
        ),
        migrations.AddField(
            model_name="edition",
            name="theme_fr",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="theme"),
        ),
        migrations.AddField(
            model_name="edition",
            name="theme_ru",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="theme"),
        ),
        migrations.AddField(
            model_name="edition",
            name="theme_zh_hans",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="theme"),
        ),
        migrations.AddField(
            model_name="edition",
            name="venue_ar",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="edition",
            name="venue_en",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="edition",
            name="venue_es",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="edition",
            name="venue_fr",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="edition",
            name="venue_ru",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="edition",
            name="venue_zh_hans",
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name="venue"),
        ),
        migrations.AddField(
            model_name="sdg",
            name="short_name",
            field=models.CharField(
                blank=True,
                help_text="The Goal's name on the official SDG icons, such as “Zero hunger”.",
                max_length=80,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="sdg",
            name="short_name_ar",
            field=models.CharField(
                blank=True,
                help_text="The Goal's name on the official SDG icons, such as “Zero hunger”.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="sdg",
            name="short_name_en",
            field=models.CharField(
                blank=True,
                help_text="The Goal's name on the official SDG icons, such as “Zero hunger”.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="sdg",
            name="short_name_es",
            field=models.CharField(
                blank=True,
                help_text="The Goal's name on the official SDG icons, such as “Zero hunger”.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="sdg",
            name="short_name_fr",
            field=models.CharField(
                blank=True,
                help_text="The Goal's name on the official SDG icons, such as “Zero hunger”.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="sdg",
            name="short_name_ru",
            field=models.CharField(
                blank=True,
                help_text="The Goal's name on the official SDG icons, such as “Zero hunger”.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="sdg",
            name="short_name_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="The Goal's name on the official SDG icons, such as “Zero hunger”.",
                max_length=80,
                null=True,
                verbose_name="short name",
            ),
        ),
        migrations.AddField(
            model_name="sdg",
            name="title_ar",
            field=models.CharField(max_length=400, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="sdg",
            name="title_en",
            field=models.CharField(max_length=400, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="sdg",
            name="title_es",
            field=models.CharField(max_length=400, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="sdg",
            name="title_fr",
            field=models.CharField(max_length=400, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="sdg",
            name="title_ru",
            field=models.CharField(max_length=400, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="sdg",
            name="title_zh_hans",
            field=models.CharField(max_length=400, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="session",
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
            model_name="session",
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
            model_name="session",
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
            model_name="session",
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
            model_name="session",
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
            model_name="session",
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
            model_name="session",
            name="title_ar",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="session",
            name="title_en",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="session",
            name="title_es",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="session",
            name="title_fr",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="session",
            name="title_ru",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AddField(
            model_name="session",
            name="title_zh_hans",
            field=models.CharField(max_length=300, null=True, verbose_name="title"),
        ),
        migrations.AlterField(
            model_name="sdg",
            name="title",
            field=models.CharField(max_length=400, verbose_name="title"),
        ),
        migrations.RunPython(copy_english, migrations.RunPython.noop),
    ]
