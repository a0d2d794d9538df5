"""Negation, modality and reported speech of a trigger, from the verbs and nouns that govern it.

A negated event ("will not come at the expense of", "did not attack", "denied that", "no plans to",
"They really haven't") is kept with negated=True so analysts can see it, and is never counted as
the event it negates. Modality says whether the text asserts the event, intends it (future, "seeks
to", "aims to"), entertains it (conditional, "could", "urged to"), reports it from a speaker, or
asks about it ("whether").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import Parse, Token
from .lexicon import Lexicon, has

NEG_WORDS = {"not", "n't", "n’t", "never", "no"}
FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo", "would"}
HYPO_AUX = {"could", "might", "may", "should"}
CONDITIONAL = {"if", "unless", "whether"}
# how far negation and intention travel up from a trigger: through its own verb chain and the
# nouns that carry it ("plans to", "opportunity to", "role in preventing"), not across clauses
CHAIN = {"xcomp", "acl", "pcomp", "prep", "pobj", "dobj", "aux", "auxpass", "attr", "oprd", "advcl", "nsubjpass", "relcl"}


@dataclass
class Polarity:
    negated: bool = False
    modality: str = "asserted"
    speech_verb: Optional[int] = None  # token of the speech verb the event is reported under


def _neg_child(parse: Parse, t: Token) -> bool:
    return any((c.dep == "neg" or (c.lower in NEG_WORDS and c.dep in ("advmod", "det", "dobj", "neg")))
               for c in parse.children(t.i))


def _aux(parse: Parse, t: Token) -> set[str]:
    return {c.lower for c in parse.children(t.i) if c.dep in ("aux", "auxpass")}


def analyse(parse: Parse, i: int, lex: Lexicon) -> Polarity:
    pol = Polarity()
    t = parse.tokens[i]
    negated = _neg_child(parse, t) or any(c.lower == "no" and c.dep == "det" for c in parse.children(i))
    intended = bool(_aux(parse, t) & FUTURE_AUX) or _going_to(parse, t)
    hypothetical = bool(_aux(parse, t) & HYPO_AUX)
    question = False
    node, steps, in_clause = t, 0, True
    while node.head != node.i and steps < 12:
        steps += 1
        dep, head = node.dep, parse.tokens[node.head]
        mark = {c.lower for c in parse.children(node.i) if c.dep == "mark"}
        if mark & {"whether"} or (mark & {"if"} and has(head, ("ask", "wonder", "question", "know"))):
            question = True
        elif mark & CONDITIONAL and dep == "advcl":
            hypothetical = True
        if dep == "ccomp" or dep == "parataxis":
            if has(head, lex.negators):
                negated = True
            if in_clause and (has(head, lex.hypothetical) or has(head, lex.intent)) and not has(head, lex.speech):
                hypothetical = True  # "wants that Putin attacks", "urged that talks resume": someone else's act
            if has(head, lex.speech) and pol.speech_verb is None:
                pol.speech_verb = head.i
            if has(head, ("ask", "wonder", "question")) and mark & {"whether", "if"}:
                question = True
            in_clause = False
        elif dep == "conj" and in_clause:
            # a coordinated verb is a sibling, not a governor: it only shares auxiliaries it lacks
            if not _aux(parse, node):
                intended = intended or bool(_aux(parse, head) & FUTURE_AUX)
                hypothetical = hypothetical or bool(_aux(parse, head) & HYPO_AUX)
        elif dep in CHAIN and in_clause:
            if has(head, lex.negators):
                negated = True
            if _neg_child(parse, head) or any(c.lower == "no" and c.dep == "det" for c in parse.children(head.i)):
                negated = True
            controlled = dep == "xcomp" and any(c.dep in ("dobj", "dative") and c.i < node.i for c in parse.children(head.i))
            if controlled and (has(head, lex.intent) or has(head, lex.hypothetical)):
                hypothetical = True  # "wants Putin to attack": wished on another actor
            elif has(head, lex.intent) or (_aux(parse, head) & FUTURE_AUX):
                intended = True  # "seeks to deepen", "will meet"
            elif has(head, lex.hypothetical) or (_aux(parse, head) & HYPO_AUX):
                hypothetical = True
            if dep in ("relcl", "advcl"):
                in_clause = False
        else:
            in_clause = False if dep not in ("prep", "pobj") else in_clause
        node = head
    sent = parse.sentence_of(i)
    if parse.text[sent.start:sent.end].rstrip(" \"'”’)").endswith("?"):
        question = True
    pol.negated = negated
    pol.modality = ("question" if question else "hypothetical" if hypothetical else "intended" if intended
                    else "reported" if pol.speech_verb is not None else "asserted")
    return pol


def _going_to(parse: Parse, t: Token) -> bool:
    """'is going to attack': spaCy hangs the event off 'going' as xcomp."""
    if t.dep != "xcomp":
        return False
    head = parse.tokens[t.head]
    return head.lower == "going" and any(c.lower == "to" for c in parse.children(t.i))


def elliptical_negation(parse: Parse, sent_index: int) -> bool:
    """A sentence whose main clause is a bare negated auxiliary: "They really haven't.", "No, it didn't."

    Such an answer denies the event just asked about."""
    s = parse.sentences[sent_index]
    for t in parse.tokens[s.first:s.last]:
        if t.lemma.lower() not in ("have", "do", "be", "will", "can") or t.pos not in ("AUX", "VERB"):
            continue
        kids = parse.children(t.i)
        has_neg = any(c.lower in NEG_WORDS or c.dep == "neg" for c in kids)
        content = [c for c in kids if c.dep in ("dobj", "xcomp", "acomp", "attr", "ccomp", "prep", "oprd")
                   and c.lower not in NEG_WORDS]
        if has_neg and not content and t.dep in ("ROOT", "ccomp"):
            return True
    return False
