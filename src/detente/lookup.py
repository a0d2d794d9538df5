"""Names and codes for people who query the store: CAMEO/PLOVER lookup, actor search by name, and the
resolution of what a user typed ("Turkey", "usa", "PAKMIL") to the code the store filters on.

Backs `detente codes`, `detente actors`, the names accepted wherever the CLI takes an actor code, and
/api/codes and /api/actors?q=. Reads the ontology tables and the actor lexicon; never the store.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from . import ontology
from .actors import lexicon as lx

CODE = re.compile(r"^[A-Za-z]{3}[A-Za-z0-9]{0,12}$")  # ISO3 or CAMEO-style actor code (USA, USAGOV, IMG)
# lexicon entry types that name an actor; titles, honorifics and body words only describe one
NAMING = {"country": 0, "organisation": 1, "person": 1, "capital": 2, "seat": 2, "demonym": 3}


class UnknownTerm(ValueError):
    """What the user typed names nothing, or more than one thing; the message is one line."""


@dataclass(frozen=True)
class ActorHit:
    name: str
    code: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    kind: str
    role: Optional[str]
    matched: str  # the lexicon phrase that matched

    def to_dict(self) -> dict:
        return {"name": self.name, "code": self.code, "country": self.country, "sector": self.sector,
                "kind": self.kind, "role": self.role, "matched": self.matched}


# --- CAMEO and PLOVER ----------------------------------------------------------------------------

def code_rows() -> list[dict]:
    """Every CAMEO code with its name, Goldstein, QuadClass and PLOVER type/mode, then the PLOVER types."""
    rows = []
    for c in ontology.codes():
        name, gold, quad = ontology.cameo(c)
        ptype, mode = ontology.plover(c)
        rows.append({"scheme": "CAMEO", "code": c, "name": name, "goldstein": gold, "quad_class": quad,
                     "plover": ptype, "plover_mode": mode})
    for t in ontology.plover_types():
        info = ontology.plover_type(t)
        rows.append({"scheme": "PLOVER", "code": t, "name": info["quad"], "goldstein": info["score"],
                     "quad_class": None, "plover": t, "plover_mode": ", ".join(info["modes"]) or None})
    return rows


def search_codes(query: str = "", scheme: Optional[str] = None, limit: Optional[int] = None) -> list[dict]:
    """Codes whose code starts with `query`, or whose name or PLOVER type contains it (case-blind);
    all codes when the query is empty. "05" gives root 05 and its children, "ceasefire" finds 0871."""
    q = (query or "").strip().lower()
    out = []
    for r in code_rows():
        if scheme and r["scheme"] != scheme.upper():
            continue
        words = " ".join(str(r[k] or "") for k in ("name", "plover", "plover_mode")).lower()
        if not q or r["code"].lower().startswith(q) or q in words:
            out.append(r)
    return out[:limit] if limit else out


def check_cameo(value: Optional[str]) -> None:
    """Raise with the nearest codes when a --cameo prefix names no CAMEO code."""
    known = ontology.codes()
    for c in _many(value):
        if not c.isdigit() or not any(k.startswith(c) for k in known):
            near = difflib.get_close_matches(c, known, n=4, cutoff=0.5) or ontology.codes(level=1)[:20]
            hits = search_codes(c, scheme="CAMEO", limit=4) if not c.isdigit() else []
            sugg = [f"{h['code']} {h['name']}" for h in hits] or near
            raise UnknownTerm(f"--cameo {c!r} is no CAMEO code; nearest: {', '.join(sugg)} (see: detente codes)")


def check_plover(value: Optional[str]) -> None:
    types = ontology.plover_types()
    for t in _many(value):
        if t.upper() not in types:
            near = difflib.get_close_matches(t.upper(), types, n=3, cutoff=0.4)
            listed = ", ".join(near) if near else ", ".join(types)
            raise UnknownTerm(f"--plover {t!r} is no PLOVER type; {'nearest' if near else 'types'}: {listed}")


def _many(value: Optional[str]) -> list[str]:
    return [v for v in (value or "").replace(",", " ").split() if v]


# --- actors --------------------------------------------------------------------------------------

def _hit(e, phrase: str) -> ActorHit:
    role = e.role_at(None) if e.roles else None
    code = (role.code if role else None) or e.code
    country = (role.country if role else None) or e.country
    sector = (role.sector if role else None) or e.sector
    return ActorHit(e.name, code, country, sector, e.kind, (role.role if role else None) or e.role, phrase)


def _naming(entries: Iterable) -> list:
    return sorted((e for e in entries if e.type in NAMING), key=lambda e: NAMING[e.type])


def composed(words: list[str], lex) -> Optional[ActorHit]:
    """A country and a body or title in either order ("pakistan army", "Indian defence ministry")
    -> the country's actor with that sector (PAKMIL), as the coder would code those words."""
    for i in range(1, len(words)):
        for country_words, rest in ((words[:i], words[i:]), (words[i:], words[:i])):
            states = [e for e in lex.lookup(" ".join(country_words)) if e.type in ("country", "demonym")]
            bodies = [e for e in lex.lookup(" ".join(rest)) if e.type in ("body", "title") and e.sector]
            if states and bodies:
                st, body = states[0], bodies[0]
                return ActorHit(f"{st.name} {body.name}", st.country + body.sector, st.country, body.sector,
                                body.kind, body.role, " ".join(words))
    return None


