"""The event lexicon (lexicon/events*.yaml) loaded into lookup tables, and the lemma rules it is matched with."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..lexicon import DIR as LEXICON_DIR
from ..lexicon import load_yaml
from ..model import Token


@dataclass
class Pattern:
    verbs: frozenset
    code: str
    particle: Optional[str] = None
    objects: frozenset = frozenset()
    prep: Optional[str] = None
    pobjs: frozenset = frozenset()
    swap: bool = False  # the "from" party acts, the subject receives

    @property
    def specificity(self) -> int:
        return bool(self.particle) + bool(self.objects) + bool(self.prep) + bool(self.pobjs)


@dataclass
class Lexicon:
    verbs: dict[str, str] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)
    nouns: dict[str, str] = field(default_factory=dict)
    noun_patterns: list[tuple[frozenset, frozenset, str]] = field(default_factory=list)
    mutual: frozenset = frozenset()
    support: frozenset = frozenset()
    speech: frozenset = frozenset()
    intent: frozenset = frozenset()
    hypothetical: frozenset = frozenset()
    negators: frozenset = frozenset()
    relation_objects: frozenset = frozenset()  # "ties", "relationship": the partner may be implicit
    theme_object: frozenset = frozenset()
    actor_object: frozenset = frozenset()
    person_nouns: frozenset = frozenset()  # "detained 27 Muslims": people, though no known actor
    appeal_control: dict = field(default_factory=dict)  # "asked X to ...": an appeal only with a to-clause
    refusals: dict = field(default_factory=dict)  # refused root -> rejection code
    implied_authority: dict[str, str] = field(default_factory=dict)  # code -> sector of an unsaid state doer
    place_targets: frozenset = frozenset()  # codes whose target is where they happen (a visit's host)
    host_codes: frozenset = frozenset()  # codes with a host or a guest by definition (a visit, hosting one)
    doer_required: frozenset = frozenset()  # PLOVER types that are no event without a named doer
    linked: dict = field(default_factory=dict)  # "042" -> "043": the reverse event CAMEO links to it
    intentions: dict = field(default_factory=dict)  # code prefix -> intent code ("wants to help" -> 033)
    avowal_verbs: frozenset = frozenset()
    coded_verbs: frozenset = frozenset()  # the verbs of `verbs` and `patterns`: they code events of their own
    own_verbs: frozenset = frozenset()  # every verb the tables above name
    reciprocal: frozenset = frozenset()  # "held talks with Y": both ways even with a named partner
    words: dict[str, frozenset] = field(default_factory=dict)  # named word lists (`words:` sections)
    _by_verb: Optional[tuple] = field(default=None, repr=False, compare=False)  # (patterns indexed, verb -> positions)

    def patterns_for(self, forms) -> list[Pattern]:
        """The patterns whose verb is one of these word forms, most specific first: looked up, since
        trying all hundred-odd patterns on every verb of a corpus costs seconds."""
        if self._by_verb is None or self._by_verb[0] != len(self.patterns):
            index: dict[str, list[int]] = {}
            for k, pat in enumerate(self.patterns):
                for verb in pat.verbs:
                    index.setdefault(verb, []).append(k)
            self._by_verb = (len(self.patterns), index)
        index = self._by_verb[1]
        hits = sorted({k for f in forms for k in index.get(f, ())})
        return [self.patterns[k] for k in hits]


def _set(v) -> frozenset:
    if v is None:
        return frozenset()
    return frozenset(str(x).lower() for x in (v if isinstance(v, list) else [v]))


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Every lexicon/events*.yaml merged (later files add to earlier ones)."""
    lex = Lexicon()
    lists = {k: set() for k in ("mutual", "support_verbs", "speech", "intent", "hypothetical", "negators", "theme_object",
                                "actor_object", "reciprocal", "person_nouns", "avowal_verbs", "place_targets", "host_codes",
                                "doer_required")}
    relation = set()
    for path in sorted(LEXICON_DIR.glob("events*.yaml")):
        data = load_yaml(path) or {}
        for code, lemmas in (data.get("verbs") or {}).items():
            for lemma in lemmas or []:
                lex.verbs[str(lemma).lower()] = str(code)
        for p in data.get("patterns") or []:
            # a list of prepositions is one pattern each ("prep: [during, in]")
            for prep in (p.get("prep") if isinstance(p.get("prep"), list) else [p.get("prep")]):
                pat = Pattern(_set(p["verb"]), str(p["code"]), (p.get("particle") or None), _set(p.get("object")),
                              prep, _set(p.get("pobj")), bool(p.get("swap")))
                lex.patterns.append(pat)
            if pat.code.startswith(("03", "16")) and pat.objects & {"tie", "relation", "relationship"}:
                relation |= pat.objects
        for code, lemmas in (data.get("nouns") or {}).items():
            for lemma in lemmas or []:
                lex.nouns[str(lemma).lower()] = str(code)
        for p in data.get("noun_patterns") or []:
            lex.noun_patterns.append((_set(p["noun"]), _set(p["modifier"]), str(p["code"])))
        for k in lists:
            lists[k] |= set(_set(data.get(k)))
        for lemma, code in (data.get("appeal_control") or {}).items():
            lex.appeal_control[str(lemma).lower()] = str(code)
        for root, code in (data.get("refusals") or {}).items():
            lex.refusals[str(root)] = str(code)
        for code, sector in (data.get("implied_authority") or {}).items():
            lex.implied_authority[str(code)] = str(sector)
        for code, other in (data.get("linked") or {}).items():
            lex.linked[str(code)] = str(other)
        for prefix, code in (data.get("intentions") or {}).items():
            lex.intentions[str(prefix)] = str(code)
        for name, ws in (data.get("words") or {}).items():
            lex.words[str(name)] = lex.words.get(str(name), frozenset()) | _set(ws)
    lex.patterns.sort(key=lambda p: -p.specificity)
    lex.mutual, lex.support = frozenset(lists["mutual"]), frozenset(lists["support_verbs"])
    lex.speech = frozenset(lists["speech"])
    lex.intent, lex.hypothetical = frozenset(lists["intent"]), frozenset(lists["hypothetical"])
    lex.negators, lex.relation_objects = frozenset(lists["negators"]), frozenset(relation)
    lex.theme_object, lex.actor_object = frozenset(lists["theme_object"]), frozenset(lists["actor_object"])
    lex.reciprocal, lex.avowal_verbs = frozenset(lists["reciprocal"]), frozenset(lists["avowal_verbs"])
    lex.place_targets = frozenset(lists["place_targets"])
    lex.host_codes = frozenset(lists["host_codes"])
    lex.doer_required = frozenset(t.upper() for t in lists["doer_required"])
    lex.person_nouns = frozenset(lists["person_nouns"])
    # every verb detente's own tables decide about: PETRARCH's default codes do not overrule them
    lex.coded_verbs = frozenset(lex.verbs) | frozenset().union(*(p.verbs for p in lex.patterns))
    lex.own_verbs = lex.coded_verbs | frozenset(lex.appeal_control) | lex.speech | lex.intent | \
        lex.hypothetical | lex.negators | lex.support | lex.avowal_verbs
    return lex


