"""The world-leaders lexicon: bare surnames resolved by the article's date, and never over another
person's name."""
import pytest

from detente import nlp
from detente.actors import resolve
from detente.actors.lexicon import load
from detente.model import Article

TEXTS = {
    "bare": "Obama met Putin in Moscow on Tuesday.",
    "clinton": "Clinton said the talks would go on.",
    "laura": "Laura Bush visited the school on Monday. Bush said the children were wonderful.",
    "titled": "President obama expressed sorrow for the shootings.",
    "korea": "Kim Dae-jung met reporters in Seoul.",
    "lavrov": "Lavrov said Moscow would respond.",
}


@pytest.fixture(scope="module")
def parsed():
    return dict(zip(TEXTS, nlp.parse_many(list(TEXTS.values()))))


def actors(parsed, key, date=None):
    return resolve(Article(id=key, text=TEXTS[key], published=date), parsed[key])


def holder(acts, text):
    hits = [a for a in acts for m in a.mentions if m.text == text]
    assert hits, f"no actor with mention {text!r} in {[(a.name, a.code) for a in acts]}"
    return hits[0]


def test_lexicon_is_broad_and_well_formed():
    lex = load()
    persons = {e.name for e in lex.entries if e.type == "person"}
    assert len(persons) >= 300
    for e in lex.entries:
        if e.type == "person":
            for r in e.roles:
                assert r.country or r.sector, (e.name, r.code)  # every code splits into something
                assert not (r.start and r.end) or r.start < r.end, (e.name, r)


def test_bare_surnames_take_the_role_held_on_the_article_date(parsed):
    acts = actors(parsed, "bare", "2015-06-09")
    assert holder(acts, "Obama").code == "USAGOV"
    assert holder(acts, "Putin").code == "RUSGOV"
    assert holder(acts, "Obama").role == "President"
    senator = holder(actors(parsed, "bare", "2006-03-01"), "Obama")
    assert (senator.code, senator.role) == ("USALEG", "Senator")


def test_shared_surname_goes_to_whoever_held_office_then(parsed):
    assert holder(actors(parsed, "clinton", "2010-05-01"), "Clinton").name == "Hillary Clinton"
    assert holder(actors(parsed, "clinton", "1999-05-01"), "Clinton").name == "Bill Clinton"


def test_no_date_gives_the_latest_role(parsed):
    assert holder(actors(parsed, "lavrov"), "Lavrov").code == "RUSGOV"


def test_full_name_in_the_article_wins_over_the_lexicon(parsed):
    acts = actors(parsed, "laura", "2005-01-01")
    bush = holder(acts, "Bush")
    assert bush is holder(acts, "Laura Bush")
    assert bush.country is None


def test_other_person_sharing_a_family_name_is_not_the_leader(parsed):
    acts = actors(parsed, "korea", "2015-01-01")
    assert not [a for a in acts if a.name == "Kim Jong Un"]


def test_name_after_a_title_matches_whatever_its_case(parsed):
    acts = actors(parsed, "titled", "2015-06-09")
    obama = holder(acts, "President obama")
    assert (obama.name, obama.code) == ("Barack Obama", "USAGOV")


CASES = ["Syrian forces clashed with tunisian rioters.", "The minister wants to help iSrael.",
         "We ate turkey with polish friends and us."]


@pytest.fixture(scope="module")
def cased():
    return dict(zip(CASES, nlp.parse_many(CASES)))


def test_country_words_in_any_case_but_not_common_words(cased):
    def countries(text):
        return {a.country for a in resolve(Article(id="c", text=text), cased[text]) if a.country}
    assert countries(CASES[0]) == {"SYR", "TUN"}
    assert countries(CASES[1]) == {"ISR"}
    assert countries(CASES[2]) == set()  # turkey the bird, polish the verb, us the pronoun
