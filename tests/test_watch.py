"""`detente watch` against feeds served from 127.0.0.1 that change between polls, and its alert rules.

Three polls: new items (one feed carries full text, one only summaries with links to pages), nothing
new (both feeds answer 304), and a broken feed next to a feed with one new item.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from detente.analysis import alert_log
from detente.analysis.alerts import Alerting, AlertRulesError, load_rules
from detente.store import Store
from detente.watch import Watcher, parse_every
from detente.watch.feedlist import FeedListError, expand
from detente.watch.sinks import Sinks

ROOT = Path(__file__).parents[1]

ATTACK = ("ISLAMABAD, March 3 (Reuters) - Pakistani troops attacked Indian army posts along the Line of Control "
          "on Monday, killing two soldiers, the Indian army said. Officials in both capitals met later.")
PRAISE = ("WASHINGTON, March 2 - The United States praised Pakistan on Sunday for its help with counter-terrorism, "
          "Secretary of State Marco Rubio said.")
THREAT_PAGE = ("<html><head><title>India warns Pakistan</title></head><body><article><h1>India warns Pakistan</h1>"
               "<p>NEW DELHI, March 4 - India threatened Pakistan with retaliation on Tuesday after the attack on "
               "its posts, the foreign ministry said in a statement issued in the capital.</p>"
               "<p>The ministry said the army was on alert along the border and that talks were suspended.</p>"
               "</article></body></html>")
TRADE = "KABUL, March 5 - Afghanistan and Iran signed a trade agreement on Wednesday, officials said."
RULES = """alerts:
  - name: south-asia-violence
    when: events
    countries: [USA, PAK, IND]
    plover: [ASSAULT, COERCE, THREATEN]