def intention(lex: "Lexicon", code: str) -> Optional[str]:
    """The intent code of an event code, by its longest prefix in the lexicon's table."""
    for k in range(len(code), 1, -1):
        if code[:k] in lex.intentions:
            return lex.intentions[code[:k]]
    return None


def lemma(t: Token) -> str:
    """The token's lemma in lower case; Title Case headlines make spaCy keep 'Ties' as a proper noun,
    so capitalised words also get a plain plural strip."""
    base = (t.lemma or t.text).lower()
    if t.pos == "PROPN" and t.text[:1].isupper():
        low = t.text.lower()
        if low.endswith("ies") and len(low) > 4 and low not in ("ties",):
            return low[:-3] + "y"
        if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
            return low[:-1]
        return low
    return base


def lemmas(t: Token) -> frozenset[str]:
    """The lemma and the plausible base forms of the word: the small English model misreads some
    inflections ("staged" -> "stag"), so a regular inflection is also undone by rule."""
    forms = t.__dict__.get("_forms")  # every pattern asks again for the same token
    if forms is None:
        forms = t.__dict__["_forms"] = _forms(lemma(t), t.text.lower(), t.pos)
    return forms


@lru_cache(maxsize=65536)
def _forms(base: str, w: str, pos: str) -> frozenset[str]:
    # cached: every pattern asks for the forms of every verb, and the words of news repeat
    out = {base, w}
    if pos in ("VERB", "NOUN", "PROPN"):
        for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                             ("es", ""), ("s", "")):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                stem = w[: len(w) - len(suffix)] + repl
                out.add(stem)
                if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                    out.add(stem[:-1])  # "stopped" -> "stop"
    return frozenset(out)


def has(t: Token, words) -> bool:
    return not lemmas(t).isdisjoint(words)
