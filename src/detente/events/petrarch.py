"""PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, Open Event Data Alliance, MIT) as detente data.

`read_verbs(text)` turns the dictionary's text into plain data; `build(src, out)` (or
`python -m detente.events.petrarch SRC OUT`, which `scripts/build-petrarch-verbs` runs) writes it to
`lexicon/petrarch/cameo_verbs.yaml`; `load_verbs()` reads that file back, once per process, through an
on-disk pickle (DETENTE_CACHE_DIR, default ~/.cache/detente; "off" for none) keyed by the file's mtime
and size, since parsing five thousand patterns of YAML takes longer than a pickle.

The source format (dictionaries.rst of PETRARCH2): synonym sets (`&NAME` then `+WORD` lines), then verb
blocks: a header `--- HEAD [code] ---`, verb lines (`ASK [020]`, `SPEED {SPEEDING SPEEDS SPED}`,
`+ASK_FOR {+ASKED_FOR ...} [020]`) and pattern lines
(`- [before] * [objects] (PREP words) [code[:linked]]  # comment`).

What the data holds (all words lower case, as written: no plurals or verb forms are generated):
  verbs     base verb -> its code alone: its own `[code]`, else its block's; verbs whose code is `---`
            are left out (they are in `blocks`); a verb in several blocks keeps the first code it gets
            (three disagree in CAMEO.2.0: refute, absolve, blacklist)
  linked    base verb -> the second code of a verb line's `[042:043]` pair
  forms     inflected form -> base verb, from `{...}` lists of one-word verbs, only forms other than
            the regular ones (+s, +es, y->ies, +ed, +d, y->ied, +ing, e->ing, doubled consonant + ed/ing);
            where two verbs claim one form the first keeps it
  phrasal   multiword verbs (`+ASK_FOR`, `WIRE_+TAP`): {verb, before, particle, code, forms, fixed};
            `before` the words ahead of the verb, `particle` those after it ("up to"), `forms` the
            irregular forms of the verb word from the `{...}` list, `fixed` true for an empty `{}` (PETRARCH
            then makes no regular forms: the verb is written inflected, "angered by")
  blocks    block head (a label, lower case) -> {code: default or null, verbs: members as written,
            multiword ones space-joined ("ask for")}
  synsets   synset name (lower case, no `&`) -> its phrases
  patterns  one per pattern line: {verbs (the block's members), code, linked, before, before_preps,
            objects, preps, source_marker, target_marker, compound_marker, skip_marker, comment}.
            A word slot is a list of alternatives: one word or phrase (`SPECIAL_CLAUSE` -> "special
            clause"), a synset's phrases, or `A/B` alternatives (`FAVOUR/FAVOR`).
            Brace groups `{FINANCIAL AID}` and loose words both read as consecutive slots in order (the
            last word of a group is its head). A prep is {prep, words}, plus `prep_alternatives` where
            the preposition itself is written `BY/WITH`. Markers say where `$` (source), `+` (target),
            `%` (compound actor) and `^` (skip) stand: before, object or prep (null when absent).
  skipped   every line not read, with its number and the reason (transformations among them), and
            the one verb line read only in part (`+WIRE_TAP` with forms of another verb)

Dropped on purpose (each also said here so nothing goes silently):
  * the 8 `~` transformation lines (verb-on-verb rewrites): listed under `skipped`, not read;
  * synset plural rules: a trailing `_` on a synset phrase or label (no regular plural) is removed and
    no plurals are made, so phrases stay as written;
  * underscores inside a pattern word join words into one phrase ("special clause"); an underscore
    tying a word to the verb itself (`*_LAWS`, `SPY_*_DEAL`) is read as a plain space, so that
    adjacency to the verb is lost;
  * the exact position of a marker within its part of a pattern (only the part is kept), and which
    words stood inside one brace group;
  * a `!` after a code (`[080!]`, once) is removed;
  * comments on verb lines (after `#` or `;`) and in the header.
Lines that cannot be read (unbalanced brackets, an undefined synset, which PETRARCH ignores too, no
`*` or no code) are listed under `skipped` and counted by `build`.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import yaml

from ..cache import disk_cached, file_key
from ..lexicon import DIR as LEXICON_DIR
from ..lexicon import load_yaml

DATA = LEXICON_DIR / "petrarch" / "cameo_verbs.yaml"
MARKERS = {"$": "source_marker", "+": "target_marker", "%": "compound_marker", "^": "skip_marker"}
_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s*(\S+)\s*(?:\[([^\]]*)\])?")
_TOKEN = re.compile(r"[(){}*$+%^]|[^\s(){}*$+%^]+")
_VOWELS = set("aeiou")


class _Unreadable(ValueError):
    pass


def _code(raw: str) -> tuple[Optional[str], Optional[str]]:
    """`042:043` -> ("042", "043"); `---` and empty halves -> None; a stray `!` goes."""
    first, _, second = raw.replace("!", "").strip().partition(":")

    def one(c: str) -> Optional[str]:
        c = c.strip()
        if not c or set(c) == {"-"}:
            return None
        if not c.isdigit():
            raise _Unreadable(f"code {raw!r}")
        return c

    return one(first), one(second)


def _phrase(word: str) -> str:
    """A dictionary word as detente keeps it: lower case, underscores as spaces, no trailing `_`."""
    return " ".join(w for w in word.lower().split("_") if w)


def regular_forms(base: str) -> set[str]:
    """The forms a plain -s/-ed/-ing rule makes of a base verb (lower case)."""
    out = {base + "s", base + "es", base + "ed", base + "d", base + "ing"}
    if base.endswith("y"):
        out |= {base[:-1] + "ies", base[:-1] + "ied"}
    if base.endswith("e"):
        out.add(base[:-1] + "ing")
    if len(base) > 2 and base[-1] not in _VOWELS and base[-2] in _VOWELS:
        out |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return out


def _split_verb(word: str) -> tuple[list[str], str, list[str]]:
    """`+ASK_FOR` -> ([], "ask", ["for"]); `WIRE_+TAP` -> (["wire"], "tap", []); `ASK` -> ([], "ask", [])."""
    parts = [p for p in word.lower().split("_") if p]
    for i, p in enumerate(parts):
        if p.startswith("+"):
            return parts[:i], p[1:], parts[i + 1:]
    return [], " ".join(parts), []


class _Reader:
    def __init__(self) -> None:
        self.synsets: dict[str, list[str]] = {}
        self.verbs: dict[str, str] = {}
        self.linked: dict[str, str] = {}
        self.forms: dict[str, str] = {}
        self.phrasal: list[dict] = []
        self.blocks: dict[str, dict] = {}
        self.patterns: list[dict] = []
        self.skipped: list[dict] = []
        self.block: Optional[dict] = None
        self.synset: Optional[list[str]] = None
        self.n = 0

    def skip(self, n: int, line: str, reason: str) -> None:
        self.skipped.append({"line": n, "text": line.rstrip(), "reason": reason})

    def line(self, n: int, line: str) -> None:
        self.n = n
        s = line.strip()
        if not s or s.startswith("#"):
            return
        if s.startswith("~"):
            self.skip(n, line, "transformation (not imported)")
        elif s.startswith("---"):
            self.header(s)
        elif s.startswith("-"):
            if self.block is None:
                raise _Unreadable("pattern before any verb block")
            self.pattern(s)
        elif s.startswith("&"):
            if self.block is not None:
                raise _Unreadable("synset inside the verb blocks")
            self.synset = self.synsets.setdefault(s.split()[0][1:].rstrip("_").lower(), [])
        elif self.block is None:
            if self.synset is None or not s.startswith("+"):
                raise _Unreadable("not a synset line")
            phrase = _phrase(s.split("#")[0].strip()[1:])
            if not phrase:
                raise _Unreadable("empty synset phrase")
            if phrase not in self.synset:
                self.synset.append(phrase)
        else:
            self.verb(s)

    def header(self, s: str) -> None:
        m = _HEADER.match(s)
        if not m:
            raise _Unreadable("verb block header")
        code, _ = _code(m.group(2) or "---")
        head = m.group(1).lower()
        if head in self.blocks:
            raise _Unreadable(f"second block {head!r}")
        self.block = {"code": code, "verbs": []}
        self.blocks[head] = self.block

    def verb(self, s: str) -> None:
        body = re.split(r"[#;]", s, maxsplit=1)[0]
        forms_raw = None
        if "{" in body:
            start, end = body.index("{"), body.find("}")
            if end < start:
                raise _Unreadable("unclosed {")
            forms_raw = body[start + 1:end].replace(",", " ").split()
            body = body[:start] + body[end + 1:]
        codes = _CODE.findall(body)
        if len(codes) > 1:
            raise _Unreadable("two codes on a verb line")
        words = _CODE.sub(" ", body).split()
        if len(words) != 1:
            raise _Unreadable("a verb line is one word")
        own, linked = _code(codes[0]) if codes else (self.block["code"], None)
        before, verb, particle = _split_verb(words[0])
        irregular, stray = [], []
        for f in forms_raw or []:
            fb, fv, fp = _split_verb(f)
            if (fb, fp) != (before, particle):
                stray.append(f)
            elif fv != verb and fv not in regular_forms(verb) and fv not in irregular:
                irregular.append(fv)
        if stray:
            self.skipped.append({"line": self.n, "text": s, "reason": f"partly read: forms {' '.join(stray)} are not "
                                 f"of {words[0]} (the verb kept without them)"})
        name = " ".join(before + [verb] + particle)
        if name not in self.block["verbs"]:
            self.block["verbs"].append(name)
        if before or particle:
            self.phrasal.append({"verb": verb, "before": " ".join(before) or None,
                                 "particle": " ".join(particle) or None, "code": own, "forms": irregular,
                                 "fixed": forms_raw == []})
            return
        for f in irregular:
            self.forms.setdefault(f, verb)
        if own is not None:
            self.verbs.setdefault(verb, own)
            if linked is not None:
                self.linked.setdefault(verb, linked)

    def slot(self, word: str) -> list[str]:
        """A pattern word -> its alternatives: `&SYN` expands, `A/B` splits, `X_&SYN` joins."""
        out: list[str] = []
        for alt in word.split("/"):
            combos = [""]
            for piece in alt.split("_"):
                if not piece:
                    continue
                if piece.startswith("&"):
                    name = piece[1:].rstrip("_").lower()
                    if name not in self.synsets:
                        raise _Unreadable(f"undefined synset {piece}")
                    if alt == piece == word:  # the synset alone: its own list, written once in the YAML
                        return self.synsets[name]
                    options = self.synsets[name]
                else:
                    options = [piece.lower()]
                combos = [f"{c} {o}".strip() for c in combos for o in options]
            out += [c for c in combos if c and c not in out]
        if not out:
            raise _Unreadable(f"empty word {word!r}")
        return out

    def pattern(self, s: str) -> None:
        body, _, comment = s[1:].partition("#")
        codes = _CODE.findall(body)
        if len(codes) != 1:
            raise _Unreadable("a pattern has one [code]")
        code, linked = _code(codes[0])
        body = body[: body.index("[")]
        tokens = _TOKEN.findall(body.replace("*", " * "))
        if tokens.count("*") != 1:
            raise _Unreadable("a pattern has one *")
        pat = {"verbs": self.block["verbs"], "code": code, "linked": linked, "before": [], "before_preps": [],
               "objects": [], "preps": [], "comment": " ".join(comment.split()) or None}
        pat.update({k: None for k in MARKERS.values()})
        side, prep, depth = "before", None, 0
        for tok in tokens:
            if tok == "*":
                if prep is not None or depth:
                    raise _Unreadable("* inside brackets")
                side = "object"
            elif tok == "(":
                if prep is not None or depth:
                    raise _Unreadable("nested (")
                prep = {}
                (pat["before_preps"] if side == "before" else pat["preps"]).append(prep)
            elif tok == ")":
                if prep is None or depth:
                    raise _Unreadable("unbalanced )")
                if not prep:
                    raise _Unreadable("empty ()")
                prep = None
            elif tok == "{":
                if depth:
                    raise _Unreadable("nested {")
                depth = 1
            elif tok == "}":
                if not depth:
                    raise _Unreadable("unbalanced }")
                depth = 0
            elif tok in MARKERS:
                if depth:
                    raise _Unreadable("marker inside {}")
                key = MARKERS[tok]
                pat[key] = pat[key] or ("prep" if prep is not None else side)
            elif prep is not None and not prep:
                if tok.startswith("&"):
                    raise _Unreadable("synset as preposition")
                alts = [_phrase(a) for a in tok.split("/")]
                prep.update({"prep": alts[0], "words": []})
                if len(alts) > 1:
                    prep["prep_alternatives"] = alts
            elif prep is not None:
                prep["words"].append(self.slot(tok))
            else:
                pat["before" if side == "before" else "objects"].append(self.slot(tok))
        if prep is not None or depth:
            raise _Unreadable("unclosed bracket")
        self.patterns.append(pat)


def read_verbs(text: str) -> dict:
    """The verb dictionary's text -> {verbs, linked, forms, phrasal, blocks, synsets, patterns, skipped}."""
    r = _Reader()
    for n, line in enumerate(text.splitlines(), 1):
        try:
            r.line(n, line)
        except _Unreadable as e:
            r.skip(n, line, str(e))
    return {"verbs": r.verbs, "linked": r.linked, "forms": r.forms, "phrasal": r.phrasal, "blocks": r.blocks,
            "synsets": r.synsets, "patterns": r.patterns, "skipped": r.skipped}


