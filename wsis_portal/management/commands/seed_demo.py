"""Fill the portal with demo content; safe to run again (every seeder is idempotent)."""

import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from wsis_portal.demo_scale import SCALES, accounts_bulk, scale_sizes
from wsis_portal.publishing import publish, publishable_models
from wsis_portal.registry import registry


class Command(BaseCommand):
    help = "Load idempotent demo content for every process of the portal."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", action="append", default=[], help="Run only the named seeder(s)."
        )
        parser.add_argument(
            "--entries", type=int, default=None, help="Stocktaking: make this many entries in bulk."
        )
        parser.add_argument(
            "--votes", type=int, default=None, help="Prizes: make this many votes in bulk."
        )
        parser.add_argument(
            "--scale",
            choices=sorted(SCALES),
            default=None,
            help="Add data at the size of the real processes (wsis: 500,000 accounts, "
            "100,000 entries, 2,000,000 votes over 1,000 projects, 2,500 sessions).",
        )
        parser.add_argument(
            "--remove",
            action="store_true",
            help="Delete every demo row (and nothing else) instead of seeding.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when demo data is already there."
        )

    def handle(self, *args, **options):
        if options["remove"]:
            from wsis_portal.demo import demo_remove

            for label, (deleted, kept) in sorted(demo_remove().items()):
                if deleted or kept:
                    line = f"{label}: {deleted} deleted"
                    self.stdout.write(
                        line + (f", {kept} kept (real data uses them)" if kept else "")
                    )
            self.stdout.write(self.style.SUCCESS("Demo data removed."))
            return
        if options["if_empty"]:
            from forum.models import MatrixLink

            if MatrixLink.objects.filter(is_demo=True).exists():
                self.stdout.write("Demo data already present; nothing to do.")
                return
        sizes = scale_sizes(options)
        if sizes:
            started = time.monotonic()
            with transaction.atomic():
                added = accounts_bulk(count=sizes["accounts"])
            self.stdout.write(
                f"Accounts: {added} added ({sizes['accounts']} demo voters with a verified "
                f"address) in {time.monotonic() - started:.1f} s"
            )
            if options["entries"] is None:
                options["entries"] = sizes["entries"]
        # The demo publishes what it creates; drafts the Secretariat already had stay drafts.
        drafts_before = {
            model: set(
                model._default_manager.filter(published_at__isnull=True).values_list(
                    "pk", flat=True
                )
            )
            for model in publishable_models()
        }
        for _order, name, seeder in registry.demo:
            if options["only"] and name not in options["only"]:
                continue
            self.stdout.write(f"Seeding {name}…")
            started = time.monotonic()
            with transaction.atomic():
                seeder(**{**options, "stdout": self.stdout})
            if sizes:
                self.stdout.write(f"  {name}: {time.monotonic() - started:.1f} s")
        for model, before in drafts_before.items():
            publish(queryset=model._default_manager.exclude(pk__in=before))
        if sizes:
            self._analyze()
        self.stdout.write(self.style.SUCCESS("Demo data is in place."))

    def _analyze(self) -> None:
        """Statistics for every table after a bulk load, as a DBA runs after one: autovacuum
        would gather them later (and never where it is off), and until then PostgreSQL plans
        the pages of a WSIS-scale database as if its tables were empty."""
        if connection.vendor != "postgresql":
            return
        started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"  statistics (ANALYZE): {time.monotonic() - started:.1f} s")
