"""Faults an analyst finds on unseen news (session 14's audit), each a general rule of the language: an
object quantified by "no", winning a contest told with a verb of force, a verb of cognition with a clause,
and what a blamer says was done. Sentences written for the test."""
import pytest

import detente
from detente.evaluate.exhaustive import counted

CASES = {
    # an object quantified by "no": nothing was done
    "no_aid": "China has given no assistance to North Korea.",
    "no_aid_plain": "China gave assistance to North Korea.",
    "no_order": "The Syrian government gave no order to attack the protesters.",
    # a verb of force that tells who won an election or a match
    "beat_incumbent": "Ohio Democrats beat the incumbent Republican senator in a state Trump carried easily.",
    "beat_score": "France beat Brazil 3-1 in the final on Sunday.",
    "beat_leadership": "Boris Johnson beat Jeremy Hunt in the Conservative leadership contest.",
    "beat_force": "Iranian police beat protesters in Tehran on Sunday.",
    "beat_armed": "Iranian security forces beat demonstrators during the vote count.",
    # a verb of recognition with a clause for its object tells what someone knows
    "recognize_that": "The German chancellor recognizes that such concessions would be unpopular.",
    "recognize_state": "Germany recognized Kosovo as an independent state on Wednesday.",
    # the act a blamer blames someone for is the blamer's claim
    "blamed_for": "The Chinese Defence Ministry blamed India for attacking its troops on Monday.",
    "thanked_for": "Japan thanked the United States for helping its navy.",
    # a warning that advises the public for its safety threatens no one
    "warned_public": "Chinese health officials have warned people to stay away from infected areas.",
    "warned_residents": "The Indian health ministry warned residents to avoid the flooded district.",
    "warned_party": "North Korea warned the United States to stop its military drills.",
    "warned_crowd": "Iranian police warned protesters to leave or face arrest.",
    # an illness or a famine that kills is no one's attack
    "plague": "Over the centuries, plague has killed millions of people around the world.",
    "famine": "The famine killed thousands of people in Ethiopia.",
    # a coordinated passive with its own subject: its doer is not the first clause's subject
    "conj_passive": "The Americans wanted to raid a Taliban base, but their helicopter was shot down.",
    "conj_passive_and": "Kenyan police raided the house and three men were arrested.",
    # an armed body taking to the streets is deployed, not protesting
    "army_streets": "The People's Liberation Army took to the city's streets to clear barricades.",
    "students_streets": "Thousands of students took to the streets of Hong Kong on Sunday.",
    "police_protest": "French police officers protested against pay cuts in Paris.",
    # hosting in the simple present is a standing state
    "hosts_refugees": "Turkey hosts 3.6 million Syrian refugees.",
    "hosted_refugees": "Turkey hosted 3.6 million Syrian refugees last year.",
    # an investigation of a field of research looks into no one's wrongdoing
    "research": "The Chinese health ministry conducted epidemiological investigations on people in Beijing.",
    "inquiry": "The Chinese police conducted investigations into the officials.",
    # launching a bid for office reduces no relations
    # a word of difficulty says how hard a task is, it blames no one
    "difficult": "Changing people's behaviour is difficult, the Kenyan health minister said.",
    "difficult_plan": "The Kenyan health minister said the Ugandan plan was dangerous and irresponsible.",
    # what someone "is expected to" do is others' forecast
    "expected": "The Chinese president has been expected to sign a partial trade deal with Washington for a month.",
    "expects": "China expects to sign the trade deal with the United States next month.",
    # harsh words of a mere possibility judge no one
    "could_disappoint": "Any negative changes to the reform plans could disappoint, the Indian broker Kotak said.",
    "may_murdered": "Representatives of the family suggested the American financier may have been murdered.",
    "bid": "Launching his bid for president in November, the former governor is betting on black voters.",
}


@pytest.fixture(scope="module")
def coded():
    return {k: detente.code_text(v, published="2024-03-04") for k, v in CASES.items()}


def shown(art, plover=None):
    return [e for e in counted(art) if plover is None or e.plover == plover]


def test_object_with_no_negates_the_act(coded):
    assert not shown(coded["no_aid"], "AID")
    assert shown(coded["no_aid_plain"], "AID")  # the act given: shown
    assert not shown(coded["no_order"], "ASSAULT")


def test_winning_a_contest_is_no_force(coded):
    for key in ("beat_incumbent", "beat_score", "beat_leadership"):
        assert not shown(coded[key], "ASSAULT"), key
    assert shown(coded["beat_force"], "ASSAULT")
    assert shown(coded["beat_armed"], "ASSAULT")  # an armed doer's beating is force, whatever the occasion


