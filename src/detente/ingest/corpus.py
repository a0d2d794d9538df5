"""JSON Lines, JSON arrays and CSV/TSV corpora -> records, streamed so that a large corpus stays small in memory."""
from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import dataclass
from typing import IO, Iterator, Optional, Union


@dataclass
class Record:
    row: int  # 1-based line (JSONL), data row (CSV) or array position (JSON)
    fields: dict


@dataclass
class CorpusProblem:
    reason: str
    row: Optional[int] = None  # None: the whole corpus is unusable and reading stops
    fatal: bool = False


def jsonl_records(lines: IO[str], text_column: str) -> Iterator[Union[Record, CorpusProblem]]:
    seen_text = False
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            yield CorpusProblem(f"not valid JSON ({e.msg})", n)
            continue
        if not isinstance(obj, dict):
            yield CorpusProblem(f"a JSON {type(obj).__name__}, not an object", n)
            continue
        if text_column not in obj and not seen_text:
            # the first record tells whether the column exists at all: one clear error, not one per line
            yield CorpusProblem(f"no text column {text_column!r} (fields: {', '.join(map(str, obj)) or 'none'})",
                                fatal=True)
            return
        seen_text = True
        yield Record(n, obj)


def json_records(data: str, text_column: str) -> Iterator[Union[Record, CorpusProblem]]:
    """A whole-file JSON array of objects (or one object, or {"articles": [...]})."""
    try:
        obj = json.loads(data)
    except ValueError as e:
        yield CorpusProblem(f"not valid JSON ({e.msg} at line {e.lineno})", fatal=True)
        return
    if isinstance(obj, dict):
        lists = [v for v in obj.values() if isinstance(v, list) and v and isinstance(v[0], dict)]
        obj = [obj] if text_column in obj or not lists else lists[0]
    if not isinstance(obj, list):
        yield CorpusProblem(f"JSON {type(obj).__name__} is neither an object nor a list of objects", fatal=True)
        return
    yield from jsonl_records(io.StringIO("\n".join(json.dumps(o) for o in obj)), text_column)


def csv_records(lines: IO[str], text_column: str, head: str = "") -> Iterator[Union[Record, CorpusProblem]]:
    try:
        dialect = csv.Sniffer().sniff(head[:8192], delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if head.split("\n", 1)[0].count("\t") > head.split("\n", 1)[0].count(",") else ","
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts are far longer than csv's 128 KB default
    reader = csv.DictReader(lines, delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as e:
        yield CorpusProblem(f"unreadable CSV header ({e})", fatal=True)
        return
    if not header:
        yield CorpusProblem("empty CSV: no header row", fatal=True)
        return
    if text_column not in header:
        yield CorpusProblem(f"no text column {text_column!r} (columns: {', '.join(h for h in header if h)})",
                            fatal=True)
        return
    row = 0
    while True:
        row += 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield CorpusProblem(f"unreadable CSV row ({e})", row)
            continue
        yield Record(row, {k: v for k, v in fields.items() if k is not None})
