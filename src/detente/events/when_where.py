"""When an event happened: the date expression nearest its trigger, or one that frames its sentence
(else the story's time: story_time.py), and what where.py shares for its place: the tokens of the places
the text mentions and the walk from a trigger through its phrase and governors (nearest)."""
from __future__ import annotations


from dataclasses import replace
from typing import Optional

from .. import timex
from ..model import Article, Event, Parse, Place
from . import polarity, roles, triggers
from .lexicon import has
from .state import State
from .story_time import article_period, climb, dates_a_noun, lead_date, paragraph_date

CLAUSAL = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "parataxis", "csubj"}


def place_tokens(p: Parse, places: list[Place]) -> dict[int, Place]:
    """Token -> place, for the places the text mentions (never the dateline: where it was filed)."""
    out = {}
    for pl in places:
        if pl.role != "mentioned":
            continue
        for tok in p.tokens_in(pl.start, pl.end):
            out[tok.i] = pl
    return out


def timexes(a: Article, p: Parse) -> dict[int, timex.Timex]:
    """Token -> the date expression it is part of, resolved against the publication date."""
    found = timex.find(a.text)
    anchor = timex.parse_date(a.published) or timex.explicit_anchor(found)
    out = {}
    told = None  # the day the text named last: what "the next day" counts from
    period = None  # the date the text named last at any precision: what "the next month" counts from
    date_lines = _date_lines(a.text, found)
    for t in found:
        if id(t) in date_lines:
            continue
        t.anchor = anchor
        if t.kind == "ana":
            if told is None:
                continue
            timex.resolve_from(t, told)
        elif t.kind == "anp":
            if period is None:
                continue
            timex.resolve_period(t, period)
        else:
            timex.resolve(t, anchor, _direction(p, t) if t.kind in timex.DIRECTED else "past")
        if not t.value:
            continue
        if anchor is None or t.value <= anchor.isoformat():  # "his next hearing on April 5" tells no news
            period = t
            if t.precision == "day":
                told = timex.parse_date(t.value)
        for tok in p.tokens_in(t.start, t.end):
            out[tok.i] = t
    return out


def _date_lines(text: str, found: list[timex.Timex]) -> set[int]:
    """The dates on lines made of nothing else ("Monday, August 3, 2020"): a page's date line says when
    it was published, never when an event happened, even where the parser runs it into the first
    sentence. Their ids."""
    lines: dict[int, list[timex.Timex]] = {}
    for t in found:
        lines.setdefault(text.rfind("\n", 0, t.start) + 1, []).append(t)
    out = set()
    for start, ts in lines.items():
        end = text.find("\n", start)
        rest = text[start:len(text) if end < 0 else end]
        for t in sorted(ts, key=lambda t: -t.start):
            rest = rest[:t.start - start] + rest[t.end - start:]
        if not any(ch.isalnum() for ch in rest):
            out |= {id(t) for t in ts}
    return out


AHEAD_WORDS = {"next", "upcoming", "coming", "forthcoming"}


def _direction(p: Parse, t: timex.Timex) -> str:
    """Which way a year-less date or a weekday points before any event is read: forward when what it
    dates is "next"/"upcoming" ("his next court appearance on April 5") or its clause is future ("will
    meet on Wednesday"), else back. The day told last ("the same day") counts from this reading."""
    toks = p.tokens_in(t.start, t.end)
    if not toks:
        return "past"
    for tok in [toks[0]] + [head for _, head in climb(p, toks[0], 4)]:
        if any(c.dep == "amod" and c.lower in AHEAD_WORDS for c in p.children(tok.i)):
            return "future"
        if tok.pos in ("VERB", "AUX"):
            return "future" if tense_of(p, tok.i) == "future" else "past"
    return "past"


def date(s: State, e: Event, i: int) -> None:
    """The text's own date for the event, read in the direction of its tense; else the publication
    date for what the article reports as news (a main-clause event in the past, perfect or present),
    where an undated event after a lead that names its day takes that day (date_source
    "article", a value model.Event documents); else none: background (past perfect, relative clauses,
    nominal mentions without a dated clause) and futures no one is said to promise."""
    _date(s, e, i, e.modality)
    if e.date_source == "none" and tense_of(s.p, i, e.modality) == "future":
        # "agreed to help", "'The government will withdraw the bill,' Lam said": an undated act
        # promised or announced is coded as the promise, made when it was said
        said = _promised_by(s, i)
        if said is None:
            said = _quote_cue(s, i)
        if said is not None and said != i:
            _date(s, e, said, "asserted")


