"""Feed ingest on the feed-rs fixtures (../shared/eval/feeds): no crash, entry counts as expected.

Every file is read through `detente.ingest.read`; an entry counts whether it became an article or a
per-entry IngestError (e.g. skipped as not English), since both mean the entry was found. Files with a
`*.serde.json` (feed-rs's expected parse) must give as many entries as it lists.

    .venv/bin/python benchmarks/feeds.py
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "feeds"
sys.path.insert(0, str(ROOT / "src"))

from detente.model import Article, IngestError  # noqa: E402
from detente.ingest import read  # noqa: E402


def main() -> None:
    if not DATA.exists():
        sys.exit(f"missing {DATA}")
    files = sorted(p for p in DATA.rglob("*") if p.is_file() and not p.name.endswith(".serde.json")
                   and p.name != "LICENSE")
    t0 = time.perf_counter()
    matched = total = crashes = 0
    misses, kinds, notes = [], Counter(), []
    for path in files:
        items = list(read([str(path)]))
        crashes += sum(1 for i in items if isinstance(i, IngestError) and i.reason.startswith("unexpected"))
        entries = [i for i in items if (isinstance(i, Article) and i.input_kind == "feed")
                   or (isinstance(i, IngestError) and "#" in i.source)]
        whole = [i for i in items if isinstance(i, IngestError) and "#" not in i.source]
        kinds.update(i.input_kind if isinstance(i, Article) else ("skipped" if i.skipped else "error") for i in items)
        expected_path = path.with_name(path.name.rsplit(".", 1)[0] + ".serde.json")
        if not expected_path.exists():
            notes.append(f"  {path.relative_to(DATA)}: no expected parse; got {len(entries)} entries"
                         + (f", error: {whole[0].reason}" if whole else ""))
            continue
        expected = len(json.loads(expected_path.read_text(encoding="utf-8")).get("entries") or [])
        total += 1
        if expected == len(entries):
            matched += 1
        else:
            misses.append(f"  {path.relative_to(DATA)}: expected {expected}, got {len(entries)}"
                          + (f" ({whole[0].reason})" if whole else ""))
    secs = time.perf_counter() - t0
    print(f"files read: {len(files)} in {secs:.1f} s; unexpected exceptions: {crashes}")
    print(f"entry counts matching the expected parse: {matched}/{total}")
    if misses:
        print("misses:\n" + "\n".join(misses))
    print("files without an expected parse:\n" + "\n".join(notes))
    print("items by kind:", dict(kinds))


if __name__ == "__main__":
    main()
