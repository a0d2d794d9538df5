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
# deontic "must" and "ought" (to) entertain the act as much as "should": asked for, not reported done
HYPO_AUX = {"could", "might", "may", "should", "must", "ought"}
# a modal with a perfect ("would have attacked", "could have stopped") speaks of what did not happen
COUNTERFACTUAL_MODALS = {"would", "could", "might", "should", "must"}
CONDITIONAL = {"if", "unless", "whether"}
NO_ONE = {"nobody", "none", "nothing", "noone"}
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
               for c in parse.children(t.i)) or _no_one_did(parse, t) or _nothing_done(parse, t)


def _nothing_done(parse: Parse, t: Token) -> bool:
    """'He gave no details', 'has given no assistance to', 'made no concessions': a verb whose direct object
    is quantified by "no" (or is "nothing", "none") did not do the act to anything (the mirror of a subject
    with "no", _no_one_did)."""
    if t.pos not in ("VERB", "AUX"):
        return False
    for obj in (c for c in parse.children(t.i) if c.dep == "dobj"):
        if obj.lower in NO_ONE or any(c.lower == "no" and c.dep == "det" for c in parse.children(obj.i)):
            return True
    return False


def _no_one_did(parse: Parse, t: Token) -> bool:
    """'Neither Russia nor China attended', 'no country attended', 'none of the leaders came', 'no one
    tried to storm the base': a negated subject leaves the act undone by anyone."""
    for subj in (c for c in parse.children(t.i) if c.dep in ("nsubj", "nsubjpass")):
        if subj.lower in NO_ONE or any(c.lower in ("neither", "no") and c.dep in ("det", "preconj")
                                      for c in parse.children(subj.i)):
            return True
    return False


def auxiliaries(parse: Parse, t: Token) -> set[str]:
    return {c.lower for c in parse.children(t.i) if c.dep in ("aux", "auxpass")}


ALLEGED_PREPS = {"of", "with", "including"}
# the words between an act and the allegation it is the content of: "of attacking the site", "of making
# accusations", "of shooting and killing", "including conspiring to hack"; a clause on a noun (acl, relcl)
# tells something else
ALLEGED_PATH = {"pcomp", "pobj", "dobj", "xcomp", "compound", "prep", "amod", "nmod", "conj"}


def _allegation_frame(parse: Parse, prep: Token, frames) -> bool:
    """Does the preposition hang on an allegation ("accused X of", "suspicion of"), or on the object of
    one ("accused a soldier of shooting": the parser hung "of" on the object)?"""
    if prep.head == prep.i:
        return False
    frame = parse.tokens[prep.head]
    if frame.dep == "dobj" and frame.pos in ("NOUN", "PROPN"):
        frame = parse.tokens[frame.head]
    return has(frame, frames)


