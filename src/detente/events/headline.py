"""The events a headline states when the body restates none of them (where the headline ends is
decided once, when the record is made: model.find_headline_end, read as Article.headline_end)."""
from __future__ import annotations

from typing import Optional

from ..model import Event, Span
from . import polarity, triggers
from .record import event, same
from .state import State


def read(s: State) -> list[Event]:
    """Title Case headlines parse badly ("Russia Attacks Ukraine" comes out as one proper name),
    so they are read flat: the actor before a lexicon verb is the source, the one after the target."""
    toks = [t for t in s.p.tokens if t.end <= s.headline_end and t.pos not in ("SPACE", "PUNCT")]
    intent_words, negators = s.lex.words["headline_intent"], s.lex.words["headline_negators"]
    out = []
    for k, t in enumerate(toks):
        trig = _flat_trigger(s, t, toks[k + 1:])
        if trig is None:
            continue
        word = lambda x: s.r.ref_at(x.start, x.end)  # noqa: E731 - word by word: the parse is unreliable here
        before = [r for r in (word(x) for x in reversed(toks[:k])) if r]
        after = [r for r in (word(x) for x in toks[k + 1:]) if r and not any(same(r, b) for b in before[:1])]
        src, tgt = (before[0] if before else None), (after[0] if after else None)
        if src is None and tgt is None:
            continue
        intended = any(x.lower in intent_words for x in toks[max(0, k - 2):k])
        pol = polarity.Polarity(negated=any(x.lower in negators for x in toks[max(0, k - 2):k]),
                                modality="intended" if intended else "asserted")
        e = event(s, trig, src, tgt, pol, None)
        line = s.a.text[:s.headline_end]
        start = len(line) - len(line.lstrip())
        e.sentence = Span(start, s.headline_end, s.a.text[start:s.headline_end])
        e.evidence = e.sentence.text.strip()
        out.append(e)
    return out


def _flat_trigger(s: State, t, rest) -> Optional[triggers.Trigger]:
    """A lexicon verb read without the parse: a pattern needing an object takes one of the next words."""
    forms = triggers.word_forms(t)
    rest_forms = set().union(*(triggers.word_forms(x) for x in rest[:4])) if rest else set()
    for pat in s.lex.patterns_for(forms):
        if pat.particle or pat.prep:
            continue
        if pat.objects and not (rest_forms & pat.objects):
            continue
        return triggers.Trigger(t.i, pat.code, "verb", [t.i], None, forms[0])
    code = next((s.lex.verbs[f] for f in forms if f in s.lex.verbs), None)
    return triggers.Trigger(t.i, code, "verb", [t.i], None, forms[0]) if code else None