def search_actors(query: str, limit: int = 20, lexicon=None) -> list[ActorHit]:
    """Actors of the lexicon whose name holds every word of `query` (case-blind), a word also matching
    the actor's country or code ("defence ministry pakistan"); exact names first, then shorter names;
    one hit per (name, code)."""
    lex = lexicon or lx.load()
    key = lx.norm(query or "")
    if not key:
        return []
    words = key.split()
    built = composed(words, lex)
    exact = [(k, e) for e in _naming(lex.lookup(key)) for k in [key]]
    keys = [k for k in list(lex.index) + lex.packaged_keys if any(w in k for w in words) and k != key]
    keys.sort(key=lambda k: (not k.startswith(words[0]), len(k), k))
    seen, out = set(), [built] if built else []
    for key, e in exact + [(k, e) for k in keys for e in _naming(lex.lookup(k))]:
        hit = _hit(e, key)
        if (hit.name, hit.code) in seen or not (hit.code or hit.country):
            continue
        about = f"{key} {lx.norm(hit.name)} {(hit.code or '').lower()} {lx.norm(lex.countries.get(hit.country or '', ''))}"
        if not all(w in about for w in words):
            continue
        seen.add((hit.name, hit.code))
        out.append(hit)
        if len(out) >= limit:
            break
    return out


def resolve_actor(term: str, option: str = "actor", lexicon=None) -> str:
    """The code to filter on for what a user typed: a name of the lexicon ("Turkey" -> TUR, "Pentagon"
    -> USAMIL), else the term itself when it has the shape of a code. Raises, naming the option, when
    a name is ambiguous or neither a name nor a code."""
    lex = lexicon or lx.load()
    t = term.strip()
    entries = _naming(lex.lookup(lx.norm(t)))
    if entries:
        best = [e for e in entries if NAMING[e.type] == NAMING[entries[0].type]]
        codes = sorted({h.code or h.country for h in (_hit(e, t) for e in best) if h.code or h.country})
        if len(codes) == 1:
            return codes[0]
        if len(codes) > 1:
            which = "; ".join(f"{c} ({', '.join(sorted({e.name for e in best if (_hit(e, t).code or _hit(e, t).country) == c}))})"
                              for c in codes[:6])
            raise UnknownTerm(f"--{option} {term!r} is ambiguous: {which}; give the code")
    built = composed(lx.norm(t).split(), lex)
    if built:
        return built.code
    if CODE.match(t) and (t.isupper() or len(t) == 3 or any(lex.split_code(t))):
        return t.upper()
    near = search_actors(t, limit=4, lexicon=lex)
    hint = f"; did you mean {', '.join(f'{h.name} ({h.code or h.country})' for h in near)}" if near else ""
    raise UnknownTerm(f"--{option} {term!r} is no known actor name or code{hint} (see: detente actors QUERY)")
