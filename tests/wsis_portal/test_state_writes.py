"""Every write of a state field happens in that model's single transition function.

The scan reads the portal's source (not migrations, not tests) as Python syntax trees and
reports each place that writes a state field: an assignment ``obj.status = …``, a
``setattr(obj, "status", …)``, a queryset ``.update(status=…)`` or ``.bulk_update(…,
["status"])``, and raw SQL that ``SET``s the field. A write is allowed only inside the
transition functions listed below (and ``transition_write``, which they all call). Creating
an object in its first state (``Entry(status=…)``) is not a move and is not reported.
A second test makes sure the admin cannot edit a state field either.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib import admin

ROOT = Path(__file__).resolve().parents[2]
APPS = ("accounts", "consultations", "forum", "prizes", "stocktaking", "ungis", "wsis_portal")

# (app label, model, state field) -> the one function allowed to write it (or, for the
# outbox's own bookkeeping, the functions of its delivery: a message's delivery state is
# recorded on the message itself, attempts and last error included, not in the activity log).
TRANSITIONS: dict[tuple[str, str, str], str | tuple[str, ...]] = {
    ("prizes", "project", "status"): "prizes.services.transitions.project_status_change",
    ("prizes", "vote", "valid"): "prizes.services.voting.vote_invalidate",
    ("stocktaking", "entry", "status"): "stocktaking.services.entries.entry_status_change",
    ("stocktaking", "entryrevision", "status"): (
        "stocktaking.services.moderation.revision_status_change"
    ),
    ("consultations", "submission", "status"): (
        "consultations.services.submissions.submission_set_status"
    ),
    ("consultations", "discussion", "status"): (
        "consultations.services.discussions.discussion_status_change"
    ),
    ("consultations", "comment", "is_hidden"): (
        "consultations.services.discussions.comment_visibility_change"
    ),
    ("forum", "registration", "status"): "forum.programme.services.registration_status_change",
    ("forum", "proposal", "status"): "forum.proposals.services.proposal_status_change",
    ("wsis_portal", "outboxmessage", "status"): (
        "wsis_portal.outbox.deliver",
        "wsis_portal.outbox._record_failure",
        "wsis_portal.outbox.retry",
    ),
}
WRITER = "wsis_portal.activity.transition_write"


def _functions(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else value


def _allowed(field: str) -> set[str]:
    allowed = {WRITER}
    for (_app, _model, f), value in TRANSITIONS.items():
        if f == field:
            allowed.update(_functions(value))
    return allowed


STATE_FIELDS = {field for (_app, _model, field) in TRANSITIONS}


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def _source_files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


class _Finder(ast.NodeVisitor):
    """Collects (module.function, field, line) for every write of a state field."""

    def __init__(self, module: str) -> None:
        self.module = module
        self.stack: list[str] = []
        self.writes: list[tuple[str, str, int]] = []

    def _where(self) -> str:
        return ".".join([self.module, *self.stack])

    def _scope(self, node) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scope

    def _target(self, target, line: int) -> None:
        if isinstance(target, ast.Attribute) and target.attr in STATE_FIELDS:
            self.writes.append((self._where(), target.attr, line))
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self._target(element, line)

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self._target(target, node.lineno)
        self.generic_visit(node)

    def visit_AugAssign(self, node) -> None:
        self._target(node.target, node.lineno)
        self.generic_visit(node)

    visit_AnnAssign = visit_AugAssign

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name == "update":
            for keyword in node.keywords:
                if keyword.arg in STATE_FIELDS:
                    self.writes.append((self._where(), keyword.arg, node.lineno))
        elif name == "bulk_update":
            for value in ast.walk(node):
                if isinstance(value, ast.Constant) and value.value in STATE_FIELDS:
                    self.writes.append((self._where(), value.value, node.lineno))
        elif name == "setattr" and len(node.args) >= 2:
            field = node.args[1]
            if isinstance(field, ast.Constant) and field.value in STATE_FIELDS:
                self.writes.append((self._where(), field.value, node.lineno))
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            for field in STATE_FIELDS:
                if re.search(rf"\bSET\b[^;]*\b{field}\s*=", node.value, re.IGNORECASE):
                    self.writes.append((self._where(), field, node.lineno))


def state_writes(source: str, module: str) -> list[tuple[str, str, int]]:
    finder = _Finder(module)
    finder.visit(ast.parse(source))
    return finder.writes


def test_every_state_field_is_written_only_by_its_transition_function():
    outside = []
    for path in _source_files():
        module = _module_name(path)
        for where, field, line in state_writes(path.read_text(), module):
            if where not in _allowed(field):
                outside.append(f"{path.relative_to(ROOT)}:{line} {where} writes {field!r}")
    assert outside == [], "state written outside its transition function:\n" + "\n".join(outside)


@pytest.mark.parametrize(
    "snippet",
    [
        "def promote(p):\n    p.status = 'champion'\n",
        "def promote(qs):\n    qs.filter(pk=1).update(status='champion')\n",
        "def promote(qs, rows):\n    qs.bulk_update(rows, ['status'])\n",
        "def promote(p):\n    setattr(p, 'is_hidden', True)\n",
        "def promote(c):\n    c.execute('UPDATE prizes_vote SET valid = false')\n",
        "def promote(a, b):\n    a.x, b.status = 1, 2\n",
    ],
)
def test_the_scan_finds_each_kind_of_write(snippet):
    writes = state_writes(snippet, "somewhere")
    assert [(where, line) for where, _field, line in writes] == [("somewhere.promote", 2)]


def test_the_scan_ignores_reads_and_first_states():
    source = (
        "def read(qs, Entry):\n"
        "    qs.filter(status='published').update(title='x')\n"
        "    Entry(status='draft')\n"
        "    return p.status == 'draft'\n"
    )
    assert state_writes(source, "m") == []


def test_every_state_field_of_the_portal_is_listed():
    """A new stateful model must name its transition function here."""
    candidates = {
        (model._meta.app_label, model._meta.model_name, field.name)
        for model in apps.get_models()
        if model._meta.app_label in APPS and not model._meta.proxy
        for field in model._meta.concrete_fields
        if field.name in {"status", "is_hidden", "valid"}
    }
    assert candidates == set(TRANSITIONS)


def test_the_transition_functions_exist():
    from importlib import import_module

    for dotted in {WRITER, *(fn for value in TRANSITIONS.values() for fn in _functions(value))}:
        module, name = dotted.rsplit(".", 1)
        assert callable(getattr(import_module(module), name)), dotted


def test_the_admin_cannot_edit_a_state_field(rf, django_user_model, db):
    """The admin's forms leave state fields out (read-only, or not shown): a change of
    state goes through an admin action that calls the transition function."""
    superuser = django_user_model.objects.create_superuser(
        email="root@example.org", password="x-unused-x"
    )
    request = rf.get("/admin/")
    request.user = superuser
    editable = []
    for model, model_admin in admin.site._registry.items():
        concrete = model._meta.concrete_model._meta
        for (app_label, model_name, field), _fn in TRANSITIONS.items():
            if (concrete.app_label, concrete.model_name) != (app_label, model_name):
                continue
            for obj in (None, model()):
                form = model_admin.get_form(request, obj, change=obj is not None)
                readonly = set(model_admin.get_readonly_fields(request, obj))
                if field in set(form.base_fields) - readonly:
                    editable.append(f"{model._meta.label}.{field}")
    assert editable == []
