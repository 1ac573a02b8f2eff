"""Content in six languages: translated fields, the English fallback marked lang="en", the admin."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from forum.models import SDG, ActionLine, BuildingBlock
from prizes.models import Contest
from tests.factories.consultations import ConsultationFactory
from tests.factories.forum_programme import EditionFactory, SessionFactory
from tests.factories.prizes import contest_at
from tests.factories.ungis import agency
from wsis_portal.translated import TranslatedText, translated

pytestmark = pytest.mark.django_db

LANGUAGE_FIELDS = ("en", "ar", "zh_hans", "fr", "ru", "es")


def get_in(client, language: str, name: str, *args):
    """A page in ``language``: its address in that language, asked for in that language."""
    with translation.override(language):
        url = reverse(name, args=args)
    return client.get(url, HTTP_ACCEPT_LANGUAGE=language, follow=True)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", html)


# --- The helper and the template tag -------------------------------------------------------


def test_standard_contest_title_without_translation_comes_from_the_catalogue():
    # "WSIS Prizes <year>" is translated as a whole by the catalogue: not a fallback.
    contest = contest_at(timezone.now())
    with translation.override("fr"):
        title = contest.translated_title()
    assert title.text == f"Prix du SMSI {contest.year}"
    assert not title.fell_back


def test_translated_returns_the_visitors_language_when_there_is_a_translation():
    contest = contest_at(timezone.now())
    contest.title_ar = "جوائز القمة العالمية لمجتمع المعلومات"
    contest.save()
    with translation.override("ar"):
        value = translated(contest, "title")
    assert value == TranslatedText("جوائز القمة العالمية لمجتمع المعلومات", "ar", False)
    assert value.lang_attr == ""
    assert value.as_html() == "جوائز القمة العالمية لمجتمع المعلومات"


def test_translated_falls_back_to_english_and_says_so():
    contest = contest_at(timezone.now())
    with translation.override("ru"):
        value = translated(contest, "title")
    assert value.text == contest.title_en
    assert value.fell_back and value.language == "en"
    assert value.lang_attr == ' lang="en"'
    assert value.as_html() == f'<span lang="en">{contest.title_en}</span>'


def test_translated_escapes_the_text():
    contest = contest_at(timezone.now())
    Contest.objects.filter(pk=contest.pk).update(title_en="Prizes <b>&</b>")
    contest.refresh_from_db()
    with translation.override("fr"):
        assert translated(contest, "title").as_html() == (
            '<span lang="en">Prizes &lt;b&gt;&amp;&lt;/b&gt;</span>'
        )


def test_translated_in_english_is_not_a_fallback():
    contest = contest_at(timezone.now())
    with translation.override("en"):
        value = translated(contest, "title")
    assert not value.fell_back and value.lang_attr == ""


def test_translated_field_that_is_not_translatable_is_returned_as_it_is():
    contest = contest_at(timezone.now())
    with translation.override("ar"):
        value = translated(contest, "year")
    assert value == TranslatedText(str(contest.year), "ar", False)


def test_template_tag_marks_only_the_fallback():
    edition = EditionFactory(theme="Digital for all")
    edition.theme_fr = "Le numérique pour tous"
    edition.save()
    template = Template(
        '{% load translated %}<p>{% translated edition "theme" %}</p>'
        '{% translated edition "theme" as theme %}<h1{{ theme.lang_attr }}>{{ theme }}</h1>'
    )
    with translation.override("fr"):
        french = template.render(Context({"edition": edition}))
    with translation.override("es"):
        spanish = template.render(Context({"edition": edition}))
    assert french == "<p>Le numérique pour tous</p><h1>Le numérique pour tous</h1>"
    assert spanish == (
        '<p><span lang="en">Digital for all</span></p><h1 lang="en">Digital for all</h1>'
    )


def test_rows_created_in_another_language_still_have_english_for_the_fallback():
    # Whatever language is active when a row is created, English is filled too
    # (MODELTRANSLATION_AUTO_POPULATE = "default"), so the fallback is never empty.
    with translation.override("fr"):
        edition = EditionFactory(theme="Le numérique pour tous")
    assert edition.theme_fr == "Le numérique pour tous"
    assert edition.theme_en == "Le numérique pour tous"


# --- Pages ---------------------------------------------------------------------------------


def test_contest_page_in_arabic_shows_the_arabic_title(client):
    contest = contest_at(timezone.now())
    contest.title_ar = "جوائز القمة العالمية لمجتمع المعلومات لعام ٢٠٣١"
    contest.save()
    response = get_in(client, "ar", "prizes:contest", contest.year)
    html = text(response.content.decode())
    assert response.status_code == 200
    assert "<h1>جوائز القمة العالمية لمجتمع المعلومات لعام ٢٠٣١</h1>" in html
    assert f'lang="en">{contest.title_en}<' not in html


def test_contest_page_in_russian_without_translation_marks_the_english_title(client):
    contest = contest_at(timezone.now())
    # A title of the Secretariat's own: the catalogue cannot translate it, and the Arabic
    # translation must not stand in for the missing Russian one.
    contest.title_en = f"WSIS Prizes {contest.year}: the special edition"
    contest.title_ar = "جوائز القمة العالمية لمجتمع المعلومات"
    contest.save()
    response = get_in(client, "ru", "prizes:contest", contest.year)
    html = text(response.content.decode())
    assert response.status_code == 200
    assert f'<h1 lang="en">{contest.title_en}</h1>' in html
    assert "جوائز" not in html


def test_consultation_page_shows_its_translation_and_marks_the_missing_one(client):
    consultation = ConsultationFactory(description="Thematic aspects.")
    consultation.title_zh_hans = "信息社会世界峰会论坛公开磋商"
    consultation.save()
    html = text(
        get_in(client, "zh-hans", "consultations:timeline", consultation.slug).content.decode()
    )
    assert "<h1>信息社会世界峰会论坛公开磋商</h1>" in html
    assert '<div lang="en"><p>Thematic aspects.</p></div>' in html


def test_session_and_edition_pages_show_translations(client):
    session = SessionFactory()
    session.title_es = "Sesión de alto nivel"
    session.save()
    edition = session.edition
    edition.theme_es = "Las TIC para los ODS"
    edition.save()
    session_html = text(
        get_in(client, "es", "forum:session", edition.year, session.pk).content.decode()
    )
    assert "<h1>Sesión de alto nivel</h1>" in session_html
    edition_html = text(get_in(client, "es", "forum:edition", edition.year).content.decode())
    assert '<p class="lead">Las TIC para los ODS</p>' in edition_html


def test_news_item_in_arabic_and_its_english_fallback_in_chinese(client):
    from forum.models import NewsItem

    item = NewsItem.objects.create(
        title="WSIS Forum opens its registration",
        slug="registration-opens",
        summary="Registration is open.",
        published_at=timezone.now() - timedelta(hours=1),
    )
    item.title_ar = "منتدى القمة العالمية لمجتمع المعلومات يفتح باب التسجيل"
    item.save()
    arabic = text(get_in(client, "ar", "forum:news_item", item.slug).content.decode())
    assert "<h1>منتدى القمة العالمية لمجتمع المعلومات يفتح باب التسجيل</h1>" in arabic
    assert '<p class="lead" lang="en">Registration is open.</p>' in arabic
    chinese = text(get_in(client, "zh-hans", "forum:news").content.decode())
    assert '<span lang="en">WSIS Forum opens its registration</span>' in chinese


def test_ungis_member_page_in_french_shows_the_official_french_name(client):
    itu = agency("ITU")
    html = text(get_in(client, "fr", "ungis:member", itu.acronym).content.decode())
    assert "<h1>Union internationale des télécommunications</h1>" in html


# --- Reference data ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "short"),
    [
        (
            "zh-hans",
            "确保健康的生活方式，促进各年龄段人群的福祉",
            "良好健康与福祉",
        ),
        (
            "es",
            "Garantizar una vida sana y promover el bienestar para todos en todas las edades",
            "Salud y bienestar",
        ),
    ],
)
def test_sdg_3_has_its_official_title_and_short_name(language, title, short):
    goal = SDG.objects.get(number=3)
    with translation.override(language):
        assert goal.title == title
        assert goal.display_title == title
        assert goal.short_title == short
        assert translated(goal, "title").fell_back is False


def test_every_reference_row_is_translated_in_every_language():
    fields = {ActionLine: ["title"], SDG: ["title", "short_name"], BuildingBlock: ["name"]}
    for model, names in fields.items():
        for row in model.objects.all():
            for name in names:
                for lang in ("ar", "zh_hans", "fr", "ru", "es"):
                    assert getattr(row, f"{name}_{lang}"), (row, name, lang)
    for line in ActionLine.objects.filter(code__startswith="C7-"):
        assert line.short_name_en and line.short_name_ar and line.short_name_zh_hans


def test_c7_applications_have_short_names_in_russian():
    with translation.override("ru"):
        assert ActionLine.objects.get(code="C7-EHEA").short_title == "Электронное здравоохранение"
        assert ActionLine.objects.get(code="C1").short_title.startswith("Роль органов")


def test_ungis_member_names_in_french():
    with translation.override("fr"):
        assert agency("WHO").name == "Organisation mondiale de la Santé"
        assert agency("UNESCO").name == (
            "Organisation des Nations Unies pour l’éducation, la science et la culture"
        )
    with translation.override("en"):
        assert agency("WHO").name == "World Health Organization"


def test_reference_translations_come_back_after_a_flush():
    # A transactional test flushes the tables and post_migrate reloads the reference rows:
    # the loaders fill the translations as the data migrations did.
    from forum.base.services import taxonomy_load
    from ungis.services import members_load

    SDG.objects.filter(number=3).delete()
    agency("ITU").delete()
    taxonomy_load()
    members_load()
    assert SDG.objects.get(number=3).title_es.startswith("Garantizar una vida sana")
    assert agency("ITU").name_fr == "Union internationale des télécommunications"


def test_facets_and_filters_keep_working_in_another_language(client):
    # Stocktaking's facets join Action Lines and SDGs, whose titles are now translated.
    response = get_in(client, "ar", "stocktaking:search")
    assert response.status_code == 200


# --- The admin -----------------------------------------------------------------------------

ADMIN_PAGES = [
    ("prizes/contest", ["title"]),
    ("consultations/consultation", ["title", "description"]),
    ("forum/edition", ["theme", "venue"]),
    ("forum/session", ["title", "description"]),
    ("forum/newsitem", ["title", "summary", "body"]),
    ("forum/buildingblock", ["name", "description"]),
    ("stocktaking/call", ["report_title"]),
    ("ungis/agency", ["name", "description"]),
    ("ungis/initiative", ["name", "description"]),
]


@pytest.mark.parametrize(("model", "fields"), ADMIN_PAGES)
def test_admin_edits_each_language_side_by_side(admin_client, model, fields):
    html = admin_client.get(f"/admin/{model}/add/").content.decode()
    for field in fields:
        for lang in LANGUAGE_FIELDS:
            assert f'name="{field}_{lang}"' in html, (model, field, lang)
        # One field per language replaces the untranslated one.
        assert f'name="{field}"' not in html
    positions = [html.index(f'name="{fields[0]}_{lang}"') for lang in LANGUAGE_FIELDS]
    assert positions == sorted(positions), "English first, then the switcher's order"


def test_admin_reference_rows_show_every_language(admin_client):
    goal = SDG.objects.get(number=3)
    html = admin_client.get(f"/admin/forum/sdg/{goal.pk}/change/").content.decode()
    assert "Garantizar una vida sana" in html
    assert 'name="short_name_zh_hans"' in html


def test_admin_consultation_phases_are_translated_inline(admin_client):
    html = admin_client.get("/admin/consultations/consultation/add/").content.decode()
    for lang in LANGUAGE_FIELDS:
        assert f'name="phases-__prefix__-name_{lang}"' in html
        assert f'name="phases-__prefix__-agenda_{lang}"' in html


# --- Demo data -----------------------------------------------------------------------------


def test_demo_translates_the_open_contest_consultation_and_next_edition(client):
    from consultations import demo_translations as consultations_translations
    from prizes import demo_translations as prizes_translations
    from tests.factories.consultations import consultation_with_phases
    from wsis_portal import demo_translations

    now = timezone.now()
    contest = contest_at(now)
    consultation = consultation_with_phases(
        edition=EditionFactory(
            year=now.year + 1, theme="WSIS Action Lines for building inclusive knowledge societies"
        )
    )
    consultation.title_fr = "Titre saisi dans l'admin"
    consultation.save()

    for _ in range(2):  # idempotent
        for seeder in (
            prizes_translations.seed,
            consultations_translations.seed,
            demo_translations.seed,
        ):
            seeder()

    contest.refresh_from_db()
    consultation.refresh_from_db()
    edition = consultation.edition
    edition.refresh_from_db()
    for lang in ("ar", "zh_hans", "fr", "ru", "es"):
        assert getattr(contest, f"title_{lang}"), lang
        assert getattr(consultation, f"title_{lang}"), lang
        assert getattr(consultation, f"description_{lang}"), lang
        assert getattr(edition, f"theme_{lang}"), lang
        assert consultation.phases.exclude(**{f"name_{lang}": None}).count() == 6
    assert contest.title_ru == f"Премии ВВУИО {contest.year} года"
    assert consultation.title_fr == "Titre saisi dans l'admin", "a translation typed is kept"
    html = text(get_in(client, "zh-hans", "prizes:contest", contest.year).content.decode())
    assert f"<h1>{contest.year}年信息社会世界峰会奖</h1>" in html
