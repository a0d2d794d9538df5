"""When and where an event happened: the date expression nearest its trigger, and the place its phrase
governs, else its sentence's only place, else the dateline for the lead's news."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from .. import timex
from ..model import Article, Event, Parse, Place
from . import polarity
from .state import State

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
    for t in found:
        t.anchor = anchor
        if t.kind == "ana":
            if told is None:
                continue
            timex.resolve_from(t, told)
        else:
            timex.resolve(t, anchor)
        if not t.value:
            continue
        if t.precision == "day":
            told = timex.parse_date(t.value)
        for tok in p.tokens_in(t.start, t.end):
            out[tok.i] = t
    return out


def date(s: State, e: Event, i: int) -> None:
    """The text's own date for the event, read in the direction of its tense; else the publication
    date for what the article reports as news (a main-clause event in the past, perfect or present),
    where an undated past event after a lead that names its day takes that day (date_source
    "article", a value model.Event documents); else none: background (past perfect, relative clauses,
    nominal mentions without a dated clause) and undated futures."""
    modality = e.modality
    if (e.cameo or "").startswith("11"):
        # a criticism read off the words said ("called the plan 'dangerous'") happens when they were said
        said = polarity.analyse(s.p, i, s.lex).speech_verb
        if said is None:
            said = _governing_verb(s.p, i)
        if said is not None and said != i:
            i, modality = said, "asserted"
    else:
        cue = _quote_cue(s, i)
        if cue is not None and tense_of(s.p, i, modality) == "present":
            i, modality = cue, "asserted"  # "I thank John", "I urge them", he said: done as it was said
    t = s.p.tokens[i]
    if t.pos in ("NOUN", "PROPN") and t.dep in ("nsubj", "nsubjpass") and s.p.tokens[t.head].pos == "VERB":
        i = t.head  # "the attack killed twelve", "a bombing last week killed five": the clause tells its time
    tense = tense_of(s.p, i, modality)
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
    tok = nearest(s, i, lambda j: j in s.times and (own is None or j in own))
    if tok is not None:
        tx = s.times[tok]
        own_clause = tok in {x.i for x in s.p.subtree(i)}
        if own_clause and tx.kind in timex.DIRECTED and tx.anchor is not None and (
                tense == "future" or (tense == "progressive" and tx.kind != "m")):
            # only the event's own clause reads its day forward: in "On Tuesday she announced the
            # government will withdraw the bill", Tuesday is the announcement's (past) day
            tx = timex.resolve(replace(tx), tx.anchor, "future")  # "will meet on Wednesday": the next one
        e.date, e.date_precision, e.date_text, e.date_source = tx.value, tx.precision, tx.text, "text"
    elif not back and tense == "past" and (lead := lead_date(s)) is not None:
        # the news told undated after a dated lead ("On Sunday, police fired ... They also used ...")
        e.date, e.date_precision, e.date_text, e.date_source = lead.value, lead.precision, lead.text, "article"
    elif s.a.published and not back and tense != "future":
        e.date, e.date_precision, e.date_source = s.a.published[:10], "day", "published"
    else:
        e.date, e.date_precision, e.date_source = None, None, "none"


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
        if e.date_source == "none" and t.pos == "NOUN" and \
                any(c.dep == "det" and c.lower == "the" for c in s.p.children(t.i)):
            prior = next((d for d, dt in reversed(dated) if d.cameo[:2] == e.cameo[:2] and (
                d.trigger.text.lower() == e.trigger.text.lower() or dt.pos == "VERB")), None)
            if prior is not None:
                e.date, e.date_precision, e.date_text, e.date_source = \
                    prior.date, prior.date_precision, prior.date_text, "article"
        if e.date_source in ("text", "article"):
            dated.append((e, t))


def _quote_cue(s: State, i: int) -> Optional[int]:
    """The speech verb of the quote token i stands in, when the quotes stage found one."""
    q = s.quote_at(s.p.tokens[i].start, lambda q: q.cue is not None)
    tok = s.p.token_at(q.cue.start) if q is not None else None
    return tok.i if tok is not None else None


LEAD_SENTENCES = 2  # the lead: the first sentences of the body, which date the article's news
LEAD_DAYS = 14  # a lead date is the news's only when it lies within this many days before publication


def lead_date(s: State) -> Optional[timex.Timex]:
    """The day the article's lead gives its news ("... on Sunday", "yesterday"), past the headline and
    the date line; None when the lead names no day in the fortnight up to publication. Read once per
    article (State.lead)."""
    if s.lead is None:
        s.lead = (_lead_date(s),)
    return s.lead[0]


def _lead_date(s: State) -> Optional[timex.Timex]:
    pub = timex.parse_date(s.a.published)
    if pub is None:
        return None
    found = sorted({id(t): t for t in s.times.values()}.values(), key=lambda t: t.start)
    seen = 0
    for sent in s.p.sentences:
        if sent.end <= s.headline_end:
            continue
        inside = [t for t in found if sent.start <= t.start < sent.end]
        words = s.a.text[sent.start:sent.end]
        for t in inside:
            words = words.replace(t.text, " ")
        if sum(w.isalpha() for w in words.split()) < 3:
            continue  # the date line ("Monday, January 14, 2019")
        for t in inside:
            if _in_relative_clause(s.p, s.p.token_at(t.start)):
                continue  # "who spoke on Friday": another event's date
            if t.precision == "day" and timex.parse_date(t.value) is not None and \
                    0 <= (pub - timex.parse_date(t.value)).days <= LEAD_DAYS:
                return t
        seen += 1
        if seen >= LEAD_SENTENCES:
            return None
    return None


def _in_relative_clause(p: Parse, tok) -> bool:
    for _ in range(12):
        if tok is None or tok.head == tok.i:
            return False
        if tok.dep == "relcl":
            return True
        tok = p.tokens[tok.head]
    return False


def _governing_verb(p: Parse, i: int) -> Optional[int]:
    """The verb whose complement holds token i ("commented, 'it would be an outrage'"), if any."""
    node = p.tokens[i]
    for _ in range(12):
        if node.head == node.i:
            return None
        head = p.tokens[node.head]
        if node.dep in ("ccomp", "parataxis") and head.pos == "VERB":
            return head.i
        node = head
    return None


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


def place(s: State, e: Event, i: int, src, tgt) -> None:
    """Where the event happened, and how that was read (`Event.place_source`):
    - attached: a place the trigger's phrase governs ("clashed in Aleppo", "the Kabul bombing",
      "visited Beijing"), nearest first;
    - sentence: else the one place its sentence names, when that place is no side of the event (a
      material act's target may be: "troops entered Syria") and the event is its sentence's news;
    - dateline: else, for the lead sentence's news in an article whose dateline says where it was
      filed, and whose lead sentence names no place of its own;
    - none: else (a place named in another clause or sentence says where something else happened)."""
    taken = {(r.start, r.end) for r in (src, tgt) if r is not None}
    preps, of_nouns = s.lex.words["place_prepositions"], s.lex.words.get("place_of_nouns", frozenset())

    def is_place(j: int) -> bool:
        tok = s.p.tokens[j]
        if j not in s.place_tok or (s.place_tok[j].start, s.place_tok[j].end) in taken:
            return False
        head = s.p.tokens[tok.head]
        if tok.dep in ("compound", "nmod") and (tok.head == i or (head.dep == "dobj" and head.head == i)):
            return True  # "the Kabul bombing", "attended the Beijing Olympics"
        if tok.dep == "dobj" and tok.head == i:  # "visited Beijing": a place that is no actor
            return True
        return locative(s.p, j, preps, of_nouns) is not None

    tok = nearest(s, i, is_place)
    if tok is not None:
        pl = s.place_tok[tok]
        prep = locative(s.p, tok, preps, of_nouns)
        if prep is not None:  # "in the Serbian capital Belgrade", "in Reading, Berkshire, UK": the finest
            sent = s.p.sentence_of(tok)
            same = [q for j, q in s.places_in(sent.start, sent.end) if (q.start, q.end) not in taken
                    and locative(s.p, j, preps, of_nouns) == prep]
            pl = min(same, key=lambda q: (_RANK.get(q.feature, 0), abs(q.start - pl.start)), default=pl)
        e.place, e.place_source = pl.ref(), "attached"
        return
    e.place_source = "none"
    if e.sentence is None or _relative_clause(s.p, i) is not None:
        return
    named = list({id(pl): pl for j, pl in s.places_in(e.sentence.start, e.sentence.end)}.values())
    if named:
        # the sentence's one place (a town with its province and country counts once), where it
        # stands as a location ("in X", "at the X airport"), and no side of the event (a material
        # act's target may be: "troops entered Syria")
        finest = {_reading(pl) for pl in named if not any(_inside(q, pl) for q in named)}
        material = (e.quad_class or 0) in (2, 4)
        sides = [r for r in (src, None if material else tgt) if r is not None]
        here = [pl for pl in named if _reading(pl) in finest and not any(_overlap(pl, r) for r in sides)
                and any(locative(s.p, t.i, preps, of_nouns) is not None and not _other_verb(s, t.i, i)
                        for t in s.p.tokens_in(pl.start, pl.end))]
        if len(finest) == 1 and here:
            e.place, e.place_source = here[0].ref(), "sentence"
        return
    # the dateline is the article's (Article.places, which the pipeline fills before events)
    dl = next((pl for pl in s.a.places if pl.role == "dateline" and (pl.lat is not None or pl.country)), None)
    if dl is not None and not background(s.p, i) and _lead_sentence(s) == s.p.tokens[i].sent:
        e.place, e.place_source = dl.ref(), "dateline"


def _other_verb(s: State, j: int, i: int) -> bool:
    """Whether the first trigger above token j is another event's verb: in "the paper said workers
    protested in Dearborn", Dearborn is where the protest was, not the saying."""
    tok = s.p.tokens[j]
    for _ in range(12):
        if tok.i == i:
            return False
        if tok.i in s.trigger_tokens and tok.i != j:
            return tok.pos in ("VERB", "AUX")
        if tok.head == tok.i:
            return False
        tok = s.p.tokens[tok.head]
    return False


def _reading(pl: Place) -> tuple:
    return (pl.geonameid, pl.country) if pl.geonameid is not None else (pl.name or pl.text, pl.country)


_RANK = {"city": 0, "admin1": 1, "region": 1, "country": 2}  # finer places first


def _inside(small: Place, big: Place) -> bool:
    """A town in the province or country also named ("Kenosha, Wisconsin, United States")."""
    return small is not big and small.country is not None and small.country == big.country and \
        _RANK.get(small.feature, 0) < _RANK.get(big.feature, 0)


def locative(p: Parse, j: int, preps, of_nouns=frozenset()) -> Optional[int]:
    """The place preposition whose object token j names, directly ("in Aleppo") or as a name in
    apposition to, modifying or "of" that object ("in the Serbian capital Belgrade", "at Baghdad
    International Airport", "in the Southern District of New York", "in Kenosha and Racine"); else None.
    "of" leads up only from a noun in of_nouns ("the city of", "the District of")."""
    tok = p.tokens[j]
    for _ in range(6):
        if tok.head == tok.i:
            return None
        head = p.tokens[tok.head]
        if tok.dep == "pobj":
            if head.lower in preps:
                return head.i
            owner = p.tokens[head.head]
            if head.lower != "of" or head.head == head.i or owner.pos not in ("NOUN", "PROPN") or \
                    not (owner.lower in of_nouns or owner.lemma.lower() in of_nouns):
                return None
            tok = p.tokens[head.head]
        elif tok.dep in ("appos", "compound", "nmod", "conj", "amod") and head.pos in ("NOUN", "PROPN"):
            tok = head
        else:
            return None
    return None


def _overlap(pl: Place, ref) -> bool:
    return pl.start < ref.end and ref.start < pl.end


def _lead_sentence(s: State) -> Optional[int]:
    """The index of the article's first body sentence: past the headline and date lines (fewer than 3 words
    besides its dates and the dateline)."""
    for n, sent in enumerate(s.p.sentences):
        if sent.end <= s.headline_end:
            continue
        words = [w for w in s.a.text[sent.start:sent.end].split() if any(c.islower() for c in w)]
        if len(words) >= 3:
            return n
    return None


def nearest(s: State, i: int, ok) -> Optional[int]:
    """The closest token satisfying ok(): in the trigger's own phrase, then in what its governors
    say directly (not in other clauses: those speak of other events)."""
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
                if c.i != (prev.i if prev else -1) and c.dep not in CLAUSAL and c.i not in s.trigger_tokens:
                    stack.append(c.i)
        if node.head == node.i:
            return None
        prev, node = node, s.p.tokens[node.head]
    return None
