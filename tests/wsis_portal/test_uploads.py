import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wsis_portal.uploads import DOCUMENT_TYPES, ServerName, UploadValidator

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64

validator = UploadValidator(DOCUMENT_TYPES, max_bytes=1024)


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_upload_accepts_matching_content():
    validator(upload("report.pdf", PDF))
    validator(upload("Photo.PNG", PNG))


def test_upload_refuses_too_large_file():
    with pytest.raises(ValidationError) as info:
        validator(upload("big.pdf", PDF + b"0" * 2048))
    assert info.value.code == "file_too_large"


def test_upload_refuses_extension_not_allowed():
    with pytest.raises(ValidationError) as info:
        validator(upload("script.exe", PDF))
    assert info.value.code == "file_type"
    assert "jpeg, jpg, pdf, png" in str(info.value.messages)


def test_upload_refuses_content_that_does_not_match_extension():
    with pytest.raises(ValidationError) as info:
        validator(upload("fake.pdf", PNG))
    assert info.value.code == "file_content"
    with pytest.raises(ValidationError):
        validator(upload("notes.png", b"just text, not an image"))


def test_upload_validator_leaves_file_position_alone():
    f = upload("report.pdf", PDF)
    f.seek(3)
    validator(f)
    assert f.tell() == 3


def test_server_name_keeps_only_the_extension():
    name = ServerName("docs")(None, "../../etc/My Report.PDF")
    assert name.startswith("docs/") and name.endswith(".pdf")
    assert ".." not in name and "Report" not in name


def test_private_storage_lives_outside_media_and_has_no_url(settings, tmp_path):
    import pytest
    from django.core.files.base import ContentFile

    from wsis_portal.uploads import private_storage

    settings.MEDIA_ROOT = tmp_path / "public"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    storage = private_storage()
    name = storage.save("prizes/attachments/x.pdf", ContentFile(b"%PDF-1.4"))
    assert (tmp_path / "private" / name).exists()
    assert not (tmp_path / "public").exists()
    with pytest.raises(ValueError):
        storage.url(name)