HEADER = """\
# GENERATED by scripts/build-petrarch-verbs (detente.events.petrarch) from {src}
# (PETRARCH2's CAMEO.2.0 verb dictionary, Copyright (c) 2015 Open Event Data Alliance, MIT licence:
# see LICENSE and README.md in this folder). Format: the docstring of detente/events/petrarch.py.
# Do not edit: extend events.yaml instead.
"""


def dump(data: dict, src: str) -> str:
    """The data as the YAML file's text: sorted keys, short word lists inline, each block's member list
    written once under `blocks` with an anchor named after the block, which the patterns refer to."""
    def anchor(kind: str, name: str) -> str:
        return f"{kind}_" + re.sub(r"[^a-z0-9_-]", "_", name.lower())

    names = {id(b["verbs"]): anchor("block", head) for head, b in data["blocks"].items()}
    names.update({id(words): anchor("synset", name) for name, words in data["synsets"].items()})
    anchors: dict[int, str] = {}

    def flat(x) -> bool:  # a string, or a list of strings or of lists of strings
        return isinstance(x, str) or isinstance(x, list) and all(
            isinstance(y, str) or isinstance(y, list) and all(isinstance(z, str) for z in y) for y in x)

    class Dumper(yaml.SafeDumper):
        def represent_list(self, lst):
            node = super().represent_list(lst)
            node.flow_style = flat(lst)
            if id(lst) in names:
                anchors[id(node)] = names[id(lst)]
            return node

        def represent_dict(self, d):
            node = super().represent_dict(d)
            # a record (a pattern, a prep, a phrasal verb, a block) on a line or two; tables one entry a line
            node.flow_style = d is not data and len(d) <= 12 and all(not isinstance(v, dict) for v in d.values())
            return node

        def represent_str(self, s):
            if s.isdigit():  # codes: "080" must not read as a number anywhere
                return self.represent_scalar("tag:yaml.org,2002:str", s, style='"')
            return super().represent_str(s)

        def generate_anchor(self, node):
            return anchors.get(id(node)) or super().generate_anchor(node)

    Dumper.add_representer(list, Dumper.represent_list)
    Dumper.add_representer(dict, Dumper.represent_dict)
    Dumper.add_representer(str, Dumper.represent_str)
    body = yaml.dump(data, Dumper=Dumper, sort_keys=True, allow_unicode=True, width=120, default_flow_style=False)
    return HEADER.format(src=src) + body


