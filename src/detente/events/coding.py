"""The coding of one article: every trigger read into events with their sides, polarity and speaker,
then the article-level passes (headline, statements, implicit targets) and the folding of duplicates."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Optional

from .. import ontology
from ..actors import MentionIndex
from ..model import Actor, ActorRef, Article, Event, Parse, Place, Quote
from . import conventions, dedupe, evaluation, headline, obligations, polarity, roles, triggers, when_where, where
from .arguments import Resolver
from .lexicon import has, intention, load
from .record import event, same
from .state import State
from .statements import answered_questions, claimed_wrongs, statements
from .targets import ADDRESSED_ROOTS, APPEAL_ROOT, addressed_targets, implicit_targets

MAX_EVENTS_PER_SENTENCE = 8
VIOLENT_ROOTS = ("18", "19", "20")
CROWD_ROOTS = ("14",)
ALLEGED_ROOTS = ("11",)  # "is accused of", "is charged with": the present passive of an allegation reports it
CLAUSE_TARGET_ROOTS = ("02", "10", "11", "12", "13")
PESSIMISTIC = "012"
# meetings, calls and negotiations take two parties; visits, summits and mediation may name one
TWO_PARTY = ("040", "041", "046")
CONSULT_ROOT = "04"  # consultations: one the press seeks is an interview
OCCUPY = "192"  # CAMEO "occupy territory": coded only with the territory or party it holds
INVESTIGATE_ROOT = "09"  # investigations: one of a field of research is no inquiry into anyone (_of_another_domain)
DEMAND_ROOT = "10"  # demands: an order whose clause is an act is that act (_order_that_acts)
# APPEAL_ROOT (targets.py), appeals: one the press makes is a reporter's question ("Wikinews asked X how ...")
# protests, coercion and violence are news even when the text names no doer ("the protests began")
ANCHORED_ROOTS = ("14", "17", "18", "19", "20")
# appeals and demands addressed to people who are no known actor: "urged voters to"
PUBLIC_ADDRESSED_ROOTS = ("02", "10")
ANCHOR_PREPS = {"in", "during", "after", "since", "following", "amid"}
PROMISE_ROOT = "03"  # expressions of intent to cooperate (PLOVER AGREE)
THREAT_ROOT, FORCE_THREAT = "13", "138"  # threats; a threat of military force
STATEMENT = "010"  # a plain statement: CAMEO 01, no PLOVER type


def code(article: Article, parse: Parse, actors: list[Actor], places: list[Place],
         quotes: Optional[list[Quote]] = None) -> list[Event]:
    """The article's events, duplicates folded, at most MAX_EVENTS_PER_SENTENCE a sentence."""
    s = State(article, parse, actors, load(), Resolver(parse, MentionIndex(actors).ref_at),
              place_tok=when_where.place_tokens(parse, places), times=when_where.timexes(article, parse),
              quotes=[q for q in quotes or [] if not q.scare])
    when_where.quoted_deixis(s)
    trigs = triggers.find(s.p, s.lex)
    s.trigger_tokens = {t.i for t in trigs}
    by_tok = {t.i: t for t in trigs}
    events: list[Event] = []
    # nominal events first: a verb whose subject is "the bombing" inherits the bombing's source
    for trig in sorted(trigs, key=lambda t: t.kind != "noun"):
        if trig.i in s.consumed or _governs_event(s, trig, by_tok):
            continue
        events.extend(_code(s, trig))
    if s.headline_end and not any(e.trigger.start < s.headline_end for e in events):
        events.extend(headline.read(s)[:MAX_EVENTS_PER_SENTENCE])
    events = statements(s, events)
    events.extend(claimed_wrongs(s, events))
    events.extend(_judgements(s, events))
    events = dedupe.drop_subsumed(events, lambda e, o: _restates(s, e, o), lambda e: _is_noun(s, e))
    answered_questions(s, events)
    implicit_targets(s, events)
    addressed_targets(s, events)
    where.unplace_sides(s, events)
    events.sort(key=lambda e: (e.trigger.start, e.id))
    events = dedupe.merge(dedupe.fold_coded_twins(events), s.headline_end)
    when_where.known_happening_dates(s, events)
    return dedupe.actions(dedupe.unique_ids(_cap(s, conventions.apply(events, s.lex, s.p))))


