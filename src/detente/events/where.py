"""Where an event happened: the place its trigger's phrase governs or that sets the scene of its
clause, else its sentence's only place that can say where it was, else the dateline for the lead's
news; and how the place was read (`Event.place_source`). The date is when_where's."""
from __future__ import annotations

from typing import Optional

from ..actors import lexicon as actor_lexicon
from .. import ontology
from ..model import Event, Parse, Place
from . import triggers
from .lexicon import has
from .state import State
from .when_where import background, bare_participle, climb, nearest, relative_clause


def place(s: State, e: Event, i: int, src, tgt) -> None:
    """Where the event happened, and how that was read (`Event.place_source`):
    - attached: a place the trigger's phrase governs ("clashed in Aleppo", "the Kabul bombing",
      "visited Beijing", "a trip to France"), nearest first, or that sets the scene of its clause
      ("while campaigning in Michigan, Biden called ...", "during a trip to France, Trump refused");
      not past a relative clause or a report ("said in Ankara that troops attacked ..."), not a side's
      ("a United States airstrike"), and for what is said, not a place of what is talked about
      ("criticized the election policy in California");
    - sentence: else the one place its sentence names that can say where the event was
      (_sentence_place: said in the event's own clause, no side of it, no nationality or description
      of someone) when the event is its sentence's news, not a relative clause's;
    - dateline: else, for the lead sentence's news in an article whose dateline says where it was
      filed, and whose lead sentence names no place of its own;
    - none: else (a place named in another clause or sentence says where something else happened)."""
    # a visit's or deployment's target is where it happens (lexicon place_targets): "visited Beijing"
    visit = e.cameo in s.lex.place_targets
    verbal = (e.quad_class or 0) in (1, 3) and not visit
    sides = [r for r in (src, None if visit else tgt) if r is not None]
    taken = {(r.start, r.end) for r in sides}
    words = s.lex.words
    preps, of_nouns = words["place_prepositions"], words.get("place_of_nouns", frozenset())
    remote = tuple(words["remote_material_roots"])

    def is_place(j: int) -> bool:
        tok = s.p.tokens[j]
        if j not in s.place_tok or (s.place_tok[j].start, s.place_tok[j].end) in taken:
            return False
        head = s.p.tokens[tok.head]
        if tok.dep in ("compound", "nmod") and (tok.head == i or (
                head.dep == "dobj" and head.head == i and
                not any(r.start <= head.start < r.end for r in sides))):
            # "the Kabul bombing", "attended the Beijing Olympics"; not "detained a Chicago journalist":
            # a name on someone says who they are, and not "a United States military airstrike" whose
            # source names it
            return not any(_overlap(s.place_tok[j], r) for r in sides)
        if tok.dep == "dobj" and tok.head == i:  # "visited Beijing": a place that is no actor
            return True
        owner = s.p.tokens[head.head]
        if visit and tok.dep == "pobj" and head.lower in words["place_destinations"] and (
                owner.i == i or _in_trigger(e, owner) or (owner.head == i and owner.lemma.lower() in words["travel_nouns"])):
            return True  # "a trip to France", "made a visit to Ghana": where the visit is
        if tok.dep == "pobj" and head.lower in words["place_destinations"] and _purpose_of(s, i, owner):
            return True  # "came to Iraq to fight ISIS"
        if tok.dep == "pobj" and head.lower in words["place_origins"] and _opens_clause(s.p, head, owner):
            return True  # "From Kyiv, the minister spoke by video": where the act was done from
        if tok.dep == "pobj" and owner.i == i and _on_route(s, e, head):
            return True  # "protesters marched from Victoria Park to the parliament": a march is all along its way
        prep = locative(s.p, j, preps, of_nouns, words)
        # "Pell, a senior figure at the Holy See, was convicted": a description of someone says where
        # they belong, not where the event was; "near the Syrian border" is on either side of it
        return prep is not None and s.p.tokens[s.p.tokens[prep].head].dep != "appos" and \
            not _in_aside(s, tok, i) and not _on_edge(s.p, tok, words) and not _after_another(s, j, i) and \
            not (verbal and (_on_object(s, e, i, prep) or _in_content(s.p, prep, i)))

    own = _clause_verbs(s.p, i) | {i}  # a scene set for the event's own clause, not for a governor's
    tok = nearest(s, i, is_place, scene=lambda c: _scene_clause(s, c, own),
                  stop=lambda n: _place_bound(s.p, n, words, s.place_tok) or _spoken_of(s, n, i))
    if tok is not None:
        pl = s.place_tok[tok]
        prep = locative(s.p, tok, preps, of_nouns, words)
        if prep is not None:  # "in the Serbian capital Belgrade", "in Reading, Berkshire, UK": the finest
            sent = s.p.sentence_of(tok)
            same = [q for j, q in s.places_in(sent.start, sent.end) if (q.start, q.end) not in taken
                    and locative(s.p, j, preps, of_nouns, words) == prep]
            pl = min(same, key=lambda q: (_RANK.get(q.feature, 0), abs(q.start - pl.start)), default=pl)
            if len({q.country for q in same} - {None}) > 1:
                # "arrests were made in Australia, Brazil, Canada ...": no one place; none is signable
                e.place_source = "none"
                return
        e.place, e.place_source = pl.ref(), "attached"
        return
    e.place_source = "none"
    # a sanction or embargo is done at a distance: its sentence's one place is whom it is aimed at
    # ("Belarus is under Canadian sanctions"); only an attached place says where it was decided
    if e.sentence is None or relative_clause(s.p, i) is not None or e.cameo.startswith(remote):
        return
    named = list({id(pl): pl for j, pl in s.places_in(e.sentence.start, e.sentence.end)}.values())
    if named:
        material = ontology.material(e.cameo)
        sides = [r for r in (src, None if material or visit else tgt, e.speaker) if r is not None]
        about = (lambda root: _on_object(s, e, i, root.head)) if verbal else None  # given for what is said
        pl = _sentence_place(s, i, named, sides, src, about)
        if pl is not None:
            e.place, e.place_source = pl.ref(), "sentence"
        return
    dl = _dateline(s)
    if dl is not None and not background(s.p, i) and _lead_sentence(s) == s.p.tokens[i].sent:
        e.place, e.place_source = dl.ref(), "dateline"


