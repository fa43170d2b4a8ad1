"""core/ never imports transport code: grpc, google.protobuf or server/ (DESIGN.md section 2)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "core"
FORBIDDEN = ("grpc", "google.protobuf", "google.rpc", "server", "rewards", "rewards_client")


def imported_modules(path: Path) -> set[str]:
    if path.suffix == ".pyx":  # Cython is not Python syntax: read its import lines.
        return {match[1] or match[2] for match in re.finditer(
            r"^\s*(?:from\s+([\w.]+)\s+c?import|c?import\s+([\w.]+))", path.read_text(), re.M)}
    tree = ast.parse(path.read_text(), str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_never_imports_transport_code():
    offenders = {}
    sources = [*CORE.rglob("*.py"), *CORE.rglob("*.pyx")]
    assert sources
    for path in sources:
        bad = {name for name in imported_modules(path)
               if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)}
        if bad:
            offenders[str(path.relative_to(CORE.parent))] = sorted(bad)

    assert offenders == {}


def test_the_domain_imports_only_the_standard_library_and_itself():
    import sys

    for path in (CORE / "domain").rglob("*.py"):
        for name in imported_modules(path):
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or name.startswith("core.domain") or top == "__future__", (
                f"{path.name} imports {name}")


STORAGE = ("psycopg", "psycopg_pool", "redis", "hiredis")


def test_services_leave_storage_to_the_adapters():
    offenders = {}
    for path in (CORE / "service").rglob("*.py"):
        bad = {name for name in imported_modules(path) if name.split(".")[0] in STORAGE}
        if bad:
            offenders[str(path.relative_to(CORE.parent))] = sorted(bad)

    assert offenders == {}


def test_adapters_never_import_the_services_above_them():
    for path in (CORE / "adapters").rglob("*.py"):
        for name in imported_modules(path):
            assert not name.startswith("core.service"), f"{path.relative_to(CORE.parent)} imports {name}"
