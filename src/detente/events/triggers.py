"""Triggers: the words in a parse that state an event, each with its CAMEO code.

Verbs are matched first with their particle, object or preposition patterns ("hand over",
"impose sanctions", "recommend ... for the prize"), then alone; nouns name events of their own
("the Kabul bombing", "a ceasefire"), unless a verb pattern already used them as its object.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Parse, Token
from . import petrarch
from .lexicon import Lexicon, Pattern, has, lemma, lemmas

VERB_POS = {"VERB"}
NOUN_POS = {"NOUN", "PROPN"}
# nouns used as modifiers ("attack helicopter", "peace talks" is fine: there 'talks' is the head)
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}


@dataclass
class Trigger:
    i: int  # head token of the trigger
    code: str
    kind: str  # verb | noun
    tokens: list[int] = field(default_factory=list)  # all trigger words (verb + particle)
    obj: Optional[int] = None  # the object noun a pattern named ("relationship" in "expand ... relationship")
    lemma: str = ""
    swap: bool = False  # roles turned round: "received weapons from X"
    dyadic: bool = False  # a PETRARCH verb's default code: an event only with a source and a target


def has_object(parse: Parse, v: Token) -> bool:
    return any(c.dep in ("dobj", "obj") for c in parse.children(v.i))


def objects_of(parse: Parse, v: Token) -> list[Token]:
    """Direct objects of a verb, with their conjuncts; the passive subject counts as the object, and so
    does an object predicate ("was found guilty", "found him guilty": an adjective small clause) and a
    subject's ("pleaded guilty")."""
    out = []
    for c in parse.children(v.i):
        if c.dep in ("dobj", "nsubjpass", "obj", "attr", "oprd") or (c.dep == "dative" and c.pos in NOUN_POS) or \
                (c.dep in ("ccomp", "acomp") and c.pos == "ADJ"):
            out.append(c)
            out.extend(k for k in parse.children(c.i) if k.dep == "conj")
    return out


def _match_pattern(parse: Parse, v: Token, pat: Pattern) -> Optional[tuple[list[int], Optional[int]]]:
    if not (lemmas(v) & pat.verbs):
        return None
    kids = parse.children(v.i)
    words, obj = [v.i], None
    if pat.particle:
        prt = [c for c in kids if c.dep == "prt" and c.lower == pat.particle]
        if not prt:
            return None
        words.append(prt[0].i)
    if pat.objects:
        objs = [o for o in objects_of(parse, v) if lemmas(o) & pat.objects]
        if not objs:
            return None
        obj = objs[0].i
    if pat.prep:
        near = kids + (parse.children(obj) if obj is not None else [])  # "assurances from X" hangs off the noun
        # "agreed on Monday": a preposition that gives the date is no argument of the verb
        preps = [c for c in near if c.dep in ("prep", "agent", "dative") and c.lower == pat.prep
                 and not any(p.ent in ("DATE", "TIME") for p in parse.children(c.i) if p.dep == "pobj")]
        if not preps:
            return None
        if pat.pobjs:
            pobjs = [p for pr in preps for p in parse.children(pr.i) if p.dep == "pobj" and lemmas(p) & pat.pobjs]
            if not pobjs:
                return None
    return words, obj


def verb_trigger(parse: Parse, v: Token, lex: Lexicon) -> Optional[Trigger]:
    trig = _verb_trigger(parse, v, lex)
    named = _manner_of(parse, v, lex) if trig is not None else None
    if named is not None and named.code[:2] != trig.code[:2]:
        return None  # "the attack using drones": how the named event was done, no event of its own
    return trig


def _manner_of(parse: Parse, v: Token, lex: Lexicon) -> Optional[Trigger]:
    """The event noun a present participle says how was done: "the attack using drones", "carried out
    the attack using drones" (the participle on the support verb of the noun)."""
    if v.tag != "VBG" or v.dep not in ("acl", "advcl"):
        return None
    head = parse.tokens[v.head]
    if v.dep == "advcl" and has(head, lex.support):
        head = next((c for c in parse.children(head.i) if c.dep == "dobj"), head)
    return noun_trigger(parse, head, lex) if head.pos in NOUN_POS else None


NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "LAW", "PERSON", "GPE", "LOC"}


def _in_a_name(parse: Parse, v: Token) -> bool:
    """'NASA's Volatiles Investigating Polar Exploration Rover': a capitalised verb form inside a named
    entity, past its sentence's first word, is a word of the name, not an act."""
    return v.ent in NAME_LABELS and v.text[:1].isupper() and v.i > parse.sentence_of(v.i).first


def _verb_trigger(parse: Parse, v: Token, lex: Lexicon) -> Optional[Trigger]:
    if v.pos not in VERB_POS or v.dep == "prep":
        return None  # "according to", "including", "following": a verb form that works as a preposition
    if names_people(parse, v) or _in_a_name(parse, v):
        return None
    if has(v, lex.words["dummy_subject_verbs"]) and any(c.dep == "nsubj" and c.lower == "it" for c in parse.children(v.i)):
        return None  # "when it comes to the President": a topic, no one comes
    for pat in lex.patterns_for(lemmas(v)):  # most specific first
        hit = _match_pattern(parse, v, pat)
        if hit:
            code = pat.code
            if hit[1] is not None:  # "held joint exercises": the object's own modifier pattern is more precise
                code = _noun_pattern(parse, parse.tokens[hit[1]], lex) or code
            return Trigger(v.i, code, "verb", sorted(hit[0]), hit[1], lemma(v), pat.swap)
    forms = _prefixed(parse, v) + word_forms(v)
    form_set = set(forms)
    if not _has_content(parse, v, form_set, lex):
        return None
    pet, pet_bare = _petrarch_pattern(parse, v, forms, lex)
    if pet == petrarch.NO_EVENT:
        # PETRARCH's null pattern says the phrase is no event ("seized the opportunity"), whoever codes the verb
        return None
    code = next((lex.verbs[f] for f in forms if f in lex.verbs), None)
    if code and has_object(parse, v) and form_set & lex.words["intransitive_events"]:
        code = None  # "demonstrated a lack of", "rallied support": with an object the verb means another thing
    bare = False
    if code is None:
        code, bare = pet, pet_bare
    if code is None and form_set & lex.words["appeal_for_verbs"] and any(
            c.dep == "advcl" and any(m.dep == "mark" and m.lower == "for" for m in parse.children(c.i))
            for c in parse.children(v.i)):
        code = "020"  # "called for the bill to be dropped": an appeal for what the clause says
    if code is None and form_set & lex.words["crowd_verbs"]:
        code = CROWD_CODE  # "protesters gathered": a demonstration if the crowd is no known actor (coding)
    if code is None and _asks_to(parse, v):
        code = next((lex.appeal_control[f] for f in forms if f in lex.appeal_control), None)
    if code is None and form_set & lex.words["refusal_verbs"]:
        # "refused to play for Iran", "declined to take part": refusing what is no event of its own is
        # a rejection (120); a refused event is coded through it (coding._refusal), a refusal to comment
        # is no act
        comp = next((c for c in parse.children(v.i) if c.dep == "xcomp" and c.pos in VERB_POS), None)
        if comp is not None and not has(comp, lex.speech) and not has(comp, lex.words["silence_verbs"]) \
                and verb_trigger(parse, comp, lex) is None:
            code = "120"
    if code is None:  # PETRARCH's verb alone: it codes one only between a source and a target
        pet = petrarch.index().verbs
        skip = not form_set.isdisjoint(lex.own_verbs) or not form_set.isdisjoint(lex.words["outcome_verbs"])
        code = None if skip else next((pet[f] for f in forms if f in pet), None)
        return Trigger(v.i, code, "verb", [v.i], None, lemma(v), dyadic=True) if code else None
    return Trigger(v.i, code, "verb", [v.i], None, lemma(v), dyadic=bare)


NOMINAL_DEPS = {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "appos"}


def names_people(parse: Parse, v: Token) -> bool:
    """'arrested the accused', 'the wounded were taken to hospital': a past participle with a determiner,
    standing where a noun stands, names the people it happened to, not an act (a gerund with a
    determiner, 'the killing of X', does name an act and is left alone)."""
    return v.tag == "VBN" and v.dep in NOMINAL_DEPS and any(c.dep == "det" for c in parse.children(v.i))


