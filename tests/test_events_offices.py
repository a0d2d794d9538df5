"""Office holders named only by their office ("the mayor", "the former minister") are parties to the acts
done to them, and court verdicts are PLOVER SANCTION 'convict'. Sentences written for the test."""
import pytest

import detente
from support.coded_events import triggered_at, unnegated_events

TEXT = ("Court news\n\n"
        "Police in Lyon arrested the former minister on Tuesday. "
        "A court in Marseille later sentenced the mayor to two years in prison. "
        "A jury in Lille found the former governor guilty of fraud. "
        "Police in Nice questioned the weather.")


@pytest.fixture(scope="module")
def events():
    return unnegated_events(TEXT, "2024-03-01")


def test_an_arrest_of_a_nameless_office_holder_is_coded_with_its_target(events):
    (e,) = triggered_at(events, TEXT, "arrested")
    assert e.plover == "COERCE" and e.target is not None and e.target.text == "the former minister"
    assert e.target.country == "FRA"  # the place before it in the paragraph


def test_a_sentence_is_a_conviction(events):
    (e,) = triggered_at(events, TEXT, "sentenced")
    assert (e.cameo, e.plover) == ("116", "SANCTION") and e.target.text == "the mayor"


def test_a_verdict_of_guilty_is_a_conviction(events):
    (e,) = triggered_at(events, TEXT, "found")
    assert (e.cameo, e.plover) == ("116", "SANCTION") and e.target.text == "the former governor"


def test_an_object_that_is_no_one_makes_no_event(events):
    assert not triggered_at(events, TEXT, "questioned")


CONTROL = ("Diplomacy\n\n"
           "Germany was quick to condemn the strike on Syria. "
           "The United States was more forceful in blaming Iran for the attack.")


@pytest.mark.parametrize("word,src,tgt", [("condemn", "DEU", "SYR"), ("blaming", "USA", "IRN")])
def test_the_subject_of_an_adjective_does_what_its_complement_says(word, src, tgt):
    # "X was quick to condemn", "X was forceful in blaming Y": the adjective's subject is the source
    art = detente.code_text(CONTROL, published="2024-03-01")
    (e,) = triggered_at(art.events, CONTROL, word)
    assert e.plover == "ACCUSE" and (e.source.country, e.target.country) == (src, tgt)


@pytest.mark.parametrize("sentence,word,code", [
    ("The parliament of Peru impeached the president on Friday.", "impeached", "112"),
    ("The French president assailed the decision of the court.", "assailed", "111"),
])
def test_impeachment_is_an_accusation_and_assailing_a_decision_criticism(sentence, word, code):
    text = "Politics\n\n" + sentence
    art = detente.code_text(text, published="2024-03-01")
    (e,) = triggered_at(art.events, text, word)
    assert (e.cameo, e.plover) == (code, "ACCUSE")


@pytest.mark.parametrize("sentence,word,code,plover", [
    ("The governor of Texas declared a state of emergency on Monday.", "declared", "1724", "COERCE"),
    ("The mayor of Lagos extended the city lockdown by a week.", "extended", "172", "COERCE"),
    ("The Labour Party nominated the mayor of Leeds as its candidate.", "nominated", "051", "SUPPORT"),
])
def test_emergencies_lockdowns_and_nominations(sentence, word, code, plover):
    text = "Politics\n\n" + sentence
    art = detente.code_text(text, published="2024-03-01")
    (e,) = triggered_at(art.events, text, word)
    assert (e.cameo, e.plover) == (code, plover)


def _one(sentence, word):
    text = "Politics\n\n" + sentence
    art = detente.code_text(text, published="2024-03-01")
    return triggered_at(art.events, text, word)


def test_a_polite_wish_to_thank_is_a_thanking():
    (e,) = _one("We would like to thank the government of Japan for its help.", "thank")
    assert (e.plover, e.modality) == ("SUPPORT", "asserted")


def test_a_wish_to_meet_stays_an_intention():
    assert all(e.modality != "asserted" or e.plover == "AGREE"
               for e in _one("We would like to meet the government of Japan next week.", "meet"))


def test_refusing_what_is_no_event_is_a_rejection_but_declining_to_comment_is_not():
    (e,) = _one("The Iranian federation refused to play against Israel.", "refused")
    assert (e.cameo, e.plover, e.target.country) == ("120", "REJECT", "ISR")
    assert not [e for e in _one("The Chinese government refused to comment on Monday.", "refused")]


def test_a_passive_arrest_with_no_doer_is_the_local_states():
    (e,) = _one("A journalist was arrested in Minsk on Friday.", "arrested")
    assert (e.source.country, e.source.sector, e.source.actor) == ("BLR", "COP", None)
    assert e.source.text == "" and e.source.start == e.source.end == e.trigger.start  # no words claimed


def test_a_passive_lifting_of_a_ban_with_no_doer_is_the_local_governments():
    evs = _one("The ban on opposition parties was lifted in Ankara on Friday.", "lifted")
    assert [(e.plover, e.source.country, e.source.sector) for e in evs] == [("CONCEDE", "TUR", "GOV")]


def test_a_named_doer_is_kept_and_no_doer_is_invented_for_other_acts():
    (e,) = _one("A journalist was arrested by Russian police in Moscow.", "arrested")
    assert e.source.text.endswith("police") and e.source.country == "RUS"
    assert all(e.source is None for e in _one("The embassy in Minsk was criticized on Friday.", "criticized"))
