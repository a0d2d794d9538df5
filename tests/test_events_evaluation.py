"""A speaker's harsh words about another party are a criticism (CAMEO 111, PLOVER ACCUSE); words of
suffering, self-description and reported states of affairs are not. Sentences written for the test."""
import pytest

import detente

CASES = {
    "said_harsh": 'Germany\'s foreign minister said the French proposal was "dangerous and irresponsible".',
    "called": 'The Chinese foreign ministry called the American sanctions "a shameful act of bullying".',
    "quote_only": ('Iranian President Hassan Rouhani spoke in Tehran on Monday. '
                   '"The Americans are lying to the whole world," he said.'),
    "nobody": '"The Americans are lying to the whole world," someone said.',
    "called_adj": 'The Spanish foreign minister called the Moroccan government\'s latest proposal "lousy".',
    "deemed": "The Thai king considered the princess's candidacy deeply irresponsible.",
    "mistake": 'Nikki Haley said abandoning the Kurds was "a big mistake".',
    "self": '"We are broken," the Polish minister said.',
    "toll": "A Syrian army spokesman said 40 people were dead after the blast.",
    "state": "The Turkish finance minister said the economy had slipped into a deep recession.",
    "mild": 'The Indian ambassador said the talks with Pakistan were "tough but unclear".',
    "called_person": "During the debate, Biden called Trump a clown, a racist, and the worst president.",
    "referred": 'The Serbian president referred to the Kosovar protesters as "violent thugs".',
    "referred_hung": 'The Serbian president referred to the Kosovar officials elected there as "criminals".',
    "portrayed": "The Venezuelan minister portrayed the Colombian government as corrupt and dangerous.",
    "referred_mild": "The Serbian president referred to the Kosovar protesters as students.",
    "sham": 'The Venezuelan foreign minister called the Colombian referendum "a sham".',
    "dictator": 'The Ugandan opposition leader said the Kenyan president was "a corrupt dictator".',
    "ruling": "The Kenyan High Court said the Kenyan president's decree was unlawful.",
    "needed": "Kenyan officials said it was critical for the Ugandan government to act.",
    "critical_of": "The Kenyan minister said the Ugandan plan was critical of Kenya and dangerous.",
}


@pytest.fixture(scope="module")
def coded():
    return {k: detente.code_text(v, published="2024-03-04") for k, v in CASES.items()}


def criticisms(art):
    return [e for e in art.events if e.cameo == "111" and not e.negated]


def test_a_harsh_judgement_in_speech_is_a_criticism_by_the_speaker(coded):
    got = criticisms(coded["said_harsh"])
    assert got and got[0].source.country == "DEU" and got[0].plover == "ACCUSE"
    assert got[0].trigger.text in ("dangerous", "irresponsible")  # the judging word is the evidence


def test_a_harsh_name_given_to_something_criticises_it(coded):
    got = criticisms(coded["called"])
    assert got and got[0].source.country == "CHN"
    got = criticisms(coded["called_adj"])  # the quoted adjective parsed as the object's modifier
    assert got and got[0].source.country == "ESP" and got[0].target.country == "MAR"


def test_a_harsh_name_given_to_a_person_criticises_them(coded):
    # the parser hangs the person's name on the noun given ("Trump" a compound of "clown")
    got = criticisms(coded["called_person"])
    assert got and got[0].target is not None and got[0].target.text == "Trump"


def test_naming_verbs_with_as_judge_the_one_named(coded):
    # "refer to X as Y": the one named is the object of "to", also when the parser hangs "as" lower
    for key in ("referred", "referred_hung"):
        got = criticisms(coded[key])
        assert got and got[0].source.country == "SRB" and got[0].target.country == "XKX", key
    got = criticisms(coded["portrayed"])
    assert got and got[0].source.country == "VEN" and got[0].target.country == "COL"
    assert not criticisms(coded["referred_mild"])


def test_words_of_political_denunciation_vader_lacks_judge_too(coded):
    got = criticisms(coded["sham"])
    assert got and got[0].source.country == "VEN" and got[0].trigger.text == "sham"
    got = criticisms(coded["dictator"])
    assert got and got[0].source.country == "UGA" and got[0].target.country == "KEN"
    # a finding of law is a ruling, not a criticism
    assert not criticisms(coded["ruling"])


def test_critical_to_or_for_is_needed_not_judged(coded):
    assert not criticisms(coded["needed"])
    assert criticisms(coded["critical_of"])


