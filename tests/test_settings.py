"""Settings: one object from defaults < environment < options, one reader of DETENTE_* variables, and
docs/configuration.md naming exactly the DETENTE_* variables the code has."""
from __future__ import annotations

import ast
import dataclasses
import os
import re
from pathlib import Path

import pytest

from detente import settings
from detente.cli import build_parser, command_settings, main
from detente.settings import DEFAULTS, Settings, SettingsError

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "configuration.md"
NAME = re.compile(r"\bDETENTE_[A-Z][A-Z0-9_]*")


def _names_in_code() -> dict[str, str]:
    """Each DETENTE_* name in src/ and scripts/ -> a file it appears in."""
    found: dict[str, str] = {}
    for top in ("src", "scripts"):
        for path in sorted((ROOT / top).rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".pyc", ".pickle", ".parquet"):
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            for name in NAME.findall(text):
                found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_every_variable_in_the_code_is_documented_and_no_other():
    in_code = _names_in_code()
    in_doc = set(NAME.findall(DOC.read_text(encoding="utf-8")))
    undocumented = {n: where for n, where in in_code.items() if n not in in_doc}
    assert not undocumented, f"DETENTE_* names missing from docs/configuration.md: {undocumented}"
    gone = sorted(in_doc - set(in_code))
    assert not gone, f"docs/configuration.md lists names the code no longer has: {gone}"


def test_every_setting_is_a_row_of_the_doc_with_its_variable_option_and_default():
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells
    for f in dataclasses.fields(Settings):
        assert f.name in rows, f"setting {f.name} is not in docs/configuration.md"
        _, env, option, default, _ = rows[f.name]
        assert env == f"`{f.metadata['env']}`"
        assert (f.metadata["option"] or "—") in option
        assert _shown(getattr(DEFAULTS, f.name)) in default, (f.name, default)