def _judgements(s: State, events: list[Event]) -> list[Event]:
    """What speakers' own words do: harsh words about others are a criticism (111), in what a quote or
    a speech verb's complement says and in a characterisation ("called the plan reckless"); saying
    another party must or should act is a demand or appeal on it (obligations.py)."""
    tok_of = {id(e): s.p.token_at(e.trigger.start) for e in events}
    coded = {tok.sent for e in events if e.plover and (tok := tok_of[id(e)]) is not None}
    asked = {tok.sent for e in events if e.plover == "REQUEST" and (tok := tok_of[id(e)]) is not None}
    said = [(q.start, q.end, q.speaker) for q in s.quotes if q.speaker is not None
            and (q.speaker.actor or q.speaker.country)]  # an unresolved "he" is no identifiable actor
    for t in s.p.tokens:
        # what a speaker predicts or warns may happen ("predicts Biden defeats Trump") judges no one
        if t.pos == "VERB" and has(t, s.lex.speech) and not has(t, s.lex.words["prediction_verbs"]):
            comp = [c for c in s.p.children(t.i) if c.dep in ("ccomp", "parataxis")]
            speaker = roles.speaker(s, t.i) if comp else None
            if speaker is not None:
                sub = s.p.subtree(comp[0].i)
                said.append((sub[0].start, sub[-1].end, speaker))
    found = evaluation.in_statements(s.p, said, coded, s.trigger_tokens, s.lex, s.r.actor)
    found += evaluation.characterisations(s.p, s.lex, s.trigger_tokens, lambda v: s.r.verb_source(v)[0], s.r.actor)
    demands = obligations.find(s.p, said, asked, s.lex, s.r.actor, lambda i: roles.addressed_people(s, s.p.tokens[i]))
    out = []
    for word, code, src, tgt in [(j.word, "111", j.source, j.target) for j in found] + \
            [(d.word, d.code, d.source, d.target) for d in demands]:
        w = s.p.tokens[word]
        trig = triggers.Trigger(word, code, "verb" if w.pos in ("VERB", "AUX") else "noun", [word], None, w.lemma.lower())
        out.append(event(s, trig, src, tgt, polarity.Polarity(False, "asserted"), None))
    return out


def _governs_event(s: State, trig: triggers.Trigger, by_tok: dict) -> bool:
    """'pledged to expel', 'agreed to lift sanctions': the intent verb gives way to the event it governs;
    so does a verb whose object is an intent noun ("announced plans to pull out of Iran")."""
    if trig.kind != "verb":
        return False
    planned = [o for o in s.p.children(trig.i) if o.dep == "dobj" and has(o, s.lex.intent)]
    if not trig.code.startswith("12") and any(  # "declined his offer to resign" stays a rejection
            c.dep == "acl" and c.i in by_tok for o in planned for c in s.p.children(o.i)):
        return True
    return has(s.p.tokens[trig.i], s.lex.intent | s.lex.avowal_verbs) and \
        any(c.dep == "xcomp" and c.i in by_tok for c in s.p.children(trig.i))


