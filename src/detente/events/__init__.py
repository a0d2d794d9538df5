"""Events: CAMEO/PLOVER coding of who did what to whom, when and where.

    extract(article, parse, actors, places) -> list[Event]

Triggers come from the lexicon (lexicon/events*.yaml), sources and targets from the dependency parse
through the actors stage's mentions, negation and modality from the governing words, dates from
timex.py, places from the places stage ("mentioned" places only, never the dateline). Every event
keeps its sentence, trigger and evidence; duplicates within an article are folded into one event.
"""
from __future__ import annotations

import os
from collections import Counter
from typing import Optional

from .. import ontology, timex
from ..actors import ref_at
from ..model import Actor, ActorRef, Article, Event, Parse, Place, Span, stable_id
from . import dedupe, polarity, triggers
from .arguments import FIRST_PERSON, Resolver
from .lexicon import Lexicon, has, intention, lemma, load

MAX_EVENTS_PER_SENTENCE = 8
PLACE_AS_TARGET_ENV = "DETENTE_PLACE_AS_TARGET"
CLAUSAL = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "parataxis", "csubj"}
VIOLENT_ROOTS = ("18", "19", "20")
CROWD_ROOTS = ("14",)
MULTITUDES = {"thousand", "hundred", "dozen", "million", "scores"}
CLAUSE_TARGET_ROOTS = ("02", "10", "11", "12", "13")
CLAIM_VERBS = ("claim", "admit", "acknowledge", "boast")
PLURAL = {"they", "we", "their", "our", "us"}
LOC_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "over"}
# cooperative events that always have a receiving side: when the text leaves it implicit
# ("handed over an operative"), it is the article's main counterpart of the source
IMPLICIT_TARGET_ROOTS = ("06", "07")


def extract(article: Article, parse: Parse, actors: list[Actor], places: list[Place],
            place_as_target: Optional[bool] = None) -> list[Event]:
    """Every political event in the article; a document it cannot cope with gets a warning, not a crash.

    place_as_target: PETRARCH's convention, where an event with no target actor takes the country of
    the place it happened in as its target ("Obama and Putin will meet in Zurich" -> USA->CHE). Off by
    default (the place is kept in `Event.place`, and a meeting in Zurich is not an act towards
    Switzerland) except for the codes whose target CAMEO defines as the place (a visit's host country:
    lexicon place_targets); None reads the environment variable DETENTE_PLACE_AS_TARGET (1/true/yes)."""
    if place_as_target is None:
        place_as_target = os.environ.get(PLACE_AS_TARGET_ENV, "").strip().lower() in ("1", "true", "yes", "on")
    try:
        evs = _Coder(article, parse, actors or [], places or []).run()
        return _place_targets(evs, None if place_as_target else load().place_targets)
    except Exception as e:  # a bad document must not stop a batch
        article.warnings.append(f"events: skipped after {type(e).__name__}: {str(e)[:200]}")
        return []


