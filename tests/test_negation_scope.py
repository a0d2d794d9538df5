"""Negation scope and conditions (events/polarity.py), on sentences written for this test.

Negation and negative verbs apply to their own clause's event only: the reporting verb of "opposed
the plan, saying ..." is asserted, the attack "despite" which someone did not retaliate happened, a
resisted offensive happened, "did not believe" is still a statement; a clause under "if", "unless" or
an "until" that qualifies a refusal is a condition (hypothetical), not a negation.

Each entry: a sentence and what an analyst expects of the events it codes, as
(trigger, negated, modality) with modality None where any reading will do. A trigger written
"meet/12" is the rejection (12x) a refusal adds beside the refused event "meet"; a plain "meet" is
every other event of that trigger.
"""
from __future__ import annotations

import pytest

from detente.model import Article
from detente.pipeline import code_articles

N, Y = False, True
HYPO, ASSERTED, INTENDED = "hypothetical", "asserted", "intended"

CORPUS = [
    # a negative verb's participial or finite adjunct is asserted
    ("Turkey opposed the plan, saying Kurdish militias had attacked Turkish soldiers.",
     [("opposed", N, None), ("attacked", N, None)]),
    ("Russia rejected the proposal, accusing Britain of lying.", [("rejected", N, None), ("accusing", N, None)]),
    ("India criticised the decision, saying Pakistan had attacked its border posts.",
     [("saying", N, None), ("attacked", N, None)]),
    ("Brazil refused to extradite the businessman, arguing that Italy had persecuted him.",
     [("extradite", Y, None), ("extradite/12", N, None), ("arguing", N, None), ("persecuted", N, None)]),
    # inability, like failure, says the act did not happen; ability says nothing against it
    ("Nigerian police were unable to arrest the suspects in Lagos.", [("arrest", Y, None)]),
    ("Rescuers from Chile were unable to evacuate the Bolivian miners.", [("evacuate", Y, None)]),
    # despite, after, because: the adjunct's event happened
    ("Despite the ceasefire, Syrian troops shelled the town of Idlib.", [("shelled", N, ASSERTED)]),
    ("Russia has not withdrawn its troops despite the agreement with Ukraine.",
     [("withdrawn", Y, None), ("agreement", N, None)]),
    ("Israel did not retaliate despite the rocket attack by Hamas.", [("retaliate", Y, None), ("attack", N, None)]),
    ("The rebels did not attack Aleppo, despite threats from Russia.", [("attack", Y, None), ("threats", N, None)]),
    ("Lebanon did not arrest the suspects despite an Interpol warrant.", [("arrest", Y, None)]),
    ("France did not sign the accord after Germany rejected the amendments.",
     [("sign", Y, None), ("rejected", N, None)]),
    ("Chile did not protest after Peru seized the fishing boats.", [("protest", Y, None), ("seized", N, None)]),
    ("The Philippines did not sign the deal because China had seized an island.",
     [("sign", Y, None), ("seized", N, None)]),
    ("Iraq halted its offensive against Kurdish forces after Iran intervened.", [("halted", N, None), ("intervened", N, None)]),
    # resist, oppose: a stance, not a negation
    ("The Kurdish fighters resisted the Turkish offensive for three weeks.", [("offensive", N, None)]),
    ("Venezuela resisted American pressure to hold new elections.", [("hold", N, HYPO)]),
    ("Ukraine opposed Russia's annexation of Crimea.", [("opposed", N, None), ("annexation", N, None)]),
    ("Britain opposed sending troops to Libya.", [("opposed", N, None), ("sending", N, HYPO)]),
    ("Germany rejected claims that it had sold weapons to Saudi Arabia.", [("sold", Y, None)]),
    # belief: the statement was made
    ("Merkel said she did not believe Russia would invade Ukraine.",
     [("said", N, None), ("believe", N, None), ("invade", N, None)]),
    ("Netanyahu said he did not believe the Iranian promise to halt enrichment.", [("said", N, None)]),
    # conditions: hypothetical, never negated
    ("Argentina refused to negotiate until Britain had withdrawn its fleet.",
     [("negotiate", Y, None), ("negotiate/12", N, None), ("withdrawn", N, HYPO)]),
    ("Iran will not resume talks until the United States lifts its sanctions.",
     [("resume", Y, None), ("resume/12", N, None), ("talks", Y, None), ("talks/12", N, None), ("lifts", N, HYPO)]),
    ("If Iran attacks Israel, the United States will retaliate.", [("attacks", N, HYPO)]),
    ("Russia will impose sanctions on Ukraine unless Kiev pays its debts.", [("impose", N, INTENDED)]),
    ("North Korea said it would attack Japan if Japan sent troops to Korea.",
     [("said", N, None), ("attack", N, None), ("sent", N, HYPO)]),
    ("Hamas will not release the hostages unless Israel frees its prisoners.",
     [("release", Y, None), ("release/12", N, None), ("frees", N, HYPO)]),
    ("Trump threatened to impose tariffs on China if Beijing did not buy more soybeans.", [("threatened", N, None)]),
    ("Canada will not send troops if the mission lacks a UN mandate.", [("send", Y, None)]),
    # negation stays in its own clause: relative clauses, coordination, another event's object
    ("The president, who never met Putin, visited Kiev on Tuesday.", [("met", Y, None), ("visited", N, None)]),
    ("China did not attend the summit but sent an envoy to Moscow.",
     [("attend", Y, None), ("summit", Y, None), ("sent", N, None)]),
    ("China denied sending weapons to Iran and criticised the American report.",
     [("sending", Y, None), ("criticised", N, None)]),
    ("Kenya did not deploy troops to Somalia, but it trained Somali soldiers.",
     [("deploy", Y, None), ("trained", N, None)]),
    ("Britain did not expel the Russian diplomats who had attacked Skripal.",
     [("expel", Y, None), ("attacked", N, None)]),
    ("The police did not arrest the protesters who had attacked the embassy.",
     [("arrest", Y, None), ("attacked", N, None)]),
    ("Saudi Arabia did not recognise the government that Iran supported.",
     [("recognise", Y, None), ("supported", N, None)]),
    ("The Taliban did not kill the hostages, whom they released on Friday.",
     [("kill", Y, None), ("released", N, None)]),
    ("Obama did not comment on the Russian invasion of Crimea.", [("comment", Y, None), ("invasion", N, None)]),
    ("Serbia did not condemn the attack on the Albanian embassy.", [("condemn", Y, None), ("attack", N, None)]),
    ("Poland did not welcome the Russian proposal for talks.", [("welcome", Y, None), ("talks", N, None)]),
    ("Morocco did not accuse Algeria of supporting the rebels.", [("accuse", Y, None), ("supporting", N, None)]),
    # plain negations and negative verbs over their own complement
    ("Turkey refused to meet the Syrian delegation.", [("meet", Y, None), ("meet/12", N, None)]),
    ("Pakistan denied that it had attacked the Indian post.", [("attacked", Y, None)]),
    ("The army never shelled the village, Nigeria said.", [("shelled", Y, None)]),
    ("Israel did not strike Gaza on Monday.", [("strike", Y, None)]),
    ("The United States declined to condemn Israel.", [("condemn", Y, None)]),
    ("Egypt failed to mediate between Israel and Hamas.", [("mediate", Y, None)]),
    ("Japan ruled out sanctions against China.", [("sanctions", Y, None)]),
    ("Hungary blocked the European Union's sanctions against Russia.", [("sanctions", Y, None)]),
    ("Sweden has not arrested Assange, prosecutors said.", [("arrested", Y, None)]),
    ("Russia never invaded Georgia, Putin told the summit.", [("invaded", Y, None)]),
    # a negated subject: no one did it
    ("Neither Russia nor China attended the summit in Geneva.", [("attended", Y, None)]),
    ("No European government condemned Israel.", [("condemned", Y, None)]),
    ("None of the Baltic states condemned Poland.", [("condemned", Y, None)]),
]


