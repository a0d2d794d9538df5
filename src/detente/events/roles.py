"""Sources and targets that the plain reading of a trigger's arguments (arguments.py) misses: the owner
of the attack behind a passive harm, a crowd, whoever claimed an attack, the pair "their" stands for,
the subject of a that-clause, the speaker a pronoun stands for."""
from __future__ import annotations

import bisect
from typing import Optional

from ..model import ActorRef
from .arguments import FIRST_PERSON
from . import polarity, triggers
from .lexicon import has
from .state import State


def press(s: State, r: Optional[ActorRef]) -> bool:
    """Is the actor the press (lexicon media_sectors)? It tells of acts, interviews and asks: its
    reports are neither appeals, meetings, accusations nor the force they tell of."""
    return r is not None and (r.sector or "").lower() in s.lex.words["media_sectors"]


def cause(s: State, v) -> list[ActorRef]:
    """'were killed in Israeli tank shelling': the attack's owner is the source of a passive harm."""
    if not any(c.dep in ("nsubjpass", "auxpass") for c in s.p.children(v.i)):
        return []
    preps = s.lex.words["cause_prepositions"]
    for c in s.p.children(v.i):
        if c.dep == "prep" and c.lower in preps:
            for g in s.p.children(c.i):
                if g.dep == "pobj":
                    mods = [m for m in s.p.children(g.i) if m.dep in ("amod", "compound", "poss", "nmod")]
                    for m in mods:
                        refs = s.r.actors(m.i)
                        if refs:
                            return refs
                    for by in s.p.children(g.i):  # "killed in an air strike by government forces"
                        if by.dep == "prep" and by.lower == "by":
                            refs = s.r.pobj_actors(by)
                            if refs:
                                return refs
    return []