CROWD_CODE = "141"
REFUSAL_CODES = ("12", "016")  # CAMEO's rejections and denials: acts a negating verb states itself
BINDING_AUX = {"will", "would", "shall", "should", "must", "'ll", "’ll", "wo"}


def _has_content(parse: Parse, v: Token, forms: set, lex: Lexicon) -> bool:
    """Is this an act at all? 'agreed' shares an opinion unless something is agreed to or on; 'led to
    X' tells a consequence."""
    kids = parse.children(v.i)
    if forms & lex.words["agreement_verbs"]:
        return any(c.dep in ("xcomp", "dobj") or (c.dep == "prep" and c.lower in lex.words["agreement_preps"])
                   or (c.dep == "ccomp" and _binds(parse, c)) for c in kids)
    if forms & lex.words["auxiliary_help_verbs"] and any(c.dep in ("xcomp", "ccomp") and c.pos in VERB_POS for c in kids):
        return False
    if forms & lex.words["causal_verbs"]:
        return not (any(c.dep == "prep" and c.lower == "to" for c in kids) and not any(c.dep == "dobj" for c in kids))
    return True


def _binds(parse: Parse, clause: Token) -> bool:
    """'agreed that they would withdraw': what is agreed is to be done (an agreement, not an opinion)."""
    return any(c.dep == "aux" and c.lower in BINDING_AUX for c in parse.children(clause.i))


# what a verb phrase is, for PETRARCH's patterns: the verb's own words, not its other clauses
# a pattern reads the verb's own phrase: not its clauses, its subject, nor a participle on its object
# ("carried out the attack using ten drones": the drones are the attack's, not the carrying's)
FUNCTION_POS = {"ADP", "PART", "DET", "CCONJ", "SCONJ"}
_VP_STOP = {"ccomp", "xcomp", "advcl", "parataxis", "relcl", "acl", "csubj", "nsubj", "nsubjpass", "mark", "punct"}


def _phrase_words(parse: Parse, head: Token, own_preps: bool = True) -> set[str]:
    """The words of head's phrase; with own_preps False, the head's own prepositions stand in it but
    not their objects (PETRARCH's object words)."""
    out, stack = set(), [head.i]
    while stack:
        j = stack.pop()
        for c in parse.children(j):
            if c.i < head.i or c.dep in _VP_STOP or (c.dep == "conj" and c.pos in VERB_POS):
                continue
            if c.lower == "according":
                continue  # "hit by hurricanes according to CNN": who tells it, no word of the act's
            if own_preps or j != head.i or c.dep != "prep":
                stack.append(c.i)
            if c.pos in FUNCTION_POS and j != head.i:
                continue  # "led Trump 47 percent to 40": a pattern's bare "TO" is the verb's own word
            out.add(c.lower)
            out.add(lemma(c))
    return out


def _petrarch_pattern(parse: Parse, v: Token, forms: list[str], lex: Lexicon) -> tuple[Optional[str], bool]:
    """PETRARCH2's verb patterns (lexicon/petrarch): the verb with the object and prepositional words
    that decide its code ("rush humanitarian aid" 0233, "ask for extradition" 0213); the most specific
    pattern whose words all stand in the verb's phrase wins."""
    # "spared Idlib an assault": a verb that cancels its object is no act of its own, unless the refusal
    # is the act PETRARCH names ("denied permission" 120, "rejected the proposal" 120, "denied the
    # charges" 016)
    negator = bool(set(forms) & lex.negators)
    index = petrarch.index()
    if not any(f in index.patterns for f in forms):
        return None, False
    preps = {c.lower: c for c in parse.children(v.i) if c.dep in ("prep", "agent", "dative")}
    # PETRARCH's object words are the verb's objects (and bare particles: "ARGUE * ABOUT"), not the words
    # of its prepositional phrases, which the patterns name apart ("said in the release" is no
    # "SAY * RELEASE" 0841)
    words = _phrase_words(parse, v, own_preps=False)
    pats = [p for f in forms for p in index.candidates(f, words)]
    under: dict[int, set[str]] = {}
    for pat in pats:  # most specific first
        if not all(slot.met(words) for slot in pat.objects):
            continue
        ok = True
        for alts, slots in pat.preps:
            prep = next((preps[a] for a in alts if a in preps), None)
            if prep is None:
                ok = False
                break
            if prep.i not in under:
                under[prep.i] = _phrase_words(parse, prep)
            if not all(slot.met(under[prep.i]) for slot in slots):
                ok = False
                break
        if ok and negator and not pat.code.startswith(REFUSAL_CODES):
            continue
        if ok:
            return pat.code, not pat.objects and all(not slots for _, slots in pat.preps)
    return None, False



