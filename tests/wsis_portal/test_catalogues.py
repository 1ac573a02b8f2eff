"""The gettext catalogues: complete, well-formed, plurals right, and actually used by the pages."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from prizes.enums import PhaseKind
from prizes.services import vote_cast
from tests.factories.accounts import UserFactory
from tests.factories.consultations import consultation_with_phases
from tests.factories.prizes import ProjectFactory, category, contest_at

LOCALE = Path(settings.BASE_DIR) / "locale"
# Catalogue directory -> number of plural forms (CLDR/gettext: Arabic 6, Russian 3, Chinese 1).
PLURAL_FORMS = {"fr": 2, "es": 2, "ru": 3, "ar": 6, "zh_Hans": 1}
CATALOGUES = sorted(PLURAL_FORMS)

# Translations allowed to read exactly like the English source: proper nouns, acronyms and
# technical names every language writes the same way.
SAME_EVERYWHERE = {"CSV", "JSON", "Markdown", "TEDx", "UNGIS"}
# Plus words that are spelt the same in the language itself (French cognates, Spanish "No").
SAME_IN = {
    "fr": {
        "action",
        "Actions",
        "Champion",
        "Champions",
        "code",
        "consultation",
        "consultations",
        "Consultations",
        "date",
        "Date",
        "Dates",
        "description",
        "Description",
        "discussion",
        "discussions",
        "Europe",
        "format",
        "Format",
        "Forum",
        "Hackathon",
        "image",
        "Innovations",
        "justification",
        "logo",
        "Nomination",
        "organisation",
        "Organisation",
        "Pages",
        "participant",
        "participation",
        "Participants",
        "phase",
        "Phases",
        "Phase %(n)s",
        "Phase %(roman)s",
        "photo",
        "Programme",
        "session",
        "sessions",
        "Sessions",
        "Tunis",
        "Menu",
        "Badges",
        "Session",
        "Pagination",
        "Source",
        "Rapporteur",
        "%(n)s session",
        "%(n)s sessions",
        "source",
        "vote",
        "votes",
        "Vote %(id)s",
        "Consultation",
        "Phase",
        "Participation",
        "%(n)s Champion",
        "%(n)s Champions",
        "%(n)s minute",
        "%(n)s minutes",
    },
    "es": {"No", "Portal"},
}
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]+\)[sd]|%[sd]|\{\{[^}]*\}\}|<[^>]+>")


def catalogue(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


def translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


@pytest.fixture(autouse=True)
def _back_to_english():
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize("lang", CATALOGUES)
def test_catalogue_has_no_untranslated_fuzzy_or_obsolete_entry(lang):
    po = catalogue(lang)
    assert len(po) > 1000
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []
    empty_forms = [e.msgid for e in po if e.msgid_plural and not all(translations(e))]
    assert empty_forms == []


@pytest.mark.parametrize("lang", CATALOGUES)
def test_msgfmt_check_format_passes(lang):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if os.environ.get("CI") == "true":
            pytest.fail("msgfmt (GNU gettext) is required in CI")
        pytest.skip("msgfmt (GNU gettext) is not installed")
    po = LOCALE / lang / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        [msgfmt, "--check-format", "--check-header", "--statistics", "-o", os.devnull, str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr


@pytest.mark.parametrize("lang", CATALOGUES)
def test_plural_forms_header_and_every_plural_entry_fills_each_form(lang):
    po = catalogue(lang)
    header = po.metadata["Plural-Forms"]
    nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", header).group(1))
    assert nplurals == PLURAL_FORMS[lang], header
    plural = [e for e in po if e.msgid_plural]
    assert len(plural) >= 20
    for entry in plural:
        assert sorted(entry.msgstr_plural) == list(range(nplurals)), entry.msgid


@pytest.mark.parametrize("lang", CATALOGUES)
def test_placeholders_and_html_are_kept(lang):
    for entry in catalogue(lang):
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        wanted = set().union(*(PLACEHOLDER.findall(s) for s in sources))
        for text in translations(entry):
            found = set(PLACEHOLDER.findall(text))
            # A singular form may leave the count out ("one session"), never add a name.
            assert found <= wanted, (entry.msgid, text)
            if not entry.msgid_plural:
                assert found == wanted, (entry.msgid, text)


@pytest.mark.parametrize("lang", CATALOGUES)
def test_no_translation_reads_like_the_english_source(lang):
    allowed = SAME_EVERYWHERE | SAME_IN.get(lang, set())
    same = []
    for entry in catalogue(lang):
        for source, text in zip(
            [entry.msgid] + [entry.msgid_plural] * (len(translations(entry)) - 1),
            translations(entry),
            strict=True,
        ):
            # Strings made only of placeholders and punctuation ("%(a)s: %(b)s") have no words.
            words = re.sub(r"[\W\d_]+", "", PLACEHOLDER.sub("", source))
            if text == source and words and source not in allowed:
                same.append(source)
    assert same == []


@pytest.mark.parametrize("lang", CATALOGUES)
def test_compiled_catalogue_matches_the_source(lang):
    """The .mo is committed: it must carry exactly what the .po says."""
    po = catalogue(lang)
    mo = polib.mofile(str(LOCALE / lang / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): translations(e) for e in mo if e.msgid}
    written = {(e.msgctxt, e.msgid): translations(e) for e in po if e.msgid}
    assert compiled == written


# Rendering: the catalogues are picked up by the running site.
PAGE_TEXT = {
    "fr": ("Aller au contenu principal", "Portail du Forum du SMSI"),
    "es": ("Ir al contenido principal", "Portal del Foro de la CMSI"),
    "ru": ("Перейти к основному содержанию", "Портал Форума ВВУИО"),
    "ar": ("الانتقال إلى المحتوى الرئيسي", "بوابة منتدى القمة العالمية لمجتمع المعلومات"),
    "zh_Hans": ("跳到主要内容", "信息社会世界峰会论坛门户网站"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", CATALOGUES)
def test_home_page_reads_in_the_language(client, lang):
    code = translation.to_language(lang)  # zh_Hans (directory) is zh-hans (language code)
    response = client.get("/", headers={"accept-language": code}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    for text in PAGE_TEXT[lang]:
        assert text in html
    assert f'lang="{code}"' in html
    assert "Skip to main content" not in html


@pytest.mark.django_db
def test_french_ballot_says_1_categorie_in_the_singular(client):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    ProjectFactory(contest=contest)
    ProjectFactory(contest=contest, category=category(contest, "C2"))
    user = UserFactory()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    url = reverse("prizes:ballot", args=[contest.year])
    html = client.get(url, follow=True).content.decode()
    assert "Vous avez voté dans 0 catégorie sur 2." in html
    vote_cast(
        voter=user,
        year=contest.year,
        project_id=contest.projects.first().pk,
        ip="203.0.113.9",
        user_agent="Test browser",
    )
    html = client.get(url, follow=True).content.decode()
    assert "Vous avez voté dans 1 catégorie sur 2." in html
    assert "1 catégories" not in html


@pytest.mark.django_db
def test_standard_contest_name_is_translated_as_a_whole():
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    assert contest.title == f"WSIS Prizes {contest.year}"
    with translation.override("fr"):
        assert str(contest) == f"Prix du SMSI {contest.year}"
    with translation.override("es"):
        assert contest.name == f"Premios de la CMSI {contest.year}"
    contest.title_en = "A special contest"
    with translation.override("fr"):
        assert contest.name == "A special contest"


@pytest.mark.django_db
def test_home_lists_the_open_contest_in_one_language(client):
    contest = contest_at(timezone.now(), PhaseKind.VOTING)
    html = client.get("/", headers={"accept-language": "fr"}, follow=True).content.decode()
    assert f"Prix du SMSI {contest.year} : Vote public en ligne" in html
    assert "WSIS Prizes" not in html


# Counts that pick each plural form of the language (gettext rules, as in the Plural-Forms header).
PLURAL_SAMPLES = {
    "fr": {0: "0 fiche", 1: "1 fiche", 2: "2 fiches"},
    "es": {1: "1 entrada", 2: "2 entradas", 0: "0 entradas"},
    "ru": {1: "1 запись", 3: "3 записи", 5: "5 записей", 12: "12 записей", 21: "21 запись"},
    "ar": {0: "0 سجل", 1: "1 سجل", 2: "2 سجلان", 5: "5 سجلات", 11: "11 سجلاً", 100: "100 سجل"},
    "zh_Hans": {1: "1 个条目", 5: "5 个条目"},
}


@pytest.mark.parametrize("lang", sorted(PLURAL_SAMPLES))
def test_plural_forms_are_chosen_by_count(lang):
    with translation.override(translation.to_language(lang)):
        for n, expected in PLURAL_SAMPLES[lang].items():
            text = translation.ngettext("%(shown)s entry", "%(shown)s entries", n)
            assert text % {"shown": n} == expected


@pytest.mark.django_db
def test_standard_consultation_name_is_translated_as_a_whole(client):
    consultation = consultation_with_phases(title="WSIS Forum 2031: Open Consultation Process")
    with translation.override("fr"):
        assert str(consultation) == "Forum du SMSI 2031 : Processus de consultation ouverte"
    with translation.override("zh-hans"):
        assert consultation.name == "2031年信息社会世界峰会论坛：公开磋商进程"
    html = client.get(
        consultation.get_absolute_url(), headers={"accept-language": "es"}, follow=True
    ).content.decode()
    assert "Foro de la CMSI 2031: Proceso de Consulta Abierta" in html
    assert "Open Consultation Process" not in html
    consultation.title_en = "Regional consultation on e-health"
    with translation.override("fr"):
        assert consultation.name == "Regional consultation on e-health"


def test_every_string_the_code_marks_is_in_the_catalogues(tmp_path, settings):
    """makemessages over the code, merged into a copy of the French catalogue, finds nothing
    new: a string marked for translation but missing from the catalogues would show here (the
    five catalogues hold the same entries, checked below)."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("xgettext (GNU gettext) is required in CI")
        pytest.skip("xgettext (GNU gettext) is not installed")
    # makemessages files every string under the first locale folder above it, so it runs in
    # a scratch folder holding a copy of the French catalogue and links to the code.
    shutil.copytree(LOCALE / "fr", tmp_path / "locale" / "fr")
    skip = {"locale", "tests", "bench", "docs", "static", "var", "node_modules"}
    for child in Path(settings.BASE_DIR).iterdir():
        if child.is_dir() and child.name not in skip and not child.name.startswith("."):
            (tmp_path / child.name).symlink_to(child)
    settings.LOCALE_PATHS = []
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        call_command("makemessages", locale=["fr"], symlinks=True, no_obsolete=True, verbosity=0)
    finally:
        os.chdir(cwd)
    merged = polib.pofile(str(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in merged.untranslated_entries()] == []
    assert [e.msgid for e in merged.fuzzy_entries()] == []


def test_the_five_catalogues_hold_the_same_entries():
    ids = {lang: {(e.msgctxt, e.msgid) for e in catalogue(lang)} for lang in CATALOGUES}
    assert all(ids[lang] == ids["fr"] for lang in CATALOGUES)