def _code(s: State, trig: triggers.Trigger) -> list[Event]:
    """The events of one trigger: its sources and targets, paired, with polarity and speaker."""
    t = s.p.tokens[trig.i]
    between = False
    if trig.code.startswith(VIOLENT_ROOTS) and roles.accidental(s, t):
        return []  # harm done by a storm, a crash or an illness, whatever the parser took for its doer
    if trig.code.startswith(VIOLENT_ROOTS) and _of_another_domain(s, t, trig, "figurative_domains"):
        return []  # "the trade war", "a legal battle", "fought a bitter court fight": no force
    if trig.code.startswith(INVESTIGATE_ROOT) and _of_another_domain(s, t, trig, "research_fields"):
        return []  # "conducted epidemiological investigations": research, no one investigated for wrongdoing
    if trig.kind == "verb" and _described_as(s, t):
        return []  # "the assailant, reported by The Guardian as convicted of assaults": who he is, no act
    if trig.kind == "verb" and trig.code.startswith(DEMAND_ROOT) and _order_that_acts(s, t):
        return []  # "signed a decree banning the niqab": the decree's act is the event, coded from its verb
    if trig.kind == "noun":
        if has(t, s.lex.words["situation_nouns"] | s.lex.words["standing_nouns"]) and \
                not s.dates_itself(t.i):
            return []  # "Syria's seven-year war", "the Iran-Iraq War": a situation, not an act
        if t.dep == "dobj" and has(s.p.tokens[t.head], s.lex.avowal_verbs) and _threat_of(s, trig.code):
            return []  # "promised protests": the promise is the threat (_vowed_hostility), nothing is done yet
        if has(t, s.lex.words["process_nouns"]) and t.dep == "pobj" and not s.dates_itself(t.i):
            return []  # "agreed to help with Mueller's investigation": the inquiry is background
        sources, targets, between = s.r.noun_roles(t, trig.code, lambda i: i in s.place_tok)
        if sources and not targets and has(t, s.lex.words["patient_nouns"]):
            poss = next((c for c in s.p.children(t.i) if c.dep == "poss"), None)
            if poss is not None and sources == s.r.actors(poss.i) and \
                    not any(c.dep == "prep" and c.lower == "of" for c in s.p.children(t.i)):
                # "his arrest": he was arrested, by the state of where it happened (as a passive's)
                sources, targets = roles.implied_authority(s, t, trig.code, unsaid=True), sources
        head = s.p.tokens[t.head]
        if t.dep == "pobj" and head.dep == "prep" and head.lower in ("in", "into"):
            head = s.p.tokens[head.head]  # "engaged peacekeepers in a firefight"
        if t.dep in ("dobj", "nsubjpass", "pobj") and has(head, s.lex.support) and head.i != t.i:
            if not sources:
                sources = s.r.verb_source(head)[0]
            if not targets:
                targets = [r for r in s.r.verb_targets(head, t.i)]
        if not sources:
            sources = roles.claimed_for(s, t)
        if not sources:
            sources = roles.their(s, t)
        toll = _toll(s, t)
        for v in sorted(toll) if not targets and not has(t, s.lex.words["crime_nouns"]) else ():
            # "two people were killed in a suicide bombing": its victims, when the text says whose they
            # are (else the struck people of where it happened, below)
            targets = [r for r in s.r.verb_targets(s.p.tokens[v], None) or roles.people_object(s, s.p.tokens[v])
                       if r.country]
            if targets:
                break
        s.consumed.update(toll)
        s.noun_sources[t.i] = sources
    else:
        if polarity.stative_passive(s.p, t) and not trig.code.startswith(ALLEGED_ROOTS):
            return []  # "the PKK is banned in Turkey": a state; "X is accused of Y" reports an accusation
        if polarity.standing_stance(s.p, t, s.lex.words["standing_stance_verbs"]):
            return []  # "she opposes the police state", "the subcommittee that funds NASA": no act
        if polarity.standing_stance(s.p, t, s.lex.words["standing_state_verbs"]) and not any(
                c.dep == "dobj" and (c.i in s.trigger_tokens or has(c, s.lex.words["gathering_nouns"]))
                for c in s.p.children(t.i)):
            return []  # "Turkey hosts 3.6 million refugees": a standing state; "Japan hosts the summit" is an event
        sources, src_tok = s.r.verb_source(t)
        if not sources and src_tok is not None and src_tok.i in s.noun_sources and \
                trig.code.startswith(VIOLENT_ROOTS):
            # "the bombing killed 180": the bombers killed; but an attack that "raised concerns"
            # voiced nothing
            sources = s.noun_sources[src_tok.i]
        if not sources and src_tok is not None and src_tok.dep == "agent" and src_tok.head == t.i and \
                not trig.code.startswith(VIOLENT_ROOTS) and not _someone_by(s, src_tok):
            return []  # "valuations supported by low bond yields", "a bill backed by evidence": a thing did it
        if not sources and trig.code.startswith(VIOLENT_ROOTS):
            sources = roles.cause(s, t)
        if not sources and trig.code.startswith(CROWD_ROOTS):
            sources = roles.crowd(s, t)
        if has(t, s.lex.words["crowd_verbs"]) and trig.code == triggers.CROWD_CODE and not (sources and (
                sources[0].actor is None or (sources[0].sector or "").lower() in s.lex.words["crowd_sectors"])):
            return []  # "EU leaders gathered in Brussels" is a meeting, not a demonstration
        if trig.code.startswith(CROWD_ROOTS) and sources and not has(t, s.lex.words["protest_verbs"]) and \
                (sources[0].sector or "").lower() in s.lex.words["armed_sectors"]:
            return []  # "the army took to the streets to clear barricades": an armed body deployed, no protest
        if not sources:
            sources = roles.implied_authority(s, t, trig.code)
        if not sources and trig.code.startswith(ADDRESSED_ROOTS) and src_tok is not None:  # verbal acts
            sources = roles.unnamed_speakers(s, src_tok)  # "others dismissed the claims"
        if not sources and trig.code.startswith(VIOLENT_ROOTS) and (
                _toll_of_a_situation(s, t) or has(t, s.lex.words["discovery_verbs"])):
            # "his father was killed in combat", "300,000 were killed in the conflict"; "was found dead"
            # (PETRARCH's FIND * DEAD [190]) tells a death by no one named, its cause untold
            return []
        if not sources and trig.obj is not None:  # "expand its relationship with Pakistan"
            poss = [c for c in s.p.children(trig.obj) if c.dep == "poss"]
            sources = s.r.actors(poss[0].i) if poss else []
        if has(t, s.lex.words["warning_verbs"]) and trig.code.startswith("13") and not roles.warns_of_own_act(s, t):
            # "aid agencies warned that millions face hunger": a warning of danger is a pessimistic
            # comment (012), no threat; "warned it would retaliate" keeps its threat
            trig = triggers.Trigger(trig.i, PESSIMISTIC, trig.kind, trig.tokens, trig.obj, trig.lemma, trig.swap)
        elif trig.code.startswith("13") and roles.warning_of_a_danger(s, t, trig.obj):
            # "issued a hurricane warning": the warning names a danger, not its issuer's act
            trig = triggers.Trigger(trig.i, PESSIMISTIC, trig.kind, trig.tokens, trig.obj, trig.lemma, trig.swap)
        # a pattern that named its object ("requested aid" 023) has read the verb's sense already
        if trig.obj is None and has(t, s.lex.actor_object) and not roles.object_is_actor(s, t) and not (
                (trig.code in s.lex.place_targets or trig.code.startswith(VIOLENT_ROOTS)) and roles.object_is_place(s, t)):
            return []  # "met the requirement", "struck a guard rail": the object is no one
        targets = s.r.verb_targets(t, trig.obj, theme=has(t, s.lex.theme_object))
        if not targets and trig.code.startswith(CLAUSE_TARGET_ROOTS):
            targets = roles.clause_subject(s, t)
        anchored = trig.code.startswith(ANCHORED_ROOTS)
        if not targets and (anchored or sources):
            # "an individual was arrested", "police detained 40 people", "arrested three"; "Iran banned a
            # number of female players", "the party nominated Jo Jorgensen": people the act was done to
            targets = roles.people_object(s, t, numbers=not trig.code.startswith(VIOLENT_ROOTS), named=anchored)
        if not targets and (trig.code.startswith(PUBLIC_ADDRESSED_ROOTS) or has(t, s.lex.words["performative_verbs"])):
            # "urged voters to ...", "asked his countrymen", "thanked supporters": a speech act's addressees
            targets = roles.addressed_public(s, t, sources)
        between = any(c.dep == "prep" and c.lower == "between" for c in s.p.children(t.i))
        if trig.swap:
            near = s.p.children(t.i) + (s.p.children(trig.obj) if trig.obj is not None else [])
            givers = [r for c in near if c.dep == "prep" and c.lower == "from" for r in s.r.pobj_actors(c)]
            sources, targets = givers, sources
    if trig.code.startswith(VIOLENT_ROOTS):
        targets = [roles.struck_place(s, r) for r in targets]
    pol = polarity.analyse(s.p, trig.i, s.lex)
    speaker = roles.speaker(s, pol.speech_verb)
    pron = roles.pronoun_subject(s, t) if not sources and speaker is not None else None
    if pron is not None and not roles.agrees(s, pron, speaker):
        if trig.code.startswith(VIOLENT_ROOTS):
            return []  # "officials said it killed nine people": "it" is a thing told before (a fire, a storm)
        pron = None
    if pron is not None and (told := roles.person_told_before(s, pron)) is not None and not same(told, speaker):
        # "a man pleaded guilty to charges he threatened to kill Omar, the prosecutor said": "he" is the
        # man the clause told of before it, not the speaker
        sources, pron = [told], None
    if pron is not None:  # "Obama and Putin said they will ...": a plural pronoun is every speaker
        every = s.r.verb_source(s.p.tokens[pol.speech_verb])[0]
        sources = every if pron.lower in s.lex.words["plural_pronouns"] and len(every) > 1 else [speaker]
    if not sources and speaker is None and trig.kind == "verb":
        quoted, imperative = roles.quote_speaker(s, t)  # "I urge Lam to ...": the quote's speaker acts
        if quoted is not None:
            sources, speaker = [quoted], quoted
        if imperative:  # "Please come back": the speaker asks for it (an appeal, 020), nothing is done yet
            trig = triggers.Trigger(trig.i, "020", trig.kind, trig.tokens, trig.obj, trig.lemma)
    # "held joint exercises"; "Russia and Turkey held talks", "fought a war": an act whose object is itself
    # between parties
    mutual = has(t, s.lex.mutual) or any(
        c.dep == "amod" and has(c, s.lex.mutual) for c in s.p.children(trig.obj if trig.obj is not None else t.i)) \
        or (trig.kind == "verb" and any(c.dep == "dobj" and has(c, s.lex.mutual) for c in s.p.children(t.i)))
    pairs = _pairs(sources, targets, mutual, between)
    noun = t if trig.kind == "noun" else (s.p.tokens[trig.obj] if trig.obj is not None else None)
    if not pairs and noun is not None and _anchored(s, noun, trig.code) and not has(noun, s.lex.words["crime_nouns"]):
        # "the protests began in June": a real event, its actors left unsaid; but a shooting or a
        # stabbing by no one named is a crime, no political event (unless an actor is named)
        pairs = [(None, None)]
    elif not sources and _nominal(t) and trig.code.startswith(VIOLENT_ROOTS) and not _anchored(s, t, trig.code):
        return []  # "our successful fight against ISIS", "allied in fighting ISIS": background, no act
    if trig.code.startswith(CROWD_ROOTS) and any(
            _campaign_rally(s, n) for n in ([noun] if noun is not None else triggers.objects_of(s.p, t))):
        return []
    if trig.code.startswith(CROWD_ROOTS):
        pairs = roles.unnamed_protest_sides(s, t, pairs)
    if trig.code == OCCUPY:  # "the Turkish occupation", "she took ...": an occupation needs what it holds
        pairs = [(src, tgt) for src, tgt in pairs if tgt is not None]
    if trig.dyadic:  # a PETRARCH verb's default code holds only between a source and a target
        pairs = [(src, tgt) for src, tgt in pairs if src is not None and tgt is not None]
    if trig.code.startswith(APPEAL_ROOT) or (ontology.material(trig.code) and has(t, s.lex.speech)):
        # "Wikinews reached out to Walker to discuss", "the BBC asked the minister about": reporting,
        # no appeal; "Reuters reported Monday's attack" (PETRARCH's REPORT * ATTACK): the press tells of
        # force, aid or arrests, it does none (the attack is coded from its own noun)
        pairs = [(src, tgt) for src, tgt in pairs if not roles.press(s, src)]
    if trig.code.startswith(CONSULT_ROOT):
        # "Wikinews met X to discuss": a consultation the press seeks is an interview; a meeting needs
        # two parties, neither of them the press: "talked of being cast", "spoke with Wikinews", "the
        # Senate was set to meet" are no consultations
        pairs = [(src, tgt) for src, tgt in pairs if not roles.press(s, src) and not (
            trig.code.startswith(TWO_PARTY) and (src is None or tgt is None or roles.press(s, tgt)))]
    if has(t, s.lex.reciprocal) or (trig.obj is not None and has(s.p.tokens[trig.obj], s.lex.reciprocal)):
        pairs += [(o, src) for src, o in pairs if src is not None and o is not None and (o, src) not in pairs]
    if trig.code.startswith(PROMISE_ROOT) and _agreed_opinion(s, t):
        # "agreed the issue should be decided by Congress": sharing a view is a statement (CAMEO 01),
        # not a promise to act (AGREE)
        trig = replace(trig, code=STATEMENT)
    intent = intention(s.lex, trig.code) if not pol.negated and _avowed(s, t) else None
    vowed = _vowed_hostility(s, t, trig) if not pol.negated else None
    if vowed is not None:
        # "vowed retaliation", "promised protests every week": a hostile act promised is a threat
        # (CAMEO 13x, PLOVER THREATEN), not a promise of cooperation (03x)
        trig = replace(trig, code=vowed)
    if intent is not None:
        # an actor's own stated will is CAMEO's intent code: "wants to help X" 033, "wants to attack X"
        # 138 (a threat of force); futures and plots reported by others keep their code
        trig = triggers.Trigger(trig.i, intent, trig.kind, trig.tokens, trig.obj, trig.lemma, trig.swap)
        # the statement of intent (or threat) is itself asserted, whatever the verb's own modality
        pol = polarity.Polarity(pol.negated, "reported" if pol.speech_verb is not None else "asserted",
                                pol.speech_verb)
    out = []
    struck = roles.local_people(s, t) if trig.code.startswith(VIOLENT_ROOTS) else []
    for src, tgt in pairs:
        if _figurative_force(s, t, trig, src, tgt) or _dismissal(s, t, trig, tgt) or _contest_win(s, t, trig, src, tgt):
            continue
        if tgt is None and struck:
            # "drones struck the largest processing plant at Abqaiq", "police fired tear gas": force
            # aimed at no one named struck the people of where it happened (the nearest place in the
            # paragraph, else the article's country), as ICEWS and the exhaustive gold code it
            tgt = struck[0]
        out.append(event(s, _in_words(s, t, trig, src, tgt), src, tgt, pol, speaker))
    linked = s.lex.linked.get(trig.code)
    if linked is not None:  # "received ministers from X": X's ministers made the visit (042)
        back = triggers.Trigger(trig.i, linked, trig.kind, trig.tokens, trig.obj, trig.lemma, trig.swap)
        out.extend(event(s, back, tgt, src, pol, speaker) for src, tgt in pairs
                   if src is not None and tgt is not None)
    refusal = _refusal(s, t, trig, pol)
    if refusal is not None:
        out.extend(event(s, refusal, src, tgt, polarity.Polarity(False, "reported" if speaker else "asserted",
                                                                  pol.speech_verb), speaker)
                   for src, tgt in pairs if src is not None)
    if pol.speech_verb is not None:
        s.spoken.setdefault(pol.speech_verb, []).extend(out)
    return out


