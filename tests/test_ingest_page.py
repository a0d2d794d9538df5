"""Scraped page text: headline, dateline, tags, metadata lines and furniture (detente.ingest.page)."""
from __future__ import annotations

from pathlib import Path

import pytest

from detente.ingest import article_from_text
from detente.ingest.page import find_dateline, is_furniture, parse_tags, split_run_together
from support.paths import SEED_ARTICLE

FIX = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def seed():
    return article_from_text(SEED_ARTICLE.read_text(encoding="utf-8"), source=str(SEED_ARTICLE))


def test_seed_headline_kept_once_as_title(seed):
    assert seed.title == "US Seeks to Deepen Strategic Ties with Pakistan, Says Rubio"
    assert seed.title not in seed.text


def test_seed_dateline_stays_in_body_with_its_span(seed):
    assert seed.dateline == "WASHINGTON"
    span = seed.dateline_span
    assert seed.text[span.start:span.end] == span.text == "WASHINGTON"
    assert seed.text.startswith("WASHINGTON: US Secretary of State")


def test_seed_tags_and_furniture(seed):
    assert seed.tags == ["Marco Rubio", "Pakistan - United States", "US Secretary of State"]
    for junk in ("Comments (0)", "Add Comment", "Marco RubioPakistan"):
        assert junk not in seed.text
    assert seed.text.endswith("“key partners” in promoting regional stability.")


def test_seed_paragraphs_keep_blank_lines(seed):
    paras = seed.text.split("\n\n")
    assert len(paras) == 9
    assert paras[1].startswith("During a press briefing")
    assert seed.id and seed.input_kind == "text" and seed.source == str(SEED_ARTICLE)


def test_page_with_byline_date_share_cookie_and_tag_lines():
    art = article_from_text((FIX / "page.txt").read_text(encoding="utf-8"))
    assert art.title == "Ministers Agree on Border Talks"
    assert art.author == "Jane Doe" and art.published == "2024-03-03"
    assert art.dateline == "ISLAMABAD" and art.text.startswith("ISLAMABAD, Pakistan (Reuters) - ")
    assert art.tags == ["Pakistan", "Afghanistan", "Border Security"]
    for junk in ("Share this article", "We use cookies", "Read more", "Subscribe", "By Jane Doe", "Published:"):
        assert junk not in art.text
    # a body sentence that starts like furniture is article text
    assert "Comments by the foreign minister suggested" in art.text
    assert '"We have agreed to meet again next month,"' in art.text


def test_plain_text_without_headline_keeps_first_sentence():
    text = "The army said on Monday that it had withdrawn two brigades.\n\nTalks continue in Doha."
    art = article_from_text(text)
    assert art.title is None and art.text == text


def test_quoted_first_sentence_is_not_a_headline():
    text = "“We will not back down,” the minister said.”\n\nThe talks ended on Friday.\n\nNo date was set."
    assert article_from_text(text).title is None
    text = "“We will not back down,” the minister said.\n\nThe talks ended on Friday.\n\nNo date was set."
    assert article_from_text(text).title is None


def test_lowercase_by_line_is_not_a_byline():
    art = article_from_text("Troops withdrew from the border town on Monday.\n\nby the river bank")
    assert art.author is None and art.text.endswith("by the river bank")


def test_given_title_is_removed_from_body_and_kept():
    art = article_from_text("Truce agreed\n\nBoth sides agreed to a truce on Sunday, officials said.",
                            title="Truce agreed", published="Sunday, 12 May 2024")
    assert art.title == "Truce agreed" and art.text.startswith("Both sides") and art.published == "2024-05-12"


def test_unparseable_published_date_becomes_a_warning():
    art = article_from_text("Officials met on Monday.", published="sometime soon")
    assert art.published is None and any("not understood" in w for w in art.warnings)


@pytest.mark.parametrize("line, tags", [
    ("Marco RubioPakistan - United StatesUS Secretary of State",
     ["Marco Rubio", "Pakistan - United States", "US Secretary of State"]),
    ("Ron DeSantisMcDonald'sYouTube", ["Ron DeSantis", "McDonald's", "YouTube"]),
    ("NATORussiaUkraine", ["NATO", "Russia", "Ukraine"]),
    ("Donald TrumpUSA", ["Donald Trump", "USA"]),
])
def test_run_together_tags_split_at_joins_but_not_inside_names(line, tags):
    assert split_run_together(line) == tags
    assert parse_tags(line) == tags