def _date(s: State, e: Event, i: int, modality: str) -> None:
    if (e.cameo or "").startswith("11"):
        # a criticism read off the words said ("called the plan 'dangerous'") happens when they were said
        said = polarity.analyse(s.p, i, s.lex).speech_verb
        if said is None:
            said = _quote_cue(s, i)  # the words of a direct quote were said when it was
        if said is None:
            said = _governing_verb(s.p, i)
        if said is None and s.p.tokens[i].pos not in ("VERB", "AUX"):
            said = _clause_of(s.p, i)  # 'called the deal "lousy"': the words are the calling's
        if said is not None and said != i:
            i, modality = said, "asserted"
    else:
        cue = _quote_cue(s, i)
        if cue is not None and tense_of(s.p, i, modality) == "present":
            i, modality = cue, "asserted"  # "I thank John", "I urge them", he said: done as it was said
    t, noun = s.p.tokens[i], i
    head = s.p.tokens[t.head]
    if t.pos in ("NOUN", "PROPN") and head.pos == "VERB" and (
            t.dep in ("nsubj", "nsubjpass") or (t.dep == "dobj" and has(head, s.lex.support) and
                                                not s.dates_itself(i))):
        # "the attack killed twelve", "a bombing last week killed five", "the group carried out the
        # attack": the clause tells its time (unless the noun dates itself: "led a march on 20 May")
        i = t.head
    elif t.pos == "NOUN" and t.dep == "pobj" and head.lower in ("in", "during") and head.head != head.i and \
            s.p.tokens[head.head].pos == "VERB" and not s.dates_itself(i):
        # "dozens died in the attack", "was injured during the protest": what happened in it happened when
        # it did, so the clause tells the happening's time too
        i = head.head
    tense = tense_of(s.p, i, modality)
    if tense == "pluperfect" and (teller := _own_act_told(s, i)) is not None:
        i, tense = teller, tense_of(s.p, teller)
    back = tense == "pluperfect" or background(s.p, i)
    own = None
    clause_dated = s.p.tokens[i].pos in ("VERB", "AUX") or _relative_clause(s.p, i) is not None
    if back and clause_dated:
        # a past perfect or relative clause: only its own phrase dates it, or the date a relative clause
        # hangs on ("in March, when ..."); a nominal mention takes its clause's text date ("in May 2025,
        # Trump mediated a ceasefire"), never the publication date
        own = {t.i for t in s.p.subtree(i)}
        clause = _relative_clause(s.p, i)
        if clause is not None:
            own.add(s.p.tokens[clause].head)
            if tense == "past" and _occasion(s.p, clause):
                # "later on Tuesday he met Trump, where he denounced the deal": a where/when clause tells
                # what happened on the occasion it hangs on, so that occasion's clause dates it
                own |= {t.i for t in s.p.subtree(_clause_of(s.p, s.p.tokens[clause].head))}
    tok = _trailing_date(s, i) if _phrase_date(s, i) is None else None
    if tok is None:
        tok = nearest(s, i, lambda j: j in s.times and (own is None or j in own) and not dates_a_noun(s, j, i),
                      scene=lambda c: _time_scene(s, c))
    if tok is None:
        tok = _occurrence_date(s, noun)
    if tok is None and not back:
        tok = _fronted_date(s, i)
    if tok is not None:
        tx = s.times[tok]
        own_clause = tok in {x.i for x in s.p.subtree(i)}
        if own_clause and tx.kind in timex.DIRECTED and tx.anchor is not None and (
                tense == "future" or (tense == "progressive" and tx.kind != "m")):
            # only the event's own clause reads its day forward: in "On Tuesday she announced the
            # government will withdraw the bill", Tuesday is the announcement's (past) day
            tx = timex.resolve(replace(tx), tx.anchor, "future")  # "will meet on Wednesday": the next one
        e.date, e.date_precision, e.date_text, e.date_source = tx.value, tx.precision, tx.text, "text"
    elif not back and tense == "past" and (ctx := paragraph_date(s, i)) is not None:
        # "As the campaign shifted to August, ... Biden criticized Trump": the paragraph told when
        e.date, e.date_precision, e.date_text, e.date_source = ctx.value, ctx.precision, ctx.text, "article"
    elif not back and tense in ("past", "present", "progressive") and (lead := lead_date(s)) is not None:
        # the news told undated after a dated lead, in the past or the present ("On Sunday, police fired
        # ... They also used ...", "... The opposition calls on the army to withdraw"): the lead's day
        e.date, e.date_precision, e.date_text, e.date_source = lead.value, lead.precision, lead.text, "article"
    elif s.a.published and not back and tense == "past" and (period := article_period(s)) is not None:
        # a monthly roundup's undated news happened in the month it covers, not on its publication day
        e.date, e.date_precision, e.date_text, e.date_source = period.value, period.precision, period.text, "article"
    elif s.a.published and not back and tense != "future":
        e.date, e.date_precision, e.date_source = s.a.published[:10], "day", "published"
    else:
        e.date, e.date_precision, e.date_source = None, None, "none"