def _described_as(s: State, t) -> bool:
    """'reported by The Guardian as convicted of assaults', 'described as detained': a past participle
    with no subject of its own that "as" sets after a verb says what someone is, not what was done."""
    kids = s.p.children(t.i)
    return t.tag == "VBN" and t.dep in ("advcl", "oprd", "xcomp", "acl") and \
        any(k.dep == "mark" and k.lower == "as" and k.i < t.i for k in kids) and \
        not any(k.dep in ("nsubj", "nsubjpass", "auxpass", "aux") for k in kids)


def _pairs(sources, targets, mutual, between) -> list[tuple[Optional[ActorRef], Optional[ActorRef]]]:
    """Who acts on whom: every source on every target; a mutual event ("X and Y met", "talks between
    X and Y") each of its parties on the others."""
    if mutual and between and not sources:
        sources = targets
    if mutual and not targets and len(sources) > 1:
        return [(src, o) for src in sources for o in sources if not same(src, o)]
    if mutual and between and len(targets) > 1:
        return [(src, o) for src in targets for o in targets if not same(src, o)]
    srcs, tgts = sources or [None], targets or [None]
    return [(src, o) for src in srcs for o in tgts if (src or o) and not same(src, o)]


def _in_words(s: State, t, trig, src, tgt):
    """'Biden attacked Trump on taxes', 'the senator slammed the newspaper': force between a person and
    a person or a body, with no weapon named, is criticism (111), as PLOVER's ACCUSE has it."""
    w = s.lex.words
    if not (trig.code.startswith("19") and t.pos == "VERB" and has(t, w["verbal_attack_verbs"])
            and src is not None and tgt is not None):
        return trig
    if not _unarmed_person(s, t, src) or s.actor_kind(tgt.actor) not in w["verbal_attack_targets"]:
        return trig  # "General Soleimani planned to attack American diplomats", "attacked him with a knife"
    return replace(trig, code="111")


