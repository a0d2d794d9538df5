"""Memory of `detente watch` over 50 polls of the test fixture feeds, served from 127.0.0.1.

Each poll one feed gains a new item (and drops its oldest, as news feeds do), one feed is unchanged
(304) and one is broken; the new item is coded, stored and run through the alert rules, and every
few polls an alert fires. The baseline is the process's RSS after poll 1 (model and lexicons loaded,
first batch stored); the figure is the RSS after poll 50 and its ratio to the baseline (flat: ~1.0).

    PYTHONPATH=src .venv/bin/python benchmarks/watch_memory.py [--polls 50]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from detente.analysis.alerts import Alerting, load_rules  # noqa: E402
from detente.runner import warm_up  # noqa: E402
from detente.store import Store  # noqa: E402
from detente.watch import Watcher  # noqa: E402
from detente.watch.sinks import Sinks  # noqa: E402
from test_watch import ATTACK, PRAISE, RULES, TRADE, FeedServer, rss  # noqa: E402  (the test's fixture feeds)

TEXTS = [ATTACK, PRAISE, TRADE]


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--polls", type=int, default=50)
    polls = ap.parse_args().polls
    srv = FeedServer()
    b = srv.base
    srv.routes["/steady.xml"] = (rss([("steady-1", "US praises Pakistan", PRAISE, f"{b}/s/1")], full=True), '"s1"')
    srv.routes["/broken.xml"] = (b'<?xml version="1.0"?><rss version="2.0"><chann', '"b1"')
    tmp = tempfile.mkdtemp(prefix="detente-watch-bench-")
    rules = Path(tmp) / "alerts.yaml"
    rules.write_text(RULES)
    path = os.path.join(tmp, "w.duckdb")
    lines: list[str] = []
    with open(os.devnull, "w") as sink:
        w = Watcher([f"{b}/rolling.xml", f"{b}/steady.xml", f"{b}/broken.xml"], path, every=60,
                    alerting=Alerting(load_rules(str(rules))), report=lines.append,
                    sinks=Sinks(os.path.join(tmp, "alerts.jsonl"), out=sink, report=lines.append))
        warm_up(freeze=True)  # as the CLI does before its first poll
        mem, stored, alerts = {}, 0, 0
        for n in range(1, polls + 1):
            items = [(f"roll-{i}", f"Story {i}", TEXTS[i % 3].replace("two soldiers", f"{i + 1} soldiers")
                      .replace("on Sunday", f"on Sunday ({i})").replace("officials said", f"officials said ({i})"),
                      f"{b}/r/{i}") for i in range(max(0, n - 5), n)]
            srv.routes["/rolling.xml"] = (rss(items, full=True), f'"r{n}"')
            rep = w.poll_once(force=True)
            stored += rep.stored
            alerts += len(rep.alerts)
            mem[n] = rss_mb()
    srv.httpd.shutdown()
    with Store(path, read_only=True) as s:
        articles = s.stats()["articles"]
    print(f"{polls} polls, {stored} items stored ({articles} in the store), {alerts} alerts")
    print(f"RSS after poll 1:  {mem[1]:.1f} MB (baseline)")
    mid = polls // 2
    print(f"RSS after poll {mid}: {mem[mid]:.1f} MB")
    print(f"RSS after poll {polls}: {mem[polls]:.1f} MB")
    print(f"ratio poll {polls} / poll 1: {mem[polls] / mem[1]:.3f}")


if __name__ == "__main__":
    main()
