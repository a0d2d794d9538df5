"""Where events happened (events/where.place) and entities before places (places stage)."""
from __future__ import annotations

import pytest

from detente import nlp, places
from detente.events.where import locative
from detente.model import Actor, Article, Span
from detente.pipeline import code_text

PREPS = {"in", "at", "near"}
OF_NOUNS = {"district", "city", "region"}


def placed(text: str, trigger: str, **meta):
    art = code_text(text, **meta)
    evs = [e for e in art.events if e.trigger.text.startswith(trigger)]
    assert evs, [e.trigger.text for e in art.events]
    return art, evs[0]


@pytest.mark.parametrize("text,word,prep", [
    ("Police clashed with protesters in the Serbian capital Belgrade.", "Belgrade", "in"),
    ("The army fired at Baghdad International Airport.", "Baghdad", "at"),
    ("He was convicted in the Southern District of New York.", "York", "in"),
    ("Two people were shot in Kenosha and Racine.", "Racine", "in"),
    ("Gunmen attacked a church in Burkina Faso's northern region.", "Faso", "in"),
])
def test_locative_reaches_the_place_preposition(text, word, prep):
    p = nlp.parse(text)
    j = next(t.i for t in p.tokens if t.text == word)
    at = locative(p, j, PREPS, OF_NOUNS)
    assert at is not None and p.tokens[at].lower == prep


@pytest.mark.parametrize("text,words", [
    ("Kenosha officials praised the mayor of Racine.", ("Kenosha", "Racine")),
    ("They stood in front of the Supreme Court of Canada.", ("Canada",)),
    ("They acted in Canada's interest.", ("Canada",)),  # a possessive on a thing, not a place
])
def test_a_name_that_acts_or_owns_is_not_locative(text, words):
    p = nlp.parse(text)
    assert all(locative(p, t.i, PREPS, OF_NOUNS) is None for t in p.tokens if t.text in words)


def test_attached_place_is_the_finest_of_its_phrase():
    _, e = placed("Thousands of people protested in Kenosha, Wisconsin, on Sunday.", "protest")
    assert e.place is not None and e.place.text == "Kenosha" and e.place_source == "attached"


def test_place_in_another_verbs_clause_is_not_the_saying():
    art, e = placed("The union said workers protested in Dearborn on Friday.", "protest")
    assert e.place.text == "Dearborn"
    for ev in art.events:
        if ev.trigger.text == "said":
            assert ev.place is None and ev.place_source == "none"


def test_dateline_only_for_the_lead_news():
    text = ("KABUL, Afghanistan (Reuters) - Taliban fighters attacked a police post on Monday.\n\n"
            "Later the United States condemned the attack.")
    art, lead = placed(text, "attack", published="2020-01-07")
    assert lead.place is not None and lead.place.text == "KABUL" and lead.place_source == "dateline"
    later = [e for e in art.events if e.trigger.text.startswith("condemn")]
    assert later and all(e.place is None for e in later)


def test_no_dateline_without_one_and_sources_always_said():
    art = code_text("Taliban fighters attacked a police post on Monday. Nobody was hurt.")
    assert art.events and all(e.place is None and e.place_source == "none" for e in art.events)


def _toponyms(text: str, actors=()) -> list[str]:
    art = Article(id="t", text=text)
    return [p.text for p in places.resolve(art, nlp.parse(text), list(actors))]


def test_companies_named_after_towns_are_not_places():
    found = _toponyms("Germany banned the Iranian airline Mahan Air on Monday. Mahan has been under "
                      "sanctions since 2011, The Irish Times said.")
    assert "Germany" in found
    assert not any(t in ("Mahan", "Irish") for t in found)


def test_a_surname_alone_is_the_person_named_in_full():
    # "In honor of Lewis": the congressman named in full before, not the Isle of Lewis; a famous place
    # stays a place though someone bears its name
    assert "Lewis" not in _toponyms("The death of Congressman John Lewis moved the campaign. In honor of Lewis, "
                                    "Biden said he would sign the bill.")
    text = "Paris Hilton arrived on Monday. Police in Paris said she flew in from London."
    art = Article(id="p", text=text)
    assert text.rindex("Paris") in {p.start for p in places.resolve(art, nlp.parse(text), [])}


def test_famous_place_stays_a_place_outside_the_company_name():
    text = "The Washington Post reported that officials met in Washington."
    art = Article(id="w", text=text)
    ps = places.resolve(art, nlp.parse(text), [])
    post = text.index("Post")
    assert [p.start for p in ps] == [text.rindex("Washington")]
    assert all(p.end <= post - 1 or p.start > post for p in ps)