def _unarmed_person(s: State, t, src: ActorRef) -> bool:
    """Is the doer of the force verb t a person of no armed sector, with no weapon named ("with a knife")?
    Such a person's "attack" or "fight" is words or a cause, not force (_in_words, _figurative_force)."""
    w = s.lex.words
    return s.actor_kind(src.actor) in w["verbal_attack_sources"] and \
        (src.sector or "").lower() not in w["armed_sectors"] and \
        not any(c.dep == "prep" and c.lower == "with" for c in s.p.children(t.i))


def _order_that_acts(s: State, t) -> bool:
    """'Signed a decree banning the niqab', 'issued an order that bars ...': an order or decree issued
    whose own clause (a participle or relative clause on the object) is an event trigger: that event,
    done by the issuer, is the act; the issuing is no demand of anyone (PETRARCH's SIGN/ISSUE ... ORDER
    100 would count it twice)."""
    for o in s.p.children(t.i):
        if o.dep == "dobj" and any(c.dep in ("acl", "relcl") and c.i in s.trigger_tokens
                                   for c in s.p.children(o.i)):
            return True
    return False


def _figurative_force(s: State, t, trig, src, tgt) -> bool:
    """'He spent 15 years fighting for the holiday', 'his politics have clashed with', 'Hawkins attacked
    the macho culture': a verb of force that also has a figurative sense (lexicon figurative_force_verbs),
    done by a person of no armed sector, at no one and with no weapon named, is no use of force."""
    return trig.code.startswith("19") and t.pos == "VERB" and has(t, s.lex.words["figurative_force_verbs"]) \
        and src is not None and tgt is None and _unarmed_person(s, t, src)