def unplace_sides(s: State, events: list[Event]) -> None:
    """A sentence place that became a side after it was chosen: the target a verbal act takes from its
    sentence's other party (targets.addressed_targets: "Belarus is under sanctions, and was condemned
    by Poland") is whom it was said of, not where (as _sentence_place rules out a side it already had)."""
    for e in events:
        if e.place_source == "sentence" and e.place is not None and e.target is not None and \
                (e.quad_class or 0) in (1, 3) and e.cameo not in s.lex.place_targets and _overlap(e.place, e.target):
            e.place, e.place_source = None, "none"


def _dateline(s: State) -> Optional[Place]:
    """The article's dateline place that says where (Article.places, which the pipeline fills before
    events), or None: read once per article (State.dateline), not per event over all its places."""
    if s.dateline is None:
        s.dateline = (next((pl for pl in s.a.places if pl.role == "dateline" and (pl.lat is not None or pl.country)),
                           None),)
    return s.dateline[0]


def _sentence_place(s: State, i: int, named: list[Place], sides: list, src=None, about=None) -> Optional[Place]:
    """The one place the event's sentence names that can say where it happened (a town with its
    province and country counts once): no side of the event nor joined to one (a material act's
    target may be: "troops entered Syria"; "called on Italy and Egypt"), no nationality ("Turkish
    airstrikes") or description of someone ("the Ohio lawyer"), no origin or destination of a thing
    ("the claim from Berlin", "flights to Cuba"), nothing quoted from someone else, and said in the
    event's own clause ("the mayor of Moscow extended the lockdown"), not in another verb's ("Walker,
    who lives in Ohio, met Hawkins"; "the union said workers protested in Dearborn"). A source's
    office's town or province is no side ("the mayor of Moscow" is the mayor): it says where he acts;
    its country is ("the president of Turkey vowed support": Turkey's), as is a target's. about(root),
    when given, tells a place said of what is talked about ("criticized the policy in California").
    Nor the place of another event named as a noun ("the deadliest since an assault in Ghazni")."""
    trigger = s.p.tokens[i]
    above = _verb_above(s.p, i)
    # "the bombing was condemned by ministers in Brussels": the saying's clause is not the bombing's
    own = set() if above is not None and _verbal_act(s, s.p.tokens[above], i) and trigger.pos in ("NOUN", "PROPN") \
        else _clause_verbs(s.p, i)
    fit = []
    for pl in named:
        root = _span_root(s.p, pl)
        if root is None or root.pos == "ADJ" or any(_overlap(pl, r) for r in sides):
            continue
        if _joined_to(s.p, root, sides) or _describes(s, root, i) or _directed(s, root, i) or _of_other_event(s, root, i) or \
                _on_edge(s.p, root, s.lex.words) or _after_another(s, root.i, i) or \
                _office_of(s, root, pl, src, about is not None) or (about is not None and _said_of(s.p, root, about)):
            continue
        q = s.quote_at(pl.start)
        if (q is not None and not q.start <= trigger.start < q.end) or _verb_above(s.p, root.i) not in own:
            continue
        fit.append(pl)
    finest = [pl for pl in fit if not any(_inside(q, pl) for q in fit)]
    if len({_reading(pl) for pl in finest}) != 1:
        return None
    return finest[0]


