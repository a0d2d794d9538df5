"""Hand-made coded articles for the store, analysis and export tests (no parsing: fast).

Builders, not fixtures: `article`, `event`, `place`, `ref`, `span` make records from a text;
`seed_like()` is a record shaped like the seed article's expected coding.

Every span is cut from the article's own text, so offsets are true.
"""
from __future__ import annotations

from detente.model import Actor, ActorRef, Article, Event, Place, PlaceRef, Quote, Span

CITIES = {  # name: (country, lat, lon, geonameid)
    "Poonch": ("IND", 33.77, 74.09, 1259652), "Kupwara": ("IND", 34.53, 74.25, 1265683),
    "Quetta": ("PAK", 30.18, 66.99, 1167528), "Peshawar": ("PAK", 34.01, 71.58, 1168197),
    "Tyre": ("LBN", 33.27, 35.20, 267008), "Beirut": ("LBN", 33.89, 35.50, 276781),
    "Kharkiv": ("UKR", 49.99, 36.23, 706483), "Kabul": ("AFG", 34.53, 69.17, 1138958),
    "Washington": ("USA", 38.90, -77.04, 4140963),
}
COUNTRIES = {"Pakistan": "PAK", "India": "IND"}


def span(text: str, phrase: str) -> Span:
    i = text.index(phrase)
    return Span(i, i + len(phrase), phrase)


def ref(text: str, words: str, code: str | None, country: str | None = "auto", sector: str | None = None,
        actor: str | None = None) -> ActorRef:
    """country "auto": the code's first three letters (pass None for actors of no country, e.g. IMG)."""
    s = span(text, words)
    return ActorRef(actor, s.text, s.start, s.end, code, (code or "")[:3] or None if country == "auto" else country,
                    sector if sector is not None else ((code or "")[3:6] or None))


def place(text: str, name: str) -> tuple[PlaceRef, Place]:
    s = span(text, name)
    if name in COUNTRIES:
        p = Place(s.start, s.end, name, name, COUNTRIES[name], None, None, None, "mentioned", "country")
    else:
        c, lat, lon, gid = CITIES[name]
        p = Place(s.start, s.end, name, name, c, lat, lon, gid, "mentioned", "city")
    return p.ref(), p


def event(text: str, eid: str, src: tuple, tgt: tuple | None, cameo: str, trigger: str, date: str | None = None,
          place_name: str | None = None, goldstein: float | None = None, quad: int | None = None,
          negated: bool = False, modality: str = "asserted", places: list | None = None) -> Event:
    """src/tgt: (words in the text, actor code[, country, sector]). The sentence holding the trigger is the evidence."""
    t = span(text, trigger)
    start = max(text.rfind(". ", 0, t.start) + 2, 0) if text.rfind(". ", 0, t.start) >= 0 else 0
    end = text.find(". ", t.end)
    end = len(text) if end < 0 else end + 1
    sentence = Span(start, end, text[start:end])
    pref = None
    if place_name:
        pref, p = place(text, place_name)
        if places is not None:
            places.append(p)
    return Event(id=eid, source=ref(text, *src), target=ref(text, *tgt) if tgt else None, cameo=cameo,
                 goldstein=goldstein, quad_class=quad, date=date,
                 date_precision={4: "year", 7: "month", 10: "day"}.get(len(date or "")), place=pref,
                 negated=negated, modality=modality, sentence=sentence, trigger=t, evidence=sentence.text,
                 mentions=[t])


def article(aid: str, text: str, published: str | None = None, site: str | None = None, url: str | None = None,
            events=(), places=(), actors=(), quotes=(), title: str | None = None) -> Article:
    return Article(id=aid, text=text, published=published, site=site, url=url, title=title, events=list(events),
                   places=list(places), actors=list(actors), quotes=list(quotes))


SEED_TEXT = (
    "WASHINGTON: US Secretary of State Marco Rubio said Washington sees an opportunity to expand its strategic "
    "relationship with Pakistan. In March, Pakistan's intelligence services handed over an Islamic State Khorasan "
    "operative to the United States. The operative was behind the 2021 bombing at Kabul airport. Later, in May "
    "2025, President Trump helped broker a ceasefire between Pakistan and India after fighting erupted. Islamabad "
    "nominated Trump for the Nobel Peace Prize. The partnership will not come at the expense of New Delhi, "
    "Rubio said.")


def seed_like() -> Article:
    """A hand-coded record shaped like the seed article's expected coding (expected.yaml)."""
    t = SEED_TEXT
    places: list[Place] = []
    rubio = Actor("a1", "Marco Rubio", "person", "USAGOV", "USA", "GOV", "Secretary of State",
                  [span(t, "Marco Rubio")])
    evs = [
        event(t, "e1", ("Washington", "USAGOV"), ("Pakistan", "PAK"), "030", "expand", date="2025-10"),
        event(t, "e2", ("Pakistan's intelligence services", "PAKSPY"), ("United States", "USA"), "064",
              "handed over", date="2025-03"),
        event(t, "e3", ("Islamic State Khorasan", "IMGISK", None, "IMG"), ("United States", "USA"), "183",
              "bombing", date="2021", place_name="Kabul", places=places),
        event(t, "e4", ("President Trump", "USAGOV"), ("Pakistan", "PAK"), "045", "broker", date="2025-05"),
        event(t, "e5", ("Pakistan", "PAK"), ("India", "IND"), "0871", "ceasefire", date="2025-05"),
        event(t, "e6", ("Pakistan", "PAK"), ("India", "IND"), "190", "fighting", date="2025-05"),
        event(t, "e7", ("Islamabad", "PAKGOV"), ("Trump", "USAGOV"), "051", "nominated", date="2025-10"),
        event(t, "e8", ("Rubio", "USAGOV"), ("New Delhi", "INDGOV"), "112", "come at the expense", date="2025-10",
              negated=True),
    ]
    evs[0].speaker = rubio.ref(rubio.mentions[0])
    evs[0].source.actor = None
    q = Quote(*_q(t, "an opportunity to expand its strategic relationship with Pakistan"),
              speaker=rubio.ref(rubio.mentions[0]))
    dl = Place(0, 10, "WASHINGTON", "Washington", "USA", 38.9, -77.04, 4140963, "dateline", "city")
    return article("seed", t, published="2025-10-27", site="example.pk", events=evs, places=[dl] + places,
                   actors=[rubio], quotes=[q], title="US Seeks to Deepen Strategic Ties with Pakistan, Says Rubio")


def _q(text, phrase):
    s = span(text, phrase)
    return s.start, s.end, s.text