def _of_another_domain(s: State, t, trig, fields: str) -> bool:
    """'the unrelenting trade fight', 'a legal battle', 'waged a price war': a noun of force whose
    modifier names a field other than arms (lexicon figurative_domains) is a contest, not violence;
    'epidemiological investigations' (research_fields) are research, no inquiry into wrongdoing."""
    nouns = [t] if trig.kind == "noun" else [c for c in s.p.children(t.i) if c.dep == "dobj" or c.i == trig.obj]
    return any(c.dep in ("compound", "amod", "nmod") and has(c, s.lex.words[fields])
               for n in nouns for c in s.p.children(n.i))


def _someone_by(s: State, agent) -> bool:
    """Does a passive's "by" phrase name someone (people, a group, an act someone did), or a manner
    ("protested by shouting"), rather than a thing? Violence is left out by the caller: its instrument
    stands for its unnamed user ("killed by a bomb")."""
    things = [g for g in s.p.children(agent.i) if g.dep == "pobj"]
    return not things or any(roles.people(s, g) or g.i in s.trigger_tokens or triggers.noun_code(g, s.lex)
                             for g in things)


def _dismissal(s: State, t, trig, tgt) -> bool:
    """'Trump fired Bolton', 'sacked the coach', 'to have a prosecutor fired': a verb of force whose other
    sense is dismissal (lexicon dismissal_verbs), done to a person, people or a post's holder (post_nouns)
    with nothing shot at, on or with, removes someone from a post: no force (CAMEO has no code for it)."""
    if not (trig.code.startswith("19") and t.pos == "VERB" and has(t, s.lex.words["dismissal_verbs"])):
        return False
    kids = s.p.children(t.i)
    if any(c.dep == "prep" and c.lower in ("at", "on", "upon", "into", "with", "from") and not all(
            g.ent in ("DATE", "TIME") for g in s.p.children(c.i) if g.dep == "pobj") for c in kids):
        return False  # "fired at the crowd", "fired on protesters", "fired from a helicopter" (not "on Tuesday")
    objs = [c for c in kids if c.dep in ("dobj", "nsubjpass")]
    if t.tag == "VBN" and t.dep in ("ccomp", "xcomp", "oprd", "acl"):
        objs.append(s.p.tokens[t.head])  # "to have a prosecutor fired": the prosecutor is dismissed
    return (tgt is not None and s.actor_kind(tgt.actor) == "person") or any(
        roles.people(s, o) or has(o, s.lex.words["post_nouns"]) or o.lower in s.lex.words["person_object_pronouns"]
        for o in objs)


