"""Events an analyst can sign: written sentences (not from any gold file), one or more per failure
pattern of the precision issue: frames that cancel or only envisage an event, situation nouns, word
sense keyed on the complement. Each case says which trigger must not be an asserted (shown) event of
a given PLOVER type, or must be one."""
import pytest

import detente

PUB = "2024-05-06"

# (sentence, trigger word, PLOVER type, shown?) -- shown: counted in the default view (not negated,
# not hypothetical or a question)
CASES = [
    # frames that cancel the event
    ("The ceasefire spared Idlib an assault by Syrian government forces.", "assault", "ASSAULT", False),
    ("Quick diplomacy averted a strike by Israel on Iranian nuclear sites.", "strike", "ASSAULT", False),
    ("Police prevented an attack by militants on the Kenyan parliament.", "attack", "ASSAULT", False),
    ("Britain showed a lack of interest in assisting the Kurds.", "assisting", "AID", False),
    # frames that only envisage it: pleas, appeals, permissions, prospects, conditions
    ("Turkey pleaded with Russia to halt the offensive.", "halt", "RETREAT", False),
    ("Turkey pleaded with Russia to halt the offensive.", "pleaded", "REQUEST", True),
    ("France urged Mali to release the hostages.", "release", "RETREAT", False),
    ("France urged Mali to release the hostages.", "urged", "REQUEST", True),
    # a participle tells what its noun does: the calls asking are the request
    ("Chilean senators joined the calls by Chilean officials asking Peru to release the fishermen.", "asking", "REQUEST", True),
    ("Chilean senators joined the calls by Chilean officials asking Peru to release the fishermen.", "release", "RETREAT", False),
    ("The Polish opposition called for the law to be repealed.", "repealed", "CONCEDE", False),
    ("If Iran attacks Israel, the United States will respond.", "attacks", "ASSAULT", False),
    ("Greece will veto the deal unless Turkey withdraws its ships.", "withdraws", "RETREAT", False),
    ("Russia refused to negotiate until Ukraine had withdrawn its troops.", "withdrawn", "RETREAT", False),
    ("Japan asked whether China would join the talks.", "join", "COOPERATE", False),
    # a stance held is no act; one taken, or declared by saying it, is
    ("Iran opposes the sanctions imposed by the United States.", "opposes", "REJECT", False),
    ("Iran opposed the sanctions imposed by the United States.", "opposed", "REJECT", True),
    ('"We reject the sanctions imposed by the United States," the Iranian minister said.', "reject", "REJECT", True),
    # what one party is said to have done: the accusation is the event, the act alleged is not
    ("Iran accused Israel of attacking the Natanz nuclear site.", "accused", "ACCUSE", True),
    ("Iran accused Israel of attacking the Natanz nuclear site.", "attacking", "ASSAULT", False),
    ("Kenyan police arrested a man on suspicion of attacking a police officer.", "attacking", "ASSAULT", False),
    ("Kenyan police arrested a man on suspicion of attacking a police officer.", "arrested", "COERCE", True),
    ("The Kenyan activist faces charges including conspiring to kidnap a judge.", "kidnap", "COERCE", False),
    ("Kenyan prosecutors accused a Ugandan soldier of shooting and killing two farmers.", "killing", "ASSAULT", False),
    # a present relative clause tells a standing fact, unless the speaker does it by saying it
    ("The Kenyan finance committee, which funds the Kenyan army, met in Nairobi on Monday.", "funds", "AID", False),
    ("The Kenyan finance committee funded the Kenyan army on Monday.", "funded", "AID", True),
    ('"This is a plan which I endorse," the Kenyan president told the Ugandan president.', "endorse", "SUPPORT", True),
    # a noun of force in another field is a contest: "trade war", "legal battle"
    ("China and the United States fought a trade war in 2019.", "fought", "ASSAULT", False),
    ("The Kenyan government lost a long legal battle with the Ugandan company.", "battle", "ASSAULT", False),
    ("Kenya and Uganda fought a border war in 2019.", "fought", "ASSAULT", True),
    # a copula's negation is its adjective's: "not able to", "not willing to"
    ("Kenyan police were not able to free the hostages held in Garissa.", "free", "RETREAT", False),
    ("Kenyan police were able to free the hostages held in Garissa.", "free", "RETREAT", True),
    # harm told as a situation's toll, by no one named
    ("Around 300,000 Burundians were killed in the conflict.", "killed", "ASSAULT", False),
    ("Burundian troops killed five civilians in the conflict.", "killed", "ASSAULT", True),
    ("The Burundian opposition leader was found dead on Friday.", "found", "ASSAULT", False),
    ("Burundi's decade-long war has killed 300,000 people.", "killed", "ASSAULT", False),
    # a permission, a capability or a right only envisages the act it is to, even when the parser hangs
    # the infinitive on its noun as a relative clause
    ("Turkey gave Russia a green light to invade northern Syria.", "invade", "ASSAULT", False),
    ("Russia has the capability to attack Ukraine's power grid.", "attack", "ASSAULT", False),
    ("Israel reserves the right to strike Iranian nuclear sites.", "strike", "ASSAULT", False),
    # a rally is a demonstration when people rally, not when a market does
    ("India's Nifty index has been rallying since Monday.", "rallying", "PROTEST", False),
    ("Thousands of Indian farmers rallied in New Delhi on Monday.", "rallied", "PROTEST", True),
    # what is feared has not happened
    ("Kurdish leaders fear that Turkey will attack Kobani.", "attack", "ASSAULT", False),
    ("The activist spoke of his fear of being extradited from Sweden to the United States.", "extradited",
     "COOPERATE", False),
    # a passive whose "by" names a thing has no doer; one that names a party does
    ("Indian share prices are being supported by low bond yields.", "supported", "SUPPORT", False),
    ("The Kenyan proposal was rejected by Ethiopia.", "rejected", "REJECT", True),
    # a denied praise is no criticism by itself; a harsh word is
    ('"The Indian police are not good," the activist Arundhati Roy said.', "good", "ACCUSE", False),
    ('"The Indian police are brutal," the activist Arundhati Roy said.', "brutal", "ACCUSE", True),
    # a prediction is no one's act: not the predicted party's intention, nor the forecaster's judgement
    ("Western analysts forecast that Russia will attack Ukraine in the spring.", "attack", "ASSAULT", False),
    ("Western analysts predicted that Russia will invade Ukraine.", "invade", "ASSAULT", False),
    # counterfactuals and permissions: what would have happened, what someone may now do
    ("Without the truce, Israel would have bombed the port of Gaza.", "bombed", "ASSAULT", False),
    ("The treaty could have stopped Russia from annexing the peninsula.", "annexing", "COERCE", False),
    ("The new law would allow police to detain journalists for a week.", "detain", "COERCE", False),
    ("The court permitted prosecutors to charge the former minister.", "charge", "ACCUSE", False),
    # "would" with no one said to promise it is the conditional mood; told by a speaker, a future
    ("The bill would fund the Haitian police for another year.", "fund", "AGREE", False),
    ("In that case the Serbian army would attack Kosovo within days.", "attack", "ASSAULT", False),
    ("The Haitian president said Canada would fund the Haitian police.", "fund", "AGREE", True),
    # a command asks for the act; it reports nothing done
    ('The recruiter told her: "Take a knife and attack the French soldiers."', "attack", "ASSAULT", False),
    ('"Release the Kenyan hostages now," the Kenyan president told the Somali militants.', "Release", "RETREAT", False),
    ('The recruiter said the group attacked the French soldiers.', "attacked", "ASSAULT", True),
    # a refusal or failure named by a noun: the refusal is the act; what is refused is not done
    ("Iran's refusal to release the British tanker angered London.", "refusal", "REJECT", True),
    ("Iran's refusal to release the British tanker angered London.", "release", "RETREAT", False),
    # "it" is not a plural speaker: something told before, no actor, did the harm
    ("The blaze spread through the slum. Bangladeshi officials said it killed nine people.", "killed", "ASSAULT", False),
    ("The Syrian Democratic Forces said it killed 30 Islamic State fighters.", "killed", "ASSAULT", True),
    ("Ghana will expel the Nigerian traders.", "expel", "COERCE", True),
    ("Japan committed to provide aid to the Philippines.", "provide", "AGREE", True),  # a commitment is a promise
    # announced plans give way to the planned act, which is only intended
    ("Kenya announced plans to expel the Somali diplomats.", "announced", "AGREE", False),
    ("Kenya announced plans to expel the Somali diplomats.", "expel", "SANCTION", True),
    # agreeing with an opinion is no agreement; a consequence is no act
    ("The Finnish minister agreed that the economy had grown too slowly.", "agreed", "AGREE", False),
    ("Asked about the plan, the Dutch senator agreed and praised the idea.", "agreed", "AGREE", False),
    # concluding an agreement is SUPPORT (PLOVER: "sign, or finalize an agreement"); agreeing to act is AGREE
    ("Kenya and Somalia agreed on a new maritime border.", "agreed", "SUPPORT", True),
    ("Kenya and Somalia agreed on a new maritime border.", "agreed", "AGREE", False),
    ("Peru and Chile reached a deal on fishing rights on Monday.", "reached", "SUPPORT", True),
    ("Kenya and Uganda agreed to build a railway.", "agreed", "AGREE", True),
    ("Iran and Iraq will reach an agreement on their border.", "reach", "AGREE", True),
    ("Egypt and Sudan agreed that they would share the water of the Nile.", "agreed", "AGREE", True),
    ("The Brazilian inquiry led to the resignation of three ministers.", "led", "AGREE", False),
    # helping is the helped act when it takes a verb; the press seeking answers is an interview
    ("The Norwegian envoy helped broker a truce between Colombia and the rebels.", "helped", "AID", False),
    ("Japan helped Bangladesh with food and medicine.", "helped", "AID", True),
    ("Reuters met the Kenyan president to discuss the election.", "met", "CONSULT", False),
    # how a named event was done is no event of its own: "the attack using drones"
    ("Houthi rebels carried out the attack on the Saudi refinery using ten drones.", "using", "ACCUSE", False),
    ("Houthi rebels carried out the attack on the Saudi refinery using ten drones.", "carried", "AID", False),
    ("Houthi rebels carried out the attack on the Saudi refinery using ten drones.", "attack", "ASSAULT", True),
    # aid and cooperation need a recipient (PLOVER requires_recipient): given to no one named, no event
    ("Residents of the Polish city donated blood on Monday.", "donated", "AID", False),
    ("Japan donated rice to the Philippines on Monday.", "donated", "AID", True),
    # situation nouns are no acts
    ("The Kurdish party is banned in Turkey.", "banned", "COERCE", False),  # a standing state
    ("The Houthi rebels are backed by Iran.", "backed", "SUPPORT", False),
    ("The Kenyan minister is accused of taking bribes from a Chinese firm.", "accused", "ACCUSE", True),
    ("The Kurdish party was banned in Turkey in 1993.", "banned", "COERCE", True),
    ("Syria's seven-year war has displaced millions.", "war", "ASSAULT", False),
    ("The conflict between Armenia and Azerbaijan worries Russia.", "conflict", "ASSAULT", False),
    ("Analysts discussed the tensions between China and Taiwan.", "tensions", "ASSAULT", False),
    ("The trade deal between Kenya and Uganda angered Tanzania.", "deal", "SUPPORT", False),
    ("Chile and Peru signed an agreement on fishing rights.", "signed", "SUPPORT", True),
    # word sense keyed on the complement
    ("Erdogan attacked the Israeli proclamation as null and void.", "attacked", "ASSAULT", False),
    ("Erdogan attacked the Israeli proclamation as null and void.", "attacked", "ACCUSE", True),
    ("Trump attacked the investigation on Twitter.", "attacked", "ACCUSE", True),
    ("The Chilean senator attacked the governor for his handling of the floods.", "attacked", "ACCUSE", True),
    ("The Chilean senator attacked the governor for his handling of the floods.", "attacked", "ASSAULT", False),
    ("Russian forces attacked Kharkiv for a second day.", "attacked", "ASSAULT", True),
    # a participle standing as a noun names people: "the accused" is no accusation
    ("Kenyan police arrested the accused in Nairobi.", "accused", "ACCUSE", False),
    ("Kenyan police arrested the accused in Nairobi.", "arrested", "COERCE", True),
    ("Aid agencies warned that millions of Syrians face hunger.", "warned", "THREATEN", False),
    ("The UN warned of famine in Yemen.", "warned", "THREATEN", False),
    ("Iran warned that it would retaliate against any attack.", "warned", "THREATEN", True),
    ("Syrian forces deployed sarin against civilians in Ghouta.", "deployed", "MOBILIZE", False),
    ("Syrian forces deployed sarin against civilians in Ghouta.", "deployed", "ASSAULT", True),
    ("The United States withdrew aid to the Palestinians.", "withdrew", "RETREAT", False),
    ("The United States withdrew aid to the Palestinians.", "withdrew", "SANCTION", True),
    ("Russia withdrew its troops from the Ukrainian border.", "withdrew", "RETREAT", True),
    ("Iran met the preconditions set by the IAEA.", "met", "CONSULT", False),
    ("Vladimir Putin met Xi Jinping in Beijing.", "met", "CONSULT", True),
    ("The Kenyan government requested international aid.", "requested", "REQUEST", True),
    ("A car struck a cyclist near the Greek parliament.", "struck", "ASSAULT", False),
    ("On Monday, the Italian singer died at his home in Rome.", "died", "ASSAULT", False),
    ("The shooting took place outside a supermarket in Dallas.", "shooting", "ASSAULT", False),
    ("The bombing near the Kabul airport killed twelve people.", "bombing", "ASSAULT", True),
    ("The Kremlin spokesman talked about the weather with reporters.", "talked", "CONSULT", False),
    # more of each pattern: prospects, unwillingness, warnings of danger, situations, counterfactuals
    ("The prospect of a Chinese invasion of Taiwan worries Japan.", "invasion", "ASSAULT", False),
    ("Canada showed no willingness to sanction Russia.", "sanction", "SANCTION", False),
    ("Aid groups warned that the drought could kill thousands in Somalia.", "warned", "THREATEN", False),
    ("Hungary slammed the migration plan of the European Commission.", "slammed", "ACCUSE", True),
    ("Colombia's decades-long conflict with the FARC shaped the election.", "conflict", "ASSAULT", False),
    ("Serbia would have recognised Kosovo if the talks had succeeded.", "recognised", "SUPPORT", False),
    ("Nigeria urged Niger to release the detained president.", "release", "RETREAT", False),
    ("Kenyan police arrested twelve protesters in Nairobi on Tuesday.", "arrested", "COERCE", True),
    # promised cooperation is AGREE (PLOVER manual ch. 3), also when it is a verb of talks that is promised
    ("Japan and South Korea agreed to resume talks on trade.", "resume", "AGREE", True),
    ("Japan and South Korea agreed to resume talks on trade.", "talks", "CONSULT", False),
    ("Japan and South Korea agreed to resume talks on trade.", "resume", "CONSULT", False),
    # agreeing with a view is a statement; agreeing to act is AGREE
    ("Russia and Turkey agreed that the deal was a success.", "agreed", "AGREE", False),
    ("Most Kenyan candidates agreed the electoral commission should be independent.", "agreed", "AGREE", False),
    ("Russia and Turkey agreed to hold talks in Ankara.", "hold", "AGREE", True),
    # negation scope
    ("The Chilean minister did not believe the report, but he condemned Peru.", "condemned", "ACCUSE", True),
    ("Despite the ceasefire, Russian troops shelled Kharkiv on Monday.", "shelled", "ASSAULT", True),
    ("Bolivia refused to withdraw its ambassador from Peru.", "withdraw", "RETREAT", False),
    ("Ecuador did not expel the Mexican diplomats who had criticised its president.", "expel", "COERCE", False),
    ("Turkey opposed the plan, saying Kurdish militias had attacked Turkish soldiers.", "attacked", "ASSAULT", True),
    ("Pakistan did not attack India on Tuesday.", "attack", "ASSAULT", False),
    ("China denied that its ships had rammed a Philippine vessel.", "rammed", "ASSAULT", False),
]


