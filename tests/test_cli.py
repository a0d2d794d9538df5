"""The `detente` command as a user runs it: output formats, the store, user dictionaries, bad input."""
import json
import os
import subprocess
import sys
from pathlib import Path

from support.paths import SEED_ARTICLE


ROOT = Path(__file__).resolve().parents[1]
PETRARCH = ROOT / "tests" / "fixtures" / "actors" / "petrarch_sample.txt"


def detente(*args, cwd=None, input=None):
    env = dict(os.environ)
    env.pop("DETENTE_LEXICON", None)
    return subprocess.run([sys.executable, "-m", "detente", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, input=input, env=env, timeout=600)


def test_version_and_help():
    out = detente("--version")
    assert out.returncode == 0 and out.stdout.startswith("detente ")
    for cmd in ("code", "ingest", "evaluate", "events", "dyad", "export", "stats", "serve"):
        h = detente(cmd, "--help")
        assert h.returncode == 0, cmd
        assert "usage: detente " + cmd in h.stdout


def test_code_seed_into_store_then_query(tmp_path):
    db = tmp_path / "s.duckdb"
    out = detente("code", SEED_ARTICLE, "--format", "jsonl", "--store", db, "--published", "2025-10-27")
    assert out.returncode == 0, out.stderr
    rec = json.loads(out.stdout)
    assert rec["title"] == "US Seeks to Deepen Strategic Ties with Pakistan, Says Rubio"
    assert rec["published"] == "2025-10-27" and rec["dateline"] == "WASHINGTON"
    assert rec["events"] and rec["actors"] and rec["quotes"]
    again = detente("code", SEED_ARTICLE, "--format", "table", "--store", db)
    assert again.returncode == 0 and "1 already stored" in again.stderr
    stats = detente("stats", "--store", db)
    assert stats.returncode == 0, stats.stderr


def test_stdin_and_no_store(tmp_path):
    out = detente("code", "-", "--no-store", "--format", "json", cwd=tmp_path,
                  input="Russian forces attacked the Ukrainian city of Kharkiv on Monday, officials said.\n")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["events"]
    assert not list(tmp_path.glob("*.duckdb"))


def test_user_petrarch_dictionary_reaches_the_coder(tmp_path):
    text = "Zoran Velkovic said on Tuesday that talks would continue.\n"
    plain = json.loads(detente("code", "-", "--no-store", "--published", "2018-05-02", input=text).stdout)
    assert not any(a.get("code") == "FRDGOV" for a in plain["actors"])
    out = detente("code", "-", "--no-store", "--published", "2018-05-02", "--lexicon", PETRARCH, input=text)
    assert out.returncode == 0, out.stderr
    codes = {a.get("code") for a in json.loads(out.stdout)["actors"]}
    assert "FRDGOV" in codes


def test_bad_inputs_one_line_each_and_the_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The president of France met the prime minister of Italy in Rome on Monday.\n")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    out = detente("code", tmp_path / "missing.txt", empty, binary, good, "--no-store", "--format", "jsonl")
    assert out.returncode == 1  # the batch went on, but inputs failed: a script must be able to tell
    assert len(out.stdout.strip().splitlines()) == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith("detente: ") for line in lines[:3])
    assert lines[3].startswith("1 coded") and "3 errors" in lines[3]
    assert "Traceback" not in out.stderr
    assert detente("code", good, "--no-store", "--format", "jsonl").returncode == 0
    nothing = detente("code", tmp_path / "missing.txt", "--no-store")
    assert nothing.returncode != 0 and "Traceback" not in nothing.stderr
    bad_date = detente("code", good, "--no-store", "--published", "yesterday")
    assert bad_date.returncode == 2 and "--published" in bad_date.stderr
    bad_lex = detente("code", good, "--no-store", "--lexicon", tmp_path / "nope.yaml")
    assert bad_lex.returncode == 2 and "lexicon" in bad_lex.stderr


def test_query_commands_on_a_missing_store(tmp_path):
    out = detente("events", "--store", tmp_path / "none.duckdb")
    assert out.returncode == 2 and "no such store" in out.stderr