def analyse(parse: Parse, i: int, lex: Lexicon) -> Polarity:
    """The polarity of the event at token i. Negation and negative verbs reach only the event of their
    own clause: not a relative clause, an adverbial clause ("opposed the plan, saying ..."), an adjunct
    ("despite the attack"), nor a noun event another event verb takes as its object ("did not condemn
    the attack"). A condition ("if", "unless"; "until" under a refusal) makes its clause hypothetical."""
    pol = Polarity()
    t = parse.tokens[i]
    w = lex.words
    # "did not believe X" is still a statement made: belief verbs keep their own negation to themselves
    negated = not has(t, w.get("belief_verbs", ())) and (
        _neg_child(parse, t) or any(c.lower == "no" and c.dep == "det" for c in parse.children(i)))
    hypothetical = bool(auxiliaries(parse, t) & HYPO_AUX) or counterfactual(parse, t)
    intended = not hypothetical and (bool(auxiliaries(parse, t) & FUTURE_AUX) or going_to(parse, t))
    question = False
    node, steps, in_clause, reach, alleged_reach = t, 0, True, True, True
    while node.head != node.i and steps < 12:
        steps += 1
        dep, head = node.dep, parse.tokens[node.head]
        mark = {c.lower for c in parse.children(node.i) if c.dep == "mark"}
        if dep not in ALLEGED_PATH:
            alleged_reach = False  # "charged with killing two people protesting": the protest is no charge
        frames = w.get("allegation_frames", ()) if head.lower in ALLEGED_PREPS else \
            w.get("blame_frames", ()) if head.lower == "for" else ()
        if alleged_reach and dep in ("pcomp", "pobj") and frames and _allegation_frame(parse, head, frames):
            # "accused Israel of attacking", "arrested on suspicion of burglary", "charges including
            # conspiring to hack", "blamed India for attacking": what one party is said to have done is
            # entertained, not told as done
            hypothetical = True
        if mark & {"whether"} or (mark & {"if"} and has(head, ("ask", "wonder", "question", "know"))):
            question = True
        elif dep == "advcl" and mark & (CONDITIONAL | w.get("conditional_marks", frozenset())):
            hypothetical = True
        elif dep == "advcl" and "for" in mark and has(head, w.get("appeal_for_verbs", ())):
            hypothetical = True  # "called for the bill to be dropped": asked for, not done
        elif dep == "advcl" and mark & w.get("until_marks", frozenset()) and in_clause and _qualifies(parse, head, lex):
            hypothetical = True  # "refused to negotiate until Britain had withdrawn": a condition
        if reach:
            leaves = _boundary(parse, t, node, head, lex)
            reach = not leaves
            in_clause = in_clause and leaves != "clause"
        if dep == "ccomp" or dep == "parataxis":
            if reach and has(head, lex.negators):
                negated = True
            if in_clause and (((has(head, lex.hypothetical) or has(head, lex.intent)) and not has(head, lex.speech))
                              or has(head, w.get("prediction_verbs", ()))):
                hypothetical = True  # "wants that Putin attacks", "urged that talks resume": someone else's act
            if has(head, lex.speech) and pol.speech_verb is None:
                pol.speech_verb = head.i
            if has(head, ("ask", "wonder", "question")) and mark & {"whether", "if"}:
                question = True
            in_clause = False
        elif dep == "conj" and in_clause:
            # a coordinated verb is a sibling, not a governor: it only shares auxiliaries it lacks
            if not auxiliaries(parse, node):
                intended = intended or bool(auxiliaries(parse, head) & FUTURE_AUX)
                hypothetical = hypothetical or bool(auxiliaries(parse, head) & HYPO_AUX)
        elif dep in CHAIN and in_clause:
            if dep == "acl" and node.tag == "VBG" and head.pos in ("NOUN", "PROPN"):
                # "the calls asking the US to waive": a present participle tells what its noun does; it is
                # not the noun's envisaged act (as "plans to attack" is), nor under what governs the noun
                in_clause = False
                node = head
                continue
            if has(head, w.get("stance_verbs", ())) and not has(node, w.get("denial_objects", ())):
                # "opposed sending troops", "rejected the offer to mediate": envisaged, not undone;
                # "resisted the offensive": it happened
                hypothetical = hypothetical or t.pos == "VERB"
                in_clause = reach = False
                node = head
                continue
            # "are not able to end the violence", "is not willing to help": the copula's negation is
            # the adjective's
            copula_neg = head.dep == "acomp" and head.head != head.i and _neg_child(parse, parse.tokens[head.head])
            if reach and (has(head, lex.negators) or _neg_child(parse, head) or copula_neg or
                          any(c.lower == "no" and c.dep == "det" for c in parse.children(head.i))):
                negated = True
            controlled = dep == "xcomp" and any(c.dep in ("dobj", "dative") and c.i < node.i for c in parse.children(head.i))
            if counterfactual(parse, head):
                hypothetical = True  # "would have allowed China to extradite": it did not happen
            elif controlled and (has(head, lex.intent) or has(head, lex.hypothetical)):
                hypothetical = True  # "wants Putin to attack": wished on another actor
            elif dep == "xcomp" and has(head, w.get("forecast_verbs", ())) and any(
                    c.dep == "auxpass" for c in parse.children(head.i)):
                hypothetical = True  # "Xi has been expected to sign the deal": others' forecast, not his intent
            elif has(head, lex.intent) or (auxiliaries(parse, head) & FUTURE_AUX):
                intended = True  # "seeks to deepen", "will meet"
            elif has(head, lex.hypothetical) or (auxiliaries(parse, head) & HYPO_AUX):
                hypothetical = True
            if dep in ("relcl", "advcl"):
                in_clause = False
        else:
            in_clause = False if dep not in ("prep", "pobj") else in_clause
        node = head
    sent = parse.sentence_of(i)
    if parse.text[sent.start:sent.end].rstrip(" \"'”’)").endswith("?"):
        question = True
    if not question and _commanded(parse, t) and not has(t, w.get("performative_verbs", ())):
        # "take a knife and attack the tourists", he told her: a command asks for the act, it does not
        # report it done ("Thank you" is thanks given, a performative)
        hypothetical, intended = True, False
    if intended and not negated and pol.speech_verb is None and _conditional_would(parse, t):
        # "legislation that would fund the government", "it would probably destroy Mercury": with no
        # one said to promise it, "would" is the conditional mood, not a future ("announced he would
        # resign" keeps its intent; "would not endorse" its refusal)
        intended, hypothetical = False, True
    if (intended or hypothetical) and _performative(parse, t, w):
        intended = hypothetical = False  # "we would like to thank X" thanks X: saying it is doing it
    pol.negated = negated
    pol.modality = ("question" if question else "hypothetical" if hypothetical else "intended" if intended
                    else "reported" if pol.speech_verb is not None else "asserted")
    return pol


