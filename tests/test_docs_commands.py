"""Every `detente` command and every Python block in the README and docs/ runs as written.

The commands are read from the fenced code blocks and run in order, in one folder holding the files
they name (page.txt, corpus.jsonl, feeds/, pages/*.html, gold.jsonl, the dictionaries). The only
changes made to a command are for this machine, each listed in LOCAL: a local page stands in for the
example URL, a free port for 8000, at most two worker processes and a one-process Dask cluster.
A command that names a machine to be filled in (tcp://SCHEDULER:8786) cannot run anywhere as written
and is left out by name, and so are `detente watch`, which polls until it is stopped, and the commands
of docs/watch.md, which read the store its watch fills (tests/test_watch.py runs watch on local feeds).
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from support.paths import SEED_ARTICLE
from support.servers import free_port

ROOT = Path(__file__).parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "src/detente/lexicon/README.md"]
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PLACEHOLDERS = ("SCHEDULER",)  # a host the reader fills in
WATCH_DOC = "docs/watch.md"  # its commands read the store its `detente watch` example fills

pytestmark = pytest.mark.slow


def blocks(path: Path):
    """(language, first line number, lines) of each fenced block of a Markdown file."""
    lang, start, lines = None, 0, []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^\s*```(\w*)\s*$", line)
        if m and lang is None:
            lang, start, lines = m.group(1) or "text", n + 1, []
        elif m:
            yield lang, start, lines
            lang = None
        elif lang is not None:
            lines.append(line)


def commands() -> list[tuple[str, object]]:
    """("path:line", argv list) for shell commands; ("path:line", source) for Python blocks."""
    out = []
    for path in DOCS:
        rel = path.relative_to(ROOT)
        for lang, start, lines in blocks(path):
            if lang == "python":
                out.append((f"{rel}:{start}", "\n".join(lines)))
                continue
            if lang not in ("text", "bash", "sh", "shell", "console"):
                continue
            for i, line in enumerate(lines):
                if not line.strip().startswith("detente "):
                    continue
                words = shlex.split(line, comments=True)
                if ">" in words:  # output redirected to a file: the test reads stdout instead
                    words = words[:words.index(">")]
                while words:
                    cut = words.index("&&") if "&&" in words else len(words)
                    out.append((f"{rel}:{start + i}", words[:cut]))
                    words = words[cut + 1:]
    return out


def test_the_docs_have_commands():
    found = commands()
    argvs = [c for _, c in found if isinstance(c, list)]
    assert {a[1] for a in argvs} >= {"code", "ingest", "events", "dyad", "export", "serve", "codes", "actors"}
    assert sum(isinstance(c, str) for _, c in found) >= 2  # README's Python API and docs/store.md


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder with the files the docs name, and a local web server standing in for example.org."""
    ws = tmp_path_factory.mktemp("docs")
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    for name in ("page.txt", "ARTICLE.txt"):
        (ws / name).write_text(seed, encoding="utf-8")
    # the fixture's deliberately broken rows (for the ingest tests) would make a documented ingest exit 1
    good = []
    for line in (FIXTURES / "corpus.jsonl").read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except ValueError:
            continue
        if row.get("text"):
            good.append(line)
    (ws / "corpus.jsonl").write_text("\n".join(good) + "\n", encoding="utf-8")
    (ws / "feeds").mkdir()
    shutil.copy(FIXTURES / "feed.rss", ws / "feeds" / "feed.rss")
    (ws / "pages").mkdir()
    shutil.copy(FIXTURES / "article.html", ws / "pages" / "story.html")
    text = "Pakistan's army attacked Indian posts in Kashmir on Monday, India said."
    (ws / "gold.jsonl").write_text(json.dumps({"id": "g1", "text": text, "date": "2025-05-05", "events": [
        {"event": "ASSAULT", "cameo": "190", "source_actors": [{"text": "Pakistan's army", "code": "PAKMIL",
                                                               "country": "PAK", "sector": "MIL"}],
         "target_actors": [{"text": "Indian posts", "code": "IND", "country": "IND", "sector": None}]}]}) + "\n")
    (ws / "my_actors.yaml").write_text("organisations:\n  - name: Freedonia Liberation Front\n    code: FRDREB\n")
    (ws / "petrarch_actors.txt").write_text("ZORAN_VELKOVIC_\n    [FRDGOV 150101-191231]\nFREEDONIA_ [FRD]\n")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(ws / "pages"))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield ws, f"http://127.0.0.1:{httpd.server_address[1]}/story.html"
    httpd.shutdown()


def local(argv: list[str], url: str) -> list[str]:
    """LOCAL: the changes a command needs on this machine (see the module docstring)."""
    out = []
    for w in argv:
        if w.startswith("https://example.org/"):
            w = url
        elif re.fullmatch(r"local:\d+", w):
            w = "local:1"
        out.append(w)
    for i, w in enumerate(out[:-1]):
        if w == "--workers":
            out[i + 1] = str(min(int(out[i + 1]), 2))
    return out


def _run(argv: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_STORE"}
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run([sys.executable, "-m", "detente", *argv[1:]], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _serve(argv: list[str], cwd: Path) -> None:
    port = free_port()
    argv = [str(port) if prev == "--port" else w for prev, w in zip([""] + argv, argv)]
    if "--port" not in argv:
        argv += ["--port", str(port)]
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_STORE"}
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen([sys.executable, "-m", "detente", *argv[1:]], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"serve exited: {proc.communicate()[1][-2000:]}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5) as r:
                    assert r.status == 200 and "events" in json.loads(r.read())
                    return
            except OSError:
                assert time.monotonic() < deadline, "serve did not answer"
                time.sleep(0.5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_every_documented_command_runs(workspace, monkeypatch):
    ws, url = workspace
    monkeypatch.chdir(ws)
    monkeypatch.delenv("DETENTE_STORE", raising=False)
    failures, ran = [], 0
    for where, cmd in commands():
        if isinstance(cmd, str):
            try:
                exec(compile(cmd, where, "exec"), {"__name__": "__docs__"})  # noqa: S102 - our own docs
            except Exception as e:  # noqa: BLE001 - every failing block is reported together
                failures.append(f"{where}: {type(e).__name__}: {e}")
            ran += 1
            continue
        if any(p in w for w in cmd for p in PLACEHOLDERS) or cmd[1:2] == ["watch"] or where.startswith(WATCH_DOC):
            continue
        if "--dask" in cmd:
            pytest.importorskip("distributed")
        argv = local(cmd, url)
        try:
            if argv[1] == "serve":
                _serve(argv, ws)
            else:
                proc = _run(argv, ws)
                if proc.returncode != 0 or "Traceback" in proc.stderr:
                    failures.append(f"{where}: {shlex.join(cmd)} -> rc {proc.returncode}: {proc.stderr.strip()[-500:]}")
        except AssertionError as e:
            failures.append(f"{where}: {shlex.join(cmd)}: {e}")
        ran += 1
    assert ran >= 20
    assert not failures, "\n".join(failures)
