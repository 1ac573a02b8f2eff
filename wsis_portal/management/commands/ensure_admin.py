"""Create the local admin account for ``make run`` once, and print how to sign in."""

import secrets

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a superuser for local development (once) and print its credentials."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="admin@wsis.local")

    def handle(self, *args, **options):
        User = get_user_model()
        email = options["email"]
        password_file = settings.VAR_DIR / "admin_password"
        if not User.objects.filter(email__iexact=email).exists():
            password = secrets.token_urlsafe(12)
            user = User.objects.create_superuser(email=email, password=password)
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            password_file.write_text(password)
            password_file.chmod(0o600)
        password = password_file.read_text().strip() if password_file.exists() else "(unchanged)"
        self.stdout.write(f"Admin account: {email} / {password}")
