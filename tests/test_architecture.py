"""The layout shows the flow: stages import only earlier stages, and no modules import each other."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "ecocheck"
# The stages, in the order data flows through them; schemas are data files every stage may read.
STAGES = ("schemas", "base", "library", "tables", "submission", "engine", "series", "output", "cli")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every ecocheck module -> the ecocheck modules it imports, at the top or inside functions."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    child = f"{node.module}.{alias.name}"
                    found.add(child if child in modules else node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.index(parts[1]) if len(parts) > 1 and parts[1] in STAGES else None


def test_every_module_sits_in_a_stage():
    loose = [m for m in _imports() if _stage(m) is None and m not in ("ecocheck", "ecocheck.__main__")]
    assert loose == []


def test_no_stage_imports_a_later_one():
    upward = [f"{a} -> {b}" for a, targets in _imports().items() for b in targets
              if _stage(a) is not None and _stage(b) is not None and _stage(b) > _stage(a)]
    assert upward == []


def test_no_import_circles():
    graph = _imports()
    circles = []

    def visit(node: str, path: list[str], on_path: set[str], done: set[str]) -> None:
        for target in sorted(graph[node]):
            if target in on_path:
                circles.append(" -> ".join(path[path.index(target):] + [target]))
            elif target not in done:
                on_path.add(target)
                visit(target, path + [target], on_path, done)
                on_path.discard(target)
        done.add(node)

    done: set[str] = set()
    for start in sorted(graph):
        if start not in done:
            visit(start, [start], {start}, done)
    # a package's __init__ that its own modules import (for shared helpers) is not a circle
    real = [c for c in circles if not _package_and_member(c)]
    assert real == []


def _package_and_member(circle: str) -> bool:
    names = circle.split(" -> ")
    return len(set(names)) == 2 and any(other.startswith(names[0] + ".") or names[0].startswith(other + ".")
                                        for other in names[1:])
