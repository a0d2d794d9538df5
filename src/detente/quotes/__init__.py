"""Quotes: direct quotations with their speakers.

`extract` finds quotations by their marks (marks.py), then gives each one a cue and a speaker:
0. a transcript label ("PENCE: ...") or a dash byline after the quote ("...” ― Pamela Ortiz");
1. a speech verb the quote hangs from in the parse, at most three heads up ("Rubio said", "described
   as “...”", 'has said that Washington sees “...”');
2. otherwise a short quote inside a running sentence with no such verb, or a title, is a scare
   quote, and takes the speaker of a cue elsewhere in its sentence, if any;
3. otherwise a cue in the clause just after the closing mark ("“...,” he said") or just before the
   opening one ("He said:"), or in the previous paragraph when that paragraph ends with a colon;
   a colon with no speech verb before it gives the subject of its clause ("Sanders made the
   following comment:");
4. otherwise it inherits, only where the text supports it: the second half of a quote split by an
   attribution ("“...,” he said. “...”"), or a paragraph that is nothing but a quote right after a
   paragraph quoting someone.
Speakers resolve to actors through `actors.ref_at` (which carries the actors stage's coreference);
a pronoun no actor covers falls back to the nearest person named before it.
`direct` is False for scare quotes and for *mixed* quotes, verbatim fragments inside the reporter's
own sentence ('Washington sees “an opportunity ...”'), as PARC and PolNeAR classify them.
A quote running over several paragraphs comes out as one part per paragraph, same speaker and cue.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Optional

from ..actors import MentionIndex
from ..model import Actor, ActorRef, Article, Parse, Quote, Span, Token
from ..settings import debugging
from . import cues, marks
from .marks import Segment

MAX_HOPS = 3  # how far up the parse a cue may govern the quote
SCARE_WORDS = 4  # a quoted phrase this short with no cue is a term, not speech
_FINAL = ".!?"
_RUNS_ON = ",—–-…:;"
_HE_SHE = {"he", "she", "him", "her"}
_TITLE_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "for", "to", "with", "by", "from", "'s", "’s"}
_DASH_NAME = re.compile(r"[ \t\u00a0]*([―—–]|--?)[ \t\u00a0]*(?=[A-Z])")


def extract(article: Article, parse: Parse, actors: list[Actor]) -> list[Quote]:
    """Every direct quote in the article, with cue and speaker where the text gives them."""
    try:
        return _extract(article, parse, actors or [])
    except Exception as exc:  # a stage never lets a traceback escape the pipeline
        if debugging():
            raise
        article.warnings.append(f"quotes: failed on this article ({type(exc).__name__}: {exc})")
        return []


def _extract(article: Article, parse: Parse, actors: list[Actor]) -> list[Quote]:
    text = article.text or ""
    segs = marks.find(text, article.warnings)
    if not segs:
        return []
    if parse is None or parse.text != text:
        article.warnings.append("quotes: parse does not match the article text; quotes left without speakers")
        return [Quote(s.start, s.end, text[s.start:s.end]) for s in segs]
    return _Attributor(text, parse, actors, segs).run()


class _Attributor:
    def __init__(self, text: str, parse: Parse, actors: list[Actor], segs: list[Segment]):
        self.text, self.parse, self.actors, self.segs = text, parse, actors, segs
        self.toks = parse.tokens
        self.mentions = MentionIndex(actors)
        self.starts = [t.start for t in self.toks]
        self.pars = marks.paragraphs(text)
        self.par_starts = [p[0] for p in self.pars]
        # character intervals covered by quotes, marks included: no cue or speaker is read from them
        self.spans = [(s.open, (s.close + 1) if s.close is not None else s.end) for s in segs]
        self.span_starts = [a for a, _ in self.spans]
        self.quotes: list[Quote] = []

    # --- helpers ---------------------------------------------------------------------------
    def quoted(self, char: int) -> bool:
        k = bisect_right(self.span_starts, char) - 1
        return k >= 0 and self.spans[k][0] <= char < self.spans[k][1]

    def par_of(self, char: int) -> int:
        return max(0, bisect_right(self.par_starts, char) - 1)

    def content(self, seg: Segment) -> list[int]:
        lo, hi = bisect_left(self.starts, seg.start), bisect_left(self.starts, seg.end)
        return [i for i in range(lo, hi) if self.toks[i].end <= seg.end]

    def _boundary(self, t: Token) -> bool:
        return t.pos == "PUNCT" and t.text[:1] in _FINAL or self.quoted(t.start) or t.text[:1] in marks.MARKS

    def left_frame(self, seg: Segment) -> list[int]:
        frame, j = [], bisect_left(self.starts, seg.open) - 1
        pstart = self.pars[self.par_of(seg.open)][0]
        while j >= 0 and self.toks[j].start >= pstart and not self._boundary(self.toks[j]):
            frame.append(j)
            j -= 1
        p = self.par_of(seg.open)
        if not frame and seg.open == pstart and p > 0 and self.text[self.pars[p - 1][1] - 1] == ":":
            # "Caddell continued:" closing the previous paragraph introduces this one
            j = bisect_left(self.starts, self.pars[p - 1][1]) - 1
            while j >= 0 and self.toks[j].start >= self.pars[p - 1][0] and not self._boundary(self.toks[j]):
                frame.append(j)
                j -= 1
        return frame[::-1]

    def right_frame(self, seg: Segment) -> list[int]:
        end = (seg.close + 1) if seg.close is not None else seg.end
        pend = self.pars[self.par_of(end - 1)][1]
        frame, j = [], bisect_left(self.starts, end)
        while j < len(self.toks) and self.toks[j].start < pend and not self._boundary(self.toks[j]):
            frame.append(j)
            j += 1
        return frame

    def path_cue(self, seg: Segment, inside: list[int]) -> Optional[int]:
        best: Optional[tuple[int, int]] = None
        inset = set(inside)
        for i in inside:
            t = self.toks[i]
            if t.head in inset or t.head == i or t.pos in ("PUNCT", "SPACE"):
                continue  # punctuation hangs off whatever root is near, not off the quote's governor
            j = i
            for hops in range(1, MAX_HOPS + 1):
                j = self.toks[j].head
                if not self.quoted(self.toks[j].start) and cues.is_cue(self.parse, j):
                    if best is None or hops < best[0]:
                        best = (hops, j)
                    break
                if self.toks[j].head == j:
                    break
        return best[1] if best else None

    # --- speakers ----------------------------------------------------------------------------
    def speaker_ref(self, cue: int) -> Optional[ActorRef]:
        """The speaker of the cue verb at token `cue`, as an ActorRef, or None."""
        head = cues.speaker_token(self.parse, cue, lambda j: self.quoted(self.toks[j].start))
        if head is None or self.quoted(head.start):
            return None
        return self.ref_for(head)

    def ref_for(self, head: Token) -> ActorRef:
        s, e = cues.speaker_span(self.parse, head)
        ref = self.mentions.ref_at(s, e)
        if ref is not None:
            return ref
        if head.pos == "PRON" and head.lower in _HE_SHE:
            return self.antecedent(head) or ActorRef(None, head.text, head.start, head.end)
        return ActorRef(None, self.text[s:e], s, e)

    def antecedent(self, pron: Token) -> Optional[ActorRef]:
        """The person named last before a pronoun no actor covers (within three paragraphs)."""
        p = self.par_of(pron.start)
        lo = self.pars[max(0, p - 3)][0]
        best: Optional[tuple[int, Optional[Actor], int, int]] = None
        for a in self.actors:
            if a.kind != "person":
                continue
            for m in a.mentions:
                if lo <= m.start and m.end <= pron.start and not self.quoted(m.start):
                    if best is None or m.end > best[3]:
                        best = (0, a, m.start, m.end)
        for ent in self.parse.entities:
            if ent.label == "PERSON" and lo <= ent.start and ent.end <= pron.start and not self.quoted(ent.start):
                if best is None or ent.end > best[3]:
                    best = (1, None, ent.start, ent.end)
        if best is None:
            return None
        _, actor, s, e = best
        if actor is None:
            ref = self.mentions.ref_at(s, e)
            return ActorRef(ref.actor, pron.text, pron.start, pron.end, ref.code, ref.country, ref.sector) \
                if ref else ActorRef(None, self.text[s:e], s, e)
        return ActorRef(actor.id, pron.text, pron.start, pron.end, actor.code, actor.country, actor.sector)

    def span(self, s: int, e: int) -> Span:
        return Span(s, e, self.text[s:e])

    # --- attribution ---------------------------------------------------------------------------
    def run(self) -> list[Quote]:
        for k, seg in enumerate(self.segs):
            q = self.attribute(k, seg)
            # PARC/PolNeAR call a quoted fragment inside the reporter's own sentence a *mixed* quote:
            # verbatim words, framed by the reporter; `direct` is kept for quotes that stand alone
            q.direct = not q.scare and not (seg.label is None and self.embedded(seg, self.left_frame(seg)))
            self.quotes.append(q)
        return [part for seg, q in zip(self.segs, self.quotes) for part in self.by_paragraph(seg, q)]

    def by_paragraph(self, seg: Segment, q: Quote) -> list[Quote]:
        """A quote running over paragraphs is given one part per paragraph (same speaker and cue),
        so no part's text carries the marks that reopen each paragraph."""
        if seg.first_par == seg.last_par:
            return [q]
        parts = []
        for p in range(seg.first_par, seg.last_par + 1):
            ps, pe = self.pars[p]
            s = seg.start if p == seg.first_par else ps + (self.text[ps] in marks.MARKS)
            e = seg.end if p == seg.last_par else pe
            while s < e and self.text[s].isspace():
                s += 1
            while e > s and self.text[e - 1].isspace():
                e -= 1
            if e > s:
                parts.append(Quote(s, e, self.text[s:e], q.direct, q.speaker, q.cue, q.scare))
        return parts

    def attribute(self, k: int, seg: Segment) -> Quote:
        q = Quote(seg.start, seg.end, self.text[seg.start:seg.end])
        if seg.label:
            s, e = seg.label
            q.speaker = self.mentions.ref_at(s, e) or ActorRef(None, self.text[s:e], s, e)
            q.cue = self.span(e, e + 1)  # the colon after the label
            return q
        byline = self.dash_byline(seg)
        if byline is not None:
            q.cue, q.speaker = byline
            return q
        inside = self.content(seg)
        cue = self.path_cue(seg, inside)
        left, right = self.left_frame(seg), self.right_frame(seg)
        if (cue is None or self.is_title(seg, inside)) and self.is_scare(seg, inside, left):
            q.scare = True
            q.speaker = self.sentence_speaker(seg)
            return q
        if cue is None:
            lcues = [i for i in left if cues.is_cue(self.parse, i)]
            rcues = [i for i in right if cues.is_cue(self.parse, i)]
            runs_on = self.text[seg.end - 1] in _RUNS_ON or self.text[seg.end:seg.end + 2].lstrip("”\"»")[:1] == ","
            if rcues and (runs_on or not lcues):
                cue = rcues[0]
            elif lcues:
                cue = lcues[-1]
        if cue is not None:
            q.cue = self.span(*cues.cue_span(self.parse, cue))
            q.speaker = self.speaker_ref(cue)
            return q
        if left and self.toks[left[-1]].text == ":":
            head = cues.clause_subject(self.parse, left[:-1])
            if head is not None:  # "Sanders made the following comment:" introduces the quote
                q.cue = self.span(self.toks[left[-1]].start, self.toks[left[-1]].end)
                q.speaker = self.ref_for(head)
                return q
        prev = self.inherit_from(k, seg)
        if prev is not None:
            q.speaker, q.cue = prev.speaker, prev.cue
        return q

    def dash_byline(self, seg: Segment) -> Optional[tuple[Span, ActorRef]]:
        """“...” ― Sonya Herridge: a dash and a name right after the closing mark sign the quote."""
        if seg.close is None:
            return None
        m = _DASH_NAME.match(self.text, seg.close + 1)
        if not m:
            return None
        j = bisect_left(self.starts, m.end())
        first = j
        while j < len(self.toks) and self.toks[j].pos == "PROPN" and self.toks[j].sent == self.toks[first].sent:
            j += 1
        if j == first:
            return None
        s, e = self.toks[first].start, self.toks[j - 1].end
        ref = self.mentions.ref_at(s, e) or ActorRef(None, self.text[s:e], s, e)
        return self.span(m.start(1), m.end(1)), ref

    def is_scare(self, seg: Segment, inside: list[int], left: list[int]) -> bool:
        """A term in quotes rather than speech: a short phrase inside a running sentence, or a title."""
        words = [self.toks[i] for i in inside if self.toks[i].pos not in ("PUNCT", "SPACE")]
        if not words or seg.close is None:
            return False
        if not self.embedded(seg, left) or self.text[seg.end - 1] in "?!:;":
            return False
        if len(words) <= SCARE_WORDS:
            return True  # 'a “strategic partnership”', 'in a separate "liquidating trust."'
        # a title: 'on CBS's "Face the Nation,"', 'the 1994 “Contract with America.”'
        return len(words) <= 2 * SCARE_WORDS and all(w.text[:1].isupper() or w.lower in _TITLE_SMALL for w in words)

    def embedded(self, seg: Segment, left: list[int]) -> bool:
        """Inside the reporter's running sentence: a word, not a comma or colon, stands right before
        the mark ('Washington sees “an opportunity ...”', 'described as “deep ...”')."""
        words = [i for i in left if self.toks[i].pos != "SPACE"]
        if not words or self.text[self.toks[words[-1]].end:seg.open].strip() not in ("", "("):
            return False
        last = self.toks[words[-1]]
        if last.text == "," and len(words) > 1:  # 'tweeted that, “...”': the comma follows a conjunction
            prev = self.toks[words[-2]]
            return prev.pos == "SCONJ" or prev.dep == "mark"
        return last.pos != "PUNCT"

    def is_title(self, seg: Segment, inside: list[int]) -> bool:
        words = [self.toks[i] for i in inside if self.toks[i].pos not in ("PUNCT", "SPACE")]
        return 0 < len(words) <= 2 * SCARE_WORDS and all(w.pos == "PROPN" or w.lower in _TITLE_SMALL for w in words)

    def sentence_speaker(self, seg: Segment) -> Optional[ActorRef]:
        sent = self.parse.sentences[self.toks[self.content(seg)[0]].sent] if self.content(seg) else None
        if sent is None:
            return None
        found = [i for i in range(sent.first, sent.last)
                 if not self.quoted(self.toks[i].start) and cues.is_cue(self.parse, i)]
        found.sort(key=lambda i: abs(self.toks[i].start - seg.start))
        for i in found:
            ref = self.speaker_ref(i)
            if ref is not None:
                return ref
        return None

    def inherit_from(self, k: int, seg: Segment) -> Optional[Quote]:
        """The quote whose speaker this one continues, where the text says so."""
        if k == 0:
            return None
        prev, pq = self.segs[k - 1], self.quotes[k - 1]
        if pq.scare or pq.speaker is None:
            return None
        if prev.last_par == seg.first_par and pq.cue and prev.end <= pq.cue.start < seg.open:
            return pq  # "“...,” he said. “...”": the attribution stands between the halves
        p = seg.first_par
        pstart, pend = self.pars[p]
        own_par = seg.open == pstart and not self.text[seg.end:pend].strip(" .,”\"»")
        if own_par and self.par_of(prev.end) == p - 1:
            return pq  # a paragraph that is only a quote, right after one quoting a speaker
        return None
