"""Keep prize attachments in private storage, which no proxy serves (downloads go through a view
that checks who may read them), and move files already uploaded under MEDIA_ROOT there."""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import wsis_portal.uploads


def move_files(apps, schema_editor, source_root=None, target_root=None):
    source_root = Path(source_root or settings.MEDIA_ROOT)
    target_root = Path(target_root or settings.PRIVATE_MEDIA_ROOT)
    if source_root.resolve() == target_root.resolve():
        return
    Attachment = apps.get_model("prizes", "ProjectAttachment")
    for name in Attachment.objects.values_list("file", flat=True).iterator():
        source, target = source_root / name, target_root / name
        if source.exists() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(source), str(target))


def move_files_back(apps, schema_editor):
    move_files(
        apps,
        schema_editor,
        source_root=settings.PRIVATE_MEDIA_ROOT,
        target_root=settings.MEDIA_ROOT,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("prizes", "0002_project_attachments"),
    ]

    operations = [
        migrations.AlterField(
            model_name="projectattachment",
            name="file",
            field=models.FileField(
                help_text="A PDF, PNG or JPEG file of at most 5 MB.",
                storage=wsis_portal.uploads.private_storage,
                upload_to=wsis_portal.uploads.ServerName("prizes/attachments"),
                validators=[
                    wsis_portal.uploads.UploadValidator(
                        {
                            "jpeg": "image/jpeg",
                            "jpg": "image/jpeg",
                            "pdf": "application/pdf",
                            "png": "image/png",
                        },
                        max_bytes=5242880,
                    )
                ],
                verbose_name="file",
            ),
        ),
        migrations.RunPython(move_files, move_files_back),
    ]