def _shown(value) -> str:
    """A default as the doc writes it: off for a switch, none for no files, 300 for 300.0."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return str(value) if value != () else "none"


def test_only_settings_reads_the_environment():
    """No module but settings.py reads os.environ (tables.py reads the terminal's COLUMNS, which is not ours)."""
    allowed = {"settings.py": None, "tables.py": {"COLUMNS"}}
    readers = []
    for path in sorted((ROOT / "src" / "detente").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            key = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                target = node.func.value
                reads = node.func.attr in ("get", "pop", "setdefault", "__getitem__") and _is_environ(target)
                if reads or node.func.attr in ("getenv", "putenv", "unsetenv") and _is_os(target):
                    key = _literal(node.args[0]) if node.args else "?"
            elif isinstance(node, ast.Subscript) and _is_environ(node.value):
                key = _literal(node.slice)
            if key is None:
                continue
            ok = allowed.get(path.name, set())
            if ok is None or key in ok:
                continue
            readers.append(f"{path.relative_to(ROOT)}:{node.lineno} ({key})")
    assert not readers, f"environment read outside settings.py: {readers}"


def _is_os(node) -> bool:
    return isinstance(node, ast.Name) and node.id == "os"


def _is_environ(node) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" and _is_os(node.value)


def _literal(node) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else "?"


# --- precedence: default < environment < option ----------------------------------------------------

def test_defaults_then_environment_then_options():
    assert Settings.from_env({}) == DEFAULTS
    env = Settings.from_env({"DETENTE_TIME_BUDGET": "5", "DETENTE_STORE": "env.duckdb",
                             "DETENTE_LEXICON": os.pathsep.join(["a.yaml", "b.txt"]), "DETENTE_CACHE_DIR": "off",
                             "DETENTE_PLACE_AS_TARGET": "yes", "DETENTE_DOCUMENT_COUNTRY": "agents"})
    assert (env.time_budget, env.store, env.lexicon, env.cache_dir) == (5.0, "env.duckdb", ("a.yaml", "b.txt"), None)
    assert env.place_as_target is True and env.document_country == "agents"
    assert env.spacy_model == DEFAULTS.spacy_model  # not set: the default
    opt = env.with_options(time_budget=7, store=None)
    assert (opt.time_budget, opt.store) == (7, "env.duckdb")  # an option not given (None) leaves the setting
    assert env.time_budget == 5.0  # a new object: settings are never changed in place


def test_an_empty_variable_is_unset_except_for_the_cache():
    s = Settings.from_env({"DETENTE_STORE": "", "DETENTE_TIME_BUDGET": "", "DETENTE_CACHE_DIR": ""})
    assert (s.store, s.time_budget, s.cache_dir) == (DEFAULTS.store, DEFAULTS.time_budget, None)


def test_the_cli_puts_its_options_over_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DETENTE_TIME_BUDGET", "9")
    monkeypatch.setenv("DETENTE_STORE", "env.duckdb")
    monkeypatch.setenv("DETENTE_LEXICON", "from_env.yaml")
    parser = build_parser()
    plain = command_settings(parser.parse_args(["code", "x.txt"]))
    assert (plain.time_budget, plain.store, plain.lexicon) == (9.0, "env.duckdb", ("from_env.yaml",))
    given = command_settings(parser.parse_args(["code", "x.txt", "--time-budget", "2", "--store", "cli.duckdb",
                                                "--lexicon", "mine.yaml"]))
    assert (given.time_budget, given.store) == (2.0, "cli.duckdb")
    assert given.lexicon == (os.path.abspath("mine.yaml"), "from_env.yaml")  # the option's files first
    assert command_settings(parser.parse_args(["stats"])).store == "env.duckdb"


def test_current_follows_the_environment_and_use_overrides_it(monkeypatch):
    monkeypatch.setenv("DETENTE_TIME_BUDGET", "11")
    assert settings.current().time_budget == 11.0
    monkeypatch.setenv("DETENTE_TIME_BUDGET", "12")
    assert settings.current().time_budget == 12.0  # read when asked, not once
    with settings.use(DEFAULTS.with_options(time_budget=3)) as s:
        assert settings.current() is s
        with settings.use(s.with_options(time_budget=4)):
            assert settings.current().time_budget == 4
        assert settings.current().time_budget == 3
    assert settings.current().time_budget == 12.0


def test_the_pipeline_reads_the_settings_in_force():
    from detente import cache, nlp, pipeline
    from detente.actors import lexicon

    with settings.use(DEFAULTS.with_options(time_budget=42, spacy_model="some_model", cache_dir="off",
                                            lexicon=("user.yaml",))):
        assert pipeline.time_budget() == 42
        assert nlp.model_name() == "some_model"
        assert cache.cache_dir() is None
        assert lexicon.env_paths() == ("user.yaml",)
    with settings.use(DEFAULTS):
        assert cache.cache_dir() == Path.home() / ".cache" / "detente"


# --- invalid values: one clear error --------------------------------------------------------------

@pytest.mark.parametrize("name, value, says", [
    ("DETENTE_TIME_BUDGET", "soon", "0 (no limit) or more seconds"),
    ("DETENTE_TIME_BUDGET", "-1", "0 (no limit) or more seconds"),
    ("DETENTE_PLACES_MIN_POPULATION", "many", "whole number"),
    ("DETENTE_DOCUMENT_COUNTRY", "some", "all, agents or off"),
    ("DETENTE_PLACE_AS_TARGET", "perhaps", "1/true/yes/on or 0/false/no/off"),
])
def test_an_invalid_variable_is_one_error_naming_it(name, value, says):
    with pytest.raises(SettingsError) as e:
        Settings.from_env({name: value})
    message = str(e.value)
    assert "\n" not in message and name in message and repr(value) in message and says in message


def test_an_invalid_option_is_one_error_naming_it():
    with pytest.raises(SettingsError, match=r"^--time-budget -1: must be 0 \(no limit\) or more seconds$"):
        DEFAULTS.with_options(time_budget=-1)
    with pytest.raises(SettingsError, match="document_country"):
        DEFAULTS.with_options(document_country="everyone")
    with pytest.raises(TypeError):
        DEFAULTS.with_options(no_such_setting=1)


def test_the_cli_reports_an_invalid_setting_in_one_line(monkeypatch, capsys):
    monkeypatch.setenv("DETENTE_TIME_BUDGET", "soon")
    assert main(["stats", "--store", "nowhere.duckdb"]) == 2
    err = capsys.readouterr().err
    assert err == "detente: DETENTE_TIME_BUDGET='soon': must be 0 (no limit) or more seconds\n"
    monkeypatch.delenv("DETENTE_TIME_BUDGET")
    assert main(["code", "-", "--no-store", "--time-budget", "-2"]) == 2
    assert capsys.readouterr().err == "detente: --time-budget -2.0: must be 0 (no limit) or more seconds\n"


def test_settings_travel_to_worker_processes():
    """A spawned worker codes with the settings handed to it, not with what its environment says."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from detente import runner

    handed = DEFAULTS.with_options(time_budget=17, lexicon=("a.yaml",))
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=ctx, initializer=settings.install, initargs=(handed,)) as ex:
        assert ex.submit(settings.current).result() == handed
    pool = runner._Pool(1, "spawn", {}, handed)  # the runner's pool hands them to each worker it starts
    try:
        assert pool.ex._initializer is runner._init_worker and pool.ex._initargs == (handed,)
    finally:
        pool.close()


@pytest.mark.parametrize("stage", ["actors", "places", "quotes", "events"])
def test_debug_lets_a_stage_error_out_instead_of_a_warning(monkeypatch, stage):
    """A programming error inside a stage is a warning on the article by default (a batch goes on), and
    the error itself with the debug setting on (so tests and developers see it)."""
    import detente
    from detente import actors, events, places, quotes

    inner = {"actors": (actors, "recognize"), "places": (places, "_resolve"), "quotes": (quotes, "_extract"),
             "events": (events, "code")}[stage]

    def broken(*args, **kwargs):
        raise NameError("name 'undefined_helper' is not defined")

    monkeypatch.setattr(*inner, broken)
    text = "Talks\n\nFrance and Germany held talks in Paris on Monday."
    art = detente.code_text(text, published="2024-03-04")
    assert any(w.startswith(stage) and "NameError" in w for w in art.warnings)
    with settings.use(DEFAULTS.with_options(debug=True)), pytest.raises(NameError):
        detente.code_text(text, published="2024-03-04")
