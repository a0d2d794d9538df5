"""Evaluative statements: a speaker who judges another party in harsh words criticises it.

PLOVER's ACCUSE covers "express disapprovals, objections, and complaints; condemn, decry a policy or
an action; criticize, defame, denigrate responsible parties" (manual ch. 3; CAMEO 111). News mostly
reports such acts without a verb of criticism: the speaker's own words carry the judgement
("Leaving them to die is a big mistake", he said; X called the plan "lousy"). Two places hold them:

- what a speaker said: the content of a quote the quotes stage attributed to a speaker, and the
  complement of a speech verb ("said the decision was reckless");
- a characterisation: "call / describe / label / brand X (as) Y", where Y judges X.

The judgement is read with the VADER valence lexicon (Hutto & Gilbert 2014, MIT, shipped with the
vaderSentiment package) and the words of political denunciation it lacks (lexicon/judgements.yaml):
a sentence of the statement counts when its most negative evaluative word and its overall valence are
both at or below HARSH. Words that state an event of their own (the
lexicon's triggers: "attack", "killed") are the events, not a judgement, and a sentence that already
gave a coded event is left to it. The judged party is the first other actor the judging words name;
when there is none, the event keeps no target (the analyst sees the sentence).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Optional

from ..lexicon import DIR as LEXICON_DIR, load_yaml
from ..model import ActorRef, Parse, Token
from .arguments import FIRST_PERSON
from .lexicon import Lexicon, has

HARSH = -1.3  # on VADER's -4..+4 scale: "mistake" (-1.4) judges, "unclear" (-1.0), "tough" (-0.5) do not
NEGATION_FLIP = -0.74  # VADER's own factor for a negated word ("not right")
EVALUATIVE_POS = {"ADJ", "NOUN", "VERB", "ADV"}
JUDGED_PRONOUNS = {"he", "she", "they", "you", "him", "her", "them", "his", "their", "your", "it", "its"}


@lru_cache(maxsize=1)
def valence() -> dict[str, float]:
    """Word -> mean valence, from the vaderSentiment package's lexicon file, with the words of political
    judgement it lacks (lexicon/judgements.yaml) added."""
    out: dict[str, float] = {}
    text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    for word, value in (load_yaml(LEXICON_DIR / "judgements.yaml") or {}).items():
        out.setdefault(str(word).lower(), float(value))
    return out


@dataclass
class Judgement:
    word: int  # token index of the harshest word: the trigger shown as evidence
    source: ActorRef
    target: Optional[ActorRef]


def _negated(parse: Parse, t: Token) -> bool:
    if any(c.dep == "neg" for c in parse.children(t.i)):
        return True
    head = parse.tokens[t.head]
    return head.i != t.i and head.pos in ("AUX", "VERB") and any(c.dep == "neg" for c in parse.children(head.i))


PREDICATE_DEPS = {"attr", "acomp", "oprd"}


def _predicated(parse: Parse, t: Token, states: frozenset = frozenset()) -> bool:
    """Is the word said OF something: the predicate of a clause ("is a big mistake", "are lying",
    "was reckless") or a modifier of one ("a deeply dangerous way"), with a subject that is not the
    speaker's own side ("we're broken" describes, it does not judge). A word in an object or a
    prepositional phrase ("suffered casualties", "slipped into recession") reports a state of affairs;
    so does an existential clause ("there is severe flooding", "there's a problem": something is, no
    one is judged) and a clause about a state of affairs (`states`: "this is a difficult time")."""
    node = t
    if t.dep in ("amod", "compound", "advmod") and parse.tokens[t.head].dep in PREDICATE_DEPS:
        node = parse.tokens[t.head]
    if node.dep in PREDICATE_DEPS:
        clause = parse.tokens[node.head]
    elif node.pos == "VERB" and node.dep not in ("xcomp", "acl", "relcl", "amod", "advcl", "pcomp"):
        clause = node
    else:
        return False
    subj = next((c for c in parse.children(clause.i) if c.dep in ("nsubj", "nsubjpass", "csubj", "expl")), None)
    if subj is None:
        return node.dep == "oprd"  # "called it lousy": the object is the judged one
    if subj.dep == "expl" and subj.lower == "there" or _a_state(parse, subj, node, states):
        return False
    return subj.lower not in FIRST_PERSON and subj.pos != "NUM"


def _a_state(parse: Parse, subj: Token, node: Token, states: frozenset) -> bool:
    """Is what the clause speaks of a state of affairs: its subject ("the situation will worsen"), or
    the noun a demonstrative subject is equated with ("this is a very difficult time")?"""
    if subj.lemma.lower() in states or subj.lower in states:
        return True
    return subj.lower in ("this", "that", "it") and node.pos == "NOUN" and \
        (node.lemma.lower() in states or node.lower in states)


def harshest(parse: Parse, tokens: Iterable[Token], skip: set[int], lex: Lexicon,
             predicated: bool = True) -> Optional[int]:
    """The token index of the harshest evaluative word among tokens, when their judgement is harsh.
    predicated: count only words said of something (see _predicated); a characterisation's name is."""
    val = valence()
    suffering = lex.words["suffering"]
    total, worst, worst_i = 0.0, 0.0, None
    for t in tokens:
        if t.i in skip or t.pos not in EVALUATIVE_POS or t.ent not in ("",) or has(t, lex.speech):
            continue
        if has(t, suffering) or has(t, lex.words["difficulty_senses"]) or (
                predicated and not _predicated(parse, t, lex.words["state_of_affairs"])):
            continue
        if _entertained(parse, t):
            continue  # "any negative changes could disappoint", "may have been murdered": a possibility, no judgement
        if has(t, lex.words["necessity_senses"]) and _of_need(parse, t):
            continue  # "it would be critical to do it slowly", "critical for the mission": needed, not judged
        v = val.get(t.lower, val.get(t.lemma.lower()))
        if v is None:
            continue
        flipped = _negated(parse, t)
        if flipped:
            v *= NEGATION_FLIP
        total += v
        # a denied praise ("they are not good") weighs in the sum but judges no one by itself
        if v < worst and not flipped:
            worst, worst_i = v, t.i
    if worst_i is not None and worst <= HARSH and total <= HARSH:
        return worst_i
    return None


