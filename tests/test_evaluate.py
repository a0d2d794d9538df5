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


def _span(text, word):
    i = text.index(word)
    return {"start": i, "end": i + len(word), "text": word}


def _ev(eid, text, word, src, tgt, code, plover, date=None, **kw):
    i = text.index(word)
    sent = Span(0, len(text), text)
    return Event(eid, src, tgt, code, plover=plover, trigger=Span(i, i + len(word), word), sentence=sent,
                 date=date, **kw)


def test_exhaustive_scorer_counts_precision_recall_sides_dates_and_folds():
    from detente.evaluate import exhaustive
    t1 = "France condemned Mali. Mali arrested two French journalists."
    t2 = "Chile and Peru met in Lima."
    s1, s2 = {"start": 0, "end": 22, "text": t1[:22]}, {"start": 23, "end": len(t1), "text": t1[23:]}
    gold = [
        {"id": "a", "text": t1, "exhaustive": True, "fold": 1, "events": [
            {"event": "ACCUSE", "sentence": s1, "trigger": _span(t1, "condemned"), "date": "2024-05",
             "source_actors": [{"country": "FRA"}], "target_actors": [{"country": "MLI"}]},
            {"event": "COERCE", "sentence": s2, "trigger": _span(t1, "arrested"), "date": None,
             "source_actors": [{"country": "MLI"}], "target_actors": [{"country": "FRA"}]}]},
        {"id": "b", "text": t2, "exhaustive": True, "fold": 3, "events": [
            {"event": "CONSULT", "sentence": {"start": 0, "end": len(t2), "text": t2}, "trigger": _span(t2, "met"),
             "reciprocal": True, "date": "2024", "source_actors": [{"country": "CHL"}, {"country": "PER"}],
             "target_actors": []}]},
    ]
    coded = [
        Article("a", t1, events=[
            _ev("1", t1, "condemned", ref("FRA"), ref("MLI"), "111", "ACCUSE", date="2024-05-02"),  # right
            _ev("2", t1, "arrested", ref("MLI"), ref("FRA"), "190", "ASSAULT"),  # found, wrong type
            _ev("3", t1, "Mali", ref("FRA"), None, "111", "ACCUSE", negated=True),  # negated: not counted
            _ev("4", t1, "journalists", ref("MLI"), None, "020", "REQUEST", modality="hypothetical"),  # not counted
        ]),
        Article("b", t2, events=[_ev("5", t2, "met", ref("CHL"), ref("PER"), "040", "CONSULT", date="2024-06-01"),
                                 _ev("6", t2, "Lima", ref("PER"), None, "010", None)]),  # no PLOVER type
    ]
    r = exhaustive.score(gold, coded)
    assert r["coded_events"] == 3 and r["gold_events"] == 3
    assert r["detection"]["tp"] == 3 and r["typed"]["tp"] == 2 and r["full"]["tp"] == 2
    assert r["typed"]["precision"] == r["typed"]["recall"] == round(2 / 3, 4)
    assert r["source_country_on_typed"] == 1.0 and r["date_on_typed"] == 1.0
    assert r["per_type"]["COERCE"] == {"gold": 1} and r["per_type"]["ASSAULT"] == {"coded": 1}
    assert r["folds"]["1"]["typed"]["tp"] == 1 and r["folds"]["3"]["typed"]["tp"] == 1
    assert r["fold_groups"]["folds 3-4 (held out)"]["full"]["tp"] == 1
    assert exhaustive.date_right("2024-05", "2024-05-02") and not exhaustive.date_right("2024-05-02", "2024-05")


def test_exhaustive_scorer_counts_one_act_between_several_parties_once():
    from detente.evaluate import exhaustive
    t = "Chile and Peru met in Lima. Bolivia impeached Morales and Mesa."
    met = {"event": "CONSULT", "sentence": {"start": 0, "end": 27, "text": t[:27]}, "trigger": _span(t, "met"),
           "reciprocal": True, "source_actors": [{"country": "CHL"}, {"country": "PER"}], "target_actors": []}
    imp = [{"event": "ACCUSE", "sentence": {"start": 28, "end": len(t), "text": t[28:]},
            "trigger": _span(t, "impeached"), "source_actors": [{"country": "BOL"}],
            "target_actors": [{"country": "BOL"}]} for _ in range(2)]
    gold = [{"id": "a", "text": t, "exhaustive": True, "events": [met] + imp}]
    both_ways = [_ev("1", t, "met", ref("CHL"), ref("PER"), "040", "CONSULT", action="1"),
                 _ev("2", t, "met", ref("PER"), ref("CHL"), "040", "CONSULT", action="1")]
    two_targets = [_ev("3", t, "impeached", ref("BOL"), ref("BOL"), "112", "ACCUSE", action="3"),
                   _ev("4", t, "impeached", ref("BOL"), ref("BOL"), "112", "ACCUSE", action="3")]
    r = exhaustive.score(gold, [Article("a", t, events=both_ways + two_targets)])
    # the meeting is one act however many dyads; the impeachments, two acts in the gold, count twice
    assert r["coded_events"] == 3 and r["typed"]["tp"] == 3 and r["typed"]["precision"] == 1.0
    alone = exhaustive.score(gold, [Article("a", t, events=[_ev("1", t, "met", ref("CHL"), ref("PER"), "040", "CONSULT"),
                                                            _ev("2", t, "met", ref("PER"), ref("CHL"), "040", "CONSULT")])])
    assert alone["coded_events"] == 2  # without a shared action each dyad is an event of its own
