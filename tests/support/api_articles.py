"""The hand-coded articles of the API tests: `api_article` codes one by hand from country names in its
text, `api_corpus()` is the two-article corpus the API, server and dashboard tests serve."""
from __future__ import annotations

from detente.model import Actor, Article, Event, Place, Quote, Span

COUNTRY = {"USA": "United States", "PAK": "Pakistan", "IND": "India"}


def api_article(id: str, text: str, published: str, events: list[tuple]) -> Article:
    """An article coded by hand. events: (source ISO3, cameo, name, goldstein, quad, target ISO3,
    trigger word, date, negated); actors are the country names where they stand in the text."""
    actors: dict[str, Actor] = {}

    def ref(iso, after=0):
        name = COUNTRY[iso]
        i = text.index(name, after) if name in text[after:] else text.index(name)
        a = actors.setdefault(iso, Actor(id=f"a{len(actors)}", name=name, kind="country", code=iso, country=iso))
        span = Span(i, i + len(name), name)
        if span not in a.mentions:
            a.mentions.append(span)
        return a.ref(span)

    evs = []
    for n, (src, cameo, cname, gold, quad, tgt, trig, date, neg) in enumerate(events):
        t = text.index(trig)
        s_end = text.find(".", t) + 1
        s_start = text.rfind(".", 0, t) + 1
        while text[s_start] == " ":
            s_start += 1
        sent = Span(s_start, s_end, text[s_start:s_end])
        evs.append(Event(id=f"e{n}", source=ref(src, s_start), target=ref(tgt, t), cameo=cameo, cameo_name=cname,
                         goldstein=gold, quad_class=quad, date=date, date_precision="day", date_source="text",
                         negated=neg, sentence=sent, trigger=Span(t, t + len(trig), trig), evidence=sent.text))
    return Article(id=id, text=text, published=published, title=f"Story {id}", source="test",
                   actors=list(actors.values()), events=evs)


def api_corpus() -> list[Article]:
    """art1 (a praise, with a quote and a place, and a negated attack) and art2 (a located shelling, an offer)."""
    a = api_article(
        "art1", "The United States praised Pakistan on Monday. Pakistan did not attack India.", "2025-03-11",
        [("USA", "051", "Praise or endorse", 3.4, 1, "PAK", "praised", "2025-03-10", False),
         ("PAK", "190", "Use conventional military force", -10.0, 4, "IND", "attack", "2025-03-10", True)])
    q = a.text.index("praised Pakistan")
    a.quotes = [Quote(q, q + 16, "praised Pakistan", speaker=a.events[0].source)]
    a.places = [Place(0, 3, "The", name="Nowhere", country="USA", lat=1.0, lon=2.0)]
    b = api_article(
        "art2", "Pakistan shelled India at dawn. The United States offered Pakistan talks.", "2025-05-03",
        [("PAK", "190", "Use conventional military force", -10.0, 4, "IND", "shelled", "2025-05-02", False),
         ("USA", "036", "Express intent to meet or negotiate", 4.0, 1, "PAK", "offered", "2025-05-02", False)])
    # the shelling took place in India: a located event for the map
    i = b.text.index("India")
    b.places = [Place(i, i + 5, "India", name="India", country="IND", lat=22.0, lon=79.0, geonameid=1269750,
                      feature="country")]
    b.events[0].place = b.places[0].ref()
    return [a, b]
