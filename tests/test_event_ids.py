"""One id per event: unique within every coded record and the same on every run (issue 14).

"Refused to meet" is a negated meeting and a rejection (12x) from the same trigger and sides: the
event's code is part of its id. Events re-identified later (an implicit target found after coding)
are told apart by the final pass `events.dedupe.unique_ids`.
"""
from __future__ import annotations

import copy
import dataclasses

import pytest

from detente.events import dedupe
from detente.model import ActorRef, Article, Event, Span
from detente.pipeline import code_articles

TEXTS = [
    "Turkey refused to meet the Syrian delegation in Ankara on Monday.",
    "Iran will not resume talks until the United States lifts its sanctions. Tehran also refused to "
    "release the British tanker.",
    "Argentina refused to negotiate until Britain had withdrawn its fleet. Britain said it would not "
    "withdraw, and accused Argentina of threatening the islanders.",
    "Russia and China met in Beijing on Tuesday and signed a trade agreement. Japan received ministers "
    "from South Korea.",
    "Israel did not retaliate despite the rocket attack by Hamas. Egypt urged both sides to halt the "
    "fighting, but Hamas refused to stop firing rockets.",
    "Pakistan denied that it had attacked the Indian post. India accused Pakistan of shelling villages "
    "and expelled two Pakistani diplomats.",
]


def _code():
    arts = [Article(id=f"ids{i}", text=t, published="2019-03-05") for i, t in enumerate(TEXTS)]
    return list(code_articles(arts))


@pytest.fixture(scope="module")
def runs():
    return _code(), _code()


def test_articles_have_events(runs):
    assert all(a.events for a in runs[0])


def test_refusal_gives_two_ids(runs):
    refused = runs[0][0]
    meet = [e for e in refused.events if e.trigger.text == "meet"]
    assert {e.cameo[:2] for e in meet} >= {"04", "12"}
    assert len({e.id for e in meet}) == len(meet)


def test_ids_stable_across_runs(runs):
    first, second = runs
    for a, b in zip(first, second):
        assert [(e.id, e.cameo, e.trigger.start) for e in a.events] == \
            [(e.id, e.cameo, e.trigger.start) for e in b.events]


def test_ids_unique_within_each_article(runs):
    for a in runs[0]:
        ids = [e.id for e in a.events]
        assert len(ids) == len(set(ids)), a.text


def test_unique_ids_pass_on_coded_articles(runs):
    """The final pass gives every coded record unique ids, the same for both runs."""
    for a, b in zip(*runs):
        ea, eb = dedupe.unique_ids(copy.deepcopy(a.events)), dedupe.unique_ids(copy.deepcopy(b.events))
        assert len({e.id for e in ea}) == len(ea)
        assert [e.id for e in ea] == [e.id for e in eb]


def _ev(id_, cameo, negated=False):
    ref = ActorRef("c-TUR", "Turkey", 0, 6, "TUR", "TUR")
    return Event(id=id_, source=ref, target=None, cameo=cameo, negated=negated,
                 trigger=Span(20, 24, "meet"), sentence=Span(0, 40, "x" * 40))


def test_unique_ids_keeps_distinct_ids_and_splits_shared_ones():
    evs = [_ev("a", "040", True), _ev("a", "125"), _ev("b", "111"), _ev("c", "040"), _ev("c", "040")]
    out = dedupe.unique_ids(copy.deepcopy(evs))
    ids = [e.id for e in out]
    assert len(set(ids)) == 5
    assert ids[2] == "b"  # an id no other event shares stays as it was
    again = dedupe.unique_ids(copy.deepcopy(evs))
    assert ids == [e.id for e in again]


def _met(source: str, code: str) -> Event:
    """A meeting of `source` (coded `code`) with Mitsotakis, read off the one trigger of _ev."""
    e = _ev(source, "040")
    return dataclasses.replace(e, source=ActorRef(source, source, 0, 5, code, code[:3], code[3:] or None),
                               target=ActorRef("A9", "Mitsotakis", 30, 40, "GRCGOV", "GRC", "GOV"),
                               mentions=[e.trigger])


def test_one_trigger_between_parties_that_code_alike_is_one_event():
    # "Netanyahu and his energy minister met Mitsotakis": ISRGOV -> GRCGOV once, as PETRARCH2 reports it
    kept = dedupe.fold_coded_twins([_met("A1", "ISRGOV"), _met("A2", "ISRGOV"), _met("A3", "CYPGOV")])
    assert [(e.source.code, e.target.code) for e in kept] == [("ISRGOV", "GRCGOV"), ("CYPGOV", "GRCGOV")]


def test_dyads_of_one_act_share_its_action_and_other_events_keep_their_own():
    from detente import code_text
    art = code_text("Talks\n\nOn Monday, Turkey and Libya agreed on a maritime border. Egypt condemned Greece.",
                    published="2024-03-04")
    agreed = [e for e in art.events if e.trigger.text == "agreed"]
    condemned = [e for e in art.events if e.trigger.text == "condemned"]
    assert len(agreed) == 2 and len({e.action for e in agreed}) == 1 and agreed[0].action in {e.id for e in agreed}
    assert condemned and condemned[0].action == condemned[0].id