def _commanded(parse: Parse, t: Token) -> bool:
    """Is the verb (or the verb it is coordinated with) an imperative heading its own clause or a quoted
    complement ("Attack them", "told her: 'take a knife and attack'")?"""
    node = t
    while node.dep == "conj" and node.head != node.i and not any(
            c.dep in ("nsubj", "nsubjpass") for c in parse.children(node.i)):
        node = parse.tokens[node.head]
    return imperative(parse, node, ("ROOT", "ccomp", "parataxis"))


def imperative(parse: Parse, v: Token, heads: tuple) -> bool:
    """Is v an imperative: a bare base form whose dependency is one of `heads`, with no subject,
    auxiliary or subordinator of its own?"""
    return v.tag == "VB" and v.dep in heads and not any(
        c.dep in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in parse.children(v.i))


def _conditional_would(parse: Parse, t: Token) -> bool:
    """Is the event's own only future auxiliary 'would'?"""
    own = auxiliaries(parse, t)
    return "would" in own and not (own & (FUTURE_AUX - {"would"}))


def _performative(parse: Parse, t: Token, w: dict) -> bool:
    """'We would like to thank X', 'I want to congratulate Y': a speech act a speaker performs by
    saying it, wrapped in a polite wish (first person subject, the act a verb of saying-as-doing)."""
    if t.dep != "xcomp" or not has(t, w.get("performative_verbs", ())):
        return False
    head = parse.tokens[t.head]
    if not has(head, w.get("polite_wishes", ())):
        return False
    return any(c.dep == "nsubj" and c.lower in ("i", "we") for c in parse.children(head.i))


NONFINITE = {"VBG", "VB", "VBN", "TO"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}