def warns_of_own_act(s: State, v) -> bool:
    """Is a warning a threat: the warner says what it will do ("warned it would retaliate", "warned
    that we will respond"), or warns someone off ("warned Iran against attacking", "warned Iran not
    to")? Otherwise it warns of a danger ("warned that millions face hunger", "warned of famine")."""
    kids = s.p.children(v.i)
    public = s.lex.words["warned_public"]
    if any(c.dep in ("dobj", "dative") and s.r.actors(c.i) and c.lower not in public for c in kids):
        return True  # "warned Iran ...": a warning addressed to a party; "warned people to stay away" advises
    own = s.r.verb_source(v)[0]
    for c in kids:
        if c.dep not in ("ccomp", "xcomp"):
            continue
        if c.dep == "xcomp" and any(k.dep in ("dobj", "dative") for k in kids):
            continue  # "warned people to stay away": the people are to do it, not the warner
        subj = next((g for g in s.p.children(c.i) if g.dep in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower in FIRST_PERSON or subj.lower in s.lex.words["speaker_pronouns"]:
            return True  # "warned it would retaliate", "warned: we will respond"
        ref = s.r.actor(subj.i)
        if own and ref is not None and any(ref.actor and ref.actor == o.actor for o in own):
            return True
    return False


def warning_of_a_danger(s: State, t, obj: Optional[int]) -> bool:
    """'a hurricane warning', 'issued a flood warning for the coast': a warning noun whose noun modifier
    names no one is a warning of that danger (012), as the verb's is; 'a stern warning to Iran', 'his
    warning' keep their threat."""
    nouns = [t] if t.pos == "NOUN" else ([s.p.tokens[obj]] if obj is not None else triggers.objects_of(s.p, t))
    noun = next((n for n in nouns if has(n, s.lex.words["warning_nouns"])), None)
    if noun is None:
        return False
    mods = [c for c in s.p.children(noun.i) if c.dep == "compound" and c.pos == "NOUN"]
    return bool(mods) and not any(s.r.actors(c.i) for c in mods)


def accidental(s: State, v) -> bool:
    """'a traffic collision which killed a motorcyclist', 'struck by a car', 'killed in the crash', 'a
    bomber crashed and killed seven', 'a bat struck her', 'a battle with cancer': harm whose cause is an
    accident, a disaster, an illness, an animal or a vehicle is no political event (the coding guide:
    accidents and disasters are not events unless an actor acts)."""
    causes = s.lex.words["accident_causes"]
    near = []
    for c in s.p.children(v.i):
        if c.dep in ("nsubj", "csubj"):
            near.append(c)
        elif c.dep in ("agent", "prep") and (c.lower == "with" if v.pos == "NOUN" else  # "a battle with cancer"
                                              c.lower in ("by", "in", "during", "after")):
            near.extend(g for g in s.p.children(c.i) if g.dep == "pobj")
    if v.dep == "relcl":  # "a collision which killed ..."
        near.append(s.p.tokens[v.head])
    if v.dep == "advcl":  # "seven were killed when a bomber crashed"
        near.append(s.p.tokens[v.head])
    for c in s.p.children(v.i):  # "killed when a ferry capsized": the subject of the when-clause
        if c.dep == "advcl":
            near.extend(g for g in s.p.children(c.i) if g.dep in ("nsubj", "nsubjpass"))
    # "killed when a bomber crashed", "killed on Sunday, when a plane crashed": a clause of the verb's own
    # (hung on it or on its time phrase, no other verb between) whose verb is the accident
    for x in s.p.subtree(v.i):
        if x.dep in ("advcl", "relcl") and has(x, s.lex.words["accident_verbs"]):
            node = s.p.tokens[x.head]
            while node.i != v.i and node.pos not in ("VERB", "AUX") and node.head != node.i:
                node = s.p.tokens[node.head]
            if node.i == v.i:
                return True
    # a named storm is its kind and a name: "Typhoon Haiyan", "Hurricane Maria" (the parser does not
    # always join the two, so the proper nouns just before the name count)
    for x in list(near):
        j = x.i - 1
        while j >= 0 and s.p.tokens[j].pos == "PROPN" and x.i - j <= 3:
            near.append(s.p.tokens[j])
            j -= 1
    return any(has(x, causes) for x in near)


def crowd(s: State, v) -> list[ActorRef]:
    """'Thousands of mourners protested', 'students marched': a protest by people who are no known
    actor is still a protest (its place and date matter to early warning); the source keeps their
    words with no codes."""
    subj = next((c for c in s.p.children(v.i) if c.dep == "nsubj"), None)
    if subj is None and v.dep in ("acl", "relcl"):
        subj = s.p.tokens[v.head]
    elif subj is None and v.dep in ("xcomp", "advcl"):  # "thousands turned out to protest"
        subj = next((c for c in s.p.children(v.head) if c.dep == "nsubj"), None)
    if subj is None or not (people(s, subj) or counted(s, subj) or of_people(s, subj)):
        return []
    return [unnamed(s, subj, local=True)]


def counted(s: State, o) -> bool:
    """'police arrested three', 'thousands marched': a number or a multitude standing alone names
    people counted, not a thing (a sum of money, a date or a share has an entity type of its own)."""
    return (o.pos == "NUM" and o.ent in ("", "CARDINAL")) or o.lemma.lower() in s.lex.words["multitudes"]


def of_people(s: State, o) -> bool:
    """'a group of men', 'dozens of protesters': a word whose "of" names people stands for them."""
    return any(g.dep == "prep" and g.lower == "of" and any(people(s, x) for x in s.p.children(g.i))
               for g in s.p.children(o.i))


def people(s: State, o, names: bool = True) -> bool:
    """'27 Muslims', 'the crew members', 'Pemberton', 'the accused': people, if no known actor. names:
    any capitalised proper noun counts (else only those NER or the parse calls a person's)."""
    return has(o, s.lex.person_nouns) or o.ent in ("PERSON", "NORP") or \
        (names and o.pos == "PROPN" and o.text[:1].isupper()) or triggers.names_people(s.p, o)


def implied_authority(s: State, v, code: str, unsaid: bool = False) -> list[ActorRef]:
    """'An individual has been arrested', 'was found guilty', 'was banned': a state's act (an arrest, a
    verdict, a ban) whose doer a passive leaves unsaid is the state's of where it happened, as the
    exhaustive gold and PLOVER code it. The source has no words of its own: an empty span at the verb,
    with the country and sector (lexicon words: implied_authority) and no actor id. unsaid: the caller
    knows the doer is left unsaid without a passive ("his arrest")."""
    sectors = s.lex.implied_authority
    sector = next((sectors[c] for c in (code, code[:3]) if c in sectors), None)
    if sector is None:
        return []
    kids = s.p.children(v.i)
    # "an operative accused of spying": a participle's noun is the one the act was done to, so it
    # must be someone ("a report alleged that ..." misread as a participle is no accusation of a report)
    passive = s.r.patient(v) is not None or (
        v.dep in ("acl", "relcl") and v.tag == "VBN" and _someone(s, s.p.tokens[v.head]))
    if not unsaid and (not passive or any(c.dep == "agent" for c in kids)):
        return []
    country = local_country(s, v.start)
    if country is None:
        return []
    return [ActorRef(None, "", v.start, v.start, country + sector, country, sector)]


def unnamed_protest_sides(s: State, v, pairs: list) -> list:
    """A protest whose protesters the text does not name ("the protests began in June", "vigils were
    held") is by the civilians of where it happened; one that names no one it is aimed at is aimed at
    that place's government, as ICEWS and the exhaustive gold code them."""
    crowd, gov = local_people(s, v), local_people(s, v, "GOV")
    out = []
    for src, tgt in pairs:
        src = src or (crowd[0] if crowd else None)
        if tgt is None and gov and not (src is not None and src.country == gov[0].country and src.sector == "GOV"):
            tgt = gov[0]
        out.append((src, tgt))
    return out


def local_people(s: State, v, sector: Optional[str] = None) -> list[ActorRef]:
    """The unnamed people (or `sector`) of the country where an event happened. The side has no words
    of its own: an empty span at the trigger, as implied_authority's."""
    country = local_country(s, v.start)
    if country is None:
        return []
    code = (sector or next(iter(s.lex.words["unnamed_crowd_sector"]), "")).upper()
    return [ActorRef(None, "", v.start, v.start, country + code, country, code)]


def _someone(s: State, n) -> bool:
    return bool(s.r.actors(n.i)) or people(s, n)


def local_country(s: State, pos: int) -> Optional[str]:
    """The country of people the text names without one ("thousands of protesters", "an individual"),
    as the actors stage gives agents theirs: the nearest place named before them in the paragraph,
    else the article's most-mentioned country."""
    if s.local is None:
        places = sorted({id(p): p for p in s.place_tok.values() if p.country}.values(), key=lambda p: p.start)
        counts: dict[str, int] = {}
        for a in s.actors:
            if a.country and a.mentions:
                counts[a.country] = counts.get(a.country, 0) + len(a.mentions)
        for p in places:
            counts[p.country] = counts.get(p.country, 0) + 1
        s.local = (places, [p.start for p in places], max(counts, key=lambda c: counts[c]) if counts else None)
    places, starts, dominant = s.local
    para = s.a.text.rfind("\n\n", 0, pos)
    end = s.a.text.find("\n\n", pos)
    end = len(s.a.text) if end < 0 else end
    k = bisect.bisect_left(starts, pos)
    if k > 0 and starts[k - 1] > para:
        return places[k - 1].country  # the nearest place before them in the paragraph
    k = bisect.bisect_right(starts, pos)
    if k < len(starts) and starts[k] < end:
        return places[k].country  # "an individual was arrested in Warsaw"
    return dominant


def addressed_people(s: State, o) -> Optional[ActorRef]:
    """'they must leave', 'foreign powers should get out': parties a speaker addresses who are no known
    actor, by a third-person pronoun or a noun for a state or the public, as the doer of the act asked
    for (not "they must be reported", "they should be mandatory"); the words are kept, no codes
    (obligations.py). Bare "people" and an impersonal "you" ("you have to protect waters") are maxims."""
    verb = s.p.tokens[o.head]
    if o.dep != "nsubj" or verb.lemma.lower() == "be":
        return None
    if o.pos == "PRON":
        if o.lower not in s.lex.words["addressed_pronouns"]:
            return None
    elif not has(o, s.lex.words["public_nouns"]) or any(
            c.dep == "det" and c.lower in ("a", "an", "any", "no", "every") for c in s.p.children(o.i)):
        return None  # "a state that is present must protect citizens": any state, a maxim
    return unnamed(s, o)


def unnamed_speakers(s: State, subj) -> list[ActorRef]:
    """'Others dismissed the claims', 'some called for younger leadership': people the text leaves
    unnamed, by an indefinite pronoun, making a verbal act; the words are kept, no codes (the exhaustive
    gold codes them so). Bare nouns for people ("people have every right to criticise", "women will
    attack") speak of people in general and stay without."""
    if s.r.actors(subj.i) or subj.dep != "nsubj" or subj.lower not in s.lex.words["indefinite_speakers"]:
        return []
    return [unnamed(s, subj)]


def unnamed(s: State, o, country: Optional[str] = None, local: bool = False) -> ActorRef:
    """A side that is no known actor: the words of o's noun phrase, no actor id or code; with local, a
    country not given is the one of where the phrase stands (local_country)."""
    start, end = s.r.np_span(o.i)
    if country is None and local:
        country = local_country(s, start)
    return ActorRef(None, s.a.text[start:end], start, end, None, country)


def addressed_public(s: State, v, sources: list[ActorRef]) -> list[ActorRef]:
    """'Pierce urged voters to ...', 'asked his countrymen to stay home', 'thanked supporters': people
    who are no known actor, addressed by an appeal, a demand or an act done by saying it (thanks,
    congratulations), are the public of the speaker's country
    (else of where it is said), as the exhaustive gold codes them; the words are kept, no codes."""
    for o in s.p.children(v.i):
        if o.dep == "dobj" and o.pos != "PRON" and has(o, s.lex.person_nouns) and not s.r.actors(o.i):
            return [unnamed(s, o, next((r.country for r in sources if r.country), None), local=True)]
    return []


def people_object(s: State, v, numbers: bool = False, named: bool = True) -> list[ActorRef]:
    """'An individual was arrested', 'shot a protester': people who are no known actor, as the target
    of a coercive or violent act whose doer the text does not name; the words are kept, no codes.
    numbers: a bare number counts ("arrested three"); not for harm, where a toll with no doer named
    ("at least 20 were killed") is a disaster's as often as an attack's ("a group of men" counts).
    named: any capitalised name counts ("shelled Kobani": its people); else only words for people and
    names the parser calls a person's ("nominated Jo Jorgensen", not "visited Kenosha")."""
    for o in s.p.children(v.i):
        # "one of the two studies" is no one: a number's "of" must name people
        whole = not any(g.dep == "prep" and g.lower == "of" for g in s.p.children(o.i))
        who = people(s, o, names=named) or counted(s, o) and (of_people(s, o) or numbers and whole)
        if o.dep in ("dobj", "nsubjpass") and not s.r.actors(o.i) and who and o.pos != "PRON":
            # "shelled Kobani": a town struck is its people, of the town's country, not the text's
            place = s.place_tok.get(o.i)
            return [unnamed(s, o, place.country if place is not None and place.country else None, local=True)]
    return []


def struck_place(s: State, ref: ActorRef) -> ActorRef:
    """'missiles struck Kharkiv': a town struck whose name the actors stage took for a person (no code of
    its own; a country or an organisation keeps its own) is its people, of the town's country."""
    if ref.code and ref.code != ref.country:
        return ref  # a known actor: "struck the Syrian army"
    if s.actor_kind(ref.actor) in ("country", "organisation"):
        return ref
    place = next((pl for _, pl in s.places_in(ref.start, ref.end) if pl.country), None)
    if place is None or (place.start, place.end) != (ref.start, ref.end):
        return ref
    return ActorRef(ref.actor, ref.text, ref.start, ref.end, None, place.country, ref.sector)


def object_is_actor(s: State, v) -> bool:
    """Whether a verb that needs an actor as its object (lexicon actor_object: 'released', 'arrested')
    has one: a known actor, people, or no object at all."""
    objs = [c for c in s.p.children(v.i) if c.dep == "dobj"]
    patient = s.r.patient(v)  # "who was arrested": the antecedent; "... but was arrested": the shared subject
    objs += [patient] if patient is not None else []
    if not objs and v.dep in ("acl", "relcl") and v.tag == "VBN":  # "the transcript released by ..."
        objs = [s.p.tokens[v.head]]
    if not objs and has(v, s.lex.words["cognition_senses"]) and any(c.dep == "ccomp" for c in s.p.children(v.i)):
        return False  # "recognize that the deal is unpopular": a thought, no one
    return not objs or any(_names_someone(s, o) or people(s, o) or counted(s, o)
                           or o.lower in s.lex.words["person_object_pronouns"] for o in objs)


def _names_someone(s: State, o) -> bool:
    """Is the object itself an actor (or coordinated ones): "released a letter from his physician"
    released a letter, whoever the letter came from."""
    named = s.r.group(o.i) + [c for c in s.p.children(o.i) if c.dep == "appos"]  # "our host Uberspace"
    return any(s.r.actor(x.i) if x.pos == "PRON" else s.r.ref_at(*s.r.np_span(x.i)) for x in named)


def object_is_place(s: State, v) -> bool:
    """'visited Beijing', 'struck the city of Kharkiv': the object may be a place rather than an actor."""
    return any(c.dep == "dobj" and any(x.i in s.place_tok for x in s.p.subtree(c.i)) for c in s.p.children(v.i))


def clause_subject(s: State, t) -> list[ActorRef]:
    """'alleged that France was aware', 'demanded that Israel withdraw': whom a demand, reproach or
    threat about a that-clause is aimed at is the clause's subject."""
    for c in s.p.children(t.i):
        if c.dep == "ccomp":
            subj = next((g for g in s.p.children(c.i) if g.dep in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos != "PRON":
                return s.r.actors(subj.i)
    return []


def claimed_for(s: State, t) -> list[ActorRef]:
    """'X claimed responsibility for the bombing': who claims an attack is its source."""
    if t.dep != "pobj":
        return []
    prep = s.p.tokens[t.head]
    noun = s.p.tokens[prep.head]
    if prep.lower != "for" or noun.lemma.lower() not in s.lex.words["responsibility_nouns"]:
        return []
    verb = s.p.tokens[noun.head] if noun.dep == "dobj" else noun
    if not has(verb, s.lex.words["responsibility_verbs"]):
        return []
    return s.r.verb_source(verb)[0]


def their(s: State, t) -> list[ActorRef]:
    """'their most serious military confrontation': 'their' is the pair named just before."""
    poss = [c for c in s.p.children(t.i) if c.dep == "poss" and c.lower in s.lex.words["pair_determiners"]]
    if not poss:
        return []
    sent = s.p.tokens[t.i].sent
    first = s.p.sentences[max(0, sent - 1)].first
    best: list[ActorRef] = []
    for tok in s.p.tokens[first:poss[0].i]:
        if any(c.dep == "conj" for c in s.p.children(tok.i)) and tok.pos in ("PROPN", "NOUN", "PRON"):
            group = s.r.actors(tok.i)
            if len(group) > 1:
                best = group
    return best


def pronoun_subject(s: State, t):
    """An unresolved pronoun subject under a speech verb is the speaker: "Israel announced it would
    free ...", "We see an opportunity ...", he said. Returns the pronoun (or None)."""
    subj = [c for c in s.p.children(t.i) if c.dep in ("nsubj", "poss")]
    node = t
    while not subj and node.dep in ("xcomp", "acl", "pcomp", "prep", "pobj", "dobj") and node.head != node.i:
        node = s.p.tokens[node.head]
        subj = [c for c in s.p.children(node.i) if c.dep in ("nsubj", "poss")]
    if subj and subj[0].lower in FIRST_PERSON | s.lex.words["speaker_pronouns"]:
        return subj[0]
    return None


def person_told_before(s: State, pron) -> Optional[ActorRef]:
    """The person a "he" or "she" stands for when its own sentence told of one before it as a
    clause's subject by a word for people ("a New York man", "the suspect"), whom the speaker-pronoun
    rule would otherwise take for the speaker."""
    if pron.lower not in ("he", "she", "him", "her"):
        return None
    for tok in s.p.tokens_in(s.p.sentence_of(pron.i).start, pron.start):
        if tok.dep in ("nsubj", "nsubjpass") and tok.pos == "NOUN" and has(tok, s.lex.person_nouns):
            known = s.r.actors(tok.i)  # "a Kenyan man": the nationality's actor
            return known[0] if known else unnamed(s, tok, local=True)
    return None


def agrees(s: State, pron, speaker: ActorRef) -> bool:
    """Can a singular neuter pronoun ("it") stand for the speaker? Not for people named by a plural
    common noun ("officials", "police officers"): it stands for something else told before. A body
    whose name is plural in form ("the Syrian Democratic Forces", "the United Nations") is one."""
    if pron.lower not in ("it", "its"):
        return True
    head = s.p.token_at(speaker.end - 1)
    return head is None or head.tag != "NNS"


def quote_speaker(s: State, t) -> tuple[Optional[ActorRef], bool]:
    """Inside a quote, a verb whose subject is the first person ("I urge", "we will send") or that
    is an imperative ("Please go") is the speaker's act: (the quotes stage's speaker, when it resolved;
    whether the verb is an imperative, i.e. the speaker asks for it rather than does it)."""
    q = s.quote_at(t.start, lambda q: q.speaker is not None and bool(q.speaker.actor or q.speaker.country))
    if q is None:
        return None, False
    subj = [c for c in s.p.children(t.i) if c.dep in ("nsubj", "nsubjpass")]
    node = t
    while not subj and node.dep in ("xcomp", "conj") and node.head != node.i:
        node = s.p.tokens[node.head]
        subj = [c for c in s.p.children(node.i) if c.dep in ("nsubj", "nsubjpass")]
    if subj:
        return (q.speaker if subj[0].lower in FIRST_PERSON else None), False
    return (q.speaker, True) if polarity.imperative(s.p, node, ("ROOT",)) else (None, False)


def speaker(s: State, speech_verb: Optional[int]) -> Optional[ActorRef]:
    """Who said it: the first source of the speech verb."""
    if speech_verb is None:
        return None
    refs = s.r.verb_source(s.p.tokens[speech_verb])[0]
    return refs[0] if refs else None
