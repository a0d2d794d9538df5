"""The CAMEO and PLOVER tables and their lookups."""
from detente import ontology

ROOT_QUAD = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 9)},
             **{f"{r:02d}": 3 for r in range(9, 14)}, **{f"{r:02d}": 4 for r in range(14, 21)}}


def test_all_roots_and_levels_present():
    assert ontology.codes(1) == [f"{r:02d}" for r in range(1, 21)]
    assert len(ontology.codes(2)) > 100 and len(ontology.codes(3)) > 100
    assert all(len(c) == 4 for c in ontology.codes(3))


def test_every_code_has_score_and_quad_class_of_its_root():
    for code in ontology.codes():
        name, goldstein, quad = ontology.cameo(code)
        assert name and -10.0 <= goldstein <= 10.0
        assert quad == ROOT_QUAD[code[:2]], code


def test_known_codes():
    name, goldstein, quad = ontology.cameo("0871")
    assert "ceasefire" in name.lower() and goldstein > 0 and quad == 2
    assert ontology.plover("0871") == ("RETREAT", "ceasefire")
    assert ontology.plover("045")[0] == "CONSULT"
    assert ontology.plover("183")[0] == "ASSAULT"
    assert ontology.plover("173") == ("COERCE", "arrest")
    assert ontology.cameo("190")[1] == -10.0
    assert ontology.cameo(1) == ontology.cameo("01")  # a root written as a number


def test_statements_have_no_plover_type_and_appeals_are_requests():
    assert ontology.plover("010") == (None, None)
    # the PLOVER manual: REQUEST is "all requests, demands, and orders" (the 2021 crosswalk omits 02)
    assert ontology.plover("020") == ("REQUEST", None)
    assert ontology.plover("0241") == ("REQUEST", "change")
    assert ontology.plover("026") == ("REQUEST", "meet")


def test_codes_missing_from_crosswalk_inherit_their_parent():
    assert ontology.plover("1384")[0] == ontology.plover("138")[0] == "THREATEN"


def test_unknown_codes():
    assert ontology.cameo("999") is None and ontology.plover("abc") is None and ontology.cameo(None) is None
    assert not ontology.is_code("0999")


def test_crosswalk_types_are_plover_types():
    types = set(ontology.plover_types())
    assert len(types) == 16
    for code in ontology.codes():
        t = ontology.plover(code)[0]
        assert t is None or t in types, code
    assert "ceasefire" in ontology.plover_modes("RETREAT")
    assert ontology.plover_type("assault")["quad"] == "material conflict"


def test_the_manual_settles_sanctions_convictions_and_resignations():
    # PLOVER manual: international sanctions are SANCTION 'discontinue', convictions SANCTION
    # 'convict', an official resignation RETREAT 'resign'
    assert ontology.plover("163") == ("SANCTION", "discontinue")
    assert ontology.plover("116") == ("SANCTION", "convict")
    assert ontology.plover("0831") == ("RETREAT", "resign")


def test_promised_concessions_stay_concede():
    # the manual: "future concessions, i.e. CONCEDE + future ... do not reduce to AGREE"
    assert ontology.plover("035")[0] == ontology.plover("0353")[0] == "CONCEDE"


def test_material_codes_are_deeds_not_words():
    from detente import ontology
    assert ontology.material("190") and ontology.material("173") and ontology.material("070")
    assert not ontology.material("112") and not ontology.material("040") and not ontology.material("9999")