def _of_other_event(s: State, tok, i: int) -> bool:
    """Whether a name is the place of another event the sentence names as a noun ("the deadliest since
    an assault in Ghazni", "resigned after the bombing in Mosul"): where that happened, not this. A
    gathering is where people are, and what they do around it is there too ("clashed with police
    during the sixth week of demonstrations in Santiago")."""
    for _ in range(6):  # "the bombing in Kenosha, Wisconsin": the state goes with its town
        if tok.dep not in ("conj", "appos", "npadvmod") or tok.head == tok.i:
            break
        tok = s.p.tokens[tok.head]
    if tok.dep != "pobj" or tok.head == tok.i:
        return False
    noun = s.p.tokens[s.p.tokens[tok.head].head]
    return noun.i != i and noun.pos == "NOUN" and triggers.noun_code(noun, s.lex) is not None and \
        not _gathering(noun, s.lex.words)


def _said_of(p: Parse, tok, about) -> bool:
    """Whether about() holds for the preposition's object that a name is or is listed with ("for the
    Persian Gulf, the Gulf of Oman and the Strait of Hormuz")."""
    for _ in range(6):
        if tok.dep not in ("conj", "appos") or tok.head == tok.i:
            break
        tok = p.tokens[tok.head]
    return tok.dep == "pobj" and about(tok)


def _office_of(s: State, tok, pl: Place, src, verbal: bool) -> bool:
    """Whether a name is "of" an actor's noun and so part of that actor: a party's other than the
    source ("called for the government of Ukraine to ...", "a proclamation by the President of the
    United States"), the country of a source that speaks
    ("the president of Turkey vowed support for Azerbaijan": where he said it is not told). A source's
    town or province is where a local office acts ("Sobyanin, the mayor of Moscow, extended the
    lockdown"), and its country where a government acts on its own ground ("the prime minister of
    Peru signed a decree")."""
    head = s.p.tokens[tok.head]
    if tok.dep != "pobj" or head.lower != "of" or head.head == head.i:
        return False
    owner = s.p.tokens[head.head]
    if src is not None and _joined_to(s.p, owner, [src]):
        return verbal and pl.feature == "country"
    if owner.pos == "PROPN" and owner.lower not in s.lex.words.get("place_of_nouns", ()):
        return True  # a title or body named by its place: "by the President of the United States"
    ref = s.r.actor(owner.i)  # an actor whose words hold the noun itself, not just the place after it
    return ref is not None and ref.start <= owner.start < ref.end


def _on_object(s: State, e: Event, i: int, prep: int) -> bool:
    """Whether a place preposition hangs on an object outside the trigger's words ("criticized the
    election policy in California", "asked to use the consulate in Erbil"), or on the subject or agent
    of another verb ("the attack was claimed by the Houthi movement in Yemen, but Saudi Arabia
    alleged ..."): for what is said, it tells where the thing or party talked of is, not where it was
    said ("ministers in Cairo denounced" is where the speakers were)."""
    head = s.p.tokens[s.p.tokens[prep].head]
    if head.pos not in ("NOUN", "PROPN") or _in_trigger(e, head) or head.head == head.i:
        return False
    if _object_phrase(s, e, head):
        return True
    gov = s.p.tokens[head.head]
    if head.dep == "pobj" and gov.dep == "agent":
        return gov.head != i
    return head.dep in ("nsubj", "nsubjpass") and head.head != i


def _in_content(p: Parse, j: int, i: int) -> bool:
    """Whether token j lies in a gerund that a preposition of the trigger at i governs ("warned the
    United States against interfering in Hong Kong", "criticized them for fighting in Syria"): for
    what is said, that is the act talked about, and its place is that act's, not where it was said."""
    return _on_path(p, j, i, lambda tok, head: tok.dep == "pcomp" and head.head == i)


def _on_path(p: Parse, j: int, i: int, hit) -> bool:
    """Whether hit(token, its head) holds on the way up from token j, before token i or the root."""
    tok = p.tokens[j]
    for _ in range(12):
        if tok.head == tok.i or tok.i == i:
            return False
        head = p.tokens[tok.head]
        if hit(tok, head):
            return True
        tok = head
    return False