POSSIBILITY = {"could", "might", "may"}


def _entertained(parse: Parse, t: Token) -> bool:
    """Is the word's clause only a possibility: its verb (or the copula it is the predicate of) takes
    "could", "might" or "may"?"""
    node = parse.tokens[t.head] if t.dep in PREDICATE_DEPS and t.head != t.i else t
    return any(c.dep in ("aux", "auxpass") and c.lower in POSSIBILITY for c in parse.children(node.i))


def _of_need(parse: Parse, t: Token) -> bool:
    """Does the word take a purpose ("critical for the mission") or an act needed, on itself or on its
    copula ("it is critical for the government to act", "critical to do it slowly")?"""
    near = parse.children(t.i) + (parse.children(t.head) if t.dep == "acomp" else [])
    return any((c.dep == "prep" and c.lower in ("to", "for") and c.head == t.i) or
               (c.dep in ("xcomp", "advcl", "ccomp") and any(g.lower == "to" and g.dep == "aux" for g in parse.children(c.i)))
               for c in near)


def _judged(parse: Parse, tokens: list[Token], source: ActorRef,
            actor: Callable[[int], Optional[ActorRef]]) -> Optional[ActorRef]:
    for t in tokens:
        if t.pos not in ("PROPN", "NOUN", "PRON"):
            continue
        ref = actor(t.i)
        if ref is None or (ref.start, ref.end) == (source.start, source.end):
            continue
        if ref.actor and ref.actor == source.actor:
            continue
        if t.pos == "PRON" and t.lower not in JUDGED_PRONOUNS:
            continue
        return ref
    return None


def in_statements(parse: Parse, statements: list[tuple[int, int, ActorRef]], coded: set[int], skip: set[int],
                  lex: Lexicon, actor: Callable[[int], Optional[ActorRef]]) -> list[Judgement]:
    """Harsh judgements in what speakers said: statements are (start, end, speaker) character spans
    (quote contents, speech complements); coded holds the sentences that already gave an event."""
    out, seen = [], set()
    for start, end, speaker in statements:
        toks = parse.tokens_in(start, end)
        by_sent: dict[int, list[Token]] = {}
        for t in toks:
            by_sent.setdefault(t.sent, []).append(t)
        for sent, words in by_sent.items():
            if sent in coded or (sent, speaker.actor or speaker.start) in seen:
                continue
            word = harshest(parse, words, skip, lex)
            if word is None:
                continue
            seen.add((sent, speaker.actor or speaker.start))
            out.append(Judgement(word, speaker, _judged(parse, words, speaker, actor)))
    return out


def characterisations(parse: Parse, lex: Lexicon, skip: set[int], subject: Callable[[Token], list[ActorRef]],
                      actor: Callable[[int], Optional[ActorRef]]) -> list[Judgement]:
    """'X called the move "a smash and grab"', 'described the plan as reckless': the name given judges
    the object (or its owner: "called May's deal lousy" judges May)."""
    out = []
    for v in parse.tokens:
        if v.pos != "VERB" or not has(v, lex.words["characterise"]):
            continue
        kids = parse.children(v.i)
        obj = next((c for c in kids if c.dep in ("dobj", "nsubjpass")), None)
        if obj is None and any(c.dep == "prep" and c.lower == "as" for c in parse.subtree(v.i)):
            # "referred to the protesters as thugs": the one named is the object of "to"
            obj = next((g for c in kids if c.dep == "prep" and c.lower == "to"
                        for g in parse.children(c.i) if g.dep == "pobj"), None)
        if obj is None:  # "considered the candidacy inappropriate", parsed as a clause
            clause = next((c for c in kids if c.dep in ("ccomp", "xcomp") and c.pos in ("ADJ", "NOUN")), None)
            obj = next((g for g in parse.children(clause.i) if g.dep == "nsubj"), None) if clause else None
        if obj is None:  # "called Trump a clown", parsed with the name as a modifier of the noun given
            name = next((c for c in kids if c.dep == "oprd" and c.pos == "NOUN"), None)
            obj = next((t for t in parse.subtree(name.i) if t.i < name.i and t.pos in ("PROPN", "PRON")
                        and t.dep in ("compound", "poss", "nmod")), None) if name is not None else None
        if obj is None or has(obj, lex.words["state_of_affairs"]):
            continue  # "called the crisis the worst in the world": a state of affairs, no one judged
        # the name follows the object: "called the deal lousy" (the parser often hangs a quoted
        # adjective on the object), "described the plan as reckless"
        words = [t for t in parse.subtree(v.i) if t.i > obj.i]
        word = harshest(parse, words, skip, lex, predicated=False)
        sources = subject(v)
        if word is None or not sources:
            continue
        owner = next((c for c in parse.children(obj.i) if c.dep == "poss"), None)
        target = actor(obj.i) or (actor(owner.i) if owner is not None else None)
        out.append(Judgement(word, sources[0], target))
    return out
