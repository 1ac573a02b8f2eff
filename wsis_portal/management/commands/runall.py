"""``make run``: migrate, seed, then web, Celery worker and beat together; Ctrl-C stops all three."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server, a Celery worker and Celery beat together (development)."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
        parser.add_argument("--no-seed", action="store_true")

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        if not options["no_seed"]:
            call_command("seed_demo", if_empty=True)
        call_command("ensure_admin")
        port = options["port"]
        python = sys.executable
        beat_schedule = str(settings.VAR_DIR / "celerybeat-schedule")
        commands = {
            "web": [python, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            "worker": [
                python,
                "-m",
                "celery",
                "-A",
                "wsis_portal",
                "worker",
                "--pool=solo",
                "--loglevel=INFO",
                "-n",
                "dev-worker@%h",
            ],
            "beat": [
                python,
                "-m",
                "celery",
                "-A",
                "wsis_portal",
                "beat",
                "--loglevel=INFO",
                "--schedule",
                beat_schedule,
            ],
        }
        processes = {
            name: subprocess.Popen(cmd, cwd=settings.BASE_DIR, start_new_session=True)
            for name, cmd in commands.items()
        }
        self.stdout.write(self.style.SUCCESS(f"\nWSIS portal running at http://127.0.0.1:{port}/"))
        self.stdout.write("Web, Celery worker and beat started. Press Ctrl-C to stop all three.\n")

        def stop(*_):
            for process in processes.values():
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            for process in processes.values():
                try:
                    process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
            sys.exit(0)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        while True:
            for name, process in processes.items():
                if process.poll() is not None:
                    self.stderr.write(f"{name} exited with code {process.returncode}; stopping.")
                    stop()
            time.sleep(1)