def _object_phrase(s: State, e: Event, tok) -> bool:
    """Whether a noun is, or lies in the phrase of, a direct object ("criticized the leaders of the
    party in Lagos") or of the target of what is said ("called on the court in the Southern District of
    Ohio to ..."); not an audience, which is where the speaking was ("addressed a crowd in Tehran,
    calling for unity", "told reporters in Geneva": lexicon audience_verbs), nor for a meeting, which
    happens where its party is ("met opposition leaders in Minsk": lexicon copresent_roots)."""
    words = s.lex.words
    if e.cameo.startswith(tuple(words["copresent_roots"])):
        return False
    for _ in range(8):
        if (tok.dep == "dobj" and not has(s.p.tokens[tok.head], words["audience_verbs"])) or (
                e.target is not None and e.target.start <= tok.start < e.target.end):
            return True
        if tok.head == tok.i or tok.dep not in ("pobj", "prep", "compound", "appos", "conj"):
            return False
        tok = s.p.tokens[tok.head]
    return False


def _purpose_of(s: State, i: int, motion, then: bool = False) -> bool:
    """Whether the event at token i is the purpose of a motion ("came to Iraq to fight", "sent troops
    to Mali to train its army"), or with `then` what was done after it ("returned to Aleppo and
    shelled the city"): it happens where the motion went."""
    t = s.p.tokens[i]
    if t.head != motion.i or motion.lemma.lower() not in s.lex.words["motion_verbs"]:
        return False
    return (then and t.dep == "conj") or (
        t.dep in ("advcl", "xcomp") and any(c.dep == "aux" and c.lower == "to" for c in s.p.children(i)))


def _on_route(s: State, e: Event, prep) -> bool:
    """Whether a preposition of the trigger names a point of a demonstration's way ("marched from
    Victoria Park to the parliament", "paraded through Minsk": lexicon route_roots, route_verbs and
    route_prepositions): a march happens along its whole way, where it starts and where it ends, unlike
    a motion that carries something or someone elsewhere ("flights to Cuba", "extradited to the US")."""
    words = s.lex.words
    return e.cameo.startswith(tuple(words["route_roots"])) and has(s.p.tokens[prep.head], words["route_verbs"]) and \
        prep.lower in words["route_prepositions"]


def _opens_clause(p: Parse, prep, verb) -> bool:
    """Whether a preposition opens its sentence before its verb's subject ("From Kyiv, the minister
    spoke"): an origin set before the clause says where its act was done from, unlike one on a thing
    ("dismissed the claim from Berlin")."""
    if prep.head != verb.i or verb.pos not in ("VERB", "AUX") or prep.start != p.sentence_of(prep.i).start:
        return False
    return any(c.dep in ("nsubj", "nsubjpass") and c.i > prep.i for c in p.children(verb.i))


def _in_trigger(e: Event, tok) -> bool:
    return e.trigger is not None and e.trigger.start <= tok.start < e.trigger.end


def _joined_to(p: Parse, tok, sides: list) -> bool:
    """Whether a name is coordinated with or in apposition to a side of the event ("Italy" in "called
    on Egypt and Italy", "convicted Avenatti, the California lawyer")."""
    for _ in range(4):
        if tok.dep not in ("conj", "appos") or tok.head == tok.i:
            break
        tok = p.tokens[tok.head]
    group, stack = [], [tok]
    while stack:
        t = stack.pop()
        group.append(t)
        stack.extend(c for c in p.children(t.i) if c.dep in ("conj", "appos"))
    return any(r.start <= t.start < r.end for t in group for r in sides)


def _describes(s: State, tok, i: int) -> bool:
    """A name modifying a noun other than the trigger ("the Ohio lawyer", "a Berlin charity"), "of" a
    person ("J. R. Myers of Alaska", "Senator Sanders of Vermont") or placing a description ("Pell, a
    senior figure at the Holy See"): it says who someone is, not where the event was. A name on a
    scene noun says where ("the San Juan streets"), and so does a name deeper in a description set
    beside someone ("Baroni, the director of the Port Authority of New York and New Jersey": _in_aside)."""
    p = s.p
    if _in_aside(s, tok, i):
        return True
    head = p.tokens[tok.head]
    if tok.dep == "pobj" and head.lower == "of" and head.head != head.i:
        owner = p.tokens[head.head]
        # "Trump, a former resident of New York, criticized ...": a description set beside someone
        # says who they are; an office set there acts for its place ("Sobyanin, the mayor of Moscow")
        return owner.ent == "PERSON" or (owner.dep == "appos" and owner.pos == "NOUN" and
                                         not _authority(owner, s.lex.words["seat_sectors"]))
    if tok.dep == "pobj" and head.lower in s.lex.words["place_prepositions"] and p.tokens[head.head].dep == "appos":
        return True  # "Pell, a senior figure at the Holy See": where someone belongs
    return tok.dep in ("compound", "nmod") and tok.head != i and head.pos in ("NOUN", "PROPN") and \
        head.lemma.lower() not in s.lex.words["scene_nouns"] and head.lower not in s.lex.words["scene_nouns"]


