"""GDELT export: IsRootEvent from the first body paragraph (past a date line such as Wikinews puts
first), and ActionGeo from the event's own place only (issue 14; issue 18: the coder chooses it,
the export adds no place of its own)."""
from __future__ import annotations

import pytest

from detente.export import GDELT_COLUMNS, export, lead_end
from detente.model import ActorRef, Article, Event, Place, Span
from detente.store import Store

GAZETTEER = {  # text -> (name, ISO3, lat, lon, geonameid, feature)
    "Aleppo": ("Aleppo", "SYR", 36.2, 37.16, 170063, "city"),
    "Syria": ("Syria", "SYR", 35.0, 38.0, 163843, "country"),
    "Idlib": ("Idlib", "SYR", 35.93, 36.63, 169389, "city"),
    "Turkey": ("Turkey", "TUR", 39.0, 35.0, 298795, "country"),
    "Iraq": ("Iraq", "IRQ", 33.0, 44.0, 99237, "country"),
    "Ankara": ("Ankara", "TUR", 39.92, 32.85, 323786, "city"),
}


def _span(text, words, after=0):
    i = text.index(words, after)
    return Span(i, i + len(words), words)


def _place(text, words, role="mentioned", after=0):
    s = _span(text, words, after)
    name, iso, lat, lon, gid, feature = GAZETTEER[words]
    return Place(s.start, s.end, words, name, iso, lat, lon, gid, role, feature)


def _sentence(text, at):
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    end = min([i for i in (text.find(". ", at), text.find("\n", at)) if i >= 0] or [len(text) - 1]) + 1
    return Span(start, end, text[start:end])


def _event(text, eid, trigger, cameo, quad, source=None, target=None, place=None, after=0, how="none"):
    t = _span(text, trigger, after)
    refs = []
    for w in (source, target):
        s = None if w is None else _span(text, w, after)
        refs.append(None if s is None else ActorRef(None, w, s.start, s.end))
    sent = _sentence(text, t.start)
    return Event(id=eid, source=refs[0], target=refs[1], cameo=cameo, quad_class=quad, goldstein=-5.0,
                 date="2019-01-14", date_precision="day", place=place, place_source=how, sentence=sent, trigger=t,
                 evidence=sent.text, mentions=[t])


WIKI = ("Monday, January 14, 2019\u00a0\n\n\n"
        "Government troops shelled Aleppo on Sunday, monitors said.\n\n\n"
        "Rebels attacked a convoy near Idlib, a town in Syria. Turkey protested to Iraq on Monday. "
        "Officials met in Aleppo and Idlib. Envoys talked in Ankara and Idlib.")


def _wiki() -> Article:
    t = WIKI
    places = [_place(t, "Aleppo"), _place(t, "Idlib"), _place(t, "Syria"), _place(t, "Turkey"),
              _place(t, "Iraq"), _place(t, "Aleppo", after=t.index("Officials")),
              _place(t, "Idlib", after=t.index("Officials")), _place(t, "Ankara"),
              _place(t, "Idlib", after=t.index("Ankara"))]
    events = [
        _event(t, "shell", "shelled", "194", 4, source="Government troops", place=places[0].ref(), how="attached"),
        _event(t, "attack", "attacked", "190", 4, source="Rebels"),
        _event(t, "protest", "protested", "111", 3, source="Turkey", target="Iraq"),
        _event(t, "met", "met", "040", 1, source="Officials", place=places[2].ref(), how="sentence"),
        _event(t, "talked", "talked", "043", 1, source="Envoys"),
    ]
    return Article(id="wn1", text=t, published="2019-01-14", title="Syrian troops shell Aleppo",
                   url="https://example.org/wn1", events=events, places=places)


WIRE = ("ANKARA (Reuters) - Turkey condemned the strike on Monday.\n"
        "Later, Turkey summoned the ambassador.")


def _wire() -> Article:
    t = WIRE
    dl = Place(0, 6, "ANKARA", "Ankara", "TUR", 39.92, 32.85, 323786, "dateline", "city")
    events = [_event(t, "condemn", "condemned", "111", 3, source="Turkey", place=dl.ref(), how="dateline"),
              _event(t, "summon", "summoned", "111", 3, source="Turkey", after=t.index("Later"))]
    return Article(id="wire1", text=t, published="2019-01-14", url="https://example.org/wire1",
                   events=events, places=[dl])