@pytest.mark.parametrize("line", [
    "He said the talks would resume.",
    "The minister arrived in Delhi",  # one phrase, no joins or separators: not a tag line
    "“We see an opportunity,” he said",
])
def test_sentences_are_not_tag_lines(line):
    assert parse_tags(line) is None


@pytest.mark.parametrize("line, furniture", [
    ("Comments (0)", True), ("Add Comment", True), ("Share on Facebook", True), ("Facebook | Twitter | Email", True),
    ("Subscribe to our newsletter", True), ("This website uses cookies to improve your experience.", True),
    ("Read more: Border crossings reopen", True), ("ADVERTISEMENT", True), ("Related Articles", True),
    ("Comments by the minister drew criticism from the opposition.", False),
    ("Share prices fell sharply in Karachi on Monday.", False),
    ("Copyright disputes between the two firms went to court.", False),
    ("Reporting by Jane Doe; Editing by John Smith", True), ("Photo: AFP", True),
    ("Reporting by the state media suggested otherwise, officials said.", False),
])
def test_furniture_lines_match_whole_lines_only(line, furniture):
    assert is_furniture(line) is furniture


@pytest.mark.parametrize("text, place", [
    ("WASHINGTON: US Secretary", "WASHINGTON"),
    ("NEW DELHI — The prime", "NEW DELHI"),
    ("KYIV, Ukraine, May 3 (Reuters) - Russian", "KYIV"),
    ("Islamabad: Pakistan said", "Islamabad"),
    ("UPDATE: the talks", None),
    ("DEAR ABBY: My husband", None),
    ("Julian Assange: Sweden drops case", None),
    ("Monday, May 3 - Officials said", None),
    ("BUFFALO, N.Y. — Hours before", "BUFFALO"),
    ("Indianapolis – Several thousand teachers", "Indianapolis"),
    ("Washington, DC, United States: Getting to the Moon", "Washington"),
    ("The talks - which began", None),
])
def test_datelines(text, place):
    found, span, _ = find_dateline(text)
    assert found == place
    if place:
        assert text[span.start:span.end] == place


def test_dateline_with_full_date_gives_published():
    art = article_from_text("GENEVA, May 3, 2024 (AFP) - Envoys met again.")
    assert art.dateline == "GENEVA" and art.published == "2024-05-03"


# --- any text at all: no exception, offsets true -------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_LINES = st.sampled_from(["WASHINGTON: Talks resumed.", "Comments (0)", "Marco RubioPakistan", "", "  ",
                          "Headline Here", "By Jane Doe", "Tags: a, b", "Ministers met on Monday.", "\r", "KYIV —"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=12))
def test_any_page_text_gives_an_article_with_true_offsets(lines):
    art = article_from_text("\n".join(lines))
    assert isinstance(art.text, str) and art.id
    if art.dateline_span:
        s = art.dateline_span
        assert art.text[s.start:s.end] == s.text == art.dateline
    assert "Comments (0)" not in art.text.split("\n")


def test_a_dateline_is_a_sentence_of_its_own_for_the_parser():
    from detente.ingest.page import dateline_as_sentence
    text = "Esper in Hanoi\n\nHANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper accused China.\n\nMore."
    rewritten = dateline_as_sentence(text)
    assert len(rewritten) == len(text) and rewritten.startswith("Esper in Hanoi\n\nHANOI, Vietnam (AP).\n")
    assert rewritten[rewritten.index("U.S."):] == text[text.index("U.S."):]
    plain = "The minister said: we will go. Talks resume today."
    assert dateline_as_sentence(plain) == plain  # no dateline, nothing rewritten


@pytest.mark.parametrize("text", [
    "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of coercion.",
    "WASHINGTON (Reuters) - U.S. Defense Secretary Mark Esper on Wednesday accused China of coercion.",
    "MOSCOW, Nov 20 (Reuters) - U.S. Defense Secretary Mark Esper on Wednesday accused China of coercion.",
])
def test_the_dateline_is_not_the_first_sentences_subject(text):
    # run into the sentence, the dateline (or the agency) had become the accuser
    import detente
    art = detente.code_text(text, published="2019-11-20")
    acc = [e for e in art.events if e.trigger.text == "accused"]
    assert acc and all(e.source is not None and e.source.country == "USA" for e in acc)
    assert art.text == text and all(art.text[e.trigger.start:e.trigger.end] == e.trigger.text for e in art.events)
