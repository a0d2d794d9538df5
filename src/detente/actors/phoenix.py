"""The Phoenix actor dictionaries of PETRARCH2 as packaged detente lexicon data.

Sources (MIT, (c) 2014 Open Event Data Alliance; from the CAMEO/TABARI dictionaries of the Computational
Event Data System Project, Kansas): Phoenix.International.actors.txt (IGOs, NGOs, multinationals, media and
the people who head them), Phoenix.MilNonState.actors.txt (non-state armed groups, from START's TOPS
database) and Phoenix.Countries.actors.txt (countries and their office holders, up to early 2014).

The files are read with actors/petrarch.py's reader (the one PETRARCH dictionary parser); this module only
decides what detente keeps and how codes become detente's:

- codes: a non-state code (IGO, NGO, IMG, MNC, ...) is kept whole as the code and its first three letters
  are the sector (MNC -> BUS); a country code (CAMEO or ISO) + sector becomes ISO3 + detente's sector
  (`agents.SECTOR_MAP`: MED -> JRN, HLH -> MED, religions -> REL, ...); a sector alone (`[MED]` Reuters)
  becomes detente's (`JRN`). A region + sector (`MEAREB`, `INTREB`) names no country. `[---]` (PETRARCH's
  null code) and codes detente has no sector for are dropped.
- names: every multiword name and alias; a single word only when it is not an English dictionary word
  (WordNet's lemma index, shipped in the spaCy model's lemmatizer tables), so "Reuters", "BBC", "Xinhua"
  stay and "Shell", "Apple", "Total", "Orange" go. Names shorter than three letters go.
- persons: dated roles kept (an undated code is PETRARCH's default: it goes last, where it applies only
  when no dated role does); persons whose dated roles all ended before 2000 are left out, and none is
  matched by bare surname (`surname: false`): coreference still joins "Maliki" to "Nouri al-Maliki".
- the Countries file gives persons only: its country names are detente's countries.yaml's job.

`build(src_dir, dest_dir)` writes lexicon/petrarch/phoenix_international.yaml, phoenix_nonstate.yaml and
phoenix_persons.yaml (user-YAML structure: organisations / persons); `detente.actors.lexicon` reads them
beside the hand lexicon, whose entries win. Run it with scripts/build-petrarch-actors.
"""
from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from typing import Optional

from .agents import SECTOR_MAP, SECTORS
from .lexicon import CAMEO_TO_ISO, LEXICON_DIR, NON_STATE
from .petrarch import read_actor_dictionary

SOURCE_DIR = os.path.join("..", "shared", "reference", "petrarch2")
DEST_DIR = os.path.join(LEXICON_DIR, "petrarch")
FILES = {  # output name -> (source file, sections kept)
    "phoenix_international.yaml": ("Phoenix.International.actors.txt", ("organisations", "persons")),
    "phoenix_nonstate.yaml": ("Phoenix.MilNonState.actors.txt", ("organisations", "persons")),
    "phoenix_persons.yaml": ("Phoenix.Countries.actors.txt", ("persons",)),
}
PIVOT = 20  # the files were written in 2014: a two-digit year above 20 is 19xx ("330304" is 1933)
MIN_YEAR = "2000"  # persons whose dated roles all end before this are left out
NONSTATE_SECTOR = {"MNC": "BUS", "UIS": None}  # non-state prefixes whose sector detente calls otherwise


@lru_cache(maxsize=1)
def _countries() -> frozenset:
    from ..lexicon import load_yaml

    return frozenset(load_yaml(os.path.join(LEXICON_DIR, "countries.yaml")) or {})


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset:
    """Lower-case English dictionary words: WordNet's lemma index from the spaCy model's lemmatizer tables
    (83k words); empty when no model is installed (then every single-word name is kept)."""
    try:
        from .. import nlp

        pipe = nlp.load().get_pipe("lemmatizer")
        table = pipe.lookups.get_table("lemma_index")
        return frozenset(w for pos in table.keys() for w in table[pos])
    except Exception:  # noqa: BLE001 - no model, no table: no filter
        return frozenset()


def convert_code(code: Optional[str]) -> Optional[dict]:
    """A Phoenix code -> {code, country, sector} in detente's terms, or None when detente cannot use it.
    'IGOUNOMED' -> IGOUNOMED/None/IGO; 'ISRMED' -> ISRJRN/ISR/JRN; 'MED' -> JRN/None/JRN;
    'MNCUSA' -> MNCUSA/None/BUS; 'MEAREB' -> MEAREB/None/REB."""
    if not code:
        return None
    code = code.upper()
    head = code[:3]
    if head in NON_STATE or head in ("MNC", "UIS"):
        sector = NONSTATE_SECTOR.get(head, head)
        if sector is None:
            return None
        return {"code": code, "country": None, "sector": sector}  # MNCUSA: a firm, not the USA's
    iso = CAMEO_TO_ISO.get(head, head)
    if iso in _countries() or len(code) >= 6:  # country (or region) + sector
        sector = SECTOR_MAP.get(code[3:6], code[3:6]) if len(code) >= 6 else None
        if sector is not None and sector not in SECTORS:
            return None
        country = iso if iso in _countries() else None
        if country is None and sector is None:
            return None
        return {"code": (country or head) + (sector or ""), "country": country, "sector": sector}
    sector = SECTOR_MAP.get(head, head)
    if sector in SECTORS:
        return {"code": sector, "country": None, "sector": sector}
    return None


