"""The ingest progress line (rich.progress on stderr): articles done of the total when known, percentage,
rate and time left, updated per article; silent when stderr is not a terminal.

The total is known only after the input has been read once, which for a large corpus takes a while:
`count_in_background` reads it on a thread and sets `stats["total"]`, and the bar grows a percentage
and an ETA as soon as it is there. Until the first article is coded the line says the model is loading
(workers load it when they start; that is the quiet first half minute).
"""
from __future__ import annotations

import threading
from typing import Callable, Iterable, Optional


class IngestProgress:
    def __init__(self, enabled: bool, stats: dict, workers: int = 1, console=None):
        self.stats, self.bar, self.inflight = stats, None, 0
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskProgressColumn,
                                   TextColumn, TimeElapsedColumn, TimeRemainingColumn)

        console = console or Console(stderr=True)
        if not console.is_terminal:
            return
        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                            TextColumn("left"), TimeRemainingColumn(), TextColumn("{task.fields[line]}"),
                            console=console, transient=False, refresh_per_second=4)
        what = f"starting {workers} workers (loading the model)" if workers > 1 else "coding"
        self.task = self.bar.add_task(what, total=None, rate="", line="")
        self.bar.start()

    def done(self) -> int:
        s = self.stats
        return s.get("coded", 0) + s.get("errors", 0) + s.get("already", 0) + self.inflight

    def tick(self) -> None:
        """One more article coded (not yet stored): coding in this process reports each article."""
        self.inflight += 1
        self.update()

    def update(self) -> None:
        if self.bar is None:
            return
        task = self.bar.tasks[0]
        done = self.done()
        rate = done / task.elapsed if task.elapsed and done else 0.0
        s = self.stats
        self.bar.update(self.task, completed=done, total=s.get("total") or None,
                        description="ingest" if done else task.description,
                        rate=f"{rate:.1f}/s" if done else "",
                        line=(f"{s.get('stored', 0)} stored, {s.get('already', 0)} already stored, "
                              f"{s.get('errors', 0)} errors"))

    def settle(self) -> None:
        """A batch went through the store: the articles ticked while coding it are in the counts now."""
        self.inflight = 0
        self.update()

    def close(self) -> None:
        if self.bar is not None:
            self.update()
            self.bar.stop()


def count_in_background(read: Callable[[], Iterable], stats: dict) -> threading.Thread:
    """Count the articles a second read of the input yields (errors and skips left out) into
    stats["total"], on a daemon thread; the count is only set once complete."""
    def run() -> None:
        from .model import IngestError

        try:
            n = sum(1 for item in read() if not isinstance(item, IngestError))
        except Exception:  # noqa: BLE001 - no total is only a missing percentage
            return
        stats["total"] = n

    t = threading.Thread(target=run, name="detente-count", daemon=True)
    t.start()
    return t


def countable(paths: Optional[Iterable[str]]) -> bool:
    """Whether reading the input twice is cheap and harmless: local paths only (no URLs, no stdin)."""
    return bool(paths) and all(p != "-" and "://" not in p for p in paths)
