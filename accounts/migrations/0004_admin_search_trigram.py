"""Trigram indexes for the admin's searches of accounts, profiles and email addresses.

Built concurrently: on 500,000 accounts a plain CREATE INDEX would block sign-ups while it runs.
allauth's EmailAddress is not this app's model, so its index is raw SQL of the same
expression (``UPPER(email::text)``, what ``email__icontains`` writes; wsis_portal/trigram.py).
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import AddIndexConcurrently
from django.db import migrations, models
from django.db.models.functions import Cast, Upper


def icontains_index(field, name):
    # wsis_portal.trigram.icontains_index as of this migration.
    return GinIndex(
        OpClass(Upper(Cast(field, output_field=models.TextField())), name="gin_trgm_ops"), name=name
    )


EMAIL_ADDRESS_INDEX = "account_emailaddress_email_trgm"


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("accounts", "0003_user_language"),
        ("account", "0009_emailaddress_unique_primary_email"),
        ("wsis_portal", "0007_trigram_extension"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="stakeholderprofile",
            index=icontains_index("full_name", "accounts_profile_name_trgm"),
        ),
        AddIndexConcurrently(
            model_name="stakeholderprofile",
            index=icontains_index("organisation_name", "accounts_profile_org_trgm"),
        ),
        AddIndexConcurrently(
            model_name="user",
            index=icontains_index("email", "accounts_user_email_trgm"),
        ),
        migrations.RunSQL(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {EMAIL_ADDRESS_INDEX} "
            "ON account_emailaddress USING gin ((UPPER(email::text)) gin_trgm_ops)",
            f"DROP INDEX CONCURRENTLY IF EXISTS {EMAIL_ADDRESS_INDEX}",
        ),
    ]