def quoted_deixis(s: State) -> None:
    """'"I offered to resign last night," Bolton wrote on Tuesday': a deictic date inside a quote
    counts from the day the quote was said, when the text gives that day (its speech verb's own
    clause names it, or the lead does) and it is not the day the date was first read from (the
    publication's). Re-reads State.times in place, before any event is dated."""
    redone = {}
    for tx in {id(t): t for t in s.times.values()}.values():
        if tx.kind not in timex.DEICTIC or tx.anchor is None:
            continue
        q = s.quote_at(tx.start, lambda q: q.cue is not None and not q.start <= q.cue.start < q.end)
        cue = s.p.token_at(q.cue.start) if q is not None else None
        if cue is None:
            continue
        said = next((s.times[t.i] for t in s.p.subtree(cue.i) if t.i in s.times and
                     s.quote_at(s.times[t.i].start) is None), None) or lead_date(s)
        if said is not None and s.quote_at(said.start) is not None:
            continue  # the lead's day is itself quoted: no day of speaking is told
        day = timex.parse_date(said.value) if said is not None and said.precision == "day" else None
        if day is not None and day != tx.anchor:
            redone[id(tx)] = timex.resolve(replace(tx), day, _direction(s.p, tx))
    if redone:
        s.times = {i: redone.get(id(t), t) for i, t in s.times.items()}
        s.dates_in_order, s.lead = None, None


FRONT_WORDS = {"ADP", "ADV", "DET"}  # what may open a fronted date: "On June 12,", "Late on Sunday,", "That September,"


def _fronted_date(s: State, i: int) -> Optional[int]:
    """'On June 12, minutes before the committee voted ..., Trump claimed ...': a date phrase that opens
    the sentence, set off by a comma, frames the whole sentence, so it dates the main clause's act
    wherever the parser hung it; so does one that closes it after a comma ("Chirac was convicted of
    corruption, stemming from his years as mayor, in 2011"). Only for an act of the main clause (the
    root or a verb coordinated with it): a clause inside tells its own story."""
    node = s.p.tokens[_clause_of(s.p, i)]
    while node.dep in ("conj", "xcomp") and node.head != node.i:
        node = s.p.tokens[node.head]
    if node.head != node.i:
        return None
    sent = s.p.sentence_of(i)
    for j in range(sent.first, min(sent.first + 4, sent.last)):
        tok = s.p.tokens[j]
        if j in s.times:
            tx = s.times[j]
            after = s.p.token_at(tx.end) or next((t for t in s.p.tokens[j:sent.last] if t.start >= tx.end), None)
            return j if after is not None and after.text == "," else None
        if tok.pos not in FRONT_WORDS:
            break
    last = sent.last - 1
    while last > sent.first and s.p.tokens[last].pos == "PUNCT":
        last -= 1
    if last in s.times:  # the phrase that closes the sentence: back over the date and its preposition
        first = last
        while first - 1 > sent.first and (first - 1 in s.times or s.p.tokens[first - 1].pos in FRONT_WORDS):
            first -= 1
        if s.p.tokens[first - 1].text == ",":
            return last
    return None