def test_names_inside_people_and_outlets_the_actors_stage_knows():
    text = "Yesterday, the United Kingdom's Queen Elizabeth II spoke to the Ohio Ledger about floods in Ohio."
    q, d = text.index("Queen Elizabeth II"), text.index("Ohio Ledger")
    art = Article(id="k", text=text)
    parse = nlp.parse(text)
    alone = {p.start for p in places.resolve(art, parse, [])}
    assert text.index("Elizabeth") in alone and d in alone  # the gazetteer alone finds both
    actors = [Actor("a1", "Elizabeth II", "person", "GBRGOV", "GBR", "GOV", None,
                    [Span(q, q + 18, "Queen Elizabeth II")]),
              Actor("a2", "Ohio Ledger", "organisation", "JRN", None, "JRN", None, [Span(d, d + 11, "Ohio Ledger")])]
    starts = {p.start for p in places.resolve(art, parse, actors)}
    assert starts == alone - {text.index("Elizabeth"), d}
    assert text.rindex("Ohio") in starts


# The sentence's one place (place_source "sentence"), or a place that sets the scene of the act though
# it is not in the trigger's own phrase, on sentences written for these tests.

@pytest.mark.parametrize("text,trigger,where", [
    # a source's own town, named as its office's
    ("On Tuesday, Anne Hidalgo, the mayor of Paris, extended the curfew by two weeks.", "extended", "Paris"),
    # a nominal trigger that is its clause's subject: the clause's place ("reported to have killed ... in")
    ("A bombing was reported to have killed four soldiers in the northern city of Mosul.", "bombing", "Mosul"),
    # a participle describing the verb's object tells that verb's act ("signed a decree banning")
    ("The prime minister of Peru signed a decree banning fireworks.", "banning", "Peru"),
    # a place in the trigger's own clause, though not in its own phrase
    ("Protesters clashed with police on Sunday during the sixth week of demonstrations in Santiago.",
     "clashed", "Santiago"),
    # a clause without its own subject sets its subject's scene
    ("The senator, while campaigning in Ohio, criticized the governor's budget on Monday.", "criticized", "Ohio"),
    ("Speaking in Nairobi on Tuesday, the minister condemned the attack.", "condemned", "Nairobi"),
    # ... or the same set off by commas on the clause's subject
    ("The minister, speaking to reporters in Geneva, accused Iran of lying.", "accused", "Geneva"),
    # a journey that frames the act, before the clause or on its subject
    ("During a trip to Kenya last year, the envoy met opposition leaders.", "met", "Kenya"),
    ("The Kenyan president, on a visit to Washington, met opposition leaders.", "met", "Washington"),
    # a purpose clause happens where its motion went
    ("French troops were sent to Mali to fight the insurgents on Monday.", "fight", "Mali"),
    # a gathering the event is dated after is where its people were; a place after the event's own
    # preposition is its own
    ("Police arrested 20 people on Tuesday after protests in Minneapolis.", "arrested", "Minneapolis"),
    ("Police arrested the suspect in Paris on Monday after a manhunt.", "arrested", "Paris"),
    # the object of the verb a participle hangs on sets its scene, unlike the object of what is said
    ("The supreme leader addressed a crowd in Tehran on Monday, calling for unity.", "calling", "Tehran"),
    # a purpose done on the spot happens where the act was
    ("Police fired tear gas to disperse protesters in Minsk on Sunday.", "fired", "Minsk"),
    # a border's town or post is a place
    ("Police arrested two smugglers at the Tijuana border crossing on Monday.", "arrested", "Tijuana"),
    ("Police arrested two smugglers in the border town of Tijuana on Monday.", "arrested", "Tijuana"),
    # a name on a scene noun says where, not who
    ("On Sunday protests filled the Caracas streets.", "protests", "Caracas"),
    # a "where" clause happens at its noun's place
    ("African leaders met in Accra for a summit where Ghana and Togo signed a trade agreement on Sunday.",
     "signed", "Accra"),
    # an "in which" clause on a gathering happens where it is
    ("A trial is under way in Cairo in which nine men have been charged with espionage.", "charged", "Cairo"),
    # an origin that opens the sentence: where the act was done from
    ("From Kyiv, the foreign minister spoke by video on Monday, condemning the strikes.", "condemning", "Kyiv"),
    # a conjunct that shares its subject is the same party's act, in the same place; the first clause
    # keeps its own
    ("Gunmen stormed a hotel in Kabul and took dozens of guests hostage.", "took", "Kabul"),
    ("Riots broke out in Lyon on Friday, and the government condemned the rioters.", "Riots", "Lyon"),
    # an aside on a place says where that place is
    ("Police in Niamey, Niger's capital, arrested ten people on Monday.", "arrested", "Niamey"),
    # a march is all along its way: where it sets off and where it goes
    ("Thousands of students marched from Omdurman on Monday, demanding elections.", "marched", "Omdurman"),
    ("Thousands of farmers marched to Delhi on Sunday.", "marched", "Delhi"),
    # a way into a place reaches inside it, whatever the trigger
    ("Turkey began a military offensive into northern Syria on Wednesday.", "began", "Syria"),
    # a happening reported with no one named reporting it is where the report puts it
    ("Clashes were reported in Aleppo on Monday.", "Clashes", "Aleppo"),
    # a participle clause with no subject and no conjunction of its own is its governor's doer acting
    # then and there: the place said in the governor's clause is its place too
    ("Soldiers raided the town of Bunia on Tuesday, arresting forty people.", "arresting", "Bunia"),
    ("Insurgents took control of the town of Palma on Wednesday, killing dozens of residents.", "killing", "Palma"),
    ("The army stormed the village of Kikwit on Sunday, burning houses and killing six farmers.", "killing", "Kikwit"),
    ("Police cleared the streets of the city of Minsk on Sunday, detaining hundreds.", "detaining", "Minsk"),
])
def test_the_sentences_one_place(text, trigger, where):
    _, e = placed(text, trigger, published="2021-03-09")
    assert e.place is not None and e.place.text == where and e.place_source in ("attached", "sentence")


