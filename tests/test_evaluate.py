"""The evaluator's scorers on small hand-made gold and coded records, and the CLI's handling of bad gold."""
import json
import subprocess
import sys

import pytest

from detente.evaluate import GoldError, detect_task, read_gold
from detente.evaluate import entities, events, places, quotes
from detente.model import Actor, ActorRef, Article, Event, Place, Quote, Span


def ref(country, text="x"):
    return ActorRef(None, text, 0, 1, country, country, None)


def test_events_scorer_pairs_gold_with_best_coded_event():
    gold = [{"id": "a", "text": "t", "events": [
        {"event": "CONSULT", "cameo": "042", "source_actors": [{"country": "USA"}], "target_actors": [{"country": "CHN"}]},
        {"event": "ASSAULT", "cameo": "190", "source_actors": [{"country": "ISR"}], "target_actors": [{"country": "LBN"}]},
    ]}, {"id": "b", "text": "u", "events": [], "noevents": True}]
    coded = [
        Article("a", "t", events=[
            Event("1", ref("ISR"), ref("LBN"), "193", plover="ASSAULT"),
            Event("2", ref("USA"), ref("RUS"), "040", plover="CONSULT"),
            Event("3", ref("USA"), ref("CHN"), "111", negated=True),  # negated: never counts
        ]),
        Article("b", "u", events=[Event("4", ref("FRA"), None, "010", plover=None)]),
    ]
    r = events.score(gold, coded)
    assert r["gold_events"] == 2 and r["coded_events"] == 3
    assert r["cameo_root_accuracy"] == 1.0
    assert r["cameo_exact_accuracy"] == 0.0
    assert r["target_country_accuracy"] == 0.5
    assert r["triple_accuracy"] == 0.5
    assert r["plover_type_accuracy"] == 1.0
    assert r["spurious"] == 1 and r["missed"] == 0
    assert r["confusion"]["04"] == {"04": 1}


def test_quotes_scorer_exact_overlap_and_speaker_through_coreference():
    text = '"We will win," said Smith. Later he added: "It is over."'
    s1, s2 = text.index("We"), text.index("It is")
    gold = [{"id": "q", "text": text, "quotes": [
        {"direct": True, "content": {"start": 0, "end": 14, "text": text[0:14]},
         "content_unquoted": {"start": 1, "end": 12, "text": text[1:12]},
         "speaker": {"start": 20, "end": 25, "text": "Smith"}},
        {"direct": True, "content": {"start": s2 - 1, "end": len(text), "text": text[s2 - 1:]},
         "content_unquoted": {"start": s2, "end": len(text) - 1, "text": text[s2:-1]},
         "speaker": {"start": 20, "end": 25, "text": "Smith"}},
    ]}]
    smith = Actor("p1", "John Smith", "person", mentions=[Span(20, 25, "Smith"), Span(33, 35, "he")])
    coded = [Article("q", text, actors=[smith], quotes=[
        Quote(s1, s1 + 11, text[s1:s1 + 11], speaker=ActorRef("p1", "Smith", 20, 25)),
        Quote(s2, s2 + 5, text[s2:s2 + 5], speaker=ActorRef("p1", "he", 33, 35)),  # partial: overlap only
    ])]
    r = quotes.score(gold, coded)
    assert r["exact"]["tp"] == 1 and r["exact"]["gold"] == 2
    assert 0 < r["token_overlap"]["recall"] < 1 and r["token_overlap"]["precision"] == 1.0
    assert r["speaker_accuracy_found"] == 1.0


def test_places_scorer_distance_and_country():
    text = "Fighting in Kabul and Paris."
    gold = [{"id": "p", "source": "lgl", "text": text, "places": [
        {"start": 12, "end": 17, "text": "Kabul", "lat": 34.53, "lon": 69.17, "country": "AF"},
        {"start": 22, "end": 27, "text": "Paris", "lat": 48.85, "lon": 2.35, "country": "FR"},
        {"start": 0, "end": 8, "text": "Fighting", "lat": None, "lon": None},
    ]}]
    coded = [Article("p", text, places=[Place(12, 17, "Kabul", "Kabul", "AFG", 34.5, 69.2),
                                        Place(22, 27, "Paris", "Paris", "USA", 33.66, -95.55)])]  # Paris, Texas
    r = places.score(gold, coded)["overall"]
    assert r["gold_toponyms"] == 2 and r["recall"] == 1.0
    assert r["country_correct"] == 0.5 and r["within_161km"] == 0.5


def test_entities_scorer_types_and_pronouns():
    text = "Obama met Merkel in Berlin. He smiled."
    gold = [{"id": "e", "text": text, "entities": [
        {"type": "PER", "start": 0, "end": 5, "text": "Obama", "name_like": True},
        {"type": "PER", "start": 10, "end": 16, "text": "Merkel", "name_like": True},
        {"type": "GPE", "start": 20, "end": 26, "text": "Berlin", "name_like": True},
        {"type": "PER", "start": 28, "end": 30, "text": "He", "name_like": False},
    ]}]
    coded = [Article("e", text, actors=[
        Actor("a", "Barack Obama", "person", mentions=[Span(0, 5, "Obama"), Span(28, 30, "He")]),
        Actor("b", "Germany", "country", mentions=[Span(10, 16, "Merkel")])],
        places=[Place(20, 26, "Berlin")])]
    r = entities.score(gold, coded)
    assert r["PER"]["exact"]["tp"] == 1 and r["PER"]["exact"]["pred"] == 1
    assert r["GPE"]["exact"]["tp"] == 1 and r["GPE"]["exact"]["pred"] == 2


def test_task_detection_and_bad_gold(tmp_path):
    good = tmp_path / "g.jsonl"
    good.write_text(json.dumps({"id": "1", "text": "x", "quotes": []}) + "\n")
    assert detect_task(read_gold(str(good))) == "quotes"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    with pytest.raises(GoldError):
        read_gold(str(bad))
    proc = subprocess.run([sys.executable, "-m", "detente", "evaluate", str(bad)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "bad.jsonl:1" in proc.stderr