def _own_date(s: State, i: int) -> Optional[int]:
    """The date token of the event's own phrase (not its governors', not a clause inside it), if any,
    or the bare time phrase the parser hung on its object (_trailing_date)."""
    tok = _phrase_date(s, i)
    return tok if tok is not None else _trailing_date(s, i)


def _phrase_date(s: State, i: int) -> Optional[int]:
    """A date token in the trigger's own phrase, climbing to no governor."""
    return nearest(s, i, lambda j: j in s.times, stop=lambda _: True)


def _trailing_date(s: State, i: int) -> Optional[int]:
    """'asked for Bolton's resignation Monday night', 'condemned the attack Monday': a bare time phrase after
    the verb's object, which the parser hung on the object noun, tells when the verb's act was done: a
    noun takes no bare time phrase of its own after it (the attack's own day comes before it, "Monday's
    attack", or with a preposition, "the attack on Monday")."""
    if s.p.tokens[i].pos not in ("VERB", "AUX"):
        return None
    objects = [c for c in s.p.children(i) if c.dep == "dobj"]
    objects += [g for c in s.p.children(i) if c.dep == "prep" for g in s.p.children(c.i) if g.dep == "pobj"]
    for noun in objects:
        for c in s.p.children(noun.i):
            if c.dep == "npadvmod" and c.i > noun.i:
                return next((x.i for x in s.p.subtree(c.i) if x.i in s.times), None)
    return None


def _time_scene(s: State, c) -> bool:
    """An adverbial clause that tells when its governor's act was done, though it is a clause of its
    own: one opened by a mark of the same time ("when announcing the shutdown on Monday, the prime
    minister called on ...", "said ... while addressing the press yesterday"; lexicon scene_marks), or
    a participle with no subject before its verb ("Speaking on Tuesday, the minister accused ..."). A
    clause of cause, condition or sequence ("after the vote on Tuesday") tells another act's time."""
    if c.dep != "advcl":
        return False
    marks = s.lex.words["scene_marks"]
    return any(k.dep in ("mark", "advmod") and k.i < c.i and k.lower in marks for k in s.p.children(c.i)) or \
        (c.i < c.head and bare_participle(s.p, c))


def bare_participle(p: Parse, tok) -> bool:
    """Whether a verb is a participle clause on a verb with no subject and no conjunction of its own
    ("raided the town of Bunia, arresting forty people", "took control of Iran, taking dozens
    hostage"): its doer is its governor's, acting then and there, so what the governor's clause says
    of where also says where this was (the walk up from the trigger already reads it so), and when
    (_time_scene, for one set before its verb: "Speaking on Tuesday, X accused"). Not a
    perfect participle ("having arrested forty people the week before": done before, elsewhere), a
    clause a conjunction sets at another time, nor one with its own subject."""
    if tok.dep != "advcl" or tok.tag != "VBG" or tok.head == tok.i or p.tokens[tok.head].pos not in ("VERB", "AUX"):
        return False
    return not any(c.dep in ("nsubj", "nsubjpass", "expl", "mark") for c in p.children(tok.i))


def _promised_by(s: State, i: int) -> Optional[int]:
    """The verb that promises or announces the act at i: its speech verb, or the verb it is the
    infinitive of ("agreed to help", "vowed to retaliate"), when that verb is not itself future."""
    t = s.p.tokens[i]
    said = polarity.analyse(s.p, i, s.lex).speech_verb
    if said is None and t.dep == "xcomp" and s.p.tokens[t.head].pos == "VERB":
        said = t.head
    return said if said is not None and tense_of(s.p, said) != "future" else None


def known_happening_dates(s: State, events: list) -> None:
    """'Dozens died in the attack': a definite noun ("the attack", "the bombing") with no date of its own
    names a happening the article has told already, and takes that telling's date: the nearest earlier
    event named by the same noun, or stated by a verb of the same CAMEO root, with a date of the text
    or the article. Events are in text order."""
    dated: list = []  # (event, its trigger token), earliest first
    for e in events:
        t = s.p.token_at(e.trigger.start) if e.trigger is not None else None
        if t is None:
            continue
        if e.date_source == "none" and t.pos == "NOUN" and _the(s, t):
            prior = next((d for d, dt in reversed(dated) if d.cameo[:2] == e.cameo[:2] and (
                d.trigger.text.lower() == e.trigger.text.lower() or dt.pos == "VERB")), None)
        elif e.date_source == "none" and t.pos == "VERB" and _in_a_told_happening(s, t, e.cameo[:2]):
            prior = next((d for d, _ in reversed(dated) if d.cameo[:2] == e.cameo[:2]), None)
        else:
            prior = None
        if prior is not None:
            e.date, e.date_precision, e.date_text, e.date_source = \
                prior.date, prior.date_precision, prior.date_text, "article"
        if e.date_source in ("text", "article"):
            dated.append((e, t))


