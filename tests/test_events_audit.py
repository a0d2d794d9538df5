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