"""


def rss(items: list[tuple[str, str, str, str]], full: bool) -> bytes:
    """An RSS 2.0 feed: (guid, title, text, link) per item; `full` puts the text in content:encoded."""
    body = "".join(
        f"<item><guid>{g}</guid><title>{t}</title><link>{link}</link><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>"
        + (f"<content:encoded><![CDATA[<p>{x}</p>]]></content:encoded>" if full else f"<description>{x}</description>")
        + "</item>" for g, t, x, link in items)
    return (f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>t</title><link>http://example.org/</link>{body}</channel></rss>").encode()


class FeedServer:
    """Serves `routes` (path -> (body, etag)) with ETag / If-None-Match, logging (path, status, bytes)."""

    def __init__(self):
        self.routes: dict[str, tuple[bytes, str]] = {}
        self.log: list[tuple[str, int, int]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body, etag = outer.routes.get(self.path, (None, None))
                if body is None:
                    status, body = 404, b""
                elif self.headers.get("If-None-Match") == etag:
                    status, body = 304, b""
                else:
                    status = 200
                # logged before the answer goes out: the client may read the log as soon as it has it
                outer.log.append((self.path, status, len(body)))
                self.send_response(status)
                if etag:
                    self.send_header("ETag", etag)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_port}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take_log(self) -> list[tuple[str, int, int]]:
        out, self.log = self.log, []
        return out


@pytest.fixture
def served():
    srv = FeedServer()
    yield srv
    srv.httpd.shutdown()


def test_three_polls_store_new_items_once_and_alert_once(served, tmp_path, monkeypatch):
    import detente.pipeline as pipeline

    coded: list[str] = []
    real = pipeline.code_articles

    def counting(articles, *a, **k):
        for art in real(articles, *a, **k):
            coded.append(art.id)
            yield art

    monkeypatch.setattr(pipeline, "code_articles", counting)
    b = served.base
    served.routes["/south-asia.xml"] = (rss([("sa-1", "Troops attack posts", ATTACK, f"{b}/a/1"),
                                             ("sa-2", "US praises Pakistan", PRAISE, f"{b}/a/2")], full=True), '"sa-v1"')
    served.routes["/wire.xml"] = (rss([("wire-1", "India warns Pakistan", "India warns Pakistan.",
                                        f"{b}/pages/wire-1.html")], full=False), '"w-v1"')
    served.routes["/pages/wire-1.html"] = (THREAT_PAGE.encode(), '"p1"')
    path = str(tmp_path / "w.duckdb")
    rules = tmp_path / "alerts.yaml"
    rules.write_text(RULES)
    log, hook = tmp_path / "alerts.jsonl", tmp_path / "hook.jsonl"
    lines: list[str] = []
    printed = open(tmp_path / "stdout.txt", "w")
    w = Watcher([f"{b}/south-asia.xml", f"{b}/wire.xml"], path, every=60, report=lines.append,
                alerting=Alerting(load_rules(str(rules))),
                sinks=Sinks(str(log), f"cat >> {hook}", out=printed, report=lines.append))

    # poll 1: three new items, the summary-only one coded from its page
    r1 = w.poll_once(force=True)
    assert (r1.new, r1.coded, r1.stored, r1.failed) == (3, 3, 3, 0)
    assert r1.events > 0 and len(r1.alerts) == 1
    assert {p for p, s, _ in served.take_log() if s == 200} == {"/south-asia.xml", "/wire.xml", "/pages/wire-1.html"}
    with Store(path, read_only=True) as s:
        threat = s.get("wire-1")
        assert "retaliation" in threat.text and threat.title == "India warns Pakistan"

    # poll 2: both feeds unchanged -> 304, no body, nothing coded or stored
    r2 = w.poll_once(force=True)
    log2 = served.take_log()
    assert sorted(log2) == [("/south-asia.xml", 304, 0), ("/wire.xml", 304, 0)]
    assert (r2.unchanged, r2.downloaded, r2.new, r2.coded, r2.stored, len(r2.alerts)) == (2, 0, 0, 0, 0, 0)

    # poll 3: one feed broken, the other has its old item and one new one (linked to a host it may not fetch)
    served.routes["/south-asia.xml"] = (b'<?xml version="1.0"?><rss version="2.0"><chann', '"sa-v2"')
    served.routes["/wire.xml"] = (rss([("wire-1", "India warns Pakistan", "India warns Pakistan.",
                                        f"{b}/pages/wire-1.html"),
                                       ("wire-2", "Trade deal", TRADE,
                                        b.replace("127.0.0.1", "localhost") + "/pages/wire-2.html")], full=False),
                                  '"w-v2"')
    before = time.monotonic()
    r3 = w.poll_once(force=True)
    assert (r3.failed, r3.new, r3.coded, r3.stored, len(r3.alerts)) == (1, 1, 1, 1, 0)
    assert any(ln.startswith(f"{b}/south-asia.xml: broken feed") for ln in lines)
    sa = next(st for st in w.states if st.url.endswith("south-asia.xml"))
    assert sa.failures == 1 and sa.next_due >= before + 2 * 60  # backoff: twice the interval
    assert not any(p.startswith("/pages/wire-2") for p, _, _ in served.take_log())  # refused: not the feed's host
    with Store(path, read_only=True) as s:
        assert s.stats()["articles"] == 3 + 1
        trade = s.get("wire-2")
        assert any("linked page could not be read (refused" in x for x in trade.warnings)
        alerts = alert_log.recent(s.sql)
    assert sorted(coded) == ["sa-1", "sa-2", "wire-1", "wire-2"]  # nothing coded twice

    # the alert fired once, to the store, the log and the hook, with its events and their evidence
    assert len(alerts) == 1 and alerts[0]["rule"] == "south-asia-violence"
    assert [json.loads(x)["id"] for x in log.read_text().splitlines()] == [alerts[0]["id"]]
    assert [json.loads(x)["id"] for x in hook.read_text().splitlines()] == [alerts[0]["id"]]
    printed.close()
    assert (tmp_path / "stdout.txt").read_text().count("ALERT ") == 1
    evs = alerts[0]["events"]
    assert evs and all(e["plover"] in {"ASSAULT", "COERCE", "THREATEN"} for e in evs)
    attack = next(e for e in evs if e["plover"] == "ASSAULT")
    assert {attack["source_country"], attack["target_country"]} <= {"PAK", "IND"}
    with Store(path, read_only=True) as s:
        text = s.get(attack["article_id"]).text
    assert "attacked" in attack["evidence"]
    assert text[attack["sentence_start"]:attack["sentence_end"]] == attack["evidence"]
    assert len(lines) == 3 + sum(1 for ln in lines if not ln.startswith("poll "))  # one progress line a poll


def _hand_store(path: str, specs: list[tuple]) -> Store:
    from support.api_articles import api_article

    s = Store(path)
    for aid, text, published, events in specs:
        s.add(api_article(aid, text, published, events))
    return s


def test_goldstein_drop_fires_when_the_dyad_crosses_and_not_again(tmp_path):
    rules = tmp_path / "r.yaml"
    rules.write_text("alerts:\n  - {name: us-pak, when: goldstein_drop, dyad: [USA, PAK], days: 7,"
                     " baseline_days: 60, threshold: 3, min_events: 2}\n")
    coop = [(f"c{i}", "The United States praised Pakistan.", f"2025-03-{i + 1:02d}",
             [("USA", "051", "Praise", 3.4, 1, "PAK", "praised", f"2025-03-{i + 1:02d}", False)]) for i in range(4)]
    s = _hand_store(str(tmp_path / "g.duckdb"), coop)
    alerting = Alerting(load_rules(str(rules)), s)
    assert alerting.below == {"us-pak": False}
    hit = lambda aid, day: [(aid, "Pakistan shelled the United States.", day,  # noqa: E731
                             [("PAK", "190", "Force", -10.0, 4, "USA", "shelled", day, False)])]
    fired = []
    for aid, day in [("x1", "2025-04-20"), ("x2", "2025-04-21"), ("x3", "2025-04-22")]:
        art = _hand_store_add(s, hit(aid, day))
        fired.append(alerting.evaluate(s, [art]))
    # one conflict event is too few for the window; the second crosses; the third is still below: quiet
    assert [len(f) for f in fired] == [0, 1, 0]
    alert = fired[1][0]
    assert alert["details"]["recent_mean"] == -10.0 and alert["details"]["baseline_mean"] == 3.4
    assert {e["article_id"] for e in alert["events"]} == {"x1", "x2"}
    assert all(e["evidence"] == "Pakistan shelled the United States." for e in alert["events"])
    s.close()


def _hand_store_add(s: Store, specs) -> str:
    from support.api_articles import api_article

    aid, text, published, events = specs[0]
    s.add(api_article(aid, text, published, events))
    return aid


def test_actor_rule_names_the_actor_and_its_events(tmp_path):
    rules = tmp_path / "r.yaml"
    rules.write_text("alerts:\n  - {name: india-watch, when: actor, actors: [india]}\n")
    s = _hand_store(str(tmp_path / "a.duckdb"), [
        ("p1", "The United States praised Pakistan.", "2025-03-01",
         [("USA", "051", "Praise", 3.4, 1, "PAK", "praised", "2025-03-01", False)]),
        ("p2", "Pakistan shelled India.", "2025-03-02",
         [("PAK", "190", "Force", -10.0, 4, "IND", "shelled", "2025-03-02", False)])])
    alerting = Alerting(load_rules(str(rules)))
    assert alerting.evaluate(s, ["p1"]) == []
    [alert] = alerting.evaluate(s, ["p1", "p2"])
    assert alert["details"]["actors"] == ["India"] and [e["article_id"] for e in alert["events"]] == ["p2"]
    assert alert["details"]["mentions"][0]["sentence"] == "Pakistan shelled India."
    # recorded once, however often it is raised again
    assert len(alert_log.record(s, [alert])) == 1 and alert_log.record(s, [alert]) == []
    assert [a["id"] for a in alert_log.recent(s.sql)] == [alert["id"]]
    s.close()


@pytest.mark.parametrize("text, problem", [
    ("alerts: []", "expected a list of rules"),
    ("alerts:\n  - {name: x, when: sometimes}", "'when' must be one of"),
    ("alerts:\n  - {name: x, when: events, countries: [USA]}", "two or more countries"),
    ("alerts:\n  - {name: x, when: goldstein_drop, dyad: [USA]}", "dyad of two actors"),
    ("alerts:\n  - {name: x, when: actor, actors: [a], colour: red}", "unknown key(s) colour"),
    ("alerts:\n  - {name: x, when: actor, actors: [a]}\n  - {name: x, when: actor, actors: [b]}", "two rules"),
    ("alerts: [", "not valid YAML"),
    ("alerts:\n  - {name: x, when: events, countries: {a: 1}}", "countries is a list"),
])
def test_bad_rules_are_one_line(tmp_path, text, problem):
    p = tmp_path / "r.yaml"
    p.write_text(text)
    with pytest.raises(AlertRulesError) as e:
        load_rules(str(p))
    assert problem in str(e.value) and "\n" not in str(e.value)


def test_feed_lists_and_intervals(tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="South Asia">'
                    '<outline xmlUrl="https://a.example/rss"/><outline xmlUrl="https://b.example/atom"/></outline>'
                    '<outline xmlUrl="https://a.example/rss"/><outline xmlUrl="file:///etc/passwd"/></body></opml>')
    feed = tmp_path / "local.xml"
    feed.write_bytes(rss([("x", "t", "text", "https://x.example/")], full=True))
    assert expand([str(opml), "https://c.example/feed", str(feed), "https://b.example/atom"]) == [
        "https://a.example/rss", "https://b.example/atom", "https://c.example/feed", str(feed)]
    with pytest.raises(FeedListError, match="neither a URL"):
        expand(["nowhere.xml"])
    empty = tmp_path / "empty.opml"
    empty.write_text("<opml><body></body></opml>")
    with pytest.raises(FeedListError, match="no feeds"):
        expand([str(empty)])
    assert [parse_every(x) for x in ("15m", "30s", "2h", "90")] == [900, 30, 7200, 90]
    for bad in ("soon", "0s", "-5m"):
        with pytest.raises(ValueError):
            parse_every(bad)


def _cli(*args, **kw) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "detente", "watch", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, **kw)


def test_cli_refuses_bad_arguments_in_one_line(tmp_path):
    for args, msg in [(["nowhere.xml"], "neither a URL"), (["https://a.example/f", "--every", "soon"], "not an interval"),
                      (["https://a.example/f", "--alerts", str(tmp_path / "none.yaml")], "no such file")]:
        p = _cli(*args, "--store", str(tmp_path / "s.duckdb"))
        out, err = p.communicate(timeout=120)
        assert p.returncode == 2 and msg in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.slow
def test_cli_polls_a_local_feed_and_stops_cleanly_on_sigterm(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([("sa-1", "Troops attack posts", ATTACK, "https://x.example/1")], full=True))
    store = tmp_path / "s.duckdb"
    p = _cli(str(feed), "--every", "1s", "--store", str(store))
    polls = []
    deadline = time.monotonic() + 300
    while len(polls) < 2 and time.monotonic() < deadline:  # the first poll stores, the second finds nothing
        line = p.stderr.readline()
        assert line, "watch ended early"
        if line.startswith("detente: watch: poll "):
            polls.append(line)
    p.send_signal(signal.SIGTERM)
    out, err = p.communicate(timeout=60)
    assert p.returncode == 0 and "SIGTERM: stopping" in err and "Traceback" not in err
    assert "1 new items, 1 stored" in polls[0] and "0 new items" in polls[1] and "(1 unchanged" in polls[1]
    with Store(str(store), read_only=True) as s:
        assert s.stats()["articles"] == 1 and not s.integrity_errors()


def test_the_documented_examples_load():
    ex = ROOT / "docs" / "examples" / "watch"
    rules = load_rules(str(ex / "alerts.yaml"))
    assert [r.kind for r in rules] == ["events", "goldstein_drop", "actor"]
    assert rules[1].dyad == ("USA", "PAK") and rules[2].actors == ["Marco Rubio"]
    feeds = expand([str(ex / "feeds.opml"), str(ex / "south-asia.xml")])
    assert len(feeds) == 4 and all(f.startswith("https://") for f in feeds[:3])


def test_a_busy_store_keeps_the_new_items_for_the_next_poll(tmp_path):
    from detente.store import StoreError

    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([("sa-1", "Troops attack posts", ATTACK, "https://x.example/1")], full=True))
    path = str(tmp_path / "busy.duckdb")
    busy = [True]

    def open_store(p):
        if busy.pop(0) if busy else False:
            raise StoreError(f"{p}: the store is in use by process 1; try again when it is done")
        return Store(p)

    lines: list[str] = []
    w = Watcher([str(feed)], path, every=60, report=lines.append, open_store=open_store)
    r1 = w.poll_once(force=True)
    assert (r1.items, r1.stored, r1.errors) == (1, 0, 1) and "wait for the next poll" in lines[0]
    r2 = w.poll_once(force=True)  # the file has not changed, yet its item is read again and stored
    assert (r2.unchanged, r2.new, r2.stored) == (0, 1, 1)
    assert w.poll_once(force=True).unchanged == 1


def test_rule_lists_may_be_written_as_one_string(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text("alerts:\n  - {name: a, when: events, countries: 'usa, pak ind', plover: ASSAULT}\n"
                 "  - {name: b, when: actor, actors: Marco Rubio}\n")
    a, b = load_rules(str(p))
    assert a.countries == ["USA", "PAK", "IND"] and a.plover == ["ASSAULT"] and b.actors == ["Marco Rubio"]