def _contest_win(s: State, t, trig, src, tgt) -> bool:
    """'Kentucky Democrats beat the incumbent governor', 'France beat Brazil 2-1 in the final': a verb of
    force whose other sense is winning (lexicon contest_verbs), with a party on either side or a word of an
    election or a match (contest_words) or a score in its own phrase, no weapon named and no armed doer,
    tells who won."""
    w = s.lex.words
    if not (trig.code.startswith(VIOLENT_ROOTS) and t.pos == "VERB" and has(t, w["contest_verbs"])):
        return False
    kids = s.p.children(t.i)
    if any(c.dep == "prep" and c.lower == "with" for c in kids) or (
            src is not None and (src.sector or "").lower() in w["armed_sectors"]):
        return False  # "beat him with sticks", "police beat voters at the polls"
    parties = [r for r in (src, tgt) if r is not None and (r.sector or "").lower() in w["contest_sectors"]]
    phrase = [x for c in kids if c.dep not in ("nsubj", "nsubjpass") for x in s.p.subtree(c.i)]
    score = any(x.pos == "NUM" and "-" in x.text.strip("-") for x in phrase)  # "2-1"
    return bool(parties) or score or any(has(x, w["contest_words"]) for x in phrase)


def _toll_of_a_situation(s: State, t) -> bool:
    """'killed in the conflict', 'died in combat during World War II', 'Syria's seven-year war has killed
    400,000 people': harm told as the toll of a situation (lexicon situation_nouns) by no one named is
    no act of anyone's (the guide: nouns that only name a situation are no event)."""
    for c in s.p.children(t.i):
        if c.dep == "nsubj" and has(c, s.lex.words["situation_nouns"]):
            return True
        if c.dep == "prep" and c.lower in ("in", "during", "throughout"):
            if any(g.dep == "pobj" and has(g, s.lex.words["situation_nouns"]) for g in s.p.children(c.i)):
                return True
    return False


PERSONAL_OWNERS = {"his", "her"}


def _campaign_rally(s: State, noun) -> bool:
    """'his first campaign rally', 'held campaign rallies', 'Trump's Tulsa rally': a rally a candidate
    holds for votes is no demonstration against anyone (PLOVER's PROTEST)."""
    if not has(noun, s.lex.words["rally_nouns"]):
        return False
    kids = s.p.children(noun.i)
    return any(c.dep in ("compound", "amod", "nmod") and has(c, s.lex.words["campaign_words"]) for c in kids) or \
        any(c.dep == "poss" and (c.ent == "PERSON" or c.lower in PERSONAL_OWNERS) for c in kids)


def _toll(s: State, t) -> list[int]:
    """The verbs that tell the toll of the act of force the noun t names, which are that act and not
    another event (the guide: one event per action per sentence): "the bombing that killed 180
    people", "two were killed and eight injured in a suicide bombing", "a bombing was reported to have
    killed a journalist". A verb with a doer of its own ("police killed two in the clashes") is an act."""
    harm = s.lex.words["harm_verbs"]
    found = [c.i for c in s.p.children(t.i) if c.dep == "relcl" and c.lemma.lower() in harm]
    verb = _clause_verb(s, t, harm)
    if verb is None or verb.pos != "VERB":
        return found
    # the harm verbs of the clause, coordinated ("were killed and eight injured in ..."), without a doer
    group = [verb] + [c for c in s.p.children(verb.i) if c.dep == "conj"]
    if verb.dep == "conj":
        first = s.p.tokens[verb.head]
        group += [first] + [c for c in s.p.children(first.i) if c.dep == "conj" and c.i != verb.i]
    return found + [v.i for v in group if v.lemma.lower() in harm and v.pos == "VERB" and not any(
        c.dep in ("nsubj", "agent") and c.i != t.i for c in s.p.children(v.i))]


def _clause_verb(s: State, t, harm):
    """The verb of the clause the act noun t stands in as "in/during" object or subject; for a raised
    subject ("a bombing was reported to have killed"), the harm verb down its xcomp chain."""
    head = s.p.tokens[t.head]
    if t.dep == "pobj" and head.lower in ("in", "during"):
        return s.p.tokens[head.head]
    if t.dep not in ("nsubj", "nsubjpass"):
        return None
    verb = head
    while verb is not None and verb.lemma.lower() not in harm:
        verb = next((c for c in s.p.children(verb.i) if c.dep == "xcomp"), None)
    return verb


def _nominal(t) -> bool:
    """A noun, or a gerund standing where a noun stands ("in fighting ISIS")."""
    return t.pos in ("NOUN", "PROPN") or (t.tag == "VBG" and t.dep in ("pcomp", "pobj", "nsubj", "dobj"))