def _boundary(parse: Parse, t: Token, node: Token, head: Token, lex: Lexicon) -> Optional[str]:
    """Does the step from `node` up to `head` leave the event's own clause ("clause": nothing that
    governs `head` speaks of the event at `t`), or only the reach of negation ("negation": the event
    is another event's object, which keeps its own negation), or neither (None)?"""
    dep = node.dep
    if dep == "relcl" and not _infinitival(parse, node):
        return "clause"  # "did not expel the diplomats who had attacked": the attack is another clause's
    if dep == "advcl":
        # only a purpose infinitive ("did not come to meet") shares its governor's fate
        purpose = any(c.lower == "to" and c.dep == "aux" for c in parse.children(node.i))
        return "clause" if not purpose or any(c.dep == "mark" for c in parse.children(node.i)) else None
    if dep == "prep" and node.lower in lex.words.get("adjunct_prepositions", ()):
        return "clause"  # "did not retaliate despite the attack"
    if dep == "conj" and node.tag in FINITE and head.tag in NONFINITE:
        return "clause"  # "denied sending arms and criticised the report": criticised is the denial's sibling
    if head.pos == "VERB" and head.i != t.i and _event_verb(head, lex) and (
            t.pos in ("NOUN", "PROPN") or dep == "prep"):
        # "did not condemn the attack", "did not accuse X of supporting": the negation is the
        # condemnation's and the accusation's, not the attack's or the support's
        return "negation"
    return None


def _infinitival(parse: Parse, node: Token) -> bool:
    """'a green light to invade', 'the plan to attack': an infinitive the parser hung on a noun as a relative
    clause is the noun's complement (what is allowed, planned), not a clause of its own."""
    kids = parse.children(node.i)
    return any(c.dep == "aux" and c.lower == "to" for c in kids) and not any(
        c.tag in ("WDT", "WP", "WRB") for c in parse.subtree(node.i))


def _event_verb(t: Token, lex: Lexicon) -> bool:
    """A verb that codes an event of its own (not one that carries, plans, asks for or undoes another)."""
    carriers = lex.support | lex.intent | lex.hypothetical | lex.negators | lex.avowal_verbs
    if has(t, carriers):
        return False
    return has(t, lex.coded_verbs) or has(t, lex.speech) or has(t, lex.words.get("belief_verbs", ()))


def _qualifies(parse: Parse, head: Token, lex: Lexicon) -> bool:
    """An 'until' clause is a condition when what it qualifies is itself negated, refused or only intended."""
    if has(head, lex.negators | lex.words.get("refusal_verbs", frozenset())) or has(head, lex.intent):
        return True  # "refused to talk until ...", the clause hung on the refusal itself
    own = analyse(parse, head.i, lex)
    return own.negated or own.modality in ("intended", "hypothetical")


PRESENT_BE = {"is", "are", "am", "'s", "'re", "’s", "’re"}


def stative_passive(parse: Parse, t: Token) -> bool:
    """'The PKK is banned in Turkey', 'officials are removed from office after ...', 'the rebels are
    backed by Iran': a simple present passive tells a standing state or a habit, not an act that
    happened (the exhaustive guide codes no generic or habitual statements)."""
    if t.tag != "VBN":
        return False
    kids = parse.children(t.i)
    if not any(c.dep == "auxpass" and c.lower in PRESENT_BE for c in kids):
        return False
    return not any(c.dep == "aux" for c in kids)  # "is being held", "has been banned", "will be sent"


def standing_stance(parse: Parse, t: Token, stance_verbs) -> bool:
    """'She opposes the police state', 'both sides oppose Houthi rebels', 'he supports charter schools':
    a stance verb in the simple present tells a standing position, no act (the guide codes no generic
    or habitual statements); 'opposed', 'has opposed', 'is opposing' report one, and 'I reject the
    measure', 'which I endorse' are done by saying them (performatives). Any verb of a relative clause
    in the simple present tells a standing fact the same way ("the subcommittee that funds NASA")."""
    if t.tag not in ("VBZ", "VBP") or auxiliaries(parse, t) or (t.lemma.lower() not in stance_verbs and t.dep != "relcl"):
        return False
    return not any(c.dep == "nsubj" and c.lower in ("i", "we") for c in parse.children(t.i))


def counterfactual(parse: Parse, t: Token) -> bool:
    """'would have attacked', 'could have been stopped': a modal with a perfect tells what did not happen."""
    aux = auxiliaries(parse, t)
    return "have" in aux and bool(aux & COUNTERFACTUAL_MODALS)


def going_to(parse: Parse, t: Token) -> bool:
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
