"""Quotes: marks, cues, speakers, scare quotes and recovery from broken marks.

Speakers are checked with no actors (the fallback) and with hand-built Actor records that pin the
contract with the actors stage: a speaker resolves through `actors.ref_at` to whichever actor has a
mention there, pronouns and role nouns included.
"""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente import nlp, quotes
from detente.model import Actor, Article, Span
from detente.quotes import marks
from support.paths import SEED_ARTICLE


TEXTS = {
    "split": "“We will not back down,” the minister said. “Our borders are not for sale.”",
    "inverted": "“The talks failed,” said Ahmed Karimi, the envoy.",
    "pronoun": "Maria Lopez spoke to reporters in Lima.\n“We want a fair deal,” she said.",
    "role": "The ambassador met the press.\n“Nothing has changed,” the diplomat told reporters.",
    "scare": "Officials in Hanoi welcomed what they called a new era, and Pham Van Duc said talks on a "
             "“strategic partnership” with Canberra would resume.",
    "described": "Pham Van Duc praised the deal, which he described as “fair, balanced and historic.”",
    "according": "“The door remains open,” the envoy said, according to the transcript released by the "
                 "Foreign Ministry.",
    "colon": "Caddell continued:\n\n“The numbers are very similar in both polls.”",
    "standalone": "“It is over,” Jana Novak said.\n\n“The vote was clear and the result stands.”",
    "narrative": "Jana Novak left the hall.\n\nThe mayor then spoke to the crowd.\n\n"
                 "“Thank you all for coming tonight and for your patience.”",
    "byline": "“The election changed nothing for us.” ― Pamela Ortiz\n“We still wait.” ― Luis Gomez",
    "unbalanced": "He called it “a mistake and left.\n\nLater, Ana Ruiz said, “The plan works.”",
    "mixed": "Karimi said Tehran sees “a chance to reopen talks with Oman,” and then left.",
    "clause_colon": "Sanders made the following comment:\n\n“Young people are out of work.”",
    "apposition": "“We will win,” Flynn, a senior campaign adviser, said on Monday.",
    "participle": "The ad shows footage of Helen Clark asking, “Why are we not ahead?”",
    "multipar": "Ruiz said:\n\n“First, the economy is strong.\n\n“Second, jobs are growing.”\n\nShe left.",
}


@pytest.fixture(scope="module")
def parsed():
    keys = list(TEXTS) + ["seed"]
    texts = list(TEXTS.values()) + [SEED_ARTICLE.read_text(encoding="utf-8")]
    return {k: (t, p) for k, t, p in zip(keys, texts, nlp.parse_many(texts))}


def run(parsed, key, actors=None):
    text, parse = parsed[key]
    art = Article(id=key, text=text)
    return art, quotes.extract(art, parse, actors or [])


def spoken(qs):
    return [q for q in qs if not q.scare]


def test_offsets_are_truth_and_exclude_marks(parsed):
    for key in parsed:
        art, qs = run(parsed, key)
        for q in qs:
            assert art.text[q.start:q.end] == q.text
            assert q.text[:1] not in marks.MARKS and q.text[-1:] not in marks.MARKS
            if q.cue:
                assert art.text[q.cue.start:q.cue.end] == q.cue.text
            if q.speaker:
                assert art.text[q.speaker.start:q.speaker.end] == q.speaker.text


def test_mixed_quote_is_not_direct(parsed):
    _, qs = run(parsed, "mixed")
    (q,) = qs
    assert q.text == "a chance to reopen talks with Oman," and not q.direct and not q.scare
    assert q.speaker.text == "Karimi" and q.cue.text == "said"
    _, qs = run(parsed, "split")
    assert all(q.direct for q in qs)


def test_colon_after_a_clause_names_its_subject(parsed):
    _, qs = run(parsed, "clause_colon")
    assert qs[0].speaker.text == "Sanders" and qs[0].cue.text == ":"


def test_name_before_an_apposition(parsed):
    _, qs = run(parsed, "apposition")
    assert qs[0].speaker.text == "Flynn"