def _asks_to(parse: Parse, v: Token) -> bool:
    """'asked Obama to help', 'Obama was pressed to resign': someone is asked to do something."""
    kids = parse.children(v.i)
    def to(c):
        return any(g.dep == "aux" and g.lower == "to" for g in parse.children(c.i))

    to_clause = [c for c in kids if c.dep == "xcomp" or (c.dep == "advcl" and to(c))]
    if any(c.dep in ("dobj", "nsubjpass") for c in kids) and to_clause:
        return True
    # "wants Putin to attack": the asked party parsed as the subject of a to-clause
    return any(c.dep == "ccomp" and to(c) and any(g.dep == "nsubj" for g in parse.children(c.i)) for c in kids)


def noun_trigger(parse: Parse, n: Token, lex: Lexicon) -> Optional[Trigger]:
    if n.pos not in NOUN_POS or n.dep in MODIFIER_DEPS or n.ent not in ("", "EVENT"):
        return None  # a named entity's word is no event: "March" (DATE), "Christian Aid" (ORG)
    code = _noun_pattern(parse, n, lex)
    if code:
        return Trigger(n.i, code, "noun", [n.i], None, lemma(n))
    code = noun_code(n, lex)
    return Trigger(n.i, code, "noun", [n.i], None, lemma(n)) if code else None


def noun_code(n: Token, lex: Lexicon) -> Optional[str]:
    """The CAMEO code detente's noun table gives the word n ("attack" 190, "protest" 141), or None."""
    return next((lex.nouns[f] for f in word_forms(n) if f in lex.nouns), None)


def _noun_pattern(parse: Parse, n: Token, lex: Lexicon) -> Optional[str]:
    names = lemmas(n)
    mods = {lemma(c) for c in parse.children(n.i) if c.dep in ("compound", "amod", "nmod")}
    for nouns, modifiers, code in lex.noun_patterns:
        if names & nouns and mods & modifiers:
            return code
    return None


def _prefixed(parse: Parse, v: Token) -> list[str]:
    """'re-examine', split by the tokenizer into "re", "-", "examine": the whole word, with and without
    its hyphen, so the lexicon's "re-examine" is found (and "examine" alone does not stand for it)."""
    if v.i < 2:
        return []
    pre, dash = parse.tokens[v.i - 2], parse.tokens[v.i - 1]
    if dash.text != "-" or pre.end != dash.start or dash.end != v.start or not pre.text.isalpha():
        return []
    return [f"{pre.lower}-{lemma(v)}", f"{pre.lower}{lemma(v)}"]


def word_forms(t: Token) -> list[str]:
    """The lemma first, then the word itself, then the rule-based base forms."""
    first = [lemma(t), t.lower]
    return first + sorted(lemmas(t) - set(first))


def find(parse: Parse, lex: Lexicon, first: int = 0, last: Optional[int] = None) -> list[Trigger]:
    """Every trigger among tokens [first, last)."""
    last = len(parse.tokens) if last is None else last
    verbs, used = [], set()
    for t in parse.tokens[first:last]:
        trig = verb_trigger(parse, t, lex)
        if trig:
            verbs.append(trig)
            if trig.obj is not None:
                used.add(trig.obj)
    nouns = []
    for t in parse.tokens[first:last]:
        if t.i in used:
            continue
        trig = noun_trigger(parse, t, lex)
        if trig:
            nouns.append(trig)
    return sorted(verbs + nouns, key=lambda tr: tr.i)
