"""The import graph of a source tree and the layer rules of docs/architecture.md, read without importing.

A unit is what the layer table names: a top-level module (`model` for model.py) or package (`store` for
store/), or `detente` for the package's own `__init__`. Every `import` and `from ... import` counts,
wherever it stands (module level, inside a function, under TYPE_CHECKING).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import NamedTuple

ROOT_UNIT = "detente"


class Import(NamedTuple):
    module: str  # the importing module, dotted ("detente.store.facade")
    line: int
    source: str  # its unit
    target: str  # the imported unit


def units(package_dir: Path) -> set[str]:
    """The units of a package directory: its top-level modules and subpackages, and the package itself."""
    found = {ROOT_UNIT}
    for p in package_dir.iterdir():
        if p.suffix == ".py" and p.name != "__init__.py":
            found.add(p.stem)
        elif p.is_dir() and (p / "__init__.py").exists():
            found.add(p.name)
    return found


def _module_name(path: Path, package_dir: Path) -> str:
    parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _unit_of(dotted: str, package: str, known: set[str]) -> str | None:
    """The unit a dotted name falls in; None outside the package. `detente.__version__`, a name and not
    a module, falls in the package itself."""
    parts = dotted.split(".")
    if parts[0] != package:
        return None
    return parts[1] if len(parts) > 1 and parts[1] in known else ROOT_UNIT


def imports(package_dir: Path) -> list[Import]:
    """Every import between different units of the package at `package_dir` (e.g. src/detente)."""
    package, known = package_dir.name, units(package_dir)
    found = []
    for path in sorted(package_dir.rglob("*.py")):
        module = _module_name(path, package_dir)
        is_package = path.name == "__init__.py"
        source = _unit_of(module, package, known)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    # `from . import x` in a package's __init__ is relative to the package itself
                    base = module.split(".")[: None if is_package else -1]
                    base = base[: len(base) - (node.level - 1)]
                    stem = ".".join(base + ([node.module] if node.module else []))
                else:
                    stem = node.module or ""
                # `from detente import x`: x may be a module (its own unit) or a name (the stem's unit)
                targets = [f"{stem}.{a.name}" for a in node.names]
            else:
                continue
            for t in targets:
                target = _unit_of(t, package, known)
                if target is not None and target != source:
                    found.append(Import(module, node.lineno, source, target))
    return found


def layer_table(doc: str) -> dict[str, int]:
    """unit -> rank (0 = the lowest layer) from the table under '## Layers' in docs/architecture.md."""
    section = doc.split("\n## Layers", 1)[1].split("\n## ", 1)[0]
    ranks: dict[str, int] = {}
    rows = [line for line in section.splitlines() if line.startswith("|") and not set(line) <= set("|- ")]
    for rank, row in enumerate(rows[1:]):  # rows[0] is the header
        cells = [c.strip() for c in row.strip("|").split("|")]
        for unit in re.findall(r"`([\w.]+)`", cells[1]):
            if unit in ranks:
                raise ValueError(f"{unit} is in two layers of the table")
            ranks[unit] = rank
    return ranks


def upward(found: list[Import], ranks: dict[str, int]) -> list[str]:
    """One line per import of a unit from a later layer than the importer's."""
    return [f"{i.module}:{i.line} imports {i.target} (layer {ranks[i.target]}) from layer {ranks[i.source]}"
            for i in found if i.source in ranks and i.target in ranks and ranks[i.target] > ranks[i.source]]


def cycles(found: list[Import]) -> list[list[str]]:
    """The units caught in import cycles, one sorted list per strongly connected group (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for i in found:
        graph.setdefault(i.source, set()).add(i.target)
        graph.setdefault(i.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(groups)


# --- the tests' own imports ------------------------------------------------------------------------

_TEST_MODULE = re.compile(r"(?:^|\.)test_\w*(?:\.|$)")
_SCRIPT_IMPORT = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))", re.MULTILINE)


def imports_of_test_modules(tests_dir: Path) -> list[str]:
    """One line per import of a `test_*` module by a file under `tests_dir`: shared helpers belong in
    tests/support/ or tests/conftest.py, never in another test file. Counts `import` statements wherever
    they stand, relative ones, and the import lines of scripts a test writes out from a string."""
    found = []
    for path in sorted(tests_dir.rglob("*.py")):
        where = path.relative_to(tests_dir.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module] if node.module else [a.name for a in node.names]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names = [m.group(1) or m.group(2) for m in _SCRIPT_IMPORT.finditer(node.value)]
            else:
                continue
            found += [f"{where}:{node.lineno} imports {n}" for n in names if _TEST_MODULE.search(n)]
    return found


def private_uses(package_dir: Path) -> list[str]:
    """Names private to one module (`_name`) that another module of the package reaches for: imported
    (`from .polarity import _aux`) or read off an imported module (`polarity._aux(...)`). What another
    module needs is public, under a name that says what it is."""
    package = package_dir.name
    found = []
    for path in sorted(package_dir.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        ours: set[str] = set()  # names this file binds to modules of the package
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] == package):
                for a in node.names:
                    if _private(a.name):
                        found.append(f"{path.relative_to(package_dir)}:{node.lineno} imports {a.name}")
                    ours.add(a.asname or a.name)
            elif isinstance(node, ast.Import):
                ours.update(a.asname or a.name.split(".")[0] for a in node.names if a.name.split(".")[0] == package)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in ours \
                    and _private(node.attr):
                found.append(f"{path.relative_to(package_dir)}:{node.lineno} uses {node.value.id}.{node.attr}")
    return found


def _private(name: str) -> bool:
    # dunders and protocol hooks such as IPython's `_repr_html_` are meant to be reached from outside
    return name.startswith("_") and not name.endswith("_")
