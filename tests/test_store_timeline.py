"""Dyad timelines, trend labels, the events behind a period, partner rankings."""
from __future__ import annotations

import pandas as pd
import pytest

from detente.store import Store, timeline
from support.coded_articles import article, event, seed_like


def _monthly(store, pair_codes: list[tuple[str, str, str, str]], prefix: str = "m") -> None:
    """pair_codes: (date, source code, target code, cameo); one article per event."""
    for i, (date, src, tgt, cameo) in enumerate(pair_codes):
        t = f"{src} acted on {tgt}."
        store.add(article(f"{prefix}{i}", t, published=None, site=f"site{i}",
                          events=[event(t, "e1", (src, src), (tgt, tgt), cameo, "acted", date=date)]))


def test_monthly_counts_fill_empty_periods(store):
    _monthly(store, [("2025-01-05", "USA", "PAK", "051"), ("2025-01-20", "PAK", "USA", "190"),
                     ("2025-03-02", "USA", "PAK", "0871"), ("2025-03-09", "USA", "IND", "190")])
    df = store.dyad("USA", "PAK")
    assert [str(p)[:7] for p in df["period"]] == ["2025-01", "2025-02", "2025-03"]
    assert list(df["n_events"]) == [2, 0, 1]
    assert (df.loc[0, "q1"], df.loc[0, "q4"], df.loc[2, "q2"]) == (1, 1, 1)
    assert df.loc[0, "goldstein_sum"] == pytest.approx(3.4 - 10.0)
    assert df.loc[0, "goldstein_mean"] == pytest.approx((3.4 - 10.0) / 2)
    assert pd.isna(df.loc[1, "goldstein_mean"]) and df.loc[1, "goldstein_sum"] == 0
    assert list(df.loc[0, "top_event_ids"]) == ["m1:e1", "m0:e1"]  # by |Goldstein|
    assert "PAK->USA 190" in df.loc[0, "top_events"][0]
    directed = store.dyad("USA", "PAK", directed=True)
    assert int(directed["n_events"].sum()) == 2 and int(directed["q4"].sum()) == 0
    window = store.dyad("USA", "PAK", start="2024-12-01", end="2025-04-30")
    assert [str(p)[:7] for p in window["period"]] == ["2024-12", "2025-01", "2025-02", "2025-03", "2025-04"]


def test_periods(store):
    _monthly(store, [("2025-01-01", "USA", "PAK", "051"), ("2025-01-06", "USA", "PAK", "051"),
                     ("2025-05-10", "USA", "PAK", "051")])
    weeks = store.dyad("USA", "PAK", by="week")
    assert str(weeks.loc[0, "period"])[:10] == "2024-12-30"  # weeks start on Monday
    assert list(weeks["n_events"][:2]) == [1, 1] and len(weeks) == 19
    q = store.dyad("USA", "PAK", by="quarter")
    assert [str(p)[:10] for p in q["period"]] == ["2025-01-01", "2025-04-01"] and list(q["n_events"]) == [2, 1]
    days = store.dyad("USA", "PAK", by="day", start="2025-01-01", end="2025-01-07")
    assert len(days) == 7 and int(days["n_events"].sum()) == 2
    with pytest.raises(ValueError):
        store.dyad("USA", "PAK", by="fortnight")


def test_sectors_narrow_the_dyad(store):
    _monthly(store, [("2025-01-05", "USAGOV", "PAK", "051"), ("2025-01-06", "USAMIL", "PAK", "190")])
    assert int(store.dyad("USAGOV", "PAK")["n_events"].sum()) == 1
    assert int(store.dyad("USA", "PAK")["n_events"].sum()) == 2


@pytest.mark.parametrize("codes,label", [
    (["190", "112", "051", "0871"], "improving"),  # from fighting to a ceasefire over four months
    (["0871", "051", "112", "190"], "worsening"),
    (["051", "051", "051", "051"], "stable"),
])
def test_trend_label(store, codes, label):
    months = ["2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10"]
    _monthly(store, [(m, "USA", "PAK", c) for m, c in zip(months, codes)] * 2)
    df = store.dyad("USA", "PAK")
    assert df.attrs["trend"] == label
    if label != "stable":
        assert abs(df.attrs["trend_change"]) >= timeline.TREND_MIN_CHANGE


