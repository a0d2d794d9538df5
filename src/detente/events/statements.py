"""Article-level passes over what was said: statements between states (010), accusations (112) and
claims of responsibility (015) made by reporting violence, and questions an answer negates."""
from __future__ import annotations

from ..model import Event
from . import polarity, triggers
from .lexicon import has, lemma
from .record import event, rid, same
from .roles import press, speaker as speaker_of
from .state import State


def statements(s: State, events: list[Event]) -> list[Event]:
    """'X said Y ...' with nothing codable in Y: the statement itself is a 010 event of the speaker
    about the first other actor Y names."""
    out = list(events)
    claim_verbs = s.lex.words["claim_verbs"]
    for verb, said in s.spoken.items():
        out.extend(claims(s, verb, said) if has(s.p.tokens[verb], claim_verbs) else allegations(s, verb, said))
    for t in s.p.tokens:
        if t.pos != "VERB" or not has(t, s.lex.speech) or t.i in s.spoken:
            continue
        comp = [c for c in s.p.children(t.i) if c.dep in ("ccomp", "parataxis")]
        if not comp:
            continue
        speaker = speaker_of(s, t.i)
        if speaker is None or not speaker.country:
            continue
        # only statements between states count: "X told AFP ..." or a remark about the police is not
        # an international event, and would swamp the data
        target = None
        for tok in s.p.subtree(comp[0].i):
            ref = s.r.actor(tok.i) if tok.pos in ("PROPN", "NOUN", "PRON") else None
            if ref and ref.country and not same(ref, speaker) and ref.country != speaker.country:
                target = ref
                break
        if target is None:
            continue
        trig = triggers.Trigger(t.i, "010", "verb", [t.i], None, lemma(t))
        pol = polarity.analyse(s.p, t.i, s.lex)
        out.append(event(s, trig, speaker, target, pol, None))
    return out


def claimed_wrongs(s: State, events: list[Event]) -> list[Event]:
    """'Bolton claims Trump asked Xi for help', 'the US alleges Mahan flies fighters to Syria': a claim
    or allegation (lexicon allegation_verbs) about what another named actor did is an accusation (112)
    of that actor, the clause's subject, whatever the clause itself codes. The speaker's own deeds
    ('Russia claimed it had ...') are claims, not accusations."""
    verbs = s.lex.words["allegation_verbs"]
    accused = {(e.trigger.start, rid(e.target)) for e in events if e.cameo.startswith("11") and e.trigger}
    out = []
    for t in s.p.tokens:
        if t.pos != "VERB" or not has(t, verbs):
            continue
        comp = next((c for c in s.p.children(t.i) if c.dep == "ccomp"), None)
        subj = next((c for c in s.p.children(comp.i) if c.dep in ("nsubj", "nsubjpass")), None) if comp else None
        if subj is None or subj.pos == "PRON" or comp.pos != "VERB":
            continue  # "claimed Lincoln was the last": a description, no deed
        speaker = speaker_of(s, t.i)
        targets = s.r.actors(subj.i)
        if speaker is None or not targets or any(same(r, speaker) for r in targets):
            continue
        pol = polarity.analyse(s.p, t.i, s.lex)
        trig = triggers.Trigger(t.i, "112", "verb", [t.i], None, lemma(t))
        for ref in targets:
            if (t.start, rid(ref)) not in accused:
                accused.add((t.start, rid(ref)))
                out.append(event(s, trig, speaker, ref, pol, None))
    return out


def allegations(s: State, verb: int, said: list[Event]) -> list[Event]:
    """'The US said Iraq had attacked': reporting another actor's violence is an accusation (112)
    by the speaker against the perpetrator, besides the reported attack itself. The press reporting
    it ("police arrested two men, Reuters reported") accuses no one."""
    speaker = speaker_of(s, verb) if said else None
    if speaker is None or press(s, speaker):
        return []
    out, seen = [], set()
    t = s.p.tokens[verb]
    for e in said:
        src = e.source
        if e.negated or e.quad_class != 4 or src is None or same(src, speaker):
            continue
        if src.country and src.country == speaker.country or (src.actor, src.start) in seen:
            continue
        seen.add((src.actor, src.start))
        trig = triggers.Trigger(t.i, "112", "verb", [t.i], None, lemma(t))
        out.append(event(s, trig, speaker, src, polarity.analyse(s.p, t.i, s.lex), None))
    return out


def claims(s: State, verb: int, said: list[Event]) -> list[Event]:
    """'The US claimed that they had attacked Iraq': claiming one's own violence is a claim of
    responsibility (015) towards its target; claiming another's is an accusation (see allegations)."""
    speaker = speaker_of(s, verb) if said else None
    if speaker is None:
        return []
    own = [e for e in said if not e.negated and e.quad_class == 4 and e.source is not None
           and (same(e.source, speaker) or (e.source.country and e.source.country == speaker.country))]
    if not own:
        return allegations(s, verb, said)
    t = s.p.tokens[verb]
    trig = triggers.Trigger(t.i, "015", "verb", [t.i], None, lemma(t))
    pol = polarity.analyse(s.p, t.i, s.lex)
    seen, out = set(), []
    for e in own:
        key = rid(e.target)
        if key not in seen:
            seen.add(key)
            out.append(event(s, trig, speaker, e.target, pol, None))
    return out


def answered_questions(s: State, events: list[Event]) -> None:
    """'Was X asked whether India raised concerns?' - 'They really haven't.': the answer negates it."""
    for k in range(len(s.p.sentences)):
        if not polarity.elliptical_negation(s.p, k):
            continue
        lo = s.p.sentences[max(0, k - 2)].start
        hi = s.p.sentences[k].start
        for e in events:
            if e.modality == "question" and lo <= e.trigger.start < hi:
                e.negated = True