def _the(s: State, t) -> bool:
    return any(c.dep == "det" and c.lower == "the" for c in s.p.children(t.i))


def _in_a_told_happening(s: State, v, root: str) -> bool:
    """'who was also killed in the airstrike': harm "in" or "during" a definite noun of the same CAMEO
    root names a happening already told, and is part of it."""
    for c in s.p.children(v.i):
        if c.dep == "prep" and c.lower in ("in", "during"):
            for g in s.p.children(c.i):
                if g.dep == "pobj" and _the(s, g) and (triggers.noun_code(g, s.lex) or "")[:2] == root:
                    return True
    return False


def _own_act_told(s: State, i: int) -> Optional[int]:
    """'Police said they had arrested a second man', 'the group announced it had carried out the
    attack': an actor telling its own undated act in the past perfect tells it as done just before the
    telling, which dates it; the speech verb's token, else None. Another's act ("Russia said the rebels
    had attacked") or one its own phrase dates stays as it is."""
    said = polarity.analyse(s.p, i, s.lex).speech_verb
    if said is None or _own_date(s, i) is not None:
        return None  # its own phrase dates it (a clause inside it, "after Turkey began ... on Wednesday", does not)
    return said if roles.pronoun_subject(s, s.p.tokens[i]) is not None else None


def _quote_cue(s: State, i: int) -> Optional[int]:
    """The speech verb of the quote token i stands in, when the quotes stage found one."""
    q = s.quote_at(s.p.tokens[i].start, lambda q: q.cue is not None)
    tok = s.p.token_at(q.cue.start) if q is not None else None
    if tok is not None and tok.pos not in ("VERB", "AUX") and s.p.tokens[tok.head].pos in ("VERB", "AUX"):
        tok = s.p.tokens[tok.head]  # "spoke to the press after the speech: '...'": the colon's verb
    return tok.i if tok is not None else None


def _occurrence_date(s: State, i: int) -> Optional[int]:
    """'a suicide bombing that happened on June 27', 'a protest, which took place on Sunday, drew ...':
    a relative clause on the event's own noun that says it occurred tells when (another clause on the
    noun, "the attack, which Iran denied on Monday", does not)."""
    if s.p.tokens[i].pos not in ("NOUN", "PROPN"):
        return None
    for c in s.p.children(i):
        if c.dep == "relcl" and has(c, s.lex.words["occurrence_verbs"]):
            return next((t.i for t in s.p.subtree(c.i) if t.i in s.times), None)
    return None


def _governing_verb(p: Parse, i: int) -> Optional[int]:
    """The verb whose complement holds token i ("commented, 'it would be an outrage'"), if any."""
    return next((head.i for node, head in climb(p, p.tokens[i])
                 if node.dep in ("ccomp", "parataxis") and head.pos == "VERB"), None)


NONFINITE_DEPS = {"advcl", "xcomp", "pcomp", "acl", "conj"}
NOMINAL_LINKS = {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "appos", "conj"}
FUTURE_HEADS = {"schedule", "set", "due", "expect", "plan", "slate"}  # "scheduled to meet", "due to visit"
BE_PRESENT = {"is", "are", "am", "'s", "'re", "’s", "’re"}