def _in_aside(s: State, tok, i: int) -> bool:
    """Whether a name lies, listed, modifying or in a prepositional phrase, inside a noun phrase set
    by commas beside another ("Baroni, the director of the Port Authority of New York and New Jersey,
    was convicted"; "Kokesh, a veteran of the war in Iraq, protested"): the aside says who someone is,
    not where the event was. One on a place says where it is ("Magnitogorsk, a city in the Urals"), an
    office set there acts for its place ("Sobyanin, the mayor of Moscow, extended the lockdown":
    seat_sectors), and the trigger's own phrase is the event's."""
    p, words = s.p, s.lex.words
    for _ in range(8):
        if tok.head == tok.i or tok.i == i:
            return False
        head = p.tokens[tok.head]
        if tok.dep == "appos" and tok.pos == "NOUN":
            # an aside on a place says where that place is ("in Magnitogorsk, a city in the Ural region of
            # Russia"), and so where the event was
            return head.pos in ("NOUN", "PROPN") and head.i != i and head.i not in s.place_tok and \
                not _authority(tok, words["seat_sectors"])
        if tok.dep not in ("pobj", "prep", "conj", "compound", "appos", "amod"):
            return False
        tok = head
    return False


def _after_another(s: State, j: int, i: int) -> bool:
    """Whether token j lies in a phrase that dates the event at i by another happening ("resigned
    after the scandal in Lagos", "since the floods in Sindh": lexicon sequence_prepositions), or that
    says what it is about ("speaking about the crisis in Syria": topic_prepositions): the place is
    that happening's or that topic's. A gathering is where people were, and what they did around it
    is there too ("arrested after protests in Minsk"), as _of_other_event reads it; a happening is a
    common noun (not "after Adamowicz, mayor of Gdansk, was stabbed", which a parser may take for one)."""
    words = s.lex.words
    return _on_path(s.p, j, i, lambda tok, head: tok.dep == "pobj" and (
        head.lower in words["topic_prepositions"] or (
            head.lower in words["sequence_prepositions"] and tok.pos == "NOUN" and not _gathering(tok, words))))


def _authority(tok, sectors) -> bool:
    """Whether a noun names an office or body of a sector that acts for the place it is "of" (the
    actors lexicon's titles and bodies: mayor, governor, police, parliament, court), not a
    description of someone (resident, native, lawyer)."""
    lex = actor_lexicon.load()
    return any(e.type in ("title", "body") and (e.sector or "").lower() in sectors
               for w in dict.fromkeys((tok.lower, tok.lemma.lower())) for e in lex.lookup(w))


def _on_edge(p: Parse, tok, words) -> bool:
    """Whether a name says which border a thing is at ("near the Syrian border", "the border with
    Saudi Arabia", "the Syria-Turkey border": lexicon edge_nouns): the event may be on either side, so
    the name does not say where it was ("in the border town of Tijuana", "at the Tijuana border
    crossing" name a town and a post)."""
    for _ in range(4):
        if tok.dep not in ("conj", "appos") or tok.head == tok.i:
            break
        tok = p.tokens[tok.head]
    if tok.head == tok.i:
        return False
    head = p.tokens[tok.head]
    if tok.dep == "pobj" and head.lower in ("with", "of", "between") and head.head != head.i:
        head = p.tokens[head.head]
    elif tok.dep not in ("amod", "compound", "nmod", "poss"):
        return False
    # "the Tijuana border crossing", "a Turkish border post": the edge word names a thing at one place
    return head.dep != "compound" and (head.lower in words["edge_nouns"] or head.lemma.lower() in words["edge_nouns"])


def _span_root(p: Parse, pl: Place):
    """The token of a place's name that its phrase hangs on ("Kong" in "Hong Kong")."""
    toks = p.tokens_in(pl.start, pl.end)
    ids = {t.i for t in toks}
    return next((t for t in toks if t.head not in ids or t.head == t.i), None)


