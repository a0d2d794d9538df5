"""`detente evaluate`: score the coder against gold standards in the common JSON Lines format.

The format is documented in docs/evaluation.md. Each task module scores coded articles against gold
records and returns a plain dict, so reports can be printed, saved as JSON and compared over time.
"""
from __future__ import annotations

import json
from typing import Callable, Iterator, Optional

from ..model import Article

TASKS = ("events", "quotes", "places", "entities")


class GoldError(ValueError):
    """A gold file that cannot be read as the common format."""


def read_gold(path: str, limit: Optional[int] = None) -> list[dict]:
    out = []
    try:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise GoldError(f"{path}:{n}: not JSON ({e.msg})") from None
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    raise GoldError(f"{path}:{n}: a record needs a string 'text'")
                out.append(rec)
                if limit and len(out) >= limit:
                    break
    except OSError as e:
        raise GoldError(f"{path}: {e.strerror}") from None
    return out


def detect_task(records: list[dict]) -> str:
    for task, key in (("events", "events"), ("quotes", "quotes"), ("places", "places"), ("entities", "entities")):
        if any(key in r for r in records[:50]):
            return task
    raise GoldError("cannot tell the task: no record has events, quotes, places or entities (use --task)")


def gold_articles(records: list[dict]) -> Iterator[Article]:
    """Each gold record as an Article with its text exactly as given, so gold offsets stay valid."""
    for r in records:
        yield Article(id=str(r.get("id")), text=r["text"], published=r.get("date"), source=r.get("source"))


def code_gold(records: list[dict]) -> Iterator[Article]:
    """Code each gold text exactly as given."""
    from ..pipeline import code_articles
    return code_articles(gold_articles(records))


def evaluate(path: str, task: Optional[str] = None, limit: Optional[int] = None,
             before_coding: Callable[[], None] = lambda: None) -> dict:
    """Score detente against the gold standard at `path`; `before_coding` runs once the gold has been
    read and checked (the CLI loads the model there, so a bad gold file fails at once)."""
    records = read_gold(path, limit)
    if not records:
        raise GoldError(f"{path}: no records")
    task = task or detect_task(records)
    if task not in TASKS:
        raise GoldError(f"unknown task {task!r} (one of {', '.join(TASKS)})")
    from importlib import import_module

    scorer = import_module(f".{task}", __name__)
    if task == "events":
        from . import exhaustive
        if exhaustive.is_exhaustive(records):  # every event of each article coded: precision counts
            scorer = exhaustive
    before_coding()
    coded = list(code_gold(records))
    report = scorer.score(records, coded)
    report.update(task=task, gold=path, records=len(records))
    return report
