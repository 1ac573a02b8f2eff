"""Locust users of the voting-day peak test (run by bench/peak.py, which writes the plan).

Two kinds of visitor, each paced by ``constant_throughput`` so that the whole swarm asks for
the target rates of bench/peak.py:

- a signed-in, verified voter: opens a category of the ballot, opens a project page, votes
  (one vote per category, never following the redirect); after the last category the user
  takes the next voter of the plan;
- an anonymous visitor: home page, stocktaking searches, ballot and project pages.

Every request whose status is not the expected one counts as a failure. Each simulated
user sends its own X-Forwarded-For address (the server runs with DJANGO_PROXY_COUNT=1), as
voters behind a proxy would, so the per-IP vote limit counts per person, not per bench.
"""

from __future__ import annotations

import itertools
import json
import os
import random
from pathlib import Path

from locust import HttpUser, constant_throughput, events, task

PLAN = json.loads(Path(os.environ["PEAK_PLAN"]).read_text())
_voters = iter(PLAN["voters"])
_addresses = itertools.count(1)
# Vote responses by status, counted as they arrive and written when Locust quits (after the
# users finished their last request), for the comparison with the rows in the database.
VOTES: dict[str, int] = {}


@events.quitting.add_listener
def _write_votes(**kwargs) -> None:
    Path(os.environ["PEAK_PLAN"]).with_name("votes.json").write_text(json.dumps(VOTES))


def _address() -> str:
    n = next(_addresses)
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


class Voter(HttpUser):
    weight = PLAN["voter_users"]
    wait_time = constant_throughput(PLAN["voter_task_rate"])

    def on_start(self) -> None:
        self.client.headers["X-Forwarded-For"] = _address()
        self._next_voter()

    def _next_voter(self) -> None:
        try:
            session, csrf = next(_voters)
        except StopIteration:  # the plan ran out of voters: stop voting, keep browsing
            self.todo = []
            return
        self.client.cookies.clear()
        self.client.cookies.set("sessionid", session)
        self.client.cookies.set("csrftoken", csrf)
        self.csrf = csrf
        self.todo = [random.choice(projects) for projects in PLAN["projects"].values()]
        random.shuffle(self.todo)

    @task(PLAN["mix"]["vote"])
    def vote(self) -> None:
        if not self.todo:
            self._next_voter()
            if not self.todo:
                return
        project = self.todo.pop()
        VOTES["sent"] = VOTES.get("sent", 0) + 1
        with self.client.post(
            f"/prizes/{PLAN['year']}/vote/{project}/",
            headers={"X-CSRFToken": self.csrf},
            allow_redirects=False,
            name="vote POST",
            catch_response=True,
        ) as response:
            key = str(response.status_code)
            VOTES[key] = VOTES.get(key, 0) + 1
            if response.status_code != 303:
                response.failure(f"status {response.status_code}")

    @task(PLAN["mix"]["ballot"])
    def ballot(self) -> None:
        code = random.choice(PLAN["codes"])
        self.client.get(f"/prizes/{PLAN['year']}/vote/{code}/", name="ballot category")

    @task(PLAN["mix"]["project_voter"])
    def project(self) -> None:
        project = random.choice(random.choice(list(PLAN["projects"].values())))
        self.client.get(f"/prizes/{PLAN['year']}/projects/{project}/", name="project page")


class Visitor(HttpUser):
    weight = PLAN["visitor_users"]
    wait_time = constant_throughput(PLAN["visitor_task_rate"])

    def on_start(self) -> None:
        self.client.headers["X-Forwarded-For"] = _address()

    @task(PLAN["mix"]["home"])
    def home(self) -> None:
        self.client.get("/", name="home")

    @task(PLAN["mix"]["stocktaking"])
    def stocktaking(self) -> None:
        word = random.choice(PLAN["words"])
        region = random.choice(["", "africa", "europe", "asia-pacific", "americas", "arab-states"])
        query = f"?q={word}" + (f"&region={region}" if region else "")
        self.client.get(f"/stocktaking/{query}", name="stocktaking search")

    @task(PLAN["mix"]["ballot_visitor"])
    def ballot(self) -> None:
        self.client.get(f"/prizes/{PLAN['year']}/vote/", name="ballot (anonymous)")

    @task(PLAN["mix"]["project_visitor"])
    def project(self) -> None:
        project = random.choice(random.choice(list(PLAN["projects"].values())))
        self.client.get(f"/prizes/{PLAN['year']}/projects/{project}/", name="project page")