def test_recognizing_a_fact_is_no_recognition(coded):
    assert not shown(coded["recognize_that"], "SUPPORT")
    assert shown(coded["recognize_state"], "SUPPORT")


def test_the_act_blamed_is_the_blamers_claim(coded):
    assert shown(coded["blamed_for"], "ACCUSE")
    assert not shown(coded["blamed_for"], "ASSAULT")
    assert shown(coded["thanked_for"], "AID")  # thanks tell the help done


def test_a_safety_warning_to_the_public_is_no_threat(coded):
    assert not shown(coded["warned_public"], "THREATEN")
    assert not shown(coded["warned_residents"], "THREATEN")
    assert shown(coded["warned_party"], "THREATEN")
    assert shown(coded["warned_crowd"], "THREATEN")


def test_an_illness_or_famine_kills_no_one_by_force(coded):
    assert not shown(coded["plague"], "ASSAULT")
    assert not shown(coded["famine"], "ASSAULT")


def test_a_coordinated_passive_keeps_no_doer_of_its_sibling(coded):
    assert not [e for e in shown(coded["conj_passive"], "ASSAULT") if e.source is not None and e.source.country == "USA"]
    assert [e for e in shown(coded["conj_passive_and"], "COERCE") if e.source is not None]  # the raiders arrested them


def test_an_armed_body_in_the_streets_is_no_protest(coded):
    assert not shown(coded["army_streets"], "PROTEST")
    assert shown(coded["students_streets"], "PROTEST")
    assert shown(coded["police_protest"], "PROTEST")  # a protest said as such stays one


def test_hosting_in_the_simple_present_is_a_standing_state(coded):
    assert not shown(coded["hosts_refugees"], "CONSULT")
    assert shown(coded["hosted_refugees"], "CONSULT")


def test_research_is_no_investigation(coded):
    assert not shown(coded["research"], "ACCUSE")
    assert shown(coded["inquiry"], "ACCUSE")


def test_a_bid_for_office_is_no_sanction(coded):
    assert not shown(coded["bid"])


def test_difficulty_is_no_criticism(coded):
    assert not shown(coded["difficult"], "ACCUSE")
    assert shown(coded["difficult_plan"], "ACCUSE")


def test_an_expected_act_is_a_forecast(coded):
    assert not shown(coded["expected"])
    assert shown(coded["expects"], "AGREE")  # its own stated intent


def test_harsh_words_of_a_possibility_are_no_criticism(coded):
    assert not shown(coded["could_disappoint"], "ACCUSE")
    assert not shown(coded["may_murdered"], "ACCUSE")
    assert shown(coded["difficult_plan"], "ACCUSE")


def test_the_press_telling_of_force_does_none_and_accuses_no_one():
    # PETRARCH's REPORT * ATTACK made the agency the attacker; the attack is coded from its own noun
    a = detente.code_text("Reuters reported Monday's attack on an Afghan army base in Maidan Shar.", published="2019-01-24")
    assert not [e for e in a.events if e.source is not None and e.source.text == "Reuters"]
    assert [e for e in a.events if e.trigger.text == "attack" and e.plover == "ASSAULT"]
    # the press reporting another's arrest accuses no one; a government saying so still does
    a = detente.code_text("Afghan police arrested two Taliban commanders in Kabul, Reuters reported.", published="2019-01-24")
    assert not [e for e in a.events if e.plover == "ACCUSE"]
    assert [e for e in a.events if e.plover == "COERCE"]
    a = detente.code_text("Afghan police arrested two Taliban commanders in Kabul, the Pakistani government said.",
                          published="2019-01-24")
    assert [e for e in a.events if e.plover == "ACCUSE" and e.source.country == "PAK"]


def test_a_participle_set_by_as_describes_someone():
    # "reported ... as convicted": what the assailant is said to be, no conviction by the newspaper
    text = ("Polish police said a press badge was used by the assailant, reported by The Guardian as convicted of "
            "assaults, to gain entry.")
    a = detente.code_text(text, published="2019-01-14")
    assert not [e for e in a.events if e.trigger.text == "convicted"]
    # a finite clause opened by "as" is an act of its own
    a = detente.code_text("Polish police arrested the man as protesters gathered outside.", published="2019-01-14")
    assert [e for e in a.events if e.plover == "COERCE"]