@pytest.fixture(scope="module")
def coded():
    return {s: detente.code_text(s, published=PUB) for s in {c[0] for c in CASES}}


def _shown(e):
    return not e.negated and e.modality not in ("hypothetical", "question")


@pytest.mark.parametrize("sentence,word,kind,shown", CASES, ids=[f"{c[1]}-{c[2]}-{c[3]}" for c in CASES])
def test_each_pattern(coded, sentence, word, kind, shown):
    evs = [e for e in coded[sentence].events if e.trigger.text == word and e.plover == kind]
    if shown:
        assert any(_shown(e) for e in evs), [(e.trigger.text, e.cameo, e.negated, e.modality) for e in coded[sentence].events]
    else:
        assert not any(_shown(e) for e in evs), [(e.trigger.text, e.cameo, e.negated, e.modality) for e in evs]


def test_negated_events_are_negations(coded):
    """Of the events coded negated in this corpus, the share that the sentence does negate."""
    negated = [(s, e) for s, a in coded.items() for e in a.events if e.negated]
    denied = ("did not", "denied", "spared", "averted", "prevented", "lack of", "refused", "refusal", " no ",
              "not able")
    right = [1 for s, e in negated if any(d in s for d in denied)]
    assert negated and len(right) / len(negated) >= 0.9