def _directed(s: State, tok, i: int) -> bool:
    """Whether a place is named as an origin ("the claim from Berlin", "protesters from the city of
    Basra"), as a thing's destination or an addressee ("flights to Cuba", "appealed to Russia to stop";
    not the trigger's own: "a visit to Ireland"), as an adversary ("a lawsuit against the state of
    Montana") or for comparison ("drugs like Portugal"), rather than as a location."""
    words = s.lex.words
    for _ in range(8):
        if tok.head == tok.i:
            return False
        head = s.p.tokens[tok.head]
        if tok.dep == "pobj":
            owner = s.p.tokens[head.head]
            if head.lower == "of" and head.head != head.i and _names_place(owner, words):
                tok = owner  # "from the city of Basra": the place noun's preposition tells
                continue
            # the addressee of another verb ("appealed to Russia to stop") is none either, but a motion's
            # end is where its purpose or sequel happens
            return head.lower in words["place_origins"] or head.lower in words["place_comparisons"] or \
                head.lower in words["place_adversatives"] or (
                    head.lower in words["place_destinations"] and not _purpose_of(s, i, owner, then=True) and
                    (head.head != i or _given_to(s, i, head)))
        if tok.dep not in ("appos", "compound", "conj"):
            return False
        tok = head
    return False


def _given_to(s: State, i: int, prep) -> bool:
    """Whether the trigger's own destination preposition names what it is for or whom it is given to
    ("asked the court for the Southern District of New York", "pledged aid to Syria"), not where it
    went: so for all but a motion or a journey ("retreated to New Mexico", "a visit to Ireland": lexicon
    motion_verbs, arrival_verbs, route_verbs, travel_nouns) and a way into a place ("began an offensive
    into Syria": entry_prepositions)."""
    words = s.lex.words
    goes = words["motion_verbs"] | words["arrival_verbs"] | words["route_verbs"] | words["travel_nouns"]
    return prep.lower not in words["entry_prepositions"] and not has(s.p.tokens[i], goes)


def _names_place(tok, words) -> bool:
    """Whether a noun's "of" names the place it is ("the city of", "the Southern District of"): the
    lexicon's place_of_nouns."""
    return tok.pos in ("NOUN", "PROPN") and (tok.lower in words["place_of_nouns"] or
                                             tok.lemma.lower() in words["place_of_nouns"])


def _verb_above(p: Parse, i: int) -> Optional[int]:
    """The first verb above token i: the clause it is said in."""
    return next((head.i for _, head in climb(p, p.tokens[i], 16) if head.pos in ("VERB", "AUX")), None)


def _clause_verbs(p: Parse, i: int) -> set[int]:
    """The verbs of the clause that tells the event at token i: its own verb (a nominal trigger's the
    verb above it: "the bombing killed five"), the verbs it is a complement or conjunct of ("voted
    to extend", "took control and captured") and their non-finite complements ("was reported to have
    killed"; not another's action asked for: "urged firms to stop trading in Iran")."""
    t = p.tokens[i]
    if t.pos not in ("VERB", "AUX"):
        above = _verb_above(p, i)
        if above is None:
            return set()
        t = p.tokens[above]
    verbs = {t.i}
    while t.head != t.i and not _own_clause(p, t):
        if t.dep in ("xcomp", "conj"):
            t = p.tokens[t.head]
        elif t.dep == "acl" and not _meant_on_noun(p, t) and (above := _verb_above(p, t.i)) is not None:
            t = p.tokens[above]  # "signed a decree banning the niqab": the decree's content
        elif bare_participle(p, t):
            t = p.tokens[t.head]  # "raided the town of Bunia, arresting forty people": done there, then
        else:
            break
        verbs.add(t.i)
    stack = list(verbs)
    while stack:
        kids = p.children(stack.pop())
        if any(c.dep == "dobj" for c in kids):
            continue  # "urged firms to stop trading in Iran": what someone is asked to do is elsewhere
        for c in kids:
            if c.dep == "xcomp" and c.i not in verbs:
                verbs.add(c.i)
                stack.append(c.i)
    return verbs


def _spoken_of(s: State, node, i: int) -> bool:
    """Whether a nominal trigger at i, or the noun phrase it heads up to `node`, is what another event's
    verbal act is about ("the attack was claimed by rebels in Yemen", "the bombing was condemned by
    ministers in Brussels", "denied the accusation in Moscow"): where that was said, claimed or
    condemned is not where the named happening was."""
    if s.p.tokens[i].pos not in ("NOUN", "PROPN") or node.pos not in ("NOUN", "PROPN") or node.head == node.i:
        return False
    return _verbal_act(s, s.p.tokens[node.head], i)


