"""Trigram indexes for the admin's searches of accounts, profiles and email addresses
(wsis_portal/trigram.py: PostgreSQL only, built concurrently). allauth's EmailAddress is not
this app's model; its index is made here with the others."""

from django.db import migrations

from wsis_portal.trigram import trigram_indexes


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("accounts", "0003_user_language"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("wsis_portal", "0007_trigram_extension"),
    ]

    operations = [
        trigram_indexes(
            ("accounts_stakeholderprofile", "full_name", "accounts_profile_name_trgm"),
            ("accounts_stakeholderprofile", "organisation_name", "accounts_profile_org_trgm"),
            ("accounts_user", "email", "accounts_user_email_trgm"),
            ("account_emailaddress", "email", "account_emailaddress_email_trgm"),
        )
    ]