def test_participle_after_a_name(parsed):
    _, qs = run(parsed, "participle")
    assert qs[0].speaker.text == "Helen Clark" and qs[0].cue.text == "asking"


def test_split_quote_both_halves_same_speaker(parsed):
    art, qs = run(parsed, "split")
    assert [q.text for q in qs] == ["We will not back down,", "Our borders are not for sale."]
    assert qs[0].cue.text == "said" and qs[1].cue.text == "said"
    assert qs[0].speaker.text == qs[1].speaker.text == "the minister"


def test_said_before_the_name(parsed):
    _, qs = run(parsed, "inverted")
    assert qs[0].speaker.text.endswith("Karimi")


def test_pronoun_falls_back_to_the_person_named_before(parsed):
    _, qs = run(parsed, "pronoun")
    assert qs[0].speaker.text == "Maria Lopez" and qs[0].speaker.actor is None


def test_pronoun_resolves_through_the_actor_that_covers_it(parsed):
    text, _ = parsed["pronoun"]
    she = text.index("she said")
    lopez = Actor(id="A7", name="Maria Lopez", kind="person", country="PER", sector="GOV",
                  mentions=[Span(0, 11, "Maria Lopez"), Span(she, she + 3, "she")])
    _, qs = run(parsed, "pronoun", [lopez])
    sp = qs[0].speaker
    assert (sp.actor, sp.text, sp.country, sp.sector) == ("A7", "she", "PER", "GOV")


def test_pronoun_fallback_prefers_a_person_actor(parsed):
    text, _ = parsed["pronoun"]
    lopez = Actor(id="A3", name="Maria Lopez", kind="person", country="PER", mentions=[Span(0, 11, "Maria Lopez")])
    _, qs = run(parsed, "pronoun", [lopez])
    assert qs[0].speaker.actor == "A3" and qs[0].speaker.text == "she"


def test_role_noun_resolves_through_actor(parsed):
    text, _ = parsed["role"]
    i = text.index("the diplomat")
    amb = Actor(id="A2", name="Ambassador X", kind="person", country="FRA",
                mentions=[Span(0, 14, "The ambassador"), Span(i, i + 12, "the diplomat")])
    _, qs = run(parsed, "role", [amb])
    assert qs[0].speaker.actor == "A2" and qs[0].cue.text == "told"


def test_scare_quote_takes_the_speaker_the_sentence_names(parsed):
    _, qs = run(parsed, "scare")
    (q,) = qs
    assert q.text == "strategic partnership" and q.scare
    assert q.speaker is not None and q.speaker.text.endswith("Duc")


def test_partial_quote_with_describing_cue(parsed):
    _, qs = run(parsed, "described")
    (q,) = qs
    assert q.text == "fair, balanced and historic." and not q.scare
    assert q.cue.text == "described"
    assert q.speaker.text == "Pham Van Duc"  # "he", resolved by the fallback


def test_said_wins_over_according_to(parsed):
    _, qs = run(parsed, "according")
    assert qs[0].cue.text == "said" and qs[0].speaker.text == "the envoy"


def test_according_to_a_document_names_who_released_it(parsed):
    text = "“The door remains open,” according to a statement released by the Foreign Ministry."
    art = Article(id="acc", text=text)
    (q,) = quotes.extract(art, nlp.parse(text), [])
    assert q.cue.text == "according to" and "Foreign Ministry" in q.speaker.text


def test_colon_at_paragraph_end_introduces_next_paragraph(parsed):
    _, qs = run(parsed, "colon")
    assert qs[0].cue.text == "continued" and qs[0].speaker.text == "Caddell"


def test_quote_only_paragraph_continues_previous_speaker(parsed):
    _, qs = run(parsed, "standalone")
    assert [q.speaker.text for q in qs] == ["Jana Novak", "Jana Novak"]


def test_no_speaker_invented_without_support(parsed):
    _, qs = run(parsed, "narrative")
    assert len(qs) == 1 and qs[0].speaker is None