def build(src_path: Union[str, Path], out_path: Union[str, Path]) -> dict:
    """Read the dictionary at src_path, write the YAML to out_path, print what came of it."""
    src_path, out_path = Path(src_path), Path(out_path)
    data = read_verbs(src_path.read_text(encoding="utf-8", errors="replace"))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(dump(data, f"petrarch2/{src_path.name}"), encoding="utf-8")
    transformations = sum(1 for s in data["skipped"] if s["reason"].startswith("transformation"))
    print(f"{out_path}: {len(data['verbs'])} verbs with codes, {len(data['forms'])} irregular forms, "
          f"{len(data['phrasal'])} phrasal verbs, {len(data['blocks'])} blocks, {len(data['patterns'])} patterns; "
          f"{len(data['skipped']) - transformations} unreadable lines, {transformations} transformations not imported")
    for s in data["skipped"]:
        if not s["reason"].startswith("transformation"):
            print(f"  line {s['line']}: {s['reason']}: {s['text']}")
    return data


@lru_cache(maxsize=4)
def load_verbs(path: Union[str, Path, None] = None) -> dict:
    """The verb data (DATA by default), once per process and shared: do not change it. Read through
    the on-disk cache (detente.cache) while the file is the same (path, mtime and size): parsing the
    YAML takes about 3 s, the pickle 0.03 s."""
    path = Path(path) if path is not None else DATA
    return disk_cached("petrarch", [file_key(path)], lambda: load_yaml(path), valid=lambda d: isinstance(d, dict))