def _key(e) -> str:
    return e.trigger.text + ("/12" if e.cameo.startswith("12") else "")


def _expected(e, expectations):
    """The expectation an event answers to: its trigger (and, for a rejection, "/12"), else the trigger alone."""
    by = {t: (neg, mod) for t, neg, mod in expectations}
    return by.get(_key(e), by.get(e.trigger.text))


@pytest.fixture(scope="module")
def coded():
    arts = [Article(id=f"neg{i}", text=s, published="2019-03-05") for i, (s, _) in enumerate(CORPUS)]
    return list(code_articles(arts))


def precision(coded) -> tuple[int, int]:
    """(events coded negated that should be, events coded negated)."""
    right = total = 0
    for art, (_, expectations) in zip(coded, CORPUS):
        for e in art.events:
            if e.negated:
                total += 1
                exp = _expected(e, expectations)
                right += bool(exp and exp[0])
    return right, total


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 30 and len({s for s, _ in CORPUS}) == len(CORPUS)


def test_negated_event_precision(coded):
    right, total = precision(coded)
    assert total >= 20
    assert right / total >= 0.9, f"negated-event precision {right}/{total}"


@pytest.mark.parametrize("n", range(len(CORPUS)), ids=[s[:40] for s, _ in CORPUS])
def test_each_sentence(coded, n):
    sentence, expectations = CORPUS[n]
    art = coded[n]
    seen = set()
    for e in art.events:
        exp = _expected(e, expectations)
        if exp is None:
            continue
        seen.add(_key(e))
        neg, mod = exp
        assert e.negated == neg, f"{sentence!r}: {e.trigger.text} {e.cameo} negated={e.negated}"
        if mod is not None:
            assert e.modality == mod, f"{sentence!r}: {e.trigger.text} {e.cameo} modality={e.modality}"
    assert seen, f"{sentence!r}: none of the expected triggers was coded"