def keep_name(name: str, words: frozenset) -> bool:
    """Multiword names always; a single word only when it is not a dictionary word ('Reuters', 'BBC')."""
    bits = name.split()
    if len(bits) > 1:
        return True
    w = name.strip(".").lower()
    if len(re.sub(r"[^a-z]", "", w)) < 3:
        return False
    forms = {w, w.replace(".", ""), w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w}
    return not (forms & words)


def _names(entry: dict, words: frozenset) -> Optional[tuple[str, list[str]]]:
    seen, kept = set(), []
    for n in [entry["name"], *entry.get("aliases", [])]:
        n = re.sub(r"^the\s+(?=\S+\s)", "", n, flags=re.I)  # "the" is read around names, not in them
        key = n.lower()
        if key not in seen and keep_name(n, words):
            seen.add(key)
            kept.append(n)
    return (kept[0], kept[1:]) if kept else None


def convert(data: dict, words: frozenset, sections=("organisations", "persons")) -> dict:
    """read_actor_dictionary's output -> the packaged structure (codes detente's, names filtered)."""
    orgs, persons = [], []
    if "organisations" in sections:
        for o in data.get("organisations", []):
            c = convert_code(o.get("code"))
            names = _names(o, words)
            if c is None or names is None or (c["country"] and not c["sector"]):
                continue  # unusable code, no safe name, or a bare country (countries.yaml's job)
            orgs.append({"name": names[0], "aliases": names[1], **c,
                         "kind": "group" if c["sector"] in ("IMG", "REB", "INS", "UAF") else "organisation"})
    if "persons" in sections:
        for p in data.get("persons", []):
            dated, default = [], []
            for r in p.get("roles", []):
                c = convert_code(r.get("code"))
                if c is None:
                    continue
                role = {**c, "from": r.get("from"), "to": r.get("to")}
                (dated if (role["from"] or role["to"]) else default).append(role)
            if dated and all(r["to"] and r["to"] < MIN_YEAR for r in dated):
                continue
            if not dated and "organisations" not in sections:
                continue  # the Countries file's undated entries are institutions, not persons
            names = _names(p, words)
            if names is None or not (dated or default):
                continue
            roles = [{k: v for k, v in r.items() if v is not None} for r in dated + default]
            persons.append({"name": names[0], "aliases": names[1], "surname": False, "roles": roles})
    return {"organisations": orgs, "persons": persons}


def read(path: str, words: frozenset, sections=("organisations", "persons")) -> dict:
    with open(path, encoding="utf-8", errors="replace") as f:
        return convert(read_actor_dictionary(f.read(), pivot=PIVOT), words, sections)


HEADER = """\
# GENERATED by scripts/build-petrarch-actors (detente.actors.phoenix) from {source}: do not edit by hand;
# correct or add entries in ../organisations.yaml / ../persons.yaml instead (their names win over these).
# Source: PETRARCH2's Phoenix actor dictionaries, (c) 2014 Open Event Data Alliance (OEDA), MIT License (see
# LICENSE in this folder), from the CAMEO/TABARI dictionaries of the Computational Event Data System Project
# (Kansas){extra}. Changes: codes made detente's (non-state codes kept whole, sector = their first three
# letters (no country, even for MNCUSA), MNC -> BUS; country + sector -> ISO3 + detente sector, MED -> JRN, HLH -> MED;
# [---] dropped);
# single-word names that are English dictionary words dropped; persons whose dated roles all ended before
# 2000 dropped; an undated code (PETRARCH's default) listed after the dated ones.
"""
_EXTRA = {"Phoenix.MilNonState.actors.txt": "; group names from START's TOPS database",
          "Phoenix.Countries.actors.txt": "; persons only, from CountryInfo.140130.txt"}


def build(src_dir: str = SOURCE_DIR, dest_dir: str = DEST_DIR) -> dict:
    import yaml

    words = dictionary_words()
    out = {}
    for name, (src, sections) in FILES.items():
        data = read(os.path.join(src_dir, src), words, sections)
        data = {k: v for k, v in data.items() if k in sections}
        os.makedirs(dest_dir, exist_ok=True)
        with open(os.path.join(dest_dir, name), "w", encoding="utf-8") as f:
            f.write(HEADER.format(source=src, extra=_EXTRA.get(src, "")))
            yaml.safe_dump(data, f, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
        out[name] = data
    return out


def main(argv: Optional[list[str]] = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    src_dir = args[0] if args else SOURCE_DIR
    dest_dir = args[1] if len(args) > 1 else DEST_DIR
    for name, data in build(src_dir, dest_dir).items():
        print(f"{os.path.join(dest_dir, name)}: " + ", ".join(f"{len(v)} {k}" for k, v in data.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