QUIET = ("Monday, January 14, 2019\n\n\nA storm flooded the coast overnight.\n\n\n"
         "Turkey condemned the government's slow response. Iraq protested on Monday.")


def _quiet_lead() -> Article:
    t = QUIET
    events = [_event(t, "condemn", "condemned", "111", 3, source="Turkey"),
              _event(t, "protest", "protested", "114", 3, source="Iraq")]
    return Article(id="wn2", text=t, published="2019-01-14", url="https://example.org/wn2", events=events)


@pytest.fixture(scope="module")
def rows(tmp_path_factory):
    d = tmp_path_factory.mktemp("gdelt_roots")
    with Store(str(d / "s.duckdb")) as s:
        s.add(_wiki())
        s.add(_wire())
        s.add(_quiet_lead())
        out = d / "g.tsv"
        export(s, str(out), "gdelt")
    return [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in out.read_text(encoding="utf-8").splitlines()]


def _rows(rows, art, code=None):
    return [r for r in rows if r["SOURCEURL"].endswith("/" + art) and code in (None, r["EventCode"])]


def _row(rows, art, code):
    (r,) = _rows(rows, art, code)
    return r


def test_lead_end_skips_date_line_and_headline():
    assert WIKI[:lead_end(WIKI)].rstrip().endswith("monitors said.")
    assert lead_end("Syrian troops shell Aleppo\n\nTroops shelled Aleppo.\nMore.", "Syrian troops shell Aleppo") == \
        len("Syrian troops shell Aleppo\n\nTroops shelled Aleppo.")
    assert lead_end("2019-01-14\nTroops shelled Aleppo.\nMore.") == len("2019-01-14\nTroops shelled Aleppo.")
    assert lead_end("14 January 2019\n\nTroops shelled Aleppo.") == len("14 January 2019\n\nTroops shelled Aleppo.")
    assert lead_end("Troops shelled Aleppo on January 14, 2019.\nMore.") == len("Troops shelled Aleppo on January 14, 2019.")
    assert lead_end("") == 0 and lead_end(None) == 0


def test_root_event_is_in_the_first_body_paragraph(rows):
    assert _row(rows, "wn1", "194")["IsRootEvent"] == "1"
    assert all(_row(rows, "wn1", c)["IsRootEvent"] == "0" for c in ("190", "111", "040", "043"))
    wire = _rows(rows, "wire1")
    assert sorted(r["IsRootEvent"] for r in wire) == ["0", "1"]


def test_action_geo_is_the_events_own_place(rows):
    shell = _row(rows, "wn1", "194")
    assert shell["ActionGeo_FullName"] == "Aleppo, Syria" and shell["ActionGeo_Type"] == "4"
    assert shell["ActionGeo_CountryCode"] == "SY" and float(shell["ActionGeo_Lat"]) == pytest.approx(36.2)
    assert shell["ActionGeo_FeatureID"] == "170063"


def test_a_country_place_is_geo_type_1(rows):
    met = _row(rows, "wn1", "040")
    assert met["ActionGeo_Type"] == "1" and met["ActionGeo_FullName"] == "Syria"
    assert met["ActionGeo_CountryCode"] == "SY" and met["ActionGeo_FeatureID"] == "SY"


def test_no_place_of_the_exports_own(rows):
    # the coder left these without a place: the towns their sentences name and the dateline stay out
    for code in ("190", "111", "043"):
        r = _row(rows, "wn1", code)
        assert r["ActionGeo_Type"] == "0" and r["ActionGeo_FullName"] == "" and r["ActionGeo_Lat"] == ""


def test_dateline_place_as_the_coder_chose_it(rows):
    wire = {r["IsRootEvent"]: r for r in _rows(rows, "wire1")}
    assert wire["1"]["ActionGeo_FullName"] == "Ankara, Turkey" and wire["1"]["ActionGeo_CountryCode"] == "TU"
    assert wire["0"]["ActionGeo_Type"] == "0"


def test_a_lead_without_events_makes_the_first_reporting_sentence_the_root(rows):
    assert _row(rows, "wn2", "111")["IsRootEvent"] == "1"
    assert _row(rows, "wn2", "114")["IsRootEvent"] == "0"