def _verbal_act(s: State, v, i: int) -> bool:
    """Whether a verb, not the trigger at i, is a saying or another event's act of words done at a distance from
    what it is about (lexicon spoken_roots: claiming, condemning, denying, praising; not a meeting's
    or an inquiry's, which are where their matter is: "hosted the talks in Doha") by a doer it names
    ("the attack was claimed by rebels", "ministers condemned the bombing"; not "protests are not
    reported in Mosul" nor "a bombing was reported to have killed ... in Mosul", which tell where it was)."""
    if v.i == i or v.pos not in ("VERB", "AUX"):
        return False
    kids = s.p.children(v.i)
    if any(c.dep == "xcomp" for c in kids) or not any(c.dep in ("nsubj", "agent") for c in kids):
        return False
    if has(v, s.lex.speech):
        return True  # "claimed by rebels", "reported by police": a saying, whether or not coded
    trig = triggers.verb_trigger(s.p, v, s.lex) if v.i in s.trigger_tokens else None
    return trig is not None and trig.code.startswith(tuple(s.lex.words["spoken_roots"]))


def _meant_on_noun(p: Parse, tok) -> bool:
    """Whether a verb is an infinitive on a noun ("calls for more effort to assist migrants", "a plan
    to build a wall"): an act meant, planned or asked for, whose clause is not the noun's governor's."""
    return tok.dep == "acl" and any(c.dep == "aux" and c.lower == "to" for c in p.children(tok.i))


def _own_clause(p: Parse, tok) -> bool:
    """Whether a verb is a conjunct clause with a subject of its own ("Riots broke out in Lyon, and the
    government condemned the rioters"): it tells another party's act, whose place its own words say, not
    the first clause's; a conjunct that shares its subject is the same party's ("took control of the town
    and captured the embassy")."""
    return tok.dep == "conj" and tok.pos in ("VERB", "AUX") and \
        any(c.dep in ("nsubj", "nsubjpass", "expl") for c in p.children(tok.i))


def _reading(pl: Place) -> tuple:
    return (pl.geonameid, pl.country) if pl.geonameid is not None else (pl.name or pl.text, pl.country)


_RANK = {"city": 0, "admin1": 1, "region": 1, "country": 2}  # finer places first


def _inside(small: Place, big: Place) -> bool:
    """A town in the province or country also named ("Kenosha, Wisconsin, United States")."""
    return small is not big and small.country is not None and small.country == big.country and \
        _RANK.get(small.feature, 0) < _RANK.get(big.feature, 0)


def locative(p: Parse, j: int, preps, of_nouns=frozenset(), words=None) -> Optional[int]:
    """The place preposition whose object token j names, directly ("in Aleppo") or as a name in
    apposition to, modifying or "of" that object ("in the Serbian capital Belgrade", "at Baghdad
    International Airport", "in the Southern District of New York", "in Kenosha and Racine"), or a
    journey's destination that frames a clause ("during a trip to France": the lexicon's travel_nouns
    and travel_frames in `words`); a nationality word or a possessive only on a place noun ("in the
    Serbian capital", "in Burkina Faso's northern region"; not "in American history", "in Iran's
    interest"); else None. "of" leads up only from a noun in of_nouns ("the city
    of", "the District of")."""
    tok = p.tokens[j]
    for _ in range(6):
        if tok.head == tok.i:
            return None
        head = p.tokens[tok.head]
        if tok.dep == "pobj":
            if head.lower in preps:
                return head.i
            owner = p.tokens[head.head]
            if words is not None and _travel_frame(p, head, owner, words):
                return owner.head
            if head.lower != "of" or head.head == head.i or owner.pos not in ("NOUN", "PROPN") or \
                    not (owner.lower in of_nouns or owner.lemma.lower() in of_nouns):
                return None
            tok = p.tokens[head.head]
        elif head.pos in ("NOUN", "PROPN") and (tok.dep in ("appos", "compound", "nmod", "conj") or (
                tok.dep in ("amod", "poss") and _place_noun(head, of_nouns, words))):
            tok = head  # "in the Serbian capital", "in Burkina Faso's northern region"
        else:
            return None
    return None


def _place_noun(tok, of_nouns, words) -> bool:
    """Whether a nationality word's noun is a place ("in the Serbian capital", "at an Iraqi base"), not
    a thing ("in American history")."""
    scene = words["scene_nouns"] if words is not None else ()
    return any(w in of_nouns or w in scene for w in (tok.lower, tok.lemma.lower()))


