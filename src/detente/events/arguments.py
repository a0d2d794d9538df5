"""Arguments: who did it (source) and to whom (target), read off the dependency parse.

Noun phrases are turned into actors through the actors stage's mentions (`actors.ref_at`), so
coreference ("he", "the secretary") and metonymy ("Washington") come from there. Here we only
decide which phrase plays which role: subjects and `by`-agents are sources; objects, datives and
prepositional objects ("with", "against", "on", "to", "between") are targets; passives swap them;
coordinated phrases give one actor each; non-finite verbs borrow the subject of the verb or noun
they hang from ("seeks to deepen", "an opportunity to expand", "accused of orchestrating").
"""
from __future__ import annotations

from typing import Callable, Optional

from ..model import ActorRef, Parse, Token

SUBJ_DEPS = ("nsubj", "csubj")
TARGET_PREPS = {"with", "against", "on", "to", "toward", "towards", "at", "into", "upon", "between", "about",
                "over", "from", "of", "among"}
VERB_TARGET_PREPS = {"with", "against", "on", "to", "toward", "towards", "at", "into", "upon", "between", "among"}
NOUN_TARGET_PREPS = {"against", "on", "with", "to", "toward", "towards", "at", "between", "into", "upon"}
HARM_PREP_OF = ("17", "18", "19", "20")  # "the arrest of X", "the killing of X": X is the target
SPEECH_ACT_ROOTS = ("02", "10", "11", "12", "13")  # "the request of X", "the demands of X": X said it
# acts with a doer and no one done to: "the resignation of X", "the visit of X": X did it
DOER_PREP_OF = ("0831", "042")
# clauses and attachments that are not part of a noun phrase's name
NP_STOP = {"relcl", "acl", "advcl", "conj", "cc", "appos", "punct", "ccomp", "xcomp", "parataxis", "prep", "dep"}
# "acomp": "X was quick to condemn", "X was forceful in blaming Iran": the adjective's subject acts
CLIMB_DEPS = {"xcomp", "advcl", "conj", "pcomp", "prep", "pobj", "dobj", "acl", "relcl", "agent", "attr", "oprd",
              "acomp"}