def test_an_opinion_verb_and_a_mistake_judge_too(coded):
    assert criticisms(coded["deemed"]) and criticisms(coded["mistake"])


def test_a_quote_carries_its_speakers_judgement(coded):
    got = criticisms(coded["quote_only"])
    assert got and got[0].source.country == "IRN" and got[0].target.country == "USA"


@pytest.mark.parametrize("case", ["self", "toll", "state", "mild", "nobody"])
def test_suffering_self_description_states_and_mild_words_are_no_criticism(coded, case):
    assert not criticisms(coded[case])


def test_inside_a_quote_the_first_person_and_imperatives_are_the_speakers_acts():
    art = detente.code_text('Irish Foreign Minister Simon Coveney spoke on Monday: "We are disappointed. '
                            'I urge Britain to return to the talks. Please lift the sanctions."', published="2024-03-04")
    urge = [e for e in art.events if e.trigger.text == "urge"]
    assert urge and urge[0].source.country == "IRL" and urge[0].target.country == "GBR"
    lift = [e for e in art.events if e.trigger.text == "lift"]
    assert lift and lift[0].plover == "REQUEST"  # asked for, not done: no concession


@pytest.mark.parametrize("text,code,target", [
    ('Iranian President Hassan Rouhani said American forces must "leave the Gulf at once".', "100", "USA"),
    ("Germany's chancellor said Russia should return to the talks.", "020", "RUS"),
])
def test_saying_another_party_must_act_is_a_demand_on_it(text, code, target):
    art = detente.code_text(text, published="2024-03-04")
    got = [e for e in art.events if e.cameo == code and e.plover == "REQUEST"]
    assert got and got[0].target is not None and got[0].target.country == target


@pytest.mark.parametrize("text,demand", [
    ("The Venezuelan president said foreign powers should stay out of the region.", True),
    ("The Chilean minister said those countries must settle the dispute in court.", True),
    # a maxim, a state of affairs, or a past constraint asks nothing of anyone
    ("The Chilean minister said a state must protect its citizens.", False),
    ("The Chilean minister said they should be mandatory.", False),
    ("The Chilean minister said they had to choose between the two plans.", False),
])
def test_a_must_said_of_parties_that_are_no_known_actor(text, demand):
    art = detente.code_text(text, published="2024-03-04")
    assert bool([e for e in art.events if e.plover == "REQUEST"]) == demand


def test_a_recommendation_is_an_appeal():
    art = detente.code_text("The Iraqi prime minister recommended that Turkish troops leave the border area.",
                            published="2024-03-04")
    assert [(e.cameo, e.target.country) for e in art.events if e.plover == "REQUEST"] == [("020", "TUR")]


def test_the_speakers_own_duty_is_no_demand():
    art = detente.code_text('"We must defend our borders," the Polish defence minister said.', published="2024-03-04")
    assert not [e for e in art.events if e.plover == "REQUEST"]


@pytest.mark.parametrize("text,kind", [
    ("Others dismissed the Kenyan claims outright.", "REJECT"),
    ("Some called for a new Ugandan leadership.", "REQUEST"),
])
def test_people_left_unnamed_by_an_indefinite_pronoun_still_speak(text, kind):
    art = detente.code_text(text, published="2024-03-04")
    assert [e.source.text for e in art.events if e.plover == kind] == [text.split()[0]]


def test_people_in_general_are_no_speakers():
    art = detente.code_text("People have every right to criticise an idea.", published="2024-03-04")
    assert not [e for e in art.events if e.plover == "ACCUSE"]


@pytest.mark.parametrize("text", [
    '"There is severe flooding in the north and there is a real danger to the dams," the governor of Oyo said.',
    '"This is a very difficult time for the families," the Kenyan president said.',
    '"The situation will worsen in the coming days," said the Haitian prime minister.',
    "The United Nations called the humanitarian crisis in Yemen the worst in the world.",
])
def test_harsh_words_about_a_state_of_affairs_judge_no_one(text):
    """An existential clause says something is; a time, a situation or a crisis is no one's act: no
    criticism (ACCUSE) however harsh the words."""
    art = detente.code_text(text, published="2023-07-10")
    assert "ACCUSE" not in {e.plover for e in art.events}


@pytest.mark.parametrize("text", [
    '"The decision is a disgrace," the French president said of the Italian government.',
    "The Chilean president called the protesters' demands reckless.",
])
def test_harsh_words_about_a_decision_or_demand_still_criticise(text):
    art = detente.code_text(text, published="2023-07-10")
    assert "ACCUSE" in {e.plover for e in art.events}
