"""Journeys of accounts: sign up with email confirmation, sign in and out, admin, language."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from accounts.models import StakeholderProfile
from accounts.roles import SECRETARIAT
from tests.browser.helpers import (
    assert_accessible,
    is_focused,
    sign_in,
    sign_out,
    sign_up_and_confirm,
    tab_to,
)
from tests.factories.accounts import DEFAULT_PASSWORD, StakeholderFactory, UserFactory

pytestmark = pytest.mark.browser


def test_stakeholder_signs_up_confirms_email_completes_profile_and_sees_my_page(page):
    email = "ada.lovelace@example.org"
    sign_up_and_confirm(
        page, email, full_name="Ada Lovelace", organisation="Analytical Engines Ltd"
    )

    # The profile asked at sign-up is saved; complete it with the optional details.
    # Confirming signed the new user in and led to My WSIS, which also links to the profile.
    page.get_by_role("navigation", name="Account").get_by_role("link", name="Profile").click()
    expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
    page.get_by_label("Job title").fill("Mathematician")
    page.get_by_label("Telephone").fill("+41 22 730 5111")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile has been saved.")
    # The page shown after saving is read back from the database.
    expect(page.get_by_label("Job title")).to_have_value("Mathematician")

    page.get_by_role("link", name="My WSIS").click()
    expect(page).to_have_url("/my/")
    main = page.locator("main")
    expect(main).to_contain_text(f"Signed in as {email}.")
    expect(main).to_contain_text("Ada Lovelace, Analytical Engines Ltd (Academia, Switzerland)")

    profile = StakeholderProfile.objects.get(user__email=email)
    assert (profile.job_title, profile.telephone) == ("Mathematician", "+41 22 730 5111")


def test_sign_up_with_mismatched_passwords_shows_the_error_next_to_the_field(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("typo@example.org")
    page.get_by_label("Full name").fill("Typo Person")
    page.get_by_label("Organisation name").fill("Typos Inc.")
    page.get_by_label("Organisation country").select_option("FR")
    page.get_by_label("Stakeholder type").select_option("government")
    page.get_by_label(re.compile(r"^Password:?$")).fill(DEFAULT_PASSWORD)
    page.get_by_label("Password (again)").fill(DEFAULT_PASSWORD + "x")
    page.locator("main").get_by_role("button", name="Sign Up").click()

    expect(page.locator("main")).to_contain_text("You must type the same password each time.")
    expect(page.get_by_label("Email")).to_have_value("typo@example.org")
    assert not StakeholderProfile.objects.filter(user__email="typo@example.org").exists()


def test_stakeholder_signs_in_and_out(page):
    user = StakeholderFactory(profile__full_name="Grace Hopper")
    sign_in(page, user.email, start="/my/")
    expect(page).to_have_url("/my/")
    expect(page.locator("main")).to_contain_text("Grace Hopper")

    sign_out(page)
    page.goto("/my/")
    expect(page).to_have_url("/accounts/login/?next=/my/")


def test_wrong_password_is_refused_with_a_message(page):
    user = StakeholderFactory()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill("not-the-password")
    page.locator("main").get_by_role("button", name="Sign In").click()
    expect(page.locator("main")).to_contain_text(
        "The email address and/or password you specified are not correct."
    )
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)


def test_keyboard_only_skip_link_and_sign_in(page):
    user = StakeholderFactory(profile__full_name="Keyboard User")
    page.goto("/accounts/login/")

    # The first Tab reaches the skip link; Enter moves the focus to the main content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert is_focused(skip)
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert is_focused(page.locator("main"))

    # From there, Tab reaches the form fields in order, and Enter submits.
    email = page.get_by_label("Email")
    tab_to(page, email)
    page.keyboard.type(user.email)
    tab_to(page, page.get_by_label("Password"), max_presses=5)
    page.keyboard.type(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")

    expect(page).to_have_url("/my/")
    expect(page.locator("main")).to_contain_text("Keyboard User")


def test_language_switcher_changes_to_french_without_javascript(new_page):
    page = new_page(javascript=False)
    page.goto("/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()

    # Back on the same page, now in French at its French address (allauth's own strings).
    expect(page).to_have_url("/fr/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Connexion")
    # The portal's own strings too (locale/fr), and the switcher keeps the choice.
    expect(page.get_by_role("link", name="Aller au contenu principal")).to_have_count(1)
    expect(page.get_by_label("Langue")).to_have_value("fr")


def test_secretariat_signs_into_the_admin(page):
    staff = UserFactory(is_staff=True, groups=[SECRETARIAT])
    page.goto("/admin/")
    expect(page).to_have_url("/admin/login/?next=/admin/")
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Portal administration")).to_be_visible()


def test_non_staff_cannot_enter_the_admin(page):
    user = StakeholderFactory()
    page.goto("/admin/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#content-main, .errornote").first).to_contain_text(
        "Please enter the correct email address and password for a staff account."
    )
    expect(page).to_have_url("/admin/login/")


def test_arabic_is_shown_right_to_left_and_stays_accessible(page, axe_source):
    page.goto("/")
    page.locator("#language-select").select_option("ar")
    page.locator(".language-switcher").get_by_role("button").click()
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page, axe_source)
