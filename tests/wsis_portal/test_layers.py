"""Each layer does its one job: views never query the ORM, selectors return data, not HTML,
services write.

The scan reads the portal's source as Python syntax trees. In a view module (``views*.py`` or a
module of a ``views`` package) it reports a model manager (``.objects``, ``_default_manager``),
``get_object_or_404``/``get_list_or_404`` and queryset-building calls (``.filter()``,
``.select_related()``, …): a view asks a selector for what it shows and a service for what it
changes. In a selector module it reports anything that renders or marks HTML as safe: rendering
and its cache belong to the view or the template.

In a service module (``services*.py`` or a module of a ``services`` package) every public
function must write: call a method that writes (``.save()``, ``.create()``, ``.update()``,
``.delete()``, ``.set()``, ``.add()``, …), hold raw SQL that writes (``INSERT``/``UPDATE``/
``DELETE``), or call a module-level function of the portal that does, directly or through others
(``transition_write``, ``outbox.add``, ``claim_once``, ``email_send_once``, another action). A
function that only reads, rule checks included, belongs in the app's selectors; a helper may stay
private (``_name``). Writes are recognised by name, not by type: ``dict.update`` or ``set.add`` in a
read would hide it from the scan, and a module-level function is matched by its name across apps.

``PENDING_*`` list what is not yet moved; each entry must still break the rule (so the lists can
only shrink), and nothing else may.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("accounts", "consultations", "forum", "prizes", "stocktaking", "ungis", "wsis_portal")

QUERYSET_CALLS = {
    "filter",
    "exclude",
    "annotate",
    "aggregate",
    "select_related",
    "prefetch_related",
    "order_by",
    "only",
    "defer",
    "distinct",
    "values_list",
}
SHORTCUTS = {"get_object_or_404", "get_list_or_404"}
RENDERING = {"render_to_string", "get_template", "select_template", "mark_safe", "format_html"}

# Modules still to move (remove a module's line when it is clean; the test then keeps it clean).
PENDING_VIEWS: set[str] = set()
PENDING_SELECTORS: set[str] = set()
# Public service functions that only read, by module. Only the apps named here may have any: the
# others (accounts, consultations, ungis, wsis_portal) are clean and kept so.
PENDING_SERVICE_APPS: tuple[str, ...] = ()
PENDING_SERVICES: dict[str, set[str]] = {}

# Methods that write to the database (or the cache): ``obj.save()``, ``qs.update(...)``, ``m2m.set``.
WRITE_METHODS = {
    "save",
    "create",
    "get_or_create",
    "update_or_create",
    "update",
    "delete",
    "bulk_create",
    "bulk_update",
    "set",
    "add",
    "remove",
    "clear",
}
# Database functions that write, called from SQL: their text holds no INSERT of its own.
WRITING_SQL_FUNCTIONS = ("prizes_vote_cast",)
SQL_WRITE = re.compile(
    r"\b(INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|"
    + "|".join(rf"{name}\s*\(" for name in WRITING_SQL_FUNCTIONS)
    + r")",
    re.IGNORECASE,
)


def _sources() -> Iterator[Path]:
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _modules(kind: str) -> Iterator[Path]:
    for path in _sources():
        if path.name.startswith(kind) or path.parent.name == kind:
            yield path


def _orm_uses(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in SHORTCUTS:
                found.append((node.lineno, func.id))
            elif isinstance(func, ast.Attribute) and func.attr in QUERYSET_CALLS:
                found.append((node.lineno, func.attr))
    return found


def _rendering(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if module.startswith("django.template"):
                found.append((node.lineno, module))
            found += [(node.lineno, a.name) for a in node.names if a.name in RENDERING]
        elif isinstance(node, ast.Attribute) and node.attr in RENDERING:
            found.append((node.lineno, node.attr))
    return found


Function = tuple[str, str]  # (dotted module, name)


def _dotted(path: str) -> str:
    parts = path.removesuffix(".py").split("/")
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(module: str, tree: ast.Module, package: bool) -> dict[str, tuple[str, str | None]]:
    """Local name -> (module it comes from, name in it; None when the name is the module)."""
    names: dict[str, tuple[str, str | None]] = {}
    here = module.split(".") if package else module.split(".")[:-1]
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0],
                    None,
                )
        elif isinstance(node, ast.ImportFrom):
            base = here[: len(here) - node.level + 1] if node.level else []
            source = ".".join([*base, node.module] if node.module else base)
            for alias in node.names:
                names[alias.asname or alias.name] = (source, alias.name)
    return names


class _Graph:
    """Module-level functions of the portal, what each refers to (resolved through the imports
    of its module, so a local variable named like a function elsewhere is not mistaken for it),
    and which of them write."""

    def __init__(self, trees: dict[str, ast.Module]) -> None:
        self.functions: dict[str, dict[str, ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        self.imports: dict[str, dict[str, tuple[str, str | None]]] = {}
        self.writing_sql: dict[str, set[str]] = {}
        for path, tree in trees.items():
            module = _dotted(path)
            self.functions[module] = {
                node.name: node
                for node in tree.body
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            }
            self.imports[module] = _imports(module, tree, path.endswith("__init__.py"))
            # Module-level SQL that writes (``_VOTE_SQL = "SELECT * FROM prizes_vote_cast(…)"``):
            # a function that names it writes.
            self.writing_sql[module] = {
                target.id
                for node in tree.body
                if isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
                and SQL_WRITE.search(node.value.value)
                for target in node.targets
                if isinstance(target, ast.Name)
            }
        self.writers = self._writers()

    def _resolve(self, module: str, name: str, depth: int = 0) -> Function | str | None:
        """The function (module, name) or the module (a dotted str) ``name`` means in
        ``module``; None for anything else (a local, a builtin, a third-party name)."""
        if module not in self.functions or depth > 10:
            return None
        if name in self.functions[module]:
            return (module, name)
        source, attr = self.imports[module].get(name, ("", None))
        if attr is None:
            return source if source in self.functions else None
        if f"{source}.{attr}" in self.functions:
            return f"{source}.{attr}"
        return self._resolve(source, attr, depth + 1)  # a re-export (a package's __init__)

    def _uses(self, module: str, function: ast.AST) -> tuple[set[Function], bool]:
        """The portal's functions this one calls or hands on (``transaction.on_commit(bump)``),
        and whether it writes by itself: a writing method call, or raw SQL that writes."""
        uses: set[Function] = set()
        writes = False
        for node in ast.walk(function):
            target: Function | str | None = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                writes = writes or node.func.attr in WRITE_METHODS
            if isinstance(node, ast.Name):
                writes = writes or node.id in self.writing_sql.get(module, set())
                target = self._resolve(module, node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                owner = self._resolve(module, node.value.id)  # ``outbox.add``
                if isinstance(owner, str):
                    target = self._resolve(owner, node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                writes = writes or bool(SQL_WRITE.search(node.value))
            if isinstance(target, tuple):
                uses.add(target)
        return uses, writes

    def _writers(self) -> set[Function]:
        edges: dict[Function, set[Function]] = {}
        writers: set[Function] = set()
        for module, functions in self.functions.items():
            for name, node in functions.items():
                edges[(module, name)], writes = self._uses(module, node)
                if writes:
                    writers.add((module, name))
        grown = True
        while grown:
            grown = False
            for function, uses in edges.items():
                if function not in writers and uses & writers:
                    writers.add(function)
                    grown = True
        return writers


def _read_only_services(trees: dict[str, ast.Module], services: set[str]) -> dict[str, set[str]]:
    graph = _Graph(trees)
    found: dict[str, set[str]] = {}
    for path in services:
        module = _dotted(path)
        for name in graph.functions[module]:
            if not name.startswith("_") and (module, name) not in graph.writers:
                found.setdefault(path, set()).add(name)
    return found


def _breaches(kind: str, scan) -> dict[str, list[tuple[int, str]]]:
    breaches = {}
    for path in _modules(kind):
        hits = scan(ast.parse(path.read_text(), filename=str(path)))
        if hits:
            breaches[str(path.relative_to(ROOT))] = sorted(hits)
    return breaches


def test_the_scans_find_what_they_look_for():
    view = ast.parse(
        "def v(request, pk):\n"
        "    e = get_object_or_404(Entry, pk=pk)\n"
        "    rows = Entry.objects.all()\n"
        "    return rows.filter(x=1).select_related('y')\n"
    )
    assert {name for _, name in _orm_uses(view)} == {
        "get_object_or_404",
        "objects",
        "filter",
        "select_related",
    }
    selector = ast.parse(
        "from django.template.loader import render_to_string\n"
        "from django.utils.safestring import mark_safe\n"
    )
    assert {name for _, name in _rendering(selector)} >= {"render_to_string", "mark_safe"}
    assert _orm_uses(ast.parse("def v(request):\n    return entries_page(request.GET)\n")) == []
    services = ast.parse(
        "from portal import outbox\n"
        "def thing_open_check(*, thing):\n"
        "    if thing.closed:\n"
        "        raise Refusal('closed', 'Closed.')\n"
        "def things_count():\n"
        "    return Thing.objects.filter(x=1).count()\n"
        "def thing_close(*, thing):\n"
        "    thing_open_check(thing=thing)\n"
        "    thing.save()\n"
        "def thing_hide(*, thing):\n"
        "    return thing_close(thing=thing)\n"
        "def thing_mail(*, thing):\n"
        "    outbox.add(thing)\n"
        "def thing_vote(*, thing):\n"
        "    cursor.execute(_sql())\n"
        "def thing_tally(*, thing):\n"
        "    cursor.execute('SELECT count(*) FROM thing')\n"
        "def _sql():\n"
        "    return f'INSERT INTO {TABLE} (a) VALUES (%s)'\n"
        "def thing_label(*, thing):\n"
        "    add = thing.name\n"  # a local named like a writer elsewhere is not that writer
        "    return add\n"
        "def _helper():\n"
        "    return 1\n"
    )
    elsewhere = ast.parse("def add(obj):\n    OutboxMessage.objects.create(obj=obj)\n")
    found = _read_only_services({"app/s.py": services, "portal/outbox.py": elsewhere}, {"app/s.py"})
    assert found == {"app/s.py": {"thing_open_check", "things_count", "thing_tally", "thing_label"}}


def test_views_do_not_query_the_orm():
    breaches = _breaches("views", _orm_uses)
    new = {path: hits for path, hits in breaches.items() if path not in PENDING_VIEWS}
    assert not new, f"views query the ORM (ask a selector or a service instead): {new}"
    done = sorted(PENDING_VIEWS - set(breaches))
    assert not done, f"these views are clean now: remove them from PENDING_VIEWS: {done}"


def test_selectors_return_data_not_html():
    breaches = _breaches("selectors", _rendering)
    new = {path: hits for path, hits in breaches.items() if path not in PENDING_SELECTORS}
    assert not new, f"selectors render HTML (move it to the view or template): {new}"
    done = sorted(PENDING_SELECTORS - set(breaches))
    assert not done, f"these selectors are clean now: remove them from PENDING_SELECTORS: {done}"


def test_services_only_write():
    """Every public function of a service module writes; reads and rule checks are selectors."""
    trees = {
        str(p.relative_to(ROOT)): ast.parse(p.read_text(), filename=str(p)) for p in _sources()
    }
    services = {str(p.relative_to(ROOT)) for p in _modules("services")}
    found = _read_only_services(trees, services)
    outside = sorted(p for p in PENDING_SERVICES if not p.startswith(PENDING_SERVICE_APPS))
    assert not outside, f"only {PENDING_SERVICE_APPS} may have pending service reads: {outside}"
    new = {
        path: sorted(names - PENDING_SERVICES.get(path, set()))
        for path, names in found.items()
        if names - PENDING_SERVICES.get(path, set())
    }
    assert not new, f"services that only read (move them to the app's selectors): {new}"
    done = {
        path: sorted(names - found.get(path, set()))
        for path, names in PENDING_SERVICES.items()
        if names - found.get(path, set())
    }
    assert not done, f"these reads left the services: remove them from PENDING_SERVICES: {done}"
