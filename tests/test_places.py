"""Places: toponyms found, resolved to the reading the article supports, with dateline and metonym roles."""
from __future__ import annotations

import math

import pytest

from detente import geodesy, nlp, places
from detente.model import Article, Parse, Span
from detente.places import gazetteer
from support.paths import SEED_ARTICLE


TEXTS = {
    "seed": SEED_ARTICLE.read_text(encoding="utf-8"),
    "athens_ga": "Police in Athens, Ga., said the fire started late on Friday. Residents of Athens were evacuated "
                 "to a school in Atlanta.",
    "athens_gr": "Protesters marched through Athens and Thessaloniki on Sunday as Greece debated the budget.",
    "georgia_us": "The storm hit Savannah and Atlanta before it left Georgia for South Carolina.",
    "georgia_geo": "Russia and Georgia fought a short war in 2008, and Tbilisi still accuses Moscow of occupying land.",
    "literal": "A car bomb exploded in Kabul on Tuesday, killing four people near the airport.",
    "agent": "Kabul rejected the proposal, and officials said Islamabad's demands were unacceptable.",
    "dateline": "ISLAMABAD, Pakistan (Reuters) - The government announced new elections on Monday.",
    "demonym": "Russian officials visited the Syrian town of Douma on Friday.",
    "none": "The committee met for three hours and agreed to meet again next week.",
    "unknown": "Officials in Zorbluxville and Quandrapoor denied the report.",
    "caps": "PAKISTAN AND INDIA AGREE TO HOLD TALKS IN NEW DELHI NEXT MONTH",
    "only": "Paris. London. Berlin. Kabul.",
    "local": "The fair drew visitors from Alexandria, Osakis and Glenwood to the lake.",
    "shout": "HELP US FIND THE DOG. He lives by Turkey Creek, near the Mississippi River.",
    "county": "The Hamilton council met on Monday to discuss the budget of Washington County.",
    "no_county": "The Hamilton council met on Monday to discuss the budget.",
    "division": "Gunmen attacked a checkpoint in Kandahar province and a market in Borno state, and the Kano "
                "state government condemned the attacks. US citizens were told to leave.",
    "square": "Police cleared peaceful protesters from Lafayette Square near London Bridge on Monday. Rioters set "
              "fire to St. John's Episcopal Church at Lafayette Square.",
}


@pytest.fixture(scope="module")
def parsed() -> dict[str, Parse]:
    return dict(zip(TEXTS, nlp.parse_many(list(TEXTS.values()))))


def code(name: str, parsed, **meta) -> tuple[Article, list]:
    art = Article(id=name, text=TEXTS[name], **meta)
    return art, places.resolve(art, parsed[name], [])


def km(lat1, lon1, lat2, lon2) -> float:
    return geodesy.distance_km(lat1, lon1, lat2, lon2)


def first(ps, text):
    return next(p for p in ps if p.text == text)


def test_offsets_are_truth(parsed):
    for name in TEXTS:
        art, ps = code(name, parsed)
        for p in ps:
            assert art.text[p.start:p.end] == p.text
            assert p.role in ("dateline", "mentioned", "metonym")
            assert p.feature in ("country", "admin1", "city", "region")


def test_seed_kabul_and_dateline(parsed):
    text = TEXTS["seed"]
    i = text.index("WASHINGTON")
    art = Article(id="seed", text=text, dateline="WASHINGTON", dateline_span=Span(i, i + 10, "WASHINGTON"))
    ps = places.resolve(art, parsed["seed"], [])
    kabul = first(ps, "Kabul")
    assert kabul.country == "AFG" and kabul.role == "mentioned" and kabul.feature == "city"
    assert km(kabul.lat, kabul.lon, 34.53, 69.17) < 50
    dl = [p for p in ps if p.role == "dateline"]
    assert len(dl) == 1 and dl[0].text == "WASHINGTON" and dl[0].country == "USA"
    assert km(dl[0].lat, dl[0].lon, 38.9, -77.04) < 30  # the capital, not the state


def test_seed_capitals_as_metonyms(parsed):
    _, ps = code("seed", parsed)
    by_start = {p.start: p for p in ps}
    text = TEXTS["seed"]
    for phrase, name in [("Washington sees", "Washington"), ("New Delhi had raised", "New Delhi"),
                         ("Islamabad’s role", "Islamabad"), ("engagement with Islamabad", "Islamabad")]:
        at = text.index(phrase) + phrase.index(name)
        assert by_start[at].role == "metonym", phrase
    assert first(ps, "Islamabad").country == "PAK"
    assert first(ps, "New Delhi").country == "IND"


def test_literal_place_and_agent(parsed):
    _, ps = code("literal", parsed)
    assert first(ps, "Kabul").role == "mentioned"
    _, ps = code("agent", parsed)
    assert first(ps, "Kabul").role == "metonym"
    assert first(ps, "Islamabad").role == "metonym"


