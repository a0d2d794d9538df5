"""The watch loop: poll the feeds that are due, code what the store lacks, store it, raise alerts.

The store is opened per poll, briefly, and closed between polls, so that `detente serve` and other
readers get it while the watch waits: once to ask which items are new (before any coding), once to
write the batch and evaluate the alert rules over it. Nothing of a batch is stored half: the articles
go in one transaction (a refused article costs only itself) and the alerts in another.
"""
from __future__ import annotations

import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..analysis import alert_log
from ..analysis.alerts import Alerting
from ..model import Article
from ..store import StoreError
from . import poller
from .sinks import Sinks


@dataclass
class PollReport:
    """One poll, as the progress line reports it."""
    number: int
    feeds: int = 0
    unchanged: int = 0
    failed: int = 0
    items: int = 0
    new: int = 0
    coded: int = 0
    stored: int = 0
    events: int = 0
    skipped: int = 0
    errors: int = 0
    downloaded: int = 0
    alerts: list[dict] = field(default_factory=list)

    def line(self) -> str:
        return (f"poll {self.number} {time.strftime('%H:%M:%S')}: {self.feeds} feeds ({self.unchanged} unchanged, "
                f"{self.failed} failed), {self.new} new items, {self.stored} stored, {self.events} events, "
                f"{len(self.alerts)} alerts, {self.errors} errors")


class Watcher:
    def __init__(self, feeds: list[str], store_path: str, every: float = 900, alerting: Optional[Alerting] = None,
                 sinks: Optional[Sinks] = None, limits: Optional[poller.Limits] = None,
                 report: Callable[[str], None] = print, open_store: Optional[Callable] = None):
        self.states = [poller.FeedState(f) for f in feeds]
        self.store_path, self.every = store_path, every
        self.alerting, self.sinks = alerting, sinks
        self.limits = limits or poller.Limits()
        self.report = report  # one line for the user (stderr in the CLI)
        self.stop = threading.Event()
        self.polls = 0
        if open_store is None:
            from ..store import Store

            open_store = Store
        self._open = open_store

    # --- one poll -------------------------------------------------------------------------------

    def poll_once(self, force: bool = False) -> PollReport:
        """Poll the feeds that are due (all of them with `force`) and store what is new."""
        self.polls += 1
        rep = PollReport(self.polls)
        now = time.monotonic()
        items: dict[str, Article] = {}
        summaries: dict[str, str] = {}  # id -> the feed whose summary it is
        gave: list[poller.FeedState] = []  # feeds whose items this poll must store
        for st in self.states:
            if self.stop.is_set():
                break
            if not force and st.next_due > now:
                continue
            rep.feeds += 1
            got = poller.poll(st, self.every, self.limits, now)
            rep.downloaded += got.downloaded
            if got.status == "error":
                rep.failed += 1
                rep.errors += 1
                wait = st.next_due - now
                self.report(f"{st.url}: {got.error} (try {st.failures} failed; next in {_span(wait)})")
                continue
            rep.unchanged += got.status == "unchanged"
            for p in got.problems:
                rep.errors += 1
                self.report(p)
            if got.items:
                gave.append(st)
            for art in got.items:
                if art.id not in items:
                    items[art.id] = art
                    if art.id in got.summaries:
                        summaries[art.id] = st.url
        rep.items = len(items)
        if items and not self.stop.is_set():
            try:
                self._code_and_store(list(items.values()), summaries, rep)
            except StoreError as e:
                # e.g. another process holds the store: these feeds are read whole again next poll
                # (no 304), so their items are not lost
                rep.errors += 1
                self.report(f"{e}; the new items wait for the next poll")
                for st in gave:
                    poller.forget_version(st)
        self.report(rep.line())
        return rep

    def _code_and_store(self, items: list[Article], summaries: dict[str, str], rep: PollReport) -> None:
        from ..ingest import check_language
        from ..model import IngestError
        from ..pipeline import code_articles

        with self._open(self.store_path) as store:
            known = store.known([a.id for a in items])
        fresh = [a for a in items if a.id not in known]
        rep.new = len(fresh)
        todo = []
        for art in fresh:
            if art.id in summaries:
                art = poller.full_text(art, summaries[art.id], self.limits)
            checked = check_language(art)
            if isinstance(checked, IngestError):
                rep.skipped += 1
                continue
            todo.append(checked)
        if not todo or self.stop.is_set():
            return  # stopping: what is not coded yet is not stored either, and the next run finds it new
        coded = list(code_articles(todo))
        rep.coded = len(coded)

        def refused(art, e) -> None:
            rep.errors += 1
            self.report(f"{art.source}: {e}")

        with self._open(self.store_path) as store:
            done = store.add_many(coded, on_error=refused)
            stored = [a for a, ok in zip(coded, done) if ok]
            rep.stored = len(stored)
            rep.events = sum(len(a.events) for a in stored)
            if self.alerting and stored:
                rep.alerts = alert_log.record(store, self.alerting.evaluate(store, [a.id for a in stored]))
        for alert in rep.alerts:
            if self.sinks:
                self.sinks.emit(alert)

    # --- the loop -------------------------------------------------------------------------------

    def run(self, max_polls: Optional[int] = None) -> int:
        """Poll until stopped (SIGINT / SIGTERM, or `max_polls`); returns the number of polls."""
        restore = self._handle_signals()
        try:
            while not self.stop.is_set():
                self.poll_once()
                if max_polls is not None and self.polls >= max_polls:
                    break
                due = min(st.next_due for st in self.states)
                self.stop.wait(max(0.0, due - time.monotonic()))
        finally:
            restore()
        return self.polls

    def _handle_signals(self) -> Callable[[], None]:
        if threading.current_thread() is not threading.main_thread():
            return lambda: None

        def stop(signum, frame):
            if self.stop.is_set():  # a second signal: the user will not wait for the batch to finish
                raise KeyboardInterrupt
            self.report(f"{signal.Signals(signum).name}: stopping after this batch (again to stop now)")
            self.stop.set()

        old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
        return lambda: [signal.signal(s, h) for s, h in old.items()] and None


def _span(seconds: float) -> str:
    seconds = max(0, round(seconds))
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m" if seconds >= 3600 else \
        f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def parse_every(text: str) -> float:
    """'15m', '30s', '2h', '1d' or plain seconds -> seconds; ValueError with the reason otherwise."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", str(text).lower())
    if not m:
        raise ValueError(f"{text!r} is not an interval (e.g. 30s, 15m, 2h)")
    seconds = float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]
    if seconds < 1:
        raise ValueError(f"{text!r}: the interval is at least one second")
    return seconds