@pytest.mark.parametrize("text,trigger", [
    ("Ministers who had gathered in Oslo condemned the attack on Monday.", "condemned"),  # another verb's
    ("The president called on Kenya and Uganda to withdraw their troops.", "called"),  # the sides, joined
    ("Russia dismissed the report from Berlin as false.", "dismissed"),  # where the report came from
    # an origin or adversary named through a place noun ("the city of", "the state of")
    ("Protesters from the city of Basra attacked the consulate on Monday.", "attacked"),
    ("The ACLU filed a lawsuit against the state of Oregon on Monday.", "filed"),
    ('The minister criticised the plan on Monday, saying "nobody in Madrid wants this".', "criticised"),  # quoted
    ("The envoy urged the companies to stop trading in Venezuela.", "urged"),  # what they are asked to do
    ("Soldiers detained a Chicago journalist on Friday.", "detained"),  # who the target is
    ("The court convicted Maria Lopez, a Madrid lawyer, of fraud on Friday.", "convicted"),  # ditto
    # compared with, not located in
    ("The senator called for the legalisation of cannabis like Uruguay on Monday.", "called"),
    # who a person is
    ("The party nominated activist John Myers of Alaska for president on Monday.", "nominated"),
    # the country of a source that speaks, and of a target, are sides
    ("The president of Turkey vowed support for the protesters on Monday.", "vowed"),
    ("The minister called on the government of Ukraine to end the blockade.", "called"),
    # a description set beside someone says who they are (an office there acts for its place: the
    # mayor of Paris test above)
    ("Trump, a former resident of New York, criticized the ruling on Monday.", "criticized"),
    # a happening the event is dated after is elsewhere
    ("The minister resigned on Monday after the scandal in Lagos.", "resigned"),
    ("After the floods in Sindh, the minister resigned on Monday.", "resigned"),
    # what a scene's speaking is about
    ("Speaking about the crisis in Syria, the minister accused Iran of lying on Monday.", "accused"),
    ("The minister, speaking about the crisis in Syria, accused Iran of lying on Monday.", "accused"),
    # a purpose done elsewhere
    ("The army sent troops on Monday to build schools in Mali.", "sent"),
    # which border, not on which side of it
    ("Soldiers killed two men near the Syrian border on Monday.", "killed"),
    ("The Saudi-led coalition bombed Houthi positions near the border with Saudi Arabia.", "bombed"),
    # what is talked about, not where it was said: the object's place, or the place of an act the
    # trigger's preposition governs
    ("China warned the United States against interfering in Hong Kong.", "warned"),
    ("The senator criticized the generals for fighting in Syria on Monday.", "criticized"),
    ("The senator criticized the election policy in Oregon on Monday.", "criticized"),
    # several countries under one preposition: no one place
    ("Police arrested suspects in Spain, Brazil and Canada on Monday.", "arrested"),
    # a party of another verb, located
    ("The attack was claimed by rebels in Yemen, but Saudi Arabia has blamed Iran.", "blamed"),
    # what a thing is meant for
    ("Iran also announced a new security initiative for the Persian Gulf on Monday.", "announced"),
    # a description of someone says where they belong
    ("Cardinal Pell, a senior figure at the Holy See, was convicted on Monday.", "convicted"),
    # a title named by its country is that country's, not where the event was
    ("Erdogan attacked the decision by the President of the United States on Monday.", "attacked"),
    # an appeal is no motion
    ("The minister appealed to Russia to stop the shelling on Monday.", "stop"),
    # a consequence told after the act
    ("The party nominated the ticket on Monday, granting it ballot access in Florida.", "nominated"),
    # a relative clause's place, and a report's, are not the governor's act's
    ("Ministers in Cairo denounced the pact in which Turkey and Libya agreed on borders.", "agreed"),
    # a nationality word on a thing, not a place
    ("The senator assailed the ruling as the worst decision in American history.", "assailed"),
    # a sanction is done at a distance: the one place named is whom it is aimed at
    ("Belarus is already under Canadian sanctions, and was condemned by Poland.", "sanctions"),
    # a place that became the target of what is said is whom it was said of
    ("Belarus is already under Canadian sanctions, and was condemned by Poland.", "condemned"),
    # a place deep in the object's phrase, or in the addressee's, says who is meant
    ("The president criticized the leaders of the opposition party in Lagos on Monday.", "criticized"),
    ("The senator called on the court in the Southern District of Ohio to release the files.", "called"),
    # the place of another event the sentence names as a noun is where that happened
    ("The minister resigned on Monday, two weeks after the bombing in Mosul.", "resigned"),
    ("The president praised the police on Monday for the arrests after the shooting in Lyon.", "praised"),
    # a conjunct clause with a subject of its own tells another party's act, not in the first clause's place
    ("Riots broke out in Lyon on Friday, and the government condemned the rioters.", "condemned"),
    ("Otranto, Italy is the end point of the pipeline, and the Greek minister criticized Turkey for the drilling.",
     "criticized"),
    # a name deep in a description set beside someone says who they are
    ("Jones, a veteran of the Port Authority of New York and New Jersey, was arrested on Monday.", "arrested"),
    ("Jones, a former officer of the police in Chicago, was arrested on Monday.", "arrested"),
    # an act only meant or planned, an infinitive on a noun, is not where the noun's governor acted
    ("The government's decision to arrest the opposition leaders sparked anger in Minsk on Monday.", "arrest"),
    ("A plan to deport the migrants was announced in Rome on Monday.", "deport"),
    # the trigger's own "for" or "to" is what it is for or whom it is given to, unless it is a motion
    ("The senator asked the federal court for the Eastern District of Michigan to release the files.", "asked"),
    # where a happening named as a noun was claimed or condemned is not where it was
    ("The bombing was condemned by ministers in Brussels on Monday.", "bombing"),
    ("The attack was claimed by rebels in Yemen on Monday.", "attack"),
    # a perfect participle tells what was done before, elsewhere: not where its governor's act was
    ("Soldiers entered the town of Bunia on Tuesday, having arrested forty people the week before.", "arrested"),
])
def test_a_place_that_says_nothing_of_where_the_event_was(text, trigger):
    _, e = placed(text, trigger, published="2021-03-09")
    assert e.place is None and e.place_source == "none"