@dataclass(frozen=True)
class Slot:
    """One word slot of a pattern: its one-word alternatives as a set (one set intersection decides
    most slots) and its phrases of several words."""
    words: frozenset
    phrases: tuple

    def met(self, present: set) -> bool:
        return not self.words.isdisjoint(present) or any(all(w in present for w in ph) for ph in self.phrases)


NO_EVENT = ""  # the code of PETRARCH's null patterns ([---]): the phrase is no event of the verb's


@dataclass(frozen=True)
class VerbPattern:
    code: str
    objects: tuple  # Slots, all met by words of the verb's phrase
    preps: tuple  # (alternative prepositions, Slots met under the preposition)

    @property
    def specificity(self) -> int:
        return len(self.objects) + sum(1 + len(slots) for _, slots in self.preps)


@dataclass
class Index:
    """What the trigger finder looks up: verb form -> patterns (most specific first), and
    base verb -> its default code (statements, CAMEO 01, left out: they are no PLOVER event)."""
    verbs: dict = field(default_factory=dict)
    patterns: dict = field(default_factory=dict)
    _keyed: dict = field(default_factory=dict)  # id(pattern list) -> (word -> positions, positions with no object)

    def candidates(self, form: str, words: set) -> list:
        """The patterns of `form` (most specific first) whose first object slot the phrase's words can
        meet, and those with no object slot: the others cannot match, and a common verb has hundreds."""
        pats = self.patterns.get(form)
        if not pats:
            return []
        keyed = self._keyed.get(id(pats))  # a verb's forms share one list: one table for them all
        if keyed is None:
            by_word: dict[str, list[int]] = {}
            free: list[int] = []
            for k, pat in enumerate(pats):
                if not pat.objects:
                    free.append(k)
                    continue
                first = pat.objects[0]
                for w in first.words | {ph[0] for ph in first.phrases}:
                    by_word.setdefault(w, []).append(k)
            keyed = self._keyed[id(pats)] = (by_word, free, [pats[k] for k in free])
        by_word, free, free_pats = keyed
        found: set[int] = set()
        for w in words:
            found.update(by_word.get(w, ()))
        if not found:  # the common case: only the patterns with no object slot (one shared list, not to change)
            return free_pats
        return [pats[k] for k in sorted(found.union(free))]