def test_a_name_with_its_division_word_is_a_place(parsed):
    # NER's "Kandahar province" still names Kandahar; "Borno state" is where, not a state's body, while
    # "the Kano state government" is that government's
    _, ps = code("division", parsed)
    assert first(ps, "Kandahar").country == "AFG" and first(ps, "Kandahar").role == "mentioned"
    assert first(ps, "Borno").role == "mentioned"
    assert first(ps, "Kano").role == "metonym"
    assert first(ps, "US").role == "metonym"  # whose citizens: no division


def test_qualifier_and_context_choose_the_namesake(parsed):
    _, ps = code("athens_ga", parsed)
    athens = [p for p in ps if p.text == "Athens"]
    assert len(athens) == 2 and all(p.country == "USA" for p in athens)
    assert all(km(p.lat, p.lon, 33.96, -83.38) < 50 for p in athens)  # Athens, Georgia, both times
    assert first(ps, "Ga.").feature == "admin1"
    _, ps = code("athens_gr", parsed)
    assert first(ps, "Athens").country == "GRC"


def test_small_town_read_by_its_neighbours(parsed):
    # Alexandria next to Osakis is the Minnesota town, not Egypt's city or Virginia's
    _, ps = code("local", parsed)
    alex = first(ps, "Alexandria")
    assert alex.country == "USA" and km(alex.lat, alex.lon, 45.89, -95.38) < 30


def test_a_us_county_says_the_story_is_american(parsed):
    # a county name found in many states pins none, but says the town is an American one
    _, ps = code("county", parsed)
    assert first(ps, "Hamilton").country == "USA"
    _, ps = code("no_county", parsed)
    assert first(ps, "Hamilton").country == "CAN"


def test_a_square_named_after_someone_is_no_town(parsed):
    # a street or square holds no town; a bridge or airport is named for its own
    _, ps = code("square", parsed)
    assert "Lafayette" not in {p.text for p in ps} and first(ps, "London").country == "GBR"


def test_georgia_by_context(parsed):
    _, ps = code("georgia_us", parsed)
    g = first(ps, "Georgia")
    assert (g.country, g.feature) == ("USA", "admin1")
    _, ps = code("georgia_geo", parsed)
    g = first(ps, "Georgia")
    assert (g.country, g.feature) == ("GEO", "country")


def test_dateline_found_without_ingest(parsed):
    _, ps = code("dateline", parsed)
    dl = [p for p in ps if p.role == "dateline"]
    # the country that qualifies it belongs to the dateline too: nothing happened there for that
    assert [(p.text, p.country) for p in dl] == [("ISLAMABAD", "PAK"), ("Pakistan", "PAK")]


def test_demonym_adjectives(parsed):
    _, ps = code("demonym", parsed)
    russian = first(ps, "Russian")
    assert (russian.country, russian.role, russian.feature) == ("RUS", "metonym", "country")
    assert first(ps, "Syrian").role == "mentioned"  # "the Syrian town of": still a place


@pytest.mark.parametrize("name", ["none", "unknown", "shout"])
def test_no_places_gives_empty_list(parsed, name):
    # "US" in a shouted line is the pronoun; Turkey Creek is no Turkey and the Mississippi River no state
    art, ps = code(name, parsed)
    assert ps == [] and art.warnings == []


def test_all_caps_and_only_places(parsed):
    _, ps = code("caps", parsed)
    assert {p.country for p in ps} <= {"PAK", "IND"}
    assert "IND" in {p.country for p in ps}
    _, ps = code("only", parsed)
    assert {p.country for p in ps} == {"FRA", "GBR", "DEU", "AFG"}


def test_bad_input_never_raises():
    art = Article(id="empty", text="")
    assert places.resolve(art, nlp.parse(""), []) == []
    broken = Parse(text="Kabul", tokens=None, sentences=[], entities=[None])  # a parse that is not one
    art = Article(id="broken", text="Kabul")
    assert places.resolve(art, broken, []) == []
    assert art.warnings and art.warnings[0].startswith("places:")


def test_gazetteer_names():
    gaz = gazetteer.load()
    assert [c.country for c, _ in gaz.lookup("US")] == ["USA"]
    assert all(c.country != "USA" or c.feature != "country" for c, _ in gaz.lookup("us"))
    assert gazetteer.key("Kābūl") == gazetteer.key("the KABUL") == "kabul"
    usa = gaz.country["USA"]
    assert math.isfinite(usa.lat) and 24 < usa.lat < 50
    assert len(gaz.country) > 240  # every country has a point


def test_gazetteer_cache_round_trip(tmp_path):
    built = gazetteer.cached(15000, tmp_path)
    files = list(tmp_path.glob("places-gazetteer-*.pickle"))
    assert len(files) == 1
    again = gazetteer.cached(15000, tmp_path)
    assert again is not built
    assert [(c.name, c.country) for c, _ in again.lookup("Kabul")] == [(c.name, c.country) for c, _ in built.lookup("Kabul")]
    # resolution compares readings by identity: the cache must keep shared objects shared
    pref = again.preferred[gazetteer.key("Washington")]
    assert any(c is pref for c, _ in again.lookup("Washington"))
    files[0].write_bytes(b"not a pickle")  # a broken cache is rebuilt, not an error
    assert gazetteer.cached(15000, tmp_path).lookup("Kabul")
