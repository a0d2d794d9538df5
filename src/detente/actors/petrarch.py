"""Import PETRARCH/TABARI actor dictionaries, so users can bring the dictionaries they already maintain.

The format, as PETRARCH reads it:

    BARACK_OBAMA_                      a name line (words joined by '_'; a trailing '_' is usual)
    +OBAMA_                            a synonym of the name above
    +BARACK_HUSSEIN_OBAMA_
        [USAELI 050103-090119]         codes, optionally date-bounded (YYMMDD-YYMMDD, >YYMMDD, <YYMMDD)
        [USAGOV 090120-170120]
    AFGHANISTAN_ [AFG]                 a code can also stand on the name line
    # comment                          '#' starts a comment anywhere on a line

The output is the user-YAML structure (see lexicon/README.md): a mapping with `persons` (entries with
date-bounded codes) and `organisations` (everything else), which lexicon.add_user_data loads.
"""
from __future__ import annotations

import datetime
import re
from typing import Callable, Optional

_CODE = re.compile(r"\[([^\]]*)\]")
_PIVOT = (datetime.date.today().year % 100) + 10  # two-digit years above this are 19xx


def _date(s: str, pivot: Optional[int] = None) -> Optional[str]:
    s = s.strip()
    if re.fullmatch(r"\d{8}", s):  # YYYYMMDD, which PETRARCH also reads
        return f"{s[:4]}-{s[4:6]}-{s[6:8]}"
    if not re.fullmatch(r"\d{6}", s):
        return None
    yy, mm, dd = int(s[:2]), s[2:4], s[4:6]
    year = 2000 + yy if yy <= (_PIVOT if pivot is None else pivot) else 1900 + yy
    return f"{year}-{mm}-{dd}"


def parse_code(body: str, pivot: Optional[int] = None) -> list[dict]:
    """'USAGOV 090120-170120' -> [{'code': 'USAGOV', 'from': '2009-01-20', 'to': '2017-01-20'}].
    `pivot`: two-digit years above it are 19xx (default: ten years past this one; a dictionary written
    in 2014 wants 20, or "330304" is 2033)."""
    out = []
    for part in body.split(";"):
        bits = part.split()
        if not bits:
            continue
        code, rng = bits[0].strip().upper(), (bits[1] if len(bits) > 1 else "")
        if not re.fullmatch(r"[A-Z0-9~-]{3,15}", code):
            continue
        item: dict = {"code": code.strip("~-") or None}
        if rng.startswith(">"):
            item["from"] = _date(rng[1:], pivot)
        elif rng.startswith("<"):
            item["to"] = _date(rng[1:], pivot)
        elif "-" in rng:
            a, b = rng.split("-", 1)
            item["from"], item["to"] = _date(a, pivot), _date(b, pivot)
        out.append(item)
    return out


_SMALL = {"of", "the", "for", "and", "on", "in", "to", "at", "de", "du", "des", "la", "le", "el", "del"}


def _phrase(token: str) -> str:
    """'BARACK_HUSSEIN_OBAMA_' -> 'Barack Hussein Obama'; short all-capital names stay acronyms; small
    words inside a name stay lower case ('Organization for the Prohibition of Chemical Weapons')."""
    words = [w for w in re.split(r"[_\s]+", token.strip().strip("_")) if w]
    if len(words) == 1 and len(words[0]) <= 5 and words[0].isalpha():
        return words[0].upper()
    return " ".join(w.lower() if i and w.lower() in _SMALL else w.capitalize() if w.isalpha() or "-" not in w
                    else "-".join(p.capitalize() for p in w.split("-")) for i, w in enumerate(words))


def read_actor_dictionary(text: str, split_code: Optional[Callable] = None, pivot: Optional[int] = None) -> dict:
    """Parse a PETRARCH/TABARI actor dictionary into {'persons': [...], 'organisations': [...]}
    (`pivot`: see parse_code)."""
    entries: list[dict] = []
    cur: Optional[dict] = None
    for raw in (text or "").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.strip().startswith(("<", "{", "}")) and not _CODE.search(line):
            continue
        stripped = line.strip()
        codes = [c for m in _CODE.finditer(stripped) for c in parse_code(m.group(1), pivot)]
        name_part = _CODE.sub("", stripped).strip()
        if stripped.startswith("["):  # a code line for the current entry
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        if name_part.startswith("+"):
            if cur is not None and name_part[1:].strip():
                cur["aliases"].append(_phrase(name_part[1:]))
                cur["codes"].extend(codes)
            continue
        if not name_part or raw[:1].isspace() and cur is not None and not name_part.replace("_", "").isalnum():
            continue
        cur = {"name": _phrase(name_part), "aliases": [], "codes": list(codes)}
        entries.append(cur)
    persons, orgs = [], []
    for e in entries:
        if not e["codes"]:
            continue
        dated = any(c.get("from") or c.get("to") for c in e["codes"])
        if dated or len(e["codes"]) > 1:
            persons.append({"name": e["name"], "aliases": e["aliases"], "kind": "person",
                            "roles": [{"code": c["code"], "from": c.get("from"), "to": c.get("to")}
                                      for c in e["codes"]]})
        else:
            code = e["codes"][0]["code"]
            country, sector = split_code(code) if split_code else (None, None)
            bare = bool(country) and not sector  # "FREEDONIA_ [FRD]": a country name, not an organisation
            orgs.append({"name": e["name"], "aliases": e["aliases"], "code": code, "country": country,
                         "sector": sector, "kind": "country" if bare else "organisation",
                         "type": "country" if bare else "organisation"})
    return {"persons": persons, "organisations": orgs}
