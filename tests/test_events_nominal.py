"""Nominal events with no actor in their phrase: kept when the text ties them to something that
happened, dropped when they only name a situation. Sentences written for the test."""
import pytest

import detente

CASES = {
    "acts": "The protests began in the capital in June.",
    "dated": "Schools reopened after last week's protests.",
    "toll": "Twelve people died in the bombing near the market.",
    "situation": "The economy suffered during the long war.",
    "plain": "Analysts wrote about protests in general.",
    "person_object": "An individual was arrested in Warsaw on Sunday.",
}


@pytest.fixture(scope="module")
def coded():
    return {k: detente.code_text(v, published="2023-07-10") for k, v in CASES.items()}


def plovers(art):
    return {e.plover for e in art.events if not e.negated}


@pytest.mark.parametrize("case,kind", [("acts", "PROTEST"), ("dated", "PROTEST"), ("toll", "ASSAULT"),
                                       ("person_object", "COERCE")])
def test_anchored_nominal_events_are_kept(coded, case, kind):
    assert kind in plovers(coded[case])


@pytest.mark.parametrize("case", ["situation", "plain"])
def test_situation_nouns_and_generic_mentions_are_not_events(coded, case):
    assert not plovers(coded[case])
