"""No module of the portal is longer than 400 lines (issue 11, item 4: modules of one idea).

Migrations and tests are left out; everything else counts, the benchmarks included. A module
that grows past the limit becomes a package of modules of one idea whose ``__init__``
re-exports the public names (docs/architecture.md, "Modules").
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 400
# Folders whose modules are not the portal's own code, or are generated.
SKIPPED_PARTS = {"migrations", "node_modules", "__pycache__"}
SKIPPED_TOP = {"tests", "var", "staticfiles"}


def portal_modules(root: Path = ROOT) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if parts[0].startswith(".") or parts[0] in SKIPPED_TOP:
            continue
        if SKIPPED_PARTS.intersection(parts[:-1]):
            continue
        found.append(path)
    return found


def too_long(paths: list[Path], root: Path = ROOT, limit: int = LIMIT) -> list[str]:
    long = []
    for path in paths:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            long.append(f"{path.relative_to(root)}: {lines} lines")
    return long


def test_no_module_is_longer_than_400_lines():
    long = too_long(portal_modules())
    assert long == [], f"modules over {LIMIT} lines (split them into packages):\n" + "\n".join(long)


def test_the_scan_sees_the_apps_and_the_benchmarks_but_not_migrations_or_tests():
    seen = {path.relative_to(ROOT).as_posix() for path in portal_modules()}
    assert "prizes/services/voting.py" in seen
    assert "wsis_portal/settings.py" in seen
    assert any(name.startswith("bench/") for name in seen)
    assert not any("/migrations/" in name for name in seen)
    assert not any(name.startswith("tests/") for name in seen)


@pytest.mark.parametrize(("lines", "reported"), [(LIMIT, False), (LIMIT + 1, True)])
def test_the_limit_is_400_lines(tmp_path, lines, reported):
    module = tmp_path / "app" / "module.py"
    module.parent.mkdir()
    module.write_text("x = 1\n" * lines)
    assert bool(too_long(portal_modules(tmp_path), root=tmp_path)) is reported