def test_trend_needs_enough_evidence():
    df = pd.DataFrame({"n_events": [3], "goldstein_mean": [-5.0]})
    assert timeline.trend_label(df) == ("stable", None)
    thin = pd.DataFrame({"n_events": [1, 0, 1, 1], "goldstein_mean": [-2.0, None, 0.0, 2.0]})
    assert timeline.trend_label(thin) == ("stable", None)  # one event a period: noise
    two = pd.DataFrame({"n_events": [2, 0, 2], "goldstein_mean": [-2.0, None, 2.0]})
    assert timeline.trend_label(two) == ("stable", 4.0)  # two periods: a change, but no trend called
    rising = pd.DataFrame({"n_events": [3, 0, 3, 1, 3], "goldstein_mean": [-2.0, None, 0.0, -9.0, 2.0]})
    assert timeline.trend_label(rising) == ("improving", 4.0)  # the lone -9 does not enter


def test_undated_events_are_counted_apart(store):
    _monthly(store, [("2025-01-05", "USA", "PAK", "051"), (None, "USA", "PAK", "190")])
    df = store.dyad("USA", "PAK")
    assert int(df["n_events"].sum()) == 1 and df.attrs["undated"] == 1


def test_events_behind_a_number(store):
    _monthly(store, [("2025-01-05", "USA", "PAK", "051"), ("2025-01-31", "PAK", "USA", "190"),
                     ("2025-02-01", "USA", "PAK", "0871"), ("2025", "USA", "PAK", "010")])
    df = store.dyad("USA", "PAK")
    jan = df.loc[0]
    behind = timeline.events_behind(store, "USA", "PAK", jan["period"], by="month")
    assert len(behind) == jan["n_events"] == 3  # the year-precise event is counted in its first month
    assert set(behind["event_id"]) == {"m0:e1", "m1:e1", "m3:e1"}


def test_seed_like_record_dyads(tmp_path):
    """The seed article's expected dyads (expected.yaml), on a hand-coded record."""
    with Store(str(tmp_path / "s.duckdb")) as s:
        s.add(seed_like())
        us_pk = s.dyad("USA", "PAK")
        assert us_pk.attrs["tone"] == "cooperative" and us_pk.attrs["goldstein_sum"] > 0
        pk_in = s.dyad("PAK", "IND")
        may = pk_in[pk_in["period"].astype(str).str.startswith("2025-05")].iloc[0]
        assert may["q4"] >= 1 and may["q2"] >= 1  # the fighting and the ceasefire
        assert any(" 0871 " in e for e in may["top_events"])
        us_in = s.dyad("USA", "IND")
        assert us_in.attrs["tone"] != "conflictual" and int(us_in[["q3", "q4"]].sum().sum()) == 0
        assert len(s.events(dyad=("USA", "IND"), negated=None)) == 1  # the negated "expense" event stays stored


def test_partners_ranked(store):
    _monthly(store, [("2025-01-05", "USA", "PAK", "051"), ("2025-01-06", "USA", "PAK", "0871"),
                     ("2025-01-07", "USA", "IND", "190"), ("2025-01-08", "IND", "USA", "112"),
                     ("2025-01-09", "CHN", "USA", "051"), ("2025-01-10", "USA", "RUS", "112")])
    p = store.partners("USA")
    assert list(p["partner"]) == ["PAK", "CHN", "RUS", "IND"]  # no cooperation: the less hostile first
    by_conflict = p.sort_values("conflict_rank")
    assert list(by_conflict["partner"])[:2] == ["IND", "RUS"]
    ind = p.set_index("partner").loc["IND"]
    assert (ind["cooperation"], ind["conflict"], ind["n_events"]) == (0, 2, 2)
    assert store.partners("NOR").empty