class _Coder:
    def __init__(self, article: Article, parse: Parse, actors: list[Actor], places: list[Place]):
        self.a, self.p, self.actors = article, parse, actors
        self.lex: Lexicon = load()
        self.r = Resolver(parse, lambda s, e: ref_at(actors, s, e))
        self.place_tok = self._place_tokens(places)
        self.times = self._timexes()
        self.headline_end = self._headline_end()
        self.noun_sources: dict[int, list[ActorRef]] = {}
        self.consumed: set[int] = set()
        self.trigger_tokens: set[int] = set()
        self.spoken: dict[int, list[Event]] = {}  # speech verb -> the events its complement gave

    # --- setup -----------------------------------------------------------------------------------

    def _place_tokens(self, places: list[Place]) -> dict[int, Place]:
        out = {}
        for pl in places:
            if pl.role != "mentioned":
                continue
            for tok in self.p.tokens_in(pl.start, pl.end):
                out[tok.i] = pl
        return out

    def _timexes(self) -> dict[int, timex.Timex]:
        found = timex.find(self.a.text)
        anchor = timex.parse_date(self.a.published) or timex.explicit_anchor(found)
        out = {}
        for t in found:
            timex.resolve(t, anchor)
            if not t.value:
                continue
            for tok in self.p.tokens_in(t.start, t.end):
                out[tok.i] = t
        return out

    def _headline_end(self) -> int:
        text, title = self.a.text, (self.a.title or "").strip()
        if title and text.lstrip().startswith(title):
            return text.index(title) + len(title)
        body = text.lstrip()
        first = body.split("\n", 1)[0]
        words = [w for w in first.split() if w[:1].isalpha()]
        capitalised = sum(w[:1].isupper() for w in words)
        # a headline stands alone above a blank line and is written in Title Case; a wire sentence's
        # hard line break is neither
        if (first and body[len(first):].startswith("\n\n") and len(first) < 200 and len(words) >= 2
                and capitalised >= 0.6 * len(words) and not first.rstrip().endswith((".", "!", "?", ":"))):
            return text.index(first) + len(first)
        return 0

    # --- main loop -------------------------------------------------------------------------------

    def run(self) -> list[Event]:
        trigs = triggers.find(self.p, self.lex)
        self.trigger_tokens = {t.i for t in trigs}
        by_tok = {t.i: t for t in trigs}
        events: list[Event] = []
        # nominal events first: a verb whose subject is "the bombing" inherits the bombing's source
        for trig in sorted(trigs, key=lambda t: t.kind != "noun"):
            if trig.i in self.consumed or self._governs_event(trig, by_tok):
                continue
            events.extend(self._code(trig))
        if self.headline_end and not any(e.trigger.start < self.headline_end for e in events):
            events.extend(self._headline())
        events = self._statements(events)
        events = dedupe.drop_subsumed(events, self._restates)
        self._answered_questions(events)
        self._implicit_targets(events)
        events.sort(key=lambda e: (e.trigger.start, e.id))
        events = dedupe.merge(events, self.headline_end)
        return self._cap(events)

    def _headline(self) -> list[Event]:
        """Title Case headlines parse badly ("Russia Attacks Ukraine" comes out as one proper name),
        so they are read flat: the actor before a lexicon verb is the source, the one after the target."""
        toks = [t for t in self.p.tokens if t.end <= self.headline_end and t.pos not in ("SPACE", "PUNCT")]
        out = []
        for k, t in enumerate(toks):
            trig = self._flat_trigger(t, toks[k + 1:])
            if trig is None:
                continue
            word = lambda x: ref_at(self.actors, x.start, x.end)  # noqa: E731 - word by word: the parse is unreliable here
            before = [r for r in (word(x) for x in reversed(toks[:k])) if r]
            after = [r for r in (word(x) for x in toks[k + 1:]) if r and not any(_same(r, b) for b in before[:1])]
            src, tgt = (before[0] if before else None), (after[0] if after else None)
            if src is None and tgt is None:
                continue
            intended = any(x.lower in ("to", "will", "seeks", "plans", "aims") for x in toks[max(0, k - 2):k])
            pol = polarity.Polarity(negated=any(x.lower in ("not", "won't", "no") for x in toks[max(0, k - 2):k]),
                                    modality="intended" if intended else "asserted")
            e = self._event(trig, src, tgt, pol, None)
            line = self.a.text[:self.headline_end]
            start = len(line) - len(line.lstrip())
            e.sentence = Span(start, self.headline_end, self.a.text[start:self.headline_end])
            e.evidence = e.sentence.text.strip()
            out.append(e)
        return out[:MAX_EVENTS_PER_SENTENCE]

    def _flat_trigger(self, t, rest) -> Optional[triggers.Trigger]:
        forms = triggers._forms(t)
        rest_forms = set().union(*(triggers._forms(x) for x in rest[:4])) if rest else set()
        for pat in self.lex.patterns_for(forms):
            if pat.particle or pat.prep:
                continue
            if pat.objects and not (rest_forms & pat.objects):
                continue
            return triggers.Trigger(t.i, pat.code, "verb", [t.i], None, forms[0])
        code = next((self.lex.verbs[f] for f in forms if f in self.lex.verbs), None)
        return triggers.Trigger(t.i, code, "verb", [t.i], None, forms[0]) if code else None

    def _governs_event(self, trig: triggers.Trigger, by_tok: dict) -> bool:
        """'pledged to expel', 'agreed to lift sanctions': the intent verb gives way to the event it governs."""
        if trig.kind != "verb" or not has(self.p.tokens[trig.i], self.lex.intent | self.lex.avowal_verbs):
            return False
        return any(c.dep == "xcomp" and c.i in by_tok for c in self.p.children(trig.i))

    def _code(self, trig: triggers.Trigger) -> list[Event]:
        t = self.p.tokens[trig.i]
        between = False
        if trig.kind == "noun":
            sources, targets, between = self.r.noun_roles(t, trig.code, lambda i: i in self.place_tok)
            head = self.p.tokens[t.head]
            if t.dep == "pobj" and head.dep == "prep" and head.lower in ("in", "into"):
                head = self.p.tokens[head.head]  # "engaged peacekeepers in a firefight"
            if t.dep in ("dobj", "nsubjpass", "pobj") and has(head, self.lex.support) and head.i != t.i:
                if not sources:
                    sources = self.r.verb_source(head)[0]
                if not targets:
                    targets = [r for r in self.r.verb_targets(head, t.i)]
            if not sources:
                sources = self._claimed_for(t)
            if not sources:
                sources = self._their(t)
            for c in self.p.children(t.i):  # "the bombing that killed 180 people": one event, not two
                if c.dep == "relcl" and c.lemma.lower() in ("kill", "injure", "wound", "hurt"):
                    self.consumed.add(c.i)
            self.noun_sources[t.i] = sources
        else:
            sources, src_tok = self.r.verb_source(t)
            if not sources and src_tok is not None and src_tok.i in self.noun_sources and \
                    trig.code.startswith(VIOLENT_ROOTS):
                # "the bombing killed 180": the bombers killed; but an attack that "raised concerns"
                # voiced nothing
                sources = self.noun_sources[src_tok.i]
            if not sources and trig.code.startswith(("18", "19", "20")):
                sources = self._cause(t)
            if not sources and trig.code.startswith(CROWD_ROOTS):
                sources = self._crowd(t)
            if not sources and trig.obj is not None:  # "expand its relationship with Pakistan"
                poss = [c for c in self.p.children(trig.obj) if c.dep == "poss"]
                sources = self.r.actors(poss[0].i) if poss else []
            if has(t, self.lex.actor_object) and not self._object_is_actor(t) and not (
                    trig.code in self.lex.place_targets and self._object_is_place(t)):
                return []
            targets = self.r.verb_targets(t, trig.obj, theme=has(t, self.lex.theme_object))
            if not targets and trig.code.startswith(CLAUSE_TARGET_ROOTS):
                targets = self._clause_subject(t)
            between = any(c.dep == "prep" and c.lower == "between" for c in self.p.children(t.i))
            if trig.swap:
                near = self.p.children(t.i) + (self.p.children(trig.obj) if trig.obj is not None else [])
                givers = [r for c in near if c.dep == "prep" and c.lower == "from" for r in self.r.pobj_actors(c)]
                sources, targets = givers, sources
        pol = polarity.analyse(self.p, trig.i, self.lex)
        speaker = self._speaker(pol.speech_verb)
        pron = self._pronoun_subject(t) if not sources and speaker is not None else None
        if pron is not None:  # "Obama and Putin said they will ...": a plural pronoun is every speaker
            every = self.r.verb_source(self.p.tokens[pol.speech_verb])[0]
            sources = every if pron.lower in PLURAL and len(every) > 1 else [speaker]
        mutual = has(t, self.lex.mutual) or any(  # "held joint exercises"
            c.dep == "amod" and has(c, self.lex.mutual) for c in self.p.children(trig.obj if trig.obj is not None else t.i))
        pairs = self._pairs(sources, targets, mutual, between)
        if has(t, self.lex.reciprocal) or (trig.obj is not None and has(self.p.tokens[trig.obj], self.lex.reciprocal)):
            pairs += [(o, s) for s, o in pairs if s is not None and o is not None and (o, s) not in pairs]
        intent = intention(self.lex, trig.code) if not pol.negated and self._avowed(t) else None
        if intent is not None:
            # an actor's own stated will is CAMEO's intent code: "wants to help X" 033, "wants to attack X"
            # 138 (a threat of force); futures and plots reported by others keep their code
            trig = triggers.Trigger(trig.i, intent, trig.kind, trig.tokens, trig.obj, trig.lemma, trig.swap)
            # the statement of intent (or threat) is itself asserted, whatever the verb's own modality
            pol = polarity.Polarity(pol.negated, "reported" if pol.speech_verb is not None else "asserted",
                                    pol.speech_verb)
        out = []
        for src, tgt in pairs:
            out.append(self._event(trig, src, tgt, pol, speaker))
        linked = self.lex.linked.get(trig.code)
        if linked is not None:  # "received ministers from X": X's ministers made the visit (042)
            back = triggers.Trigger(trig.i, linked, trig.kind, trig.tokens, trig.obj, trig.lemma, trig.swap)
            out.extend(self._event(back, tgt, src, pol, speaker) for src, tgt in pairs
                       if src is not None and tgt is not None)
        refusal = self._refusal(t, trig, pol)
        if refusal is not None:
            out.extend(self._event(refusal, src, tgt, polarity.Polarity(False, "reported" if speaker else "asserted",
                                                                         pol.speech_verb), speaker)
                       for src, tgt in pairs if src is not None)
        if pol.speech_verb is not None:
            self.spoken.setdefault(pol.speech_verb, []).extend(out)
        return out

    def _refusal(self, t, trig, pol) -> Optional[triggers.Trigger]:
        """'He would not provide support', 'refused to meet': a refused cooperation is a rejection (12x),
        besides the negated event itself; a past 'did not provide' is only the negated event."""
        code = self.lex.refusals.get(trig.code[:2])
        if code is None or not pol.negated:
            return None
        head = self.p.tokens[t.head]
        refused = t.dep == "xcomp" and has(head, ("refuse", "decline", "reject"))
        if pol.modality != "intended" and not refused:
            return None
        return triggers.Trigger(trig.i, code, trig.kind, trig.tokens, trig.obj, trig.lemma, trig.swap)

    def _restates(self, e: Event, o: Event) -> bool:
        """Can e be another reading of o: a nominal event, or a verb within o's trigger's phrase."""
        tok = self.p.token_at(e.trigger.start) if e.trigger else None
        top = self.p.token_at(o.trigger.start) if o.trigger else None
        if tok is None or top is None:
            return False
        if tok.pos in ("NOUN", "PROPN"):
            return True
        node, steps = tok, 0
        while node.head != node.i and steps < 12:
            node, steps = self.p.tokens[node.head], steps + 1
            if node.i == top.i:
                return True
        return False

    def _avowed(self, t) -> bool:
        """'X wants / vows / threatens to attack': the attack hangs (xcomp) off a verb of the subject's own
        will, not wished on someone else ("wants Putin to attack")."""
        if t.dep != "xcomp" or t.pos != "VERB":
            return False
        head = self.p.tokens[t.head]
        if not has(head, self.lex.avowal_verbs):
            return False
        return not any(c.dep in ("dobj", "dative") and c.i < t.i for c in self.p.children(head.i))

    def _cause(self, v) -> list[ActorRef]:
        """'were killed in Israeli tank shelling': the attack's owner is the source of a passive harm."""
        if not any(c.dep in ("nsubjpass", "auxpass") for c in self.p.children(v.i)):
            return []
        for c in self.p.children(v.i):
            if c.dep == "prep" and c.lower in ("in", "during", "by"):
                for g in self.p.children(c.i):
                    if g.dep == "pobj":
                        mods = [m for m in self.p.children(g.i) if m.dep in ("amod", "compound", "poss", "nmod")]
                        for m in mods:
                            refs = self.r.actors(m.i)
                            if refs:
                                return refs
                        for by in self.p.children(g.i):  # "killed in an air strike by government forces"
                            if by.dep == "prep" and by.lower == "by":
                                refs = self.r.pobj_actors(by)
                                if refs:
                                    return refs
        return []

    def _object_is_actor(self, v) -> bool:
        objs = [c for c in self.p.children(v.i) if c.dep in ("dobj", "nsubjpass")]
        if not objs and v.dep in ("acl", "relcl") and v.tag == "VBN":  # "the transcript released by ..."
            objs = [self.p.tokens[v.head]]
        return not objs or any(self.r.actors(o.i) or self._people(o) for o in objs)

    def _crowd(self, v) -> list[ActorRef]:
        """'Thousands of mourners protested', 'students marched': a protest by people who are no known
        actor is still a protest (its place and date matter to early warning); the source keeps their
        words with no codes."""
        subj = next((c for c in self.p.children(v.i) if c.dep == "nsubj"), None)
        if subj is None and v.dep in ("acl", "relcl"):
            subj = self.p.tokens[v.head]
        elif subj is None and v.dep in ("xcomp", "advcl"):  # "thousands turned out to protest"
            subj = next((c for c in self.p.children(v.head) if c.dep == "nsubj"), None)
        if subj is None or not (self._people(subj) or subj.pos == "NUM" or subj.lemma.lower() in MULTITUDES or any(
                g.dep == "prep" and g.lower == "of" and any(self._people(x) for x in self.p.children(g.i))
                for g in self.p.children(subj.i))):
            return []
        start, end = self.r.np_span(subj.i)
        return [ActorRef(None, self.a.text[start:end], start, end)]

    def _object_is_place(self, v) -> bool:
        """'visited Beijing': a visit's object may be a place rather than an actor."""
        return any(c.dep == "dobj" and c.i in self.place_tok for c in self.p.children(v.i))

    def _people(self, o) -> bool:
        """'27 Muslims', 'the crew members', 'Pemberton': people, if no known actor."""
        return has(o, self.lex.person_nouns) or o.ent in ("PERSON", "NORP") or \
            (o.pos == "PROPN" and o.text[:1].isupper())

    def _pairs(self, sources, targets, mutual, between) -> list[tuple[Optional[ActorRef], Optional[ActorRef]]]:
        if mutual and between and not sources:
            sources = targets
        if mutual and not targets and len(sources) > 1:
            return [(s, o) for s in sources for o in sources if not _same(s, o)]
        if mutual and between and len(targets) > 1:
            return [(s, o) for s in targets for o in targets if not _same(s, o)]
        srcs, tgts = sources or [None], targets or [None]
        return [(s, o) for s in srcs for o in tgts if (s or o) and not _same(s, o)]

    def _clause_subject(self, t) -> list[ActorRef]:
        """'alleged that France was aware', 'demanded that Israel withdraw': whom a demand, reproach or
        threat about a that-clause is aimed at is the clause's subject."""
        for c in self.p.children(t.i):
            if c.dep == "ccomp":
                subj = next((g for g in self.p.children(c.i) if g.dep in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos != "PRON":
                    return self.r.actors(subj.i)
        return []

    def _claimed_for(self, t) -> list[ActorRef]:
        """'X claimed responsibility for the bombing': who claims an attack is its source."""
        if t.dep != "pobj":
            return []
        prep = self.p.tokens[t.head]
        noun = self.p.tokens[prep.head]
        if prep.lower != "for" or noun.lemma.lower() not in ("responsibility", "credit"):
            return []
        verb = self.p.tokens[noun.head] if noun.dep == "dobj" else noun
        if not has(verb, ("claim", "accept", "admit", "take")):
            return []
        return self.r.verb_source(verb)[0]

    def _their(self, t) -> list[ActorRef]:
        """'their most serious military confrontation': 'their' is the pair named just before."""
        poss = [c for c in self.p.children(t.i) if c.dep == "poss" and c.lower in ("their", "both")]
        if not poss:
            return []
        sent = self.p.tokens[t.i].sent
        first = self.p.sentences[max(0, sent - 1)].first
        best: list[ActorRef] = []
        for tok in self.p.tokens[first:poss[0].i]:
            if any(c.dep == "conj" for c in self.p.children(tok.i)) and tok.pos in ("PROPN", "NOUN", "PRON"):
                group = self.r.actors(tok.i)
                if len(group) > 1:
                    best = group
        return best

    def _pronoun_subject(self, t):
        """An unresolved pronoun subject under a speech verb is the speaker: "Israel announced it would
        free ...", "We see an opportunity ...", he said. Returns the pronoun (or None)."""
        subj = [c for c in self.p.children(t.i) if c.dep in ("nsubj", "poss")]
        node = t
        while not subj and node.dep in ("xcomp", "acl", "pcomp", "prep", "pobj", "dobj") and node.head != node.i:
            node = self.p.tokens[node.head]
            subj = [c for c in self.p.children(node.i) if c.dep in ("nsubj", "poss")]
        if subj and subj[0].lower in FIRST_PERSON | {"he", "she", "it", "they", "his", "her", "its", "their"}:
            return subj[0]
        return None

    def _speaker(self, speech_verb: Optional[int]) -> Optional[ActorRef]:
        if speech_verb is None:
            return None
        refs = self.r.verb_source(self.p.tokens[speech_verb])[0]
        return refs[0] if refs else None

    # --- the event record ------------------------------------------------------------------------

    def _event(self, trig, src, tgt, pol, speaker) -> Event:
        t = self.p.tokens[trig.i]
        sent = self.p.sentence_of(trig.i)
        words = [self.p.tokens[i] for i in trig.tokens]
        if words[-1].i - words[0].i == len(words) - 1:
            trigger = Span(words[0].start, words[-1].end, self.a.text[words[0].start:words[-1].end])
        else:
            trigger = Span(t.start, t.end, t.text)
        info = ontology.cameo(trig.code) or (None, None, None)
        plover = ontology.plover(trig.code) or (None, None)
        e = Event(
            id=stable_id(self.a.id, str(trigger.start), str(trigger.end), _rid(src), _rid(tgt)),
            source=src, target=tgt, cameo=trig.code, cameo_name=info[0], goldstein=info[1], quad_class=info[2],
            plover=plover[0], plover_mode=plover[1], negated=pol.negated, modality=pol.modality,
            speaker=speaker if speaker is not src else None,
            sentence=Span(sent.start, sent.end, self.a.text[sent.start:sent.end]), trigger=trigger,
            evidence=self.a.text[sent.start:sent.end].strip(), mentions=[trigger],
        )
        self._date(e, trig.i)
        self._place(e, trig.i, src, tgt)
        return e

    def _date(self, e: Event, i: int) -> None:
        tok = self._nearest(i, lambda j: j in self.times)
        if tok is not None:
            tx = self.times[tok]
            e.date, e.date_precision, e.date_text, e.date_source = tx.value, tx.precision, tx.text, "text"
        elif self.a.published:
            e.date, e.date_precision, e.date_source = self.a.published[:10], "day", "published"
        else:
            e.date_source = "none"

    def _place(self, e: Event, i: int, src, tgt) -> None:
        taken = {(r.start, r.end) for r in (src, tgt) if r is not None}

        def is_place(j: int) -> bool:
            tok = self.p.tokens[j]
            if j not in self.place_tok or (self.place_tok[j].start, self.place_tok[j].end) in taken:
                return False
            head = self.p.tokens[tok.head]
            if tok.dep in ("compound", "nmod"):  # "the Kabul bombing", "attended the Beijing Olympics"
                return tok.head == i or (head.dep == "dobj" and head.head == i)
            if tok.dep == "dobj":  # "visited Beijing": a place that is no actor
                return tok.head == i
            return tok.dep == "pobj" and head.lower in LOC_PREPS

        tok = self._nearest(i, is_place)
        if tok is not None:
            e.place = self.place_tok[tok].ref()

    def _nearest(self, i: int, ok) -> Optional[int]:
        """The closest token satisfying ok(): in the trigger's own phrase, then in what its governors
        say directly (not in other clauses: those speak of other events)."""
        node, prev, steps = self.p.tokens[i], None, 0
        while steps < 10:
            steps += 1
            stack = [node.i]
            while stack:
                j = stack.pop(0)
                if ok(j):
                    return j
                for c in self.p.children(j):
                    # another event's phrase has its own date and place ("accused of the 2021 bombing")
                    if c.i != (prev.i if prev else -1) and c.dep not in CLAUSAL and c.i not in self.trigger_tokens:
                        stack.append(c.i)
            if node.head == node.i:
                return None
            prev, node = node, self.p.tokens[node.head]
        return None

    # --- article-level passes --------------------------------------------------------------------

    def _statements(self, events: list[Event]) -> list[Event]:
        """'X said Y ...' with nothing codable in Y: the statement itself is a 010 event of the speaker
        about the first other actor Y names."""
        out = list(events)
        for verb, said in self.spoken.items():
            out.extend(self._claims(verb, said) if has(self.p.tokens[verb], CLAIM_VERBS) else self._allegations(verb, said))
        for t in self.p.tokens:
            if t.pos != "VERB" or not has(t, self.lex.speech) or t.i in self.spoken:
                continue
            comp = [c for c in self.p.children(t.i) if c.dep in ("ccomp", "parataxis")]
            if not comp:
                continue
            speaker = self._speaker(t.i)
            if speaker is None or not speaker.country:
                continue
            # only statements between states count: "X told AFP ..." or a remark about the police is not
            # an international event, and would swamp the data
            target = None
            for tok in self.p.subtree(comp[0].i):
                ref = self.r.actor(tok.i) if tok.pos in ("PROPN", "NOUN", "PRON") else None
                if ref and ref.country and not _same(ref, speaker) and ref.country != speaker.country:
                    target = ref
                    break
            if target is None:
                continue
            trig = triggers.Trigger(t.i, "010", "verb", [t.i], None, lemma(t))
            pol = polarity.analyse(self.p, t.i, self.lex)
            out.append(self._event(trig, speaker, target, pol, None))
        return out

    def _allegations(self, verb: int, said: list[Event]) -> list[Event]:
        """'The US said Iraq had attacked': reporting another actor's violence is an accusation (112)
        by the speaker against the perpetrator, besides the reported attack itself."""
        speaker = self._speaker(verb) if said else None
        if speaker is None:
            return []
        out, seen = [], set()
        t = self.p.tokens[verb]
        for e in said:
            src = e.source
            if e.negated or e.quad_class != 4 or src is None or _same(src, speaker):
                continue
            if src.country and src.country == speaker.country or (src.actor, src.start) in seen:
                continue
            seen.add((src.actor, src.start))
            trig = triggers.Trigger(t.i, "112", "verb", [t.i], None, lemma(t))
            out.append(self._event(trig, speaker, src, polarity.analyse(self.p, t.i, self.lex), None))
        return out

    def _claims(self, verb: int, said: list[Event]) -> list[Event]:
        """'The US claimed that they had attacked Iraq': claiming one's own violence is a claim of
        responsibility (015) towards its target; claiming another's is an accusation (see _allegations)."""
        speaker = self._speaker(verb) if said else None
        if speaker is None:
            return []
        own = [e for e in said if not e.negated and e.quad_class == 4 and e.source is not None
               and (_same(e.source, speaker) or (e.source.country and e.source.country == speaker.country))]
        if not own:
            return self._allegations(verb, said)
        t = self.p.tokens[verb]
        trig = triggers.Trigger(t.i, "015", "verb", [t.i], None, lemma(t))
        pol = polarity.analyse(self.p, t.i, self.lex)
        seen, out = set(), []
        for e in own:
            key = _rid(e.target)
            if key not in seen:
                seen.add(key)
                out.append(self._event(trig, speaker, e.target, pol, None))
        return out

    def _answered_questions(self, events: list[Event]) -> None:
        """'Was X asked whether India raised concerns?' - 'They really haven't.': the answer negates it."""
        for s in range(len(self.p.sentences)):
            if not polarity.elliptical_negation(self.p, s):
                continue
            lo = self.p.sentences[max(0, s - 2)].start
            hi = self.p.sentences[s].start
            for e in events:
                if e.modality == "question" and lo <= e.trigger.start < hi:
                    e.negated = True

    def _implicit_targets(self, events: list[Event]) -> None:
        """Transfers and relations whose partner the text leaves implicit go to the article's main
        counterpart of the source's country (the most-mentioned other country)."""
        counts: Counter = Counter()
        best: dict[str, tuple[tuple[bool, int], Actor]] = {}
        for a in self.actors:
            if a.country and a.mentions:
                counts[a.country] += len(a.mentions)
                rank = (a.kind == "country", len(a.mentions))  # the state itself before its people
                if a.country not in best or rank > best[a.country][0]:
                    best[a.country] = (rank, a)
        for e in events:
            if e.target is not None or e.source is None or not e.source.country:
                continue
            if not (e.cameo.startswith(IMPLICIT_TARGET_ROOTS) or self._relation_event(e)):
                continue
            other = [(n, c) for c, n in counts.items() if c != e.source.country]
            if not other:
                continue
            actor = best[max(other)[1]][1]
            e.target = actor.ref(actor.mentions[0])
            e.id = stable_id(self.a.id, str(e.trigger.start), str(e.trigger.end), _rid(e.source), _rid(e.target))

    def _relation_event(self, e: Event) -> bool:
        tok = self.p.token_at(e.trigger.start)
        if tok is None:
            return False
        return any(has(c, self.lex.relation_objects) for c in self.p.children(tok.i) if c.dep in ("dobj", "nsubjpass"))

    def _cap(self, events: list[Event]) -> list[Event]:
        per: Counter = Counter()
        out, dropped = [], Counter()
        for e in events:
            k = e.sentence.start
            per[k] += 1
            if per[k] <= MAX_EVENTS_PER_SENTENCE:
                out.append(e)
            else:
                dropped[k] += 1
        for k, n in dropped.items():
            self.a.warnings.append(f"events: sentence at {k} gave more than {MAX_EVENTS_PER_SENTENCE} events; {n} dropped")
        return out


def _place_targets(events: list[Event], codes=None) -> list[Event]:
    """A targetless event aimed at the country it took place in (not the source's own country): always
    for the codes whose CAMEO target is the place (a visit's host, a deployment's location: lexicon
    place_targets), for every code under PETRARCH's convention (codes None). The target refers to no
    actor (`actor` None) and points at the place's words."""
    for e in events:
        if codes is not None and e.cameo not in codes:
            continue
        pl = e.place
        if e.target is not None or pl is None or not pl.country or pl.start < 0:
            continue
        if e.source is not None and e.source.country == pl.country:
            continue
        e.target = ActorRef(None, pl.text, pl.start, pl.end, pl.country, pl.country, None)
    return events


def _rid(ref: Optional[ActorRef]) -> str:
    return "" if ref is None else f"{ref.actor or ''}:{ref.start}"


def _same(a: Optional[ActorRef], b: Optional[ActorRef]) -> bool:
    if a is None or b is None:
        return False
    if a.actor and b.actor:
        return a.actor == b.actor
    return (a.start, a.end) == (b.start, b.end)
