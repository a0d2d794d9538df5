"""The actor lexicon: YAML data, user files, the PETRARCH/TABARI importer."""
import os

import pytest
import yaml

from detente.actors import lexicon
from detente.actors.petrarch import parse_code, read_actor_dictionary

FIX = os.path.join(os.path.dirname(__file__), "fixtures", "actors")
PETR = os.path.join(FIX, "petrarch_sample.txt")
USER = os.path.join(FIX, "user_lexicon.yaml")


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def types(lex, phrase):
    return {(e.type, e.country, e.sector) for e in lex.lookup(lexicon.norm(phrase))}


def test_countries_short_forms_demonyms_and_seats(lex):
    assert ("country", "USA", None) in types(lex, "U.S.")
    assert ("country", "USA", None) in types(lex, "America")
    assert ("demonym", "PAK", None) in types(lex, "Pakistani")
    assert ("capital", "IND", "GOV") in types(lex, "New Delhi")
    assert ("capital", "PAK", "GOV") in types(lex, "Islamabad")
    assert ("seat", "RUS", "GOV") in types(lex, "Kremlin")
    assert ("seat", "USA", "GOV") in types(lex, "White House")
    # generated from pycountry with the comma form turned round
    assert ("country", "KOR", None) in types(lex, "Republic of Korea")


def test_every_iso_country_is_in_the_lexicon(lex):
    import pycountry

    assert {c.alpha_3 for c in pycountry.countries} <= set(lex.countries)


def test_generated_file_matches_the_build_script():
    from detente.lexicon import build_countries

    with open(os.path.join(lexicon.LEXICON_DIR, "countries.yaml"), encoding="utf-8") as f:
        assert yaml.safe_load(f) == build_countries.build()


def test_organisations_groups_and_sector_words(lex):
    assert ("organisation", None, "IMG") in types(lex, "ISIS-K")
    assert ("organisation", None, "IMG") in types(lex, "Islamic State Khorasan")
    assert ("organisation", "USA", "GOV") in types(lex, "State Department")
    assert ("organisation", "PAK", "SPY") in types(lex, "ISI")
    assert ("title", None, "GOV") in types(lex, "secretary of state")
    assert ("title", None, "MIL") in types(lex, "chief of army staff")
    assert ("title", None, "MIL") in types(lex, "field marshal")
    assert ("body", None, "SPY") in types(lex, "intelligence services")
    assert ("body", None, "MIL") in types(lex, "troops")


def test_split_code(lex):
    assert lex.split_code("PAKSPY") == ("PAK", "SPY")
    assert lex.split_code("USA") == ("USA", None)
    assert lex.split_code("IMGISK") == (None, "IMG")
    assert lex.split_code("JAPGOV") == ("JPN", "GOV")  # CAMEO country codes differ from ISO here
    assert lex.split_code(None) == (None, None)


def test_person_roles_follow_the_article_date(lex):
    trump = lex.lookup("donald trump")[0]
    assert trump.role_at("2019-06-01").code == "USAGOV"
    assert trump.role_at("2023-06-01").code == "USAELI"
    assert trump.role_at(None).role == "President"  # no date: the latest role


def test_parse_code_date_bounds():
    assert parse_code("EGYGOV 120812-140326") == [{"code": "EGYGOV", "from": "2012-08-12", "to": "2014-03-26"}]
    assert parse_code("USAELI >170120") == [{"code": "USAELI", "from": "2017-01-20"}]
    assert parse_code("USAGOV <090119") == [{"code": "USAGOV", "to": "2009-01-19"}]
    assert parse_code("AFG") == [{"code": "AFG"}]


def test_petrarch_dictionary_import():
    with open(PETR, encoding="utf-8") as f:
        d = read_actor_dictionary(f.read())
    persons = {p["name"]: p for p in d["persons"]}
    assert persons["Zoran Velkovic"]["aliases"] == ["Velkovic", "Z. Velkovic"]
    assert [r["code"] for r in persons["Zoran Velkovic"]["roles"]] == ["FRDGOV", "FRDOPP"]
    assert persons["Zoran Velkovic"]["roles"][0]["to"] == "2019-12-31"
    assert persons["Marta Okonjo"]["roles"][0]["from"] == "2018-03-01"
    orgs = {o["name"]: o for o in d["organisations"]}
    assert orgs["Sylvanian Liberation Front"]["aliases"] == ["SLF"]
    assert orgs["Sylvanian Liberation Front"]["code"] == "IMGSLF"


def test_petrarch_import_garbage_does_not_raise():
    d = read_actor_dictionary("[ORPHAN]\n+NO_NAME_\n\x00\x01 junk [\n<tag>\n")
    assert d == {"persons": [], "organisations": []}


def test_user_files_by_argument_and_environment(monkeypatch):
    lex = lexicon.load((USER, PETR))
    assert lex.lookup("freedonian")[0].country == "FRD"
    assert lex.lookup("fredville")[0].code == "FRDGOV"
    assert lex.lookup("norcom")[0].code == "IGONCP"
    velk = lex.lookup("velkovic")[0]
    assert velk.role_at("2016-01-01").country == "FRD" and velk.role_at("2016-01-01").sector == "GOV"
    assert lex.lookup("slf")[0].sector == "IMG"
    assert not lexicon.load().lookup("freedonian")  # the default lexicon is untouched
    monkeypatch.setenv(lexicon.ENV_VAR, os.pathsep.join([USER, PETR]))
    assert lexicon.load().lookup("rufus firefly")[0].role_at(None).code == "FRDGOV"


def test_yaml_words_on_off_yes_no_stay_words(tmp_path):
    # a word list holds particles and prepositions: "call off", "call on" must not read as booleans
    from detente.lexicon import load_yaml
    p = tmp_path / "words.yaml"
    p.write_text("particles: [on, off, up]\nanswers: [yes, no]\nflag: true\nother: False\n")
    assert load_yaml(p) == {"particles": ["on", "off", "up"], "answers": ["yes", "no"], "flag": True, "other": False}


def test_event_patterns_keep_their_particles():
    from detente.events.lexicon import load
    lex = load()
    call = [p for p in lex.patterns if "call" in p.verbs]
    assert any(p.particle == "off" for p in call) and any(p.prep == "on" for p in call)
    assert all(p.particle is None or isinstance(p.particle, str) for p in lex.patterns)