def _slots(slots) -> tuple:
    return tuple(Slot(frozenset(a for a in alts if " " not in a), tuple(tuple(a.split()) for a in alts if " " in a))
                 for alts in slots)


# particles of phrasal verbs: "press on", "kick off", "count on", "step down" mean what they mean for
# the one verb, not for its synonyms ("bid on", "campaign on" are no "press on" 190). Prepositions of
# topic or direction ("protest about", "advance into") keep their sense across a block.
PARTICLES = {"on", "up", "off", "out", "down", "back", "in", "over", "away", "ahead", "along", "forward", "around"}


def _pattern_verbs(p: dict) -> list:
    """The verbs a pattern applies to: its whole synonym block (PETRARCH's reading), except a phrasal
    pattern (the verb and a particle alone, "* ON") whose comment names the block verb it was written
    for: an idiom is that verb's only."""
    verbs = list(p.get("verbs", ()))
    objs = p.get("objects") or []
    named = (p.get("comment") or "").lower()
    if not p.get("preps") and len(objs) == 1 and len(objs[0]) == 1 and str(objs[0][0]).lower() in PARTICLES \
            and named in verbs:
        return [named]
    return verbs


@lru_cache(maxsize=1)
def index(path: Union[str, Path, None] = None) -> Index:
    """The verb data turned into lookups, once per process (an empty index when the file is absent)."""
    try:
        data = load_verbs(path)
    except OSError:
        return Index()
    out = Index()
    # a block's default code reaches its WordNet synonyms ("go", "leave" under a 040 block); alone,
    # without PETRARCH's actor constraints, that guess codes departures as meetings: only a verb's own
    # code (or the block head's) stands alone (exhaustive wikinews typed F1 0.410 -> 0.415 on the folds
    # developed on, 0.466 -> 0.474 held out); the synonyms keep the block's patterns
    inherited = {v for head, b in data.get("blocks", {}).items() if b.get("code")
                 for v in b.get("verbs", ()) if v != head and data.get("verbs", {}).get(v) == b["code"]}
    for verb, code in data.get("verbs", {}).items():
        if verb in inherited:
            continue
        if code and not code.startswith("01") and " " not in verb:
            out.verbs[verb] = code
    for form, base in data.get("forms", {}).items():
        if base in out.verbs and form not in out.verbs:
            out.verbs[form] = out.verbs[base]
    for p in data.get("patterns", ()):
        code = p.get("code") or NO_EVENT  # a null pattern ("SEIZE * OPPORTUNITY [---]") says: no event
        if code.startswith("01") or p.get("before") or p.get("before_preps"):
            continue  # PETRARCH's subject-side patterns need its actor types; statements are no event
        preps = tuple((tuple([pr["prep"], *pr.get("prep_alternatives", [])]), _slots(pr.get("words", [])))
                      for pr in p.get("preps", ()))
        pat = VerbPattern(code, _slots(p.get("objects", [])), preps)
        if not pat.objects and not pat.preps:
            continue  # the verb alone: its default code
        for verb in _pattern_verbs(p):
            if " " not in verb:
                out.patterns.setdefault(verb, []).append(pat)
    for base in list(out.patterns):
        for form, b in data.get("forms", {}).items():
            if b == base:
                out.patterns.setdefault(form, out.patterns[base])
    for pats in out.patterns.values():
        pats.sort(key=lambda q: -q.specificity)
    return out


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) not in (1, 2):
        print("usage: python -m detente.events.petrarch CAMEO.2.0.txt [OUT.yaml]", file=sys.stderr)
        return 2
    build(argv[0], argv[1] if len(argv) == 2 else DATA)
    return 0


if __name__ == "__main__":
    sys.exit(main())
