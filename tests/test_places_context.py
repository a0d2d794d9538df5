"""Places read by the whole article: the area after a comma, the county an article names, a world city
a small namesake does not take over, and the province a town lies in (sentences written for these tests)."""
from __future__ import annotations

import pytest

from detente import geodesy, nlp, places
from detente.model import Article, Parse

TEXTS = {
    "qualifier": "A bakery in Spokane, Washington, donated bread to the shelter on Friday.",
    "list": "Envoys flew to Berlin, Washington and Moscow last week to sell the plan.",
    "county": "Police in Palestine arrested two men on Friday, the Anderson County sheriff said.",
    "no_county": "Police in Palestine arrested two men on Friday, the sheriff said.",
    "county_town": "The Henderson County commissioners met in Athens on Monday to set the tax rate.",
    "world_city": "Muralists in Detroit, Chicago, Ohio and Texas say their work is safer since a London council "
                  "protected a Banksy.",
    "province": "Firefighters in Windsor, Quebec, saved a barn on Sunday.",
    "states": "Start-ups are leaving costly states such as California or Washington for Texas and Utah.",
    "states_dc": "Fans came from as far as Texas and Washington, D.C., to taste his fried fish.",
    "town_as_org": "A Gainesville man was sentenced to 15 years on Monday for killing a baby.",
    "town_police": "Huntsville police closed the road after the crash, a spokesman said.",
    "capital_norp": "Authorities in Tunis denied the report.",
    "person": "Austin told the board he would resign on Friday.",
    "building": "The adviser was barred from the White House on Monday.",
    "split_country": "Bosnia and Herzegovina and Antigua and Barbuda signed the pact.",
    "division": "Gunmen killed nine farmers in Borno and two in Sindh on Sunday.",
    "generic_division": "He was convicted in the Eastern District of Texas in 2010.",
}


@pytest.fixture(scope="module")
def parsed() -> dict[str, Parse]:
    return dict(zip(TEXTS, nlp.parse_many(list(TEXTS.values()))))


def resolved(name: str, parsed) -> list:
    return places.resolve(Article(id=name, text=TEXTS[name]), parsed[name], [])


def place(name: str, parsed, text: str):
    return next(p for p in resolved(name, parsed) if p.text == text)


def near(p, lat: float, lon: float, km: float = 50) -> bool:
    return geodesy.distance_km(p.lat, p.lon, lat, lon) < km


def test_the_area_after_a_comma_is_a_state(parsed):
    # "Spokane, Washington": the state Spokane lies in, not the capital "Washington" means alone
    w = place("qualifier", parsed, "Washington")
    assert (w.country, w.feature) == ("USA", "admin1")
    # a list is no qualifier: no Berlin lies in Washington state
    w = place("list", parsed, "Washington")
    assert (w.country, w.feature) == ("USA", "city") and near(w, 38.9, -77.0)


def test_a_county_the_article_names_holds_the_town(parsed):
    assert near(place("county", parsed, "Palestine"), 31.76, -95.63)  # Palestine, Texas (Anderson County)
    assert place("no_county", parsed, "Palestine").country == "PSE"
    # Athens, Texas is Henderson County's seat; the county's own name does not vote for a Henderson
    assert near(place("county_town", parsed, "Athens"), 32.2, -95.85)


def test_a_world_city_is_not_taken_over_by_a_small_namesake(parsed):
    # the US names around it say the story is American, not that London is London, Ohio
    assert place("world_city", parsed, "London").country == "GBR"


def test_the_province_after_a_comma_holds_the_town(parsed):
    # "Windsor, Quebec": the small town in Quebec, not Ontario's city, the biggest Windsor in Canada
    assert near(place("province", parsed, "Windsor"), 45.57, -72.0)


def test_a_name_listed_among_states_is_a_state(parsed):
    w = place("states", parsed, "Washington")
    assert (w.country, w.feature) == ("USA", "admin1") and near(w, 47.4, -120.5, 150)
    # a qualified name keeps its qualifier's reading: the capital
    w = place("states_dc", parsed, "Washington")
    assert w.feature == "city" and near(w, 38.9, -77.0)


def test_a_town_ner_calls_an_organisation_is_a_place_in_a_place_frame(parsed):
    # the small model tags these ORG or NORP; "a Gainesville man", "Huntsville police", "in Tunis"
    assert place("town_as_org", parsed, "Gainesville").country == "USA"
    assert place("town_police", parsed, "Huntsville").country == "USA"
    assert place("capital_norp", parsed, "Tunis").country == "TUN"
    # without such words a person stays a person, and "the White House" is no town in Tennessee
    assert resolved("person", parsed) == []
    assert resolved("building", parsed) == []


def test_a_country_whose_name_ner_cut_in_two_is_read_whole(parsed):
    # the small model tags "Antigua" and "Barbuda" PERSON: the country's name reaches over both
    assert place("split_country", parsed, "Antigua and Barbuda").country == "ATG"
    assert place("split_country", parsed, "Bosnia and Herzegovina").country == "BIH"


def test_a_first_level_division_abroad_is_a_place(parsed):
    # Borno is a Nigerian state (and a hamlet in Italy), Sindh a Pakistani province: divisions known
    # from the towns in them, weighed by their towns' people
    assert place("division", parsed, "Borno").country == "NGA"
    assert place("division", parsed, "Sindh").country == "PAK"
    # a division named only by generic words ("Eastern", Ghana's) is no reading of "Eastern District"
    assert all(p.country in (None, "USA") for p in resolved("generic_division", parsed))
