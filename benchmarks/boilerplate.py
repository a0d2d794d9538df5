"""Main-text extraction quality on the Zyte article-extraction benchmark (../shared/eval/boilerplate_zyte).

Scores the body `ingest` keeps for each page against the hand-made `articleBody`, the way the
scrapinghub/article-extraction-benchmark does: per page, bags of tokens (\\w+) give tp/fp/fn,
normalised by their sum so that long pages do not weigh more, then summed over pages. Unigram
bags are the headline figure; the upstream 4-gram shingles are printed next to them.

    .venv/bin/python benchmarks/boilerplate.py            # detente's settings
    .venv/bin/python benchmarks/boilerplate.py --compare  # and trafilatura's other settings, for the choice
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval" / "boilerplate_zyte"
sys.path.insert(0, str(ROOT / "src"))

from detente.ingest import article_from_html, detect, html  # noqa: E402

_TOKEN = re.compile(r"\w+", re.UNICODE)


def grams(text: str, n: int) -> Counter:
    toks = _TOKEN.findall(text or "")
    if n == 1:
        return Counter(toks)
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)))


def match(true: str, pred: str, n: int) -> tuple[float, float, float]:
    t, p = grams(true, n), grams(pred, n)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def score(pairs, n: int) -> tuple[float, float, float]:
    tp = fp = fn = 0.0
    for true, pred in pairs:
        a, b, c = match(true, pred, n)
        tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pages():
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    for key, gt in sorted(truth.items()):
        raw = gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes())
        text, _ = detect.decode(raw)
        yield key, gt["articleBody"], text, gt.get("url")


def run(label: str, extract) -> None:
    t0 = time.perf_counter()
    pairs, empty = [], 0
    for _key, truth, markup, url in pages():
        pred = extract(markup, url)
        empty += not pred
        pairs.append((truth, pred or ""))
    secs = time.perf_counter() - t0
    p1, r1, f1 = score(pairs, 1)
    p4, r4, f4 = score(pairs, 4)
    print(f"{label:<34} tokens P {p1:.3f} R {r1:.3f} F1 {f1:.3f} | 4-shingles P {p4:.3f} R {r4:.3f} F1 {f4:.3f}"
          f" | empty {empty}/{len(pairs)} | {secs:.1f} s")


def detente_body(markup: str, url: str) -> str:
    art = article_from_html(markup, source="bench", url=url)
    return art.text if art else ""


def detente_with(**opts):
    """The whole ingest path (trafilatura + page cleaning) with other trafilatura options."""
    def f(markup, url):
        saved = dict(html.EXTRACT_OPTIONS)
        html.EXTRACT_OPTIONS.update(opts)
        try:
            return detente_body(markup, url)
        finally:
            html.EXTRACT_OPTIONS.clear()
            html.EXTRACT_OPTIONS.update(saved)
    return f


def trafilatura_raw(markup, url):
    """Baseline: trafilatura.extract with its defaults, no detente cleaning."""
    import trafilatura

    return trafilatura.extract(markup, url=url) or ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--compare", action="store_true", help="also score trafilatura's other settings")
    args = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"missing {DATA}")
    print(f"pages: {len(json.loads((DATA / 'ground-truth.json').read_text()))}; settings: {html.EXTRACT_OPTIONS}")
    run("detente ingest (chosen settings)", detente_body)
    if args.compare:
        run("baseline: trafilatura.extract()", trafilatura_raw)
        run("detente, trafilatura default", detente_with(favor_precision=False))
        run("detente, favor_recall", detente_with(favor_precision=False, favor_recall=True))
        run("detente, favor_precision + fast", detente_with(fast=True))
        run("detente, favor_precision, no tables", detente_with(include_tables=False))

if __name__ == "__main__":
    main()
