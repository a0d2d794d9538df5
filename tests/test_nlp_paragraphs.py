"""A blank line ends a sentence without cutting the first words of the next one off."""
from detente import nlp


def test_a_blank_line_ends_the_headline_and_keeps_the_next_sentence_whole():
    text = "Border talks\n\nTurkey and Libya agreed on a maritime border.\n\nEgypt protested."
    p = nlp.parse(text)
    spans = [text[s.start:s.end] for s in p.sentences]
    assert spans == ["Border talks", "Turkey and Libya agreed on a maritime border.", "Egypt protested."]
    turkey = next(t for t in p.tokens if t.text == "Turkey")
    agreed = next(t for t in p.tokens if t.text == "agreed")
    assert turkey.head == agreed.i  # the subject is not cut off into a sentence of its own
    assert all(p.sentences[t.sent].first <= t.i < p.sentences[t.sent].last for t in p.tokens)


def test_a_single_line_break_does_not_end_a_sentence():
    text = "Police in Nairobi arrested\nforty protesters on Monday."
    assert len(nlp.parse(text).sentences) == 1