def _travel_frame(p: Parse, prep, owner, words) -> bool:
    """Whether `prep` leads to a journey's destination under a preposition that frames the clause:
    "during a trip to France", "on a visit to Beijing"."""
    if prep.lower not in words["place_destinations"] or prep.head == prep.i or owner.dep != "pobj":
        return False
    return owner.lemma.lower() in words["travel_nouns"] and p.tokens[owner.head].lower in words["travel_frames"]


def _scene_clause(s: State, c, own: set[int]) -> bool:
    """A phrase that says where its governor's subject was when acting, though it is a clause or
    another event of its own: an adverbial clause with no subject ("while campaigning in Michigan,
    Biden called ...", "Speaking in Ankara, Erdogan said ..."), a journey that frames the act ("during
    a trip to France, Trump refused ..."), a gathering that does ("during a riot in Lyon, protesters
    set fire ...", "at a rally in Dayton, the governor attacked ..."), a purpose that is done on the
    spot ("fired tear gas to disperse protesters in Minsk": lexicon spot_purposes)."""
    words = s.lex.words
    if c.dep == "pobj" and c.lemma.lower() in words["travel_nouns"]:
        frame = s.p.tokens[c.head]
        return frame.lower in words["travel_frames"] and (frame.head in own or _set_off_subject(s.p, frame, own))
    if c.dep == "pobj" and _gathering(c, words):
        frame = s.p.tokens[c.head]
        return frame.lower in words["gathering_frames"] and frame.head in own
    if c.dep == "acl" and c.tag == "VBG" and _set_off_subject(s.p, c, own):
        return True  # "The minister, speaking to reporters in Geneva, accused Iran ..."
    if c.dep in ("advcl", "xcomp") and c.head in own and has(c, words["spot_purposes"]) and \
            any(k.dep == "aux" and k.lower == "to" for k in s.p.children(c.i)):
        return True  # "police fired tear gas to disperse protesters in Minsk": done where they were
    if c.dep != "advcl" or c.tag != "VBG" or c.head not in own:
        return False
    kids = s.p.children(c.i)
    if any(k.dep in ("nsubj", "nsubjpass", "expl") for k in kids):
        return False
    # a bare participle after its verb tells a consequence ("nominated the ticket, granting it ballot
    # access in Florida"); before it, or opened by "while", the scene
    marks = [k.lower for k in kids if k.dep == "mark"]
    return all(m in words["scene_marks"] for m in marks) and bool(marks or c.i < c.head)


def _set_off_subject(p: Parse, c, own: set[int]) -> bool:
    """Whether a phrase is set off by commas on the subject of the event's clause ("The minister,
    speaking in Geneva, accused ...", "The president, on a visit to Kenya, met ..."): it tells where
    the subject was when acting, as the same phrase before the clause would."""
    head = p.tokens[c.head]
    return head.dep in ("nsubj", "nsubjpass") and head.head in own and c.i > head.i and \
        p.tokens[c.i - 1].text == ","


def _gathering(tok, words) -> bool:
    """A noun of a gathering or meeting that can say where what happened at it was (lexicon gathering_nouns)."""
    return tok.pos in ("NOUN", "PROPN") and (tok.lower in words["gathering_nouns"] or
                                             tok.lemma.lower() in words["gathering_nouns"])


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


def _place_bound(p: Parse, node, words=None, place_tok=()) -> bool:
    """Whether a place is looked for no higher than this clause: what a relative clause or a report
    tells happened where it says, not where its governor's act was ("the memoranda, in which Turkey
    agreed ..., denounced in Cairo"; "said in Ankara that troops attacked ..."); but a "where" clause
    happens at its noun's place ("met in Niamey for a summit where the presidents signed ..."), as does
    an "in which" clause on a gathering or a place (`words`: the lexicon's; place_tok: the place tokens).
    An infinitive on a noun tells an act only meant, planned or asked for ("calls for more effort to
    assist migrants from Syria; since then, groups have grown in Europe"): where the noun's governor
    acted is not where that act would be."""
    if node.dep == "ccomp" or _own_clause(p, node) or _meant_on_noun(p, node):
        return True
    if node.dep != "relcl":
        return False
    between = p.tokens[node.head + 1:node.i]
    if any(t.lower == "where" for t in between):
        return False
    # "a trial is under way in Cairo in which nine men have been charged": "in which" on a gathering
    # or a place is a "where"; on a document it tells its content ("the pact in which ... agreed")
    return not (words is not None and any(
        t.lower == "which" and k and between[k - 1].lower in words["place_prepositions"] for k, t in enumerate(between))
        and (node.head in place_tok or _gathering(p.tokens[node.head], words)))