def test_dash_byline(parsed):
    _, qs = run(parsed, "byline")
    assert [q.speaker.text for q in qs] == ["Pamela Ortiz", "Luis Gomez"]


def test_unbalanced_mark_recovers_at_paragraph_boundary(parsed):
    art, qs = run(parsed, "unbalanced")
    assert [q.text for q in spoken(qs)][-1] == "The plan works."
    assert all("\n" not in q.text for q in qs)
    assert all("Ana Ruiz" not in q.text for q in qs)


def test_multi_paragraph_quote_one_part_per_paragraph(parsed):
    _, qs = run(parsed, "multipar")
    assert [q.text for q in qs] == ["First, the economy is strong.", "Second, jobs are growing."]
    assert all(q.speaker.text == "Ruiz" for q in qs)


def test_seed_article_quotes_and_speakers(parsed):
    _, qs = run(parsed, "seed")
    want = {
        "an opportunity to expand its strategic relationship with Pakistan": "Rubio",
        "They really haven’t": "Rubio",
        "But India understands that the United States must maintain relations with multiple partners.": "Rubio",
        "We see an opportunity to expand our strategic relationship with Pakistan": "Rubio",
        "deep, historic, and important.": "Rubio",
        "Our renewed engagement with Pakistan began even before the conflict": "Rubio",
        "I think it’s a very encouraging development": "Rubio",
        "This relationship has strengthened in meaningful ways": "Rubio",
        "key partners": "Trump",
    }
    for text, who in want.items():
        hits = [q for q in qs if text in q.text and q.speaker and who in q.speaker.text]
        assert hits, f"{text!r} by {who}"
    scare = [q for q in qs if q.scare]
    assert [q.text for q in scare] == ["strategic partnership"]


# --- marks alone ---------------------------------------------------------------------------------

def texts_of(text):
    return [text[s.start:s.end] for s in marks.find(text)]


def test_marks_straight_curly_guillemets_and_nesting():
    assert texts_of('He said "no" and “yes” and « oui ».') == ["no", "yes", "oui"]
    assert texts_of("“He told me ‘never’ twice,” she said.") == ["He told me ‘never’ twice,"]
    assert texts_of('“He said "stop" loudly,” she said.') == ['He said "stop" loudly,']


def test_marks_inch_mark_and_markup_are_not_quotes():
    assert texts_of('He is 6\'2" tall. "Fine," he said.') == ["Fine,"]
    assert texts_of('<tweet id="123" author="x"> "Real," she said.') == ["Real,"]


def test_marks_transcript_turns_split_on_labels():
    text = '"WALLACE: Will she be there?\n\n"PENCE: She will not.\n\n"(CROSSTALK.)\n\n"WALLACE: Thanks.'
    segs = marks.find(text)
    assert [text[s.start:s.end] for s in segs] == ["Will she be there?", "She will not.", "Thanks."]
    assert [text[s.label[0]:s.label[1]] for s in segs] == ["WALLACE", "PENCE", "WALLACE"]


def test_marks_stray_opener_does_not_swallow_the_article():
    text = "A “stray mark here.\n\nB said “ok” today.\n\n“Second,” she said."
    warnings: list[str] = []
    segs = marks.find(text, warnings)
    assert [text[s.start:s.end] for s in segs] == ["ok", "Second,"]
    assert warnings


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='ab .,\n"“”‘’«»—', max_size=80))
def test_marks_never_break_on_noise(text):
    segs = marks.find(text)
    for s in segs:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end]


# --- bad input ---------------------------------------------------------------------------------

def test_bad_input_degrades_with_a_warning(parsed):
    text, parse = parsed["split"]
    art = Article(id="x", text=text + " extra")
    qs = quotes.extract(art, parse, [])
    assert [q.text for q in qs] == ["We will not back down,", "Our borders are not for sale."]
    assert all(q.speaker is None for q in qs) and art.warnings
    empty = Article(id="e", text="")
    assert quotes.extract(empty, nlp.parse(""), []) == []
    broken = Article(id="b", text=text)
    assert quotes.extract(broken, None, None) and broken.warnings