RELATIVE = {"that", "which", "who", "whom", "whose"}
ADVERSATIVE = {"but", "yet"}  # a clause set against the one before it
GERUND_CONTROL_PREPS = {"of", "for", "with"}  # "accused X of attacking", "thanked X for helping"
MEDIUM_PREPS = {"on", "via"}
FIRST_PERSON = {"we", "i", "our", "us", "my", "me", "ours"}
NOMINAL = {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss", "dative", "attr", "compound"}
CONTROL = {"ask", "urge", "press", "pressure", "encourage", "invite", "implore", "force", "compel", "order",
           "persuade", "push", "call"}
CLAIMED = {"claim", "carry", "stage", "launch", "mount", "conduct", "perpetrate", "orchestrate", "commit",
           "execute", "mastermind", "order", "plan", "blame", "organize", "organise", "lead"}
CASUALTY = {"kill", "injure", "wound", "hurt", "target", "hit", "claim"}


class Resolver:
    """Phrase -> actors, over one parse and the article's actors."""

    def __init__(self, parse: Parse, ref_at: Callable[[int, int], Optional[ActorRef]]):
        self.p = parse
        self.ref_at = ref_at

    def np_span(self, i: int) -> tuple[int, int]:
        """Character span of the noun phrase headed by token i (without clauses, conjuncts or
        prepositional tails other than "of": "Chief of Army Staff" stays whole)."""
        toks, stack = [i], [i]
        while stack:
            j = stack.pop()
            for c in self.p.children(j):
                if c.dep in NP_STOP and not (c.dep == "prep" and c.lower == "of" and j == i):
                    continue
                if c.dep == "pcomp":  # "suspicion of attacking a police officer": a clause, not the phrase's name
                    continue
                toks.append(c.i)
                stack.append(c.i)
        toks.sort()
        # keep the contiguous run around the head: a stray child far away is a parse error
        lo = hi = toks.index(i)
        while lo > 0 and toks[lo - 1] == toks[lo] - 1:
            lo -= 1
        while hi < len(toks) - 1 and toks[hi + 1] == toks[hi] + 1:
            hi += 1
        first, last = self.p.tokens[toks[lo]], self.p.tokens[toks[hi]]
        while first.i < last.i and first.pos in ("PUNCT", "SPACE", "DET"):
            first = self.p.tokens[first.i + 1]
        while last.i > first.i and last.pos in ("PUNCT", "SPACE"):
            last = self.p.tokens[last.i - 1]
        return first.start, last.end

    def actor(self, i: int) -> Optional[ActorRef]:
        t = self.p.tokens[i]
        if t.pos in ("VERB", "AUX", "PUNCT", "SPACE") or (t.pos in ("ADP", "CCONJ", "SCONJ") and t.dep not in NOMINAL):
            return None  # a nominal role keeps its word whatever its tag: "Barack" comes out as ADP
        ref = self.ref_at(t.start, t.end) if t.pos == "PRON" else self.ref_at(*self.np_span(i))
        if ref is not None and ref.country is None and t.pos in ("NOUN", "PROPN") and ref.code in (None, ref.sector):
            ref = self.whose(t, ref)
        if ref is None:
            for c in self.p.children(i):  # "13 US soldiers": the actor sits in a modifier; "people, including X"
                if c.dep == "appos":
                    ref = self.actor(c.i)
                elif c.dep == "prep" and c.lower in ("including", "among", "of", "from", "by") and t.pos == "NOUN":
                    # "people, including 13 US soldiers", "leaders of the Brotherhood", "dissidents from Egypt",
                    # "condemned allegations by Rwanda": whose act it is, is whom it concerns
                    ref = next((self.actor(g.i) for g in self.p.children(c.i) if g.dep == "pobj"), None)
                if ref:
                    break
        return ref

    def whose(self, t: Token, ref: ActorRef) -> ActorRef:
        """A countryless group or body whose country the phrase names: "dissidents from Egypt", "a court
        in Guyana", "leaders of Egypt's opposition" -> the body's sector with that country."""
        for c in self.p.children(t.i):
            if not (c.dep == "prep" and c.lower in ("from", "of", "in")):
                continue
            for g in self.p.children(c.i):
                if g.dep != "pobj":
                    continue
                other = self.ref_at(*self.np_span(g.i))
                if other is not None and other.country and (other.start, other.end) != (ref.start, ref.end):
                    sector = ref.sector or None
                    return ActorRef(ref.actor, ref.text, ref.start, ref.end, other.country + (sector or ""),
                                    other.country, sector)
        return ref

    def shared_modifiers(self, t: Token, main: Optional[ActorRef]) -> list[ActorRef]:
        """'US and British activists': coordinated country modifiers each make one actor of the noun's
        sector (the noun resolved to one of them)."""
        out = []
        for c in self.p.children(t.i):
            if c.dep not in ("nmod", "amod", "compound") or not any(g.dep == "conj" for g in self.p.children(c.i)):
                continue
            for m in [c] + [g for g in self.p.children(c.i) if g.dep == "conj"]:
                ref = self.ref_at(m.start, m.end)
                if ref is None or not ref.country:
                    continue
                sector = main.sector if main is not None and main.country else None
                if main is not None and main.country == ref.country:
                    continue
                out.append(ActorRef(ref.actor, ref.text, ref.start, ref.end, ref.country + (sector or ""),
                                    ref.country, sector))
        return out

    def group(self, i: int) -> list[Token]:
        """Token i and its coordinated phrases ("Pakistan and India", "Sharif and ... Munir")."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(self.p.tokens[j])
            for c in self.p.children(j):
                if c.pos in ("VERB", "AUX"):
                    continue
                if c.dep == "conj":
                    stack.append(c.i)
                elif c.dep in ("pobj", "compound", "appos") and any(g.dep == "conj" for g in self.p.children(c.i)):
                    # "Barack(ADP) Obama(pobj) and Putin(conj)", "The US, Russia(appos), and Switzerland"
                    stack.extend(g.i for g in self.p.children(c.i) if g.dep == "conj" and g.pos not in ("VERB", "AUX"))
                    if c.dep == "appos":
                        stack.append(c.i)
        return sorted(out, key=lambda t: t.i)

    def actors(self, i: int) -> list[ActorRef]:
        refs, seen = [], set()
        for t in self.group(i):
            ref = self.actor(t.i)
            extra = self.shared_modifiers(t, ref) if t.pos in ("NOUN", "PROPN") else []
            for r in ([ref] if ref else []) + extra:
                if (r.actor, r.start) not in seen and not any(r.actor and r.actor == x.actor for x in refs):
                    seen.add((r.actor, r.start))
                    refs.append(r)
        return refs

    def pobj_actors(self, prep: Token) -> list[ActorRef]:
        out = []
        for g in self.p.children(prep.i):
            if g.dep in ("pobj", "pcomp"):
                out.extend(self.actors(g.i))
        return out

    # --- roles of a verb -----------------------------------------------------------------------

    def patient(self, v: Token) -> Optional[Token]:
        """Who a passive verb was done to: its own passive subject (a relative one's antecedent:
        "Babaryka, who was arrested"), else the subject another verb lends it (shared_patient)."""
        subj = next((c for c in self.p.children(v.i) if c.dep == "nsubjpass"), None)
        return self._antecedent(v, subj) if subj is not None else self.shared_patient(v)

    def shared_patient(self, v: Token) -> Optional[Token]:
        """The subject a passive with none of its own shares with the verb it hangs from: "appeared in
        court, charged with murder" (a bare participle clause), "Mugabe founded ZANU but was arrested"
        (a coordinated passive)."""
        kids = self.p.children(v.i)
        if any(c.dep == "nsubjpass" for c in kids):
            return None
        if self._passive_participle(v):
            return self._subject_of(self.p.tokens[v.head])
        if v.dep != "conj" or any(c.dep in SUBJ_DEPS for c in kids) or not self._passive_conj(v):
            return None
        node = self.p.tokens[v.head]
        for _ in range(4):
            subj = self._subject_of(node)
            if subj is not None or node.dep != "conj":
                return subj
            node = self.p.tokens[node.head]
        return None

    def _subject_of(self, v: Token) -> Optional[Token]:
        subj = next((c for c in self.p.children(v.i) if c.dep in SUBJ_DEPS + ("nsubjpass",)), None)
        return self._antecedent(v, subj) if subj is not None else None

    def _antecedent(self, v: Token, subj: Token) -> Token:
        """A relative pronoun subject stands for the noun its clause hangs from."""
        return self.p.tokens[v.head] if subj.lower in RELATIVE and v.dep == "relcl" else subj

    def _medium(self, n: Token) -> bool:
        """'posted a message on Twitter blaming Iran': a noun after "on"/"via" is where something was said,
        and a participle the parser hung on it tells what the message did, not the platform."""
        return n.dep == "pobj" and self.p.tokens[n.head].lower in MEDIUM_PREPS

    def _passive_participle(self, v: Token) -> bool:
        """'Tarrant appeared in court, charged with murder', 'Backed by Russia, Syria ...': a bare past
        participle clause (no subject, no auxiliary of its own) is passive."""
        return v.dep == "advcl" and v.tag == "VBN" and not any(
            c.dep in SUBJ_DEPS + ("nsubjpass", "aux", "auxpass", "mark") for c in self.p.children(v.i))

    def _passive_conj(self, v: Token) -> bool:
        """'was arrested', or 'was arrested and banned': a passive of its own, or a bare participle
        sharing the passive auxiliary of the verb it is coordinated with."""
        kids = self.p.children(v.i)
        if any(c.dep == "auxpass" for c in kids):
            return True
        head = self.p.tokens[v.head]
        return v.tag == "VBN" and not any(c.dep in ("aux", "auxpass") for c in kids) and \
            any(c.dep == "auxpass" for c in self.p.children(head.i))

    def verb_source(self, v: Token) -> tuple[list[ActorRef], Optional[Token]]:
        """Source actors of verb v and the token they were found at; climbs from non-finite verbs."""
        node, came_from, steps = v, None, 0
        if self.shared_patient(v) is not None:
            # "Mugabe founded ZANU but was arrested (by ...)": the subject it shares was done to, not doing
            agent = next((c for c in self.p.children(v.i) if c.dep == "agent"), None)
            return (self.pobj_actors(agent), agent) if agent is not None else ([], None)
        if v.dep in ("acl", "relcl") and v.tag == "VBN" and not any(c.dep in SUBJ_DEPS for c in self.p.children(v.i)):
            # "an operative accused of ...": a passive participle names no doer unless "by" does
            agent = next((c for c in self.p.children(v.i) if c.dep == "agent"), None)
            return (self.pobj_actors(agent), agent) if agent is not None else ([], None)
        while steps < 8:
            steps += 1
            kids = self.p.children(node.i)
            subj = next((c for c in kids if c.dep in SUBJ_DEPS), None)
            agent = next((c for c in kids if c.dep == "agent"), None)
            if node is v and agent is None and node.dep == "conj" and any(c.dep == "nsubjpass" for c in kids) and \
                    any(c.dep == "cc" and c.lower in ADVERSATIVE for c in self.p.children(node.head) + kids):
                # "the Americans wanted to raid a base, but their helicopter was shot down": a passive with a
                # subject of its own set against the clause before is no act of that clause's subject ("police
                # raided the house and three men were arrested" goes on with the raiders' act)
                return [], None
            if came_from is not None and (came_from.dep == "xcomp" or (came_from.dep == "advcl" and self._to_clause(came_from)
                                                                     and self.controls(node))):
                # "X is scheduled to attend", "X was pressured by Y to help": the passive subject acts
                raised = next((c for c in kids if c.dep == "nsubjpass"), None)
                if raised is not None and self.actors(raised.i):
                    return self.actors(raised.i), raised
            if node.pos in ("VERB", "AUX") and agent is not None:
                refs = self.pobj_actors(agent)
                if not refs:  # "blown up by a missile fired by rebels": the instrument's user
                    for g in self.p.children(agent.i):
                        for acl in (c for c in self.p.children(g.i) if c.dep == "acl"):
                            for ag in (c for c in self.p.children(acl.i) if c.dep == "agent"):
                                refs = refs or self.pobj_actors(ag)
                return refs, agent
            if came_from is not None and ((came_from.dep == "xcomp" and subj is not None) or self._gerund_phrase(came_from)):
                # object control: "Congress asked Obama to help", "wants Putin to attack", "accused Israel of
                # attacking", "thanked Japan for helping": the object acts
                ctrl = next((c for c in kids if c.dep in ("dobj", "dative") and c.i < came_from.i), None)
                if ctrl is not None and self.actors(ctrl.i):
                    return self.actors(ctrl.i), ctrl
            if subj is not None:
                if subj.lower in RELATIVE and node.dep == "relcl":
                    head = self.p.tokens[node.head]
                    return self.actors(head.i), head
                return self.actors(subj.i), subj
            if node.pos in ("NOUN", "PROPN") and node.dep == "dobj" and came_from is not None and \
                    self._gerund_phrase(came_from) and self.actors(node.i):
                return self.actors(node.i), node  # "accused a soldier of shooting": the parser hung "of" on him
            if node.pos in ("NOUN", "PROPN") and came_from is not None:
                poss = next((c for c in kids if c.dep == "poss"), None)
                if poss is not None:
                    return self.actors(poss.i), poss
                if came_from.dep in ("acl", "relcl") and not (came_from is v and v.tag == "VBN") and self.actors(node.i) \
                        and not self._medium(node):
                    return self.actors(node.i), node
            if node.dep not in CLIMB_DEPS or node.head == node.i:
                return [], None
            came_from, node = node, self.p.tokens[node.head]
        return [], None

    def _gerund_phrase(self, prep: Token) -> bool:
        """'of attacking', 'for helping': a preposition of object control with a gerund."""
        return prep.dep == "prep" and prep.lower in GERUND_CONTROL_PREPS and \
            any(g.dep == "pcomp" for g in self.p.children(prep.i))

    def _to_clause(self, v: Token) -> bool:
        return any(c.dep == "aux" and c.lower == "to" for c in self.p.children(v.i))

    def controls(self, v: Token) -> bool:
        """Verbs whose object (or passive subject) is who does the to-clause: "pressured X to help"."""
        return v.lemma.lower() in CONTROL

    def verb_targets(self, v: Token, obj: Optional[int], theme: bool = False) -> list[ActorRef]:
        """Target actors of verb v: the object, else prepositional partners of the verb or of its object.
        With theme=True the object is what is handed over, never the target."""
        kids = self.p.children(v.i)
        passive = any(c.dep == "nsubjpass" for c in kids)
        objects = [c for c in kids if c.dep in ("dobj", "dative", "obj") or (passive and c.dep == "nsubjpass")]
        if not passive and (shared := self.shared_patient(v)) is not None:
            objects.append(shared)  # "founded ZANU but was arrested": the shared subject was arrested
        hung = None
        if v.dep == "amod" and v.head > v.i and any(c.dep == "nsubj" for c in kids):
            # "Trump nominated Judge Amy Coney Barrett": a verb with a subject of its own that the parser
            # hung on the next noun as its modifier has that noun as its object
            hung = self.p.tokens[v.head]
            while hung.dep == "compound" and hung.head != hung.i:  # "Judge" in "Judge Amy Coney Barrett"
                hung = self.p.tokens[hung.head]
            objects.append(hung)
        for o in objects:
            if theme and o.dep != "dative":
                continue  # what is handed over is not who receives it
            if o is hung:  # the verb and its subject lie inside that noun's phrase: only what follows it
                ref = self.ref_at(self.p.tokens[v.i + 1].start, o.end)
                refs = [ref] if ref is not None else []
            else:
                refs = self.actors(o.i)
            if obj is not None and o.i == obj:
                # the pattern's own noun: "received ministers" names the target, but in "expand its
                # relationship" the possessive is the source, and the partner comes with "with" below
                owners = [c for c in self.p.children(o.i) if c.dep == "poss"]
                refs = [r for r in refs if not any(w.start <= r.start < w.end + 3 for w in owners)]
            if refs:
                return refs
        for o in objects:  # "brought a case against Germany at the European Court": against whom, not where
            for c in self.p.children(o.i):
                if c.dep == "prep" and c.lower == "against" and (refs := self.pobj_actors(c)):
                    return refs
        for c in kids:
            if c.dep in ("prep", "dative") and c.lower in VERB_TARGET_PREPS:
                refs = self.pobj_actors(c)
                if refs:
                    return refs
        for o in objects:  # "a ceasefire between Pakistan and India", "concerns about Washington's ..."
            for c in self.p.children(o.i):
                if c.dep == "prep" and c.lower in (TARGET_PREPS | {"for"}) - {"of", "from"}:
                    refs = self.pobj_actors(c)
                    if refs:
                        return refs
        for c in kids:  # "called for talks with X", "pushed for sanctions against X"
            if c.dep == "prep" and c.lower == "for":
                for g in self.p.children(c.i):
                    for gp in self.p.children(g.i):
                        if g.dep == "pobj" and gp.dep == "prep" and gp.lower in NOUN_TARGET_PREPS:
                            refs = self.pobj_actors(gp)
                            if refs:
                                return refs
                        if g.dep == "pobj" and gp.dep == "poss" and (refs := self.actors(gp.i)):
                            # "called for Rossello's resignation": whose act is asked for, as the owner of
                            # a direct object ("demanded Britain's withdrawal")
                            return refs
        if v.dep in ("relcl", "acl") and (passive or v.tag == "VBN" or
                                          any(c.dep == "dobj" and c.lower in RELATIVE for c in kids)):
            return self.actors(v.head)  # "the man arrested by police", "which he described"
        return []

    # --- roles of a nominal event --------------------------------------------------------------

    def noun_roles(self, n: Token, code: str, is_place: Callable[[int], bool]) -> tuple[list[ActorRef], list[ActorRef], bool]:
        """(sources, targets, between) of a nominal event. `between` marks "between X and Y"."""
        sources, targets, between = [], [], False
        for c in self.p.children(n.i):
            if c.dep == "poss":
                sources = sources or self.actors(c.i)
            elif c.dep in ("amod", "compound", "nmod") and c.pos in ("PROPN", "ADJ", "NOUN"):
                refs = self.actors(c.i)
                if is_place(c.i):  # "the Kabul bombing" happened in Kabul; "a U.S. missile attack" is the US's
                    refs = [r for r in refs if r.country and r.code == r.country]
                sources = sources or refs
            elif c.dep in ("prep", "agent") and c.lower == "by":
                sources = self.pobj_actors(c) or sources
            elif c.dep == "prep" and c.lower == "between":
                targets, between = self.pobj_actors(c), True
            elif c.dep == "prep" and c.lower == "of" and code.startswith(SPEECH_ACT_ROOTS + DOER_PREP_OF) and not sources:
                sources = self.pobj_actors(c)  # "the request of the prime minister": who asked
            elif c.dep == "prep" and (c.lower in NOUN_TARGET_PREPS or (c.lower == "of" and code.startswith(HARM_PREP_OF))):
                targets = targets or self.pobj_actors(c)
            elif c.dep == "acl" and c.lemma.lower() in CLAIMED and not sources:
                # "the attack, claimed by the Taliban", "an attack carried out by rebels", "blamed on X"
                for g in self.p.children(c.i):
                    if g.dep == "agent" or (g.dep == "prep" and g.lower == "on" and c.lemma.lower() == "blame"):
                        sources = self.pobj_actors(g) or sources
            elif c.dep == "relcl" and code.startswith(HARM_PREP_OF) and not targets:
                rel = [g for g in self.p.children(c.i) if g.dep == "dobj"]
                if c.lemma.lower() in CASUALTY and rel:
                    targets = self.actors(rel[0].i)
        return sources, targets, between