def _anchored(s: State, t, code: str) -> bool:
    """A protest, arrest or attack named by a noun with no actor in its phrase is still an event when
    the text ties it to something that happened: it has a date ("last week's protests"), it acts
    ("the attack killed twelve", "the protests began"), or a death or injury happened in it ("died in
    the attack"). A noun that only names a situation ("the war", "the conflict") needs a date."""
    if not code.startswith(ANCHORED_ROOTS):
        return False
    if s.dates_itself(t.i):
        return True
    head = s.p.tokens[t.head]
    if t.dep in ("nsubj", "nsubjpass") and head.pos == "VERB":
        return True
    if t.dep == "pobj" and head.lower in ANCHOR_PREPS:
        verb = s.p.tokens[head.head]
        return verb.pos == "VERB" and (has(verb, s.lex.words["harm_verbs"]) or has(verb, s.lex.words["casualty_verbs"]))
    return False


def _refusal(s: State, t, trig, pol) -> Optional[triggers.Trigger]:
    """'He would not provide support', 'refused to meet': a refused cooperation is a rejection (12x),
    besides the negated event itself; a past 'did not provide' is only the negated event."""
    code = s.lex.refusals.get(trig.code[:2])
    if code is None or not pol.negated:
        return None
    head = s.p.tokens[t.head]
    refused = t.dep == "xcomp" and has(head, s.lex.words["refusal_verbs"])
    if pol.modality != "intended" and not refused:
        return None
    return triggers.Trigger(trig.i, code, trig.kind, trig.tokens, trig.obj, trig.lemma, trig.swap)


def _restates(s: State, e: Event, o: Event) -> bool:
    """Can e be another reading of o: a nominal event, or a verb within o's trigger's phrase."""
    tok = s.p.token_at(e.trigger.start) if e.trigger else None
    top = s.p.token_at(o.trigger.start) if o.trigger else None
    if tok is None or top is None:
        return False
    if _is_noun(s, e):
        return True
    node, steps = tok, 0
    while node.head != node.i and steps < 12:
        node, steps = s.p.tokens[node.head], steps + 1
        if node.i == top.i:
            return True
    return False


def _is_noun(s: State, e: Event) -> bool:
    tok = s.p.token_at(e.trigger.start)
    return tok is not None and tok.pos in ("NOUN", "PROPN")


def _agreed_opinion(s: State, t) -> bool:
    """'agreed (that) the sponsor should be nonpartisan', 'agreed the plan was a mistake': agreement with
    a view (a that-clause saying what ought to be or what is), not to an act."""
    if not has(t, s.lex.words["concurrence_verbs"]):
        return False
    deontic = s.lex.words["demand_modals"] | s.lex.words["appeal_modals"]  # "should", "must" (obligations.py)
    for c in s.p.children(t.i):
        if c.dep == "ccomp" and (c.lemma.lower() == "be" or any(
                a.dep in ("aux", "auxpass") and a.lower in deontic for a in s.p.children(c.i))):
            return True
    return False


def _vowed_hostility(s: State, t, trig: triggers.Trigger) -> Optional[str]:
    """The threat code of a promise whose object names a hostile act: an event noun whose intent code is
    a threat ("promised protests" 133), or a word of retaliation ("vowed revenge" 138)."""
    if trig.kind != "verb" or not trig.code.startswith(PROMISE_ROOT) or not has(t, s.lex.avowal_verbs):
        return None
    for o in s.p.children(t.i):
        if o.dep != "dobj":
            continue
        if has(o, s.lex.words["retaliation_nouns"]):
            return FORCE_THREAT
        threat = _threat_of(s, triggers.noun_code(o, s.lex))
        if threat is not None:
            return threat
    return None


def _threat_of(s: State, code: Optional[str]) -> Optional[str]:
    """The threat code (13x) an act of this code is when promised ("protests" 141 -> 133), else None."""
    threat = intention(s.lex, code) if code else None
    return threat if threat is not None and threat.startswith(THREAT_ROOT) else None


def _avowed(s: State, t) -> bool:
    """'X wants / vows / threatens to attack': the attack hangs (xcomp) off a verb of the subject's own
    will, not wished on someone else ("wants Putin to attack")."""
    if t.dep != "xcomp" or t.pos != "VERB":
        return False
    head = s.p.tokens[t.head]
    if not has(head, s.lex.avowal_verbs):
        return False
    return not any(c.dep in ("dobj", "dative") and c.i < t.i for c in s.p.children(head.i))


def _cap(s: State, events: list[Event]) -> list[Event]:
    """At most MAX_EVENTS_PER_SENTENCE events a sentence; what is dropped is said in the article's warnings."""
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
        s.a.warnings.append(f"events: sentence at {k} gave more than {MAX_EVENTS_PER_SENTENCE} events; {n} dropped")
    return out
