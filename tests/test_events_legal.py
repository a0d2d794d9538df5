"""Charges, indictments and trials are PLOVER ACCUSE 'allege' ("accuse, allege, or charge, both
judicially and informally ... sue, indict, or charge; bring to trial", manual ch. 3), while an arrest
stays COERCE; directives (instruct, advise) are requests, and what is asked for or said to be a duty
("must withdraw") is not reported as done. Sentences written for the test."""
import pytest

import detente
from support.coded_events import triggered_at, unnegated_events

TEXT = ("Court news\n\n"
        "Prosecutors in Oslo charged the former minister with fraud on Monday. "
        "Police in Madrid arrested the mayor on Tuesday. "
        "In Lagos, the former governor was indicted for bribery. "
        "Two opposition leaders were tried by a military court in Cairo. "
        "The Canadian government filed a lawsuit against Mexico. "
        "The Peruvian president instructed the army to leave the border region. "
        "The Chilean foreign minister said Bolivia must withdraw its troops from the border.")


@pytest.fixture(scope="module")
def events():
    return unnegated_events(TEXT, "2024-03-04")


def test_a_charge_is_an_accusation_not_an_arrest(events):
    (e,) = triggered_at(events, TEXT, "charged")
    assert (e.cameo, e.plover) == ("1121", "ACCUSE")
    assert e.target is not None and e.target.text == "the former minister"


def test_an_arrest_is_still_coercion(events):
    (e,) = triggered_at(events, TEXT, "arrested")
    assert e.plover == "COERCE"


def test_an_indictment_with_no_named_doer_is_the_local_state_s(events):
    (e,) = triggered_at(events, TEXT, "indicted")
    assert e.plover == "ACCUSE" and e.source is not None and e.source.country == "NGA"


def test_a_trial_is_an_accusation(events):
    (e,) = triggered_at(events, TEXT, "tried")
    assert e.plover == "ACCUSE" and e.source.country == "EGY" and e.target.text == "opposition leaders"


def test_a_lawsuit_is_an_accusation(events):
    (e,) = triggered_at(events, TEXT, "filed")
    assert (e.cameo, e.plover) == ("115", "ACCUSE")
    assert (e.source.country, e.target.country) == ("CAN", "MEX")


def test_an_instruction_is_a_request_and_its_act_not_done(events):
    (e,) = triggered_at(events, TEXT, "instructed")
    assert e.plover == "REQUEST" and e.source.country == "PER"
    left = triggered_at(events, TEXT, "leave")
    assert all(x.modality != "asserted" for x in left)


def test_a_duty_laid_on_another_is_a_demand_and_not_an_act(events):
    (e,) = triggered_at(events, TEXT, "must")
    assert e.plover == "REQUEST" and (e.source.country, e.target.country) == ("CHL", "BOL")
    (w,) = triggered_at(events, TEXT, "withdraw")
    assert w.modality == "hypothetical"


@pytest.mark.parametrize("text,source,target", [
    # the possessor of an act done to a person is who it was done to, by the state where it happened
    ("The Kenyan opposition leader Raila Odinga spoke in Nairobi. His arrest on Monday drew crowds.", "KEN", "KEN"),
    # an of-phrase names who it was done to: the possessor did it
    ("The Malian army's arrest of two French journalists was condemned.", "MLI", "FRA"),
])
def test_the_possessor_of_an_arrest(text, source, target):
    art = detente.code_text("News\n\n" + text, published="2024-03-04")
    (e,) = [e for e in art.events if e.trigger.text == "arrest"]
    assert (e.source.country if e.source else None, e.target.country if e.target else None) == (source, target)


def test_an_accusation_with_no_accuser_named_is_the_local_state_s():
    text = "Court news\n\nIn Nairobi, the Kenyan minister was accused of corruption on Monday."
    evs = [e for e in unnegated_events(text, "2024-03-04") if e.plover == "ACCUSE"]
    assert evs and evs[0].source is not None
    assert (evs[0].source.country, evs[0].source.sector, evs[0].source.text) == ("KEN", "JUD", "")


@pytest.mark.parametrize("text,arrested", [
    # a passive coordinated with an earlier verb: the subject it shares was arrested, it arrested no one
    ("The Zambian activist Mwamba founded a new party but was arrested by police in Lusaka.", "Mwamba"),
    # a relative passive: the antecedent was arrested
    ("The Ugandan singer Kyagulanyi, who was arrested in Kampala on Monday, spoke to reporters.", "Kyagulanyi"),
])
def test_who_was_arrested_is_the_arrests_target(text, arrested):
    arrests = [e for e in detente.code_text(text, published="2024-03-04").events if e.trigger.text == "arrested"]
    assert arrests and arrests[0].target is not None and arrested in arrests[0].target.text
    assert arrests[0].source is None or arrested not in arrests[0].source.text


def test_an_arrest_of_someone_named_by_a_pronoun_is_an_arrest():
    art = detente.code_text("Kenyan police said they arrested him in Nairobi on Friday.", published="2024-03-04")
    assert any(e.plover == "COERCE" and e.trigger.text == "arrested" for e in art.events)
    released = detente.code_text("The ministry released it on Friday.", published="2024-03-04")
    assert not any(e.trigger.text == "released" for e in released.events)


def test_an_inquiry_named_as_background_is_no_event_but_one_opened_is():
    helped = detente.code_text("The Chilean banker agreed to help with the Argentine prosecutor's investigation.",
                               published="2024-03-04")
    assert not any(e.cameo.startswith("09") for e in helped.events)
    opened = detente.code_text("Argentine prosecutors opened an investigation into the Chilean banker on Monday.",
                               published="2024-03-04")
    assert any(e.cameo.startswith("09") for e in opened.events)


def test_proceedings_opened_against_someone_and_a_case_against_a_party_in_a_court():
    opened = detente.code_text("Russian police opened a criminal case against a Ukrainian journalist.",
                               published="2024-03-04")
    assert any(e.plover == "ACCUSE" and e.trigger.text == "opened" for e in opened.events)
    brought = detente.code_text("The Polish government brought a case against Germany at the European Court.",
                                published="2024-03-04")
    assert [e.target.country for e in brought.events if e.plover == "ACCUSE"] == ["DEU"]


@pytest.mark.parametrize("text", [
    "The Kenyan opposition vowed to charge the Ugandan minister with fraud.",
    "The Chilean senator said he intended to sue the Bolivian government.",
])
def test_legal_action_vowed_against_another_is_a_threat(text):
    art = detente.code_text(text, published="2024-03-04")
    assert [e.plover for e in art.events if not e.negated] == ["THREATEN"]


@pytest.mark.parametrize("text,code", [
    ("Iran vowed retaliation against the United States.", "138"),
    ("The Kenyan opposition promised protests against the Ugandan government every week.", "133"),
    ("The Kenyan opposition vowed to protest against the Ugandan government.", "133"),
])
def test_a_hostile_act_promised_is_a_threat(text, code):
    art = detente.code_text(text, published="2024-03-04")
    assert [(e.plover, e.cameo) for e in art.events if not e.negated] == [("THREATEN", code)]


def test_a_bare_past_participle_clause_is_done_to_the_subject():
    text = "A Kenyan man appeared in a court in Kampala on Monday, charged with espionage."
    charged = [e for e in detente.code_text(text, published="2024-03-04").events if e.trigger.text == "charged"]
    assert charged and charged[0].target is not None and charged[0].target.country == "KEN"
    assert charged[0].source is None or charged[0].source.country != "KEN"