@pytest.mark.parametrize("text,trigger,where", [
    ("During riots in Paris on Saturday, protesters set fire to a police station.", "set", "Paris"),
    ("At a summit in Brussels on Monday, the prime minister criticized the budget.", "criticized", "Brussels"),
    # a meeting happens where its party is, though the place hangs on its object
    ("The president met the leaders of the opposition in Minsk on Monday.", "met", "Minsk"),
])
def test_the_phrase_says_where_not_the_sentences_one_place(text, trigger, where):
    # the riot is an event of its own, yet it says where the fire was set; the opposition's leaders
    # are met where they are: read from the phrase, not the sentence's one place (which a second place
    # would undo)
    _, e = placed(text, trigger, published="2021-03-09")
    assert e.place is not None and e.place.text == where and e.place_source == "attached"


def test_a_side_that_names_a_place_is_no_place():
    # "a United States airstrike": the source named on the trigger, not where it struck
    _, e = placed("He was killed last week by a United States military airstrike in Iraq.", "airstrike",
                  published="2021-03-09")
    assert e.place is not None and e.place.text == "Iraq"


def test_a_visit_is_where_it_goes():
    art = code_text("The prime minister made a visit to Ghana on Monday.", published="2021-03-09")
    e = next(e for e in art.events if e.cameo == "042")
    assert e.place is not None and e.place.text == "Ghana" and e.place_source == "attached"


def test_a_noun_event_keeps_its_own_place():
    # the noun's place is its own: "an assault in Ghazni" happened in Ghazni
    _, e = placed("The agency reported the attack the deadliest since an assault in Ghazni in August.", "assault",
                  published="2021-03-09")
    assert e.place is not None and e.place.text == "Ghazni" and e.place_source == "attached"

