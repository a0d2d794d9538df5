"""The Phoenix actor dictionaries (PETRARCH2) as packaged lexicon data: importer and default loading."""
import pytest

from detente.actors import lexicon
from detente.actors.phoenix import convert_code, keep_name, read

WORDS = frozenset({"shell", "total", "guardian", "ban"})  # stand-in dictionary words

INTERNATIONAL = """\
# comment
REUTERS
\t[MED]
HAARETZ
\t[ISRMED]
SHELL_ [MNCNLD]
ORGANIZATION_FOR_THE_PROHIBITION_OF_CHEMICAL_WEAPONS
+OPCW
+THE_HAGUE-BASED_WATCHDOG
\t[IGO]
SECRETARY-GENERAL_BAN_KI-MOON
+BAN_KI-MOON
+BAN
\t[IGOUNO >20070101]
\t[KORGOV 041201-061201]
KOFI_ANNAN_
\t[IGOUNO 970101-061231]
\t[ELI]
JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]
NULL_BODY_ [---]
"""

NONSTATE = """\
ABU_SAYYAF_GROUP_ [PHLREB] #  kkl 21 Mar 13
+ASG_
ANARCHIST_STRUGGLE_ [GRCREB]
INTERNATIONAL_CELL_ [INTREB]
"""

COUNTRIES = """\
FREEDONIA_  [FRD]
+FREEDONIAN_
FREEDONIAN_ARMED_FORCES
\t[FRDMIL]
RUFUS_FIREFLY_  # CountryInfo.txt
+PRESIDENT_FIREFLY
\t[FRDELI 19000101-330304]
\t[FRDGOV 330304-450412]
ZORAN_VELKOVIC_  # CountryInfo.txt
\t[JAPELI 990101-050601]
\t[JAPGOV 050601-120101]
\t[JAPELI]
"""


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_international_round_trip(tmp_path):
    d = read(_write(tmp_path, "intl.txt", INTERNATIONAL), WORDS)
    orgs = {o["name"]: o for o in d["organisations"]}
    assert orgs["Reuters"]["code"] == "JRN" and orgs["Reuters"]["sector"] == "JRN"
    assert orgs["Haaretz"]["country"] == "ISR" and orgs["Haaretz"]["code"] == "ISRJRN"
    opcw = orgs["Organization for the Prohibition of Chemical Weapons"]
    assert opcw["code"] == "IGO" and opcw["sector"] == "IGO" and opcw["country"] is None
    assert opcw["aliases"] == ["OPCW", "Hague-Based Watchdog"]  # "the" is read around names
    assert "SHELL" not in orgs and "Null Body" not in orgs  # a dictionary word; PETRARCH's null code
    persons = {p["name"]: p for p in d["persons"]}
    ban = persons["Secretary-General Ban Ki-Moon"]
    assert "Ban Ki-Moon" in ban["aliases"] and "BAN" not in ban["aliases"] and ban["surname"] is False
    assert ban["roles"][0] == {"code": "IGOUNO", "sector": "IGO", "from": "2007-01-01"}
    assert persons["Kofi Annan"]["roles"][-1]["code"] == "ELI"  # the undated default goes last
    assert "Javier de Cuellar" not in persons  # every dated role ended before 2000


def test_nonstate_round_trip(tmp_path):
    d = read(_write(tmp_path, "mns.txt", NONSTATE), WORDS)
    orgs = {o["name"]: o for o in d["organisations"]}
    asg = orgs["Abu Sayyaf Group"]
    assert (asg["code"], asg["country"], asg["sector"], asg["kind"], asg["aliases"]) == \
        ("PHLREB", "PHL", "REB", "group", ["ASG"])
    assert orgs["Anarchist Struggle"]["country"] == "GRC"
    assert orgs["International Cell"]["country"] is None and orgs["International Cell"]["sector"] == "REB"


def test_countries_file_gives_dated_persons_only(tmp_path):
    d = read(_write(tmp_path, "cty.txt", COUNTRIES), WORDS, ("persons",))
    assert d["organisations"] == []
    names = [p["name"] for p in d["persons"]]
    assert names == ["Zoran Velkovic"]  # Firefly's roles ended in 1945 (two-digit years of 2014: 33 is 1933)
    roles = d["persons"][0]["roles"]
    assert roles[1] == {"code": "JPNGOV", "country": "JPN", "sector": "GOV", "from": "2005-06-01", "to": "2012-01-01"}
    assert roles[2] == {"code": "JPNELI", "country": "JPN", "sector": "ELI"}


def test_codes_and_names():
    assert convert_code("IGOUNOMED") == {"code": "IGOUNOMED", "country": None, "sector": "IGO"}
    assert convert_code("MNCUSA") == {"code": "MNCUSA", "country": None, "sector": "BUS"}
    assert convert_code("JAPGOV")["country"] == "JPN"
    assert convert_code("HLH") == {"code": "MED", "country": None, "sector": "MED"}
    assert convert_code("AGR") is None and convert_code("---") is None and convert_code(None) is None
    assert keep_name("World Food Programme", WORDS) and keep_name("Reuters", WORDS)
    assert not keep_name("Shell", WORDS) and not keep_name("Guardians", WORDS) and not keep_name("UN", WORDS)


@pytest.fixture(scope="module")
def lex():
    return lexicon.load()


def test_packaged_entries_resolve(lex):
    reuters = lex.lookup("reuters")
    assert reuters and reuters[0].type == "organisation" and reuters[0].sector == "JRN"
    opcw = lex.lookup("organisation for the prohibition of chemical weapons")
    assert opcw and opcw[0].sector == "IGO" and opcw[0].country is None
    assert lex.is_prefix("organisation for the prohib") and not lex.is_prefix("organisation for the zz")


def test_hand_lexicon_wins(lex):
    assert lex.packaged["amnesty international"][0][5] == "NGOHRIAMN"  # Phoenix's code ...
    assert [e.code for e in lex.lookup("amnesty international")] == ["NGOAMN"]  # ... organisations.yaml's wins
    assert {e.code for e in lex.lookup("red cross")} == {"NGOICR"}


def test_packaged_files_can_be_turned_off(monkeypatch):
    monkeypatch.setattr(lexicon, "PHOENIX", False)
    assert not lexicon.build().lookup("reuters")


def test_packaged_persons_load_as_a_user_file():
    assert not lexicon.load().lookup("salam al zubai")  # not read by default
    lex = lexicon.load((lexicon.PHOENIX_PERSONS,))
    zubai = lex.lookup("salam al zubai")
    assert zubai and zubai[0].role_at("2007-01-01").code == "IRQGOV" and zubai[0].role_at("2010-01-01") is None
