"""docs/architecture.md holds: imports follow its layer table, and its module tree matches src/detente."""
from __future__ import annotations

import re
from pathlib import Path

from support.import_rules import (Import, cycles, imports, imports_of_test_modules, layer_table, private_uses, units,
                                  upward)

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "src" / "detente"
DOC = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_every_unit_has_one_layer_and_every_layer_names_a_unit():
    ranks, present = layer_table(DOC), units(PACKAGE)
    assert sorted(present - set(ranks)) == [], "add these to the layer table in docs/architecture.md"
    assert sorted(set(ranks) - present) == [], "the layer table names what src/detente does not have"


def test_no_module_imports_from_a_later_layer():
    assert upward(imports(PACKAGE), layer_table(DOC)) == []


def test_no_import_cycle_between_packages_or_modules():
    assert cycles(imports(PACKAGE)) == []


def _fake_package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "detente"
    for name, text in {"__init__.py": "", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).parent.joinpath("__init__.py").touch()
        (root / name).write_text(text)
    return root


def test_the_rules_catch_an_upward_import_and_a_cycle(tmp_path):
    """The checks can fail: a record module importing the store, inside a function, is flagged, and so
    is a pair of stages importing each other."""
    root = _fake_package(tmp_path, {
        "model.py": "def f():\n    from .store import Store\n",
        "store/__init__.py": "from ..model import Article\n",
        "actors/__init__.py": "from detente import places\n",
        "places/__init__.py": "from ..actors import resolve\n",
        "version.py": "",
    })
    found = imports(root)
    assert Import("detente.model", 2, "model", "store") in found
    bad = upward(found, layer_table(DOC))
    assert len(bad) == 1 and bad[0].startswith("detente.model:2 imports store")
    assert cycles(found) == [["actors", "places"], ["model", "store"]]


def test_relative_imports_resolve_to_their_units(tmp_path):
    root = _fake_package(tmp_path, {
        "store/facade.py": "from .. import ontology\nfrom ..version import __version__\nfrom . import rows\n",
        "store/rows.py": "",
        "ontology/__init__.py": "",
        "version.py": "",
        "ingest/fetch.py": "from .. import __version__\n",
    })
    assert sorted((i.source, i.target) for i in imports(root)) == [
        ("ingest", "detente"), ("store", "ontology"), ("store", "version")]


# --- the tests' imports ----------------------------------------------------------------------------

def test_no_test_file_imports_another():
    """Helpers two test files share live in tests/support/ (fixtures in tests/conftest.py)."""
    assert imports_of_test_modules(REPO / "tests") == []


def test_the_rule_catches_a_test_file_imported(tmp_path):
    """The check can fail: every spelling of an import of a test module is flagged, in a test file, in
    a support module and in a script a test writes out; imports of support modules are not."""
    shared = "test_shared"  # spelled through a name, so that this file itself holds no such import line
    files = {
        "test_a.py": f"import pytest\nfrom {shared} import helper\n",
        "test_b.py": f"def f():\n    import {shared} as s\n    from . import {shared}\n",
        "test_c.py": f'SCRIPT = """\nimport sys\nfrom {shared} import helper\n"""\n',
        "support/helpers.py": f"from tests.{shared} import helper\n",
        "test_clean.py": "from support.helpers import helper\nimport testing_tools\n",
        f"{shared}.py": "def helper():\n    pass\n",
    }
    for name, text in files.items():
        (tmp_path / "tests" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "tests" / name).write_text(text)
    assert imports_of_test_modules(tmp_path / "tests") == [
        "tests/support/helpers.py:1 imports tests.test_shared",
        "tests/test_a.py:2 imports test_shared",
        "tests/test_b.py:2 imports test_shared",
        "tests/test_b.py:3 imports test_shared",
        "tests/test_c.py:1 imports test_shared",
    ]


# --- the module tree in the doc --------------------------------------------------------------------

def _tree() -> dict[str, str]:
    """Top-level entry of the tree block ('store/', 'model.py') -> its description."""
    block = DOC.split("```\nsrc/detente/\n", 1)[1].split("```", 1)[0]
    entries: dict[str, str] = {}
    current = None
    for line in block.splitlines():
        m = re.match(r"  (\S+)\s*(.*)", line)
        if m and not line.startswith("   "):
            current = m.group(1)
            entries[current] = m.group(2)
        elif current:
            entries[current] += " " + line.strip()
    return entries


def test_every_module_the_doc_names_exists():
    missing = []
    for entry, text in _tree().items():
        name = entry.rstrip("/")
        if entry.endswith("/"):
            if not (PACKAGE / name / "__init__.py").exists():
                missing.append(entry)
            missing += [f"{entry}{f}" for f in re.findall(r"\b(\w+\.py)\b", text) if not (PACKAGE / name / f).exists()]
        elif not (PACKAGE / name).exists():
            missing.append(entry)
    for path in re.findall(r"\b((?:tests|src|docs|benchmarks)/[\w/]+\.\w+)", DOC):
        if not (REPO / path).exists():
            missing.append(path)
    assert missing == []


def test_every_package_and_top_level_module_is_in_the_tree():
    named = {e.rstrip("/").removesuffix(".py") for e in _tree()}
    assert sorted(units(PACKAGE) - {"detente"} - named) == []


def test_no_module_reaches_for_another_module_s_private_names():
    assert private_uses(PACKAGE) == []


def test_the_rule_catches_a_private_name_used_across_modules(tmp_path):
    pkg = _fake_package(tmp_path, {
        "a.py": "def _helper():\n    return 1\n\n\ndef _repr_html_():\n    return ''\n",
        "b.py": "from .a import _helper\n",
        "c.py": "from . import a\n\nx = a._helper() + len(a._repr_html_())\n",
    })
    found = private_uses(pkg)
    assert len(found) == 2 and any("imports _helper" in f for f in found) and any("a._helper" in f for f in found)