def tense_of(p: Parse, i: int, modality: str = "asserted") -> str:
    """The tense of the event at token i: future | pluperfect | progressive | past | present.

    From the trigger's auxiliaries (a coordinated verb without its own shares its head's), the
    future auxiliaries and "going to" that polarity reads, "is to" and "scheduled/due to" heads."""
    t = p.tokens[i]
    aux = polarity.auxiliaries(p, t)
    if not aux and t.dep == "conj":
        aux = polarity.auxiliaries(p, p.tokens[t.head])
    head = p.tokens[t.head]
    if (modality == "intended" or aux & polarity.FUTURE_AUX or polarity.going_to(p, t)
            or (t.dep == "xcomp" and (head.lemma.lower() in FUTURE_HEADS or
                                      (head.lemma.lower() == "be" and head.lower in BE_PRESENT)))):
        return "future"
    if t.pos not in ("VERB", "AUX"):
        return "present" if not aux else "past"
    if not aux and t.tag == "VBG" and t.dep in NONFINITE_DEPS:
        # "responded by throwing stones", "spoke, defending the policy", "started attacking people": a
        # participle has no tense of its own and is told in its governor's
        gov = p.tokens[head.head] if head.pos == "ADP" else head
        steps = 0
        while gov.pos not in ("VERB", "AUX") and gov.dep in NOMINAL_LINKS and gov.head != gov.i and steps < 4:
            # "showed a group of protesters throwing things": the participle on a noun is told in the
            # tense of the clause the noun is in
            gov, steps = p.tokens[gov.head], steps + 1
        if gov.pos in ("VERB", "AUX") and gov.i != i:
            return tense_of(p, gov.i)
    if t.tag == "VB" and t.dep == "xcomp" and not aux - {"to"} and head.pos in ("VERB", "AUX"):
        # "I offered to resign last night", "tried to flee": an infinitive has no tense of its own and
        # is told in its governor's (the future governors are read above)
        return tense_of(p, head.i)
    if aux & {"had", "'d", "’d"} and t.tag == "VBN":
        return "pluperfect"
    if t.tag == "VBG" and aux & BE_PRESENT:
        return "progressive"
    if t.tag in ("VBD", "VBN") or aux & {"has", "have", "did", "was", "were"}:
        return "past"
    return "present"


def background(p: Parse, i: int) -> bool:
    """Told as background, not as the article's news: a nominal mention ("the 2013 massacre", "a
    decades-long insurgency") or a relative clause ("the truce, which was brokered ...")."""
    return p.tokens[i].pos not in ("VERB", "AUX") or _relative_clause(p, i) is not None


def _occasion(p: Parse, clause: int) -> bool:
    """Is the relative clause a where/when clause (it tells what happened there, then)?"""
    return any(c.lower in ("where", "when") and c.dep == "advmod" for c in p.children(clause))


def _clause_of(p: Parse, i: int) -> int:
    """The verb whose clause token i belongs to (the root, or i itself, when none is found within a few
    steps)."""
    if p.tokens[i].pos in ("VERB", "AUX"):
        return i
    return next((head.i for _, head in climb(p, p.tokens[i], 5)
                 if head.pos in ("VERB", "AUX") or head.head == head.i), i)


def _relative_clause(p: Parse, i: int) -> Optional[int]:
    """The relative clause's verb when the trigger's own verb chain is one, else None (not "acl": in
    "the calls asking X to", a participle is the news's own)."""
    node = p.tokens[i]
    for _ in range(4):
        if node.dep == "relcl":
            return node.i
        if node.dep not in ("xcomp", "conj", "aux") or node.head == node.i:
            return None
        node = p.tokens[node.head]
    return None


def nearest(s: State, i: int, ok, scene=None, stop=None) -> Optional[int]:
    """The closest token satisfying ok(): in the trigger's own phrase, then in what its governors
    say directly (not in other clauses: those speak of other events, except clauses for which
    scene() holds: they set the scene of the governor's act), climbing no higher than a node for
    which stop() holds."""
    node, prev, steps = s.p.tokens[i], None, 0
    while steps < 10:
        steps += 1
        stack = [node.i]
        while stack:
            j = stack.pop(0)
            if ok(j):
                return j
            for c in s.p.children(j):
                # another event's phrase has its own date and place ("accused of the 2021 bombing")
                if c.i != (prev.i if prev else -1) and (
                        (c.dep not in CLAUSAL and c.i not in s.trigger_tokens) or (scene is not None and scene(c))):
                    stack.append(c.i)
        if node.head == node.i or (stop is not None and stop(node)):
            return None
        prev, node = node, s.p.tokens[node.head]
    return None


# where.py reads clauses as the date does: the same walk up the parse and the same relative clauses
relative_clause = _relative_clause
