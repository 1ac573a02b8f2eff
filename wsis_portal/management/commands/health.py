"""Health commands of the worker and beat containers (docker-compose.yml healthcheck).

``manage.py health worker`` pings this host's Celery worker over the broker: healthy when it
answers. ``manage.py health beat`` is healthy while the heartbeat that beat sends every 30 s
(and a worker records) is younger than HEALTH_WORKER_MAX_AGE. ``manage.py health web`` runs
the web process's checks without HTTP. Exit status 0 when healthy, 1 otherwise.
"""

import socket

from django.core.management.base import BaseCommand, CommandError

from wsis_portal.health import check_broker, check_database, check_worker


def _worker_answers(node: str, timeout: float) -> str | None:
    from wsis_portal.celery import app

    try:
        replies = app.control.ping(destination=[node], timeout=timeout)
    except Exception as exc:
        return f"broker unreachable: {exc.__class__.__name__}"
    if not any(node in reply for reply in replies):
        return f"worker {node} did not answer within {timeout:g} s"
    return None


class Command(BaseCommand):
    help = "Exit 0 when the given process kind (web, worker, beat) is healthy."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["web", "worker", "beat"])
        parser.add_argument("--timeout", type=float, default=5.0)
        parser.add_argument(
            "--node",
            default=f"celery@{socket.gethostname()}",
            help="the worker's node name (celery -n); celery@<host name> by default",
        )

    def handle(self, *args, **options):
        kind = options["kind"]
        if kind == "web":
            problems = [check_database()]
        elif kind == "worker":
            problems = [_worker_answers(options["node"], options["timeout"])]
        else:
            problems = [check_broker(), check_worker()]
        failing = [p for p in problems if p]
        if failing:
            raise CommandError(f"{kind} unhealthy: " + "; ".join(failing))
        self.stdout.write(f"{kind} ok")
