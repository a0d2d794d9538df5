"""Temporal expressions: found in text, resolved at the precision the text gives."""
from datetime import date, datetime

from detente import timex


def one(text, anchor=None):
    found = timex.find(text)
    assert len(found) == 1, found
    t = timex.resolve(found[0], anchor)
    assert text[t.start:t.end] == t.text
    return t


def test_bare_month_takes_the_anchor_year_or_the_year_before():
    t = one("A breakthrough occurred in March, when", date(2025, 5, 31))
    assert (t.text, t.value, t.precision) == ("March", "2025-03", "month")
    assert one("occurred in March.", date(2025, 2, 10)).value == "2024-03"


def test_bare_month_without_anchor_stays_unresolved():
    assert one("in March").value is None


def test_year_keeps_year_precision():
    assert one("attacked the convoy in 2019.").value == "2019"  # a year ending the sentence
    t = one("the 2021 Kabul bombing")
    assert (t.value, t.precision) == ("2021", "year")


def test_month_year_and_full_dates():
    assert one("Later, in May 2025, Trump").value == "2025-05"
    t = one("on March 5, 2024 the talks")
    assert (t.value, t.precision) == ("2024-03-05", "day")
    assert one("signed on 2023-11-02.").value == "2023-11-02"
    # a comma between month and year: the preposition before the month must not claim it as a bare month
    t = one("was arrested in March, 2018, and", date(2019, 10, 17))
    assert (t.text, t.value) == ("March, 2018", "2018-03")


def test_weekday_and_relative_days_resolve_before_the_anchor():
    t = one("Israel on Tuesday released", date(2025, 10, 27))  # a Monday
    assert (t.value, t.precision) == ("2025-10-21", "day")
    assert one("met on Monday", date(2025, 10, 27)).value == "2025-10-27"  # the paper's own day
    assert one("protested yesterday", date(2025, 10, 27)).value == "2025-10-26"
    assert one("three years ago", date(2025, 10, 27)).value == "2022"


def test_numbers_and_modal_may_are_not_dates():
    assert timex.find("the blast killed 180 people and 2,021 troops") == []
    assert timex.find("they may attack again") == []
    assert timex.find("it cost $2019 million") == []


def test_explicit_anchor_is_the_latest_dated_expression():
    found = timex.find("In March 2019 they met. Later, in May 2025, and in 2030 plans")
    assert timex.explicit_anchor(found) == date(2025, 5, 31)
    assert timex.explicit_anchor(timex.find("in March")) is None


def test_parse_date():
    assert timex.parse_date("2025-10-27T10:00:00") == date(2025, 10, 27)
    assert timex.parse_date("garbage") is None and timex.parse_date(None) is None


def dateparser_reading(s, anchor):
    import dateparser

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    text = {"tonight": "today", "last night": "yesterday"}.get(s.lower(), s)
    return dateparser.parse(text, languages=["en"], settings=settings)


def test_rule_dates_agree_with_dateparser():
    # dates are read by rule for speed; dateparser is the reference for what the forms mean
    from itertools import product

    forms = {
        "iso": ["2021-08-26", "1999-12-31"],
        "mdy": ["March 5, 2021", "Sept. 30 2019", "Feb 29, 2024", "December 1st, 2020"],
        "dmy": ["5 March 2021", "31st December 1999"],
        "md": ["March 5", "Oct. 27", "December 31", "January 1st", "Nov 28", "February 29", "February 28"],
        "dm": ["5 March", "27th October", "1 January"],
        "day": ["yesterday", "today", "tonight", "last night"],
        "ago": ["3 days ago", "a week ago", "two weeks ago", "one month ago", "6 months ago", "a year ago",
                "ten years ago", "a decade ago", "Two decades ago"],
        "rel": ["last week", "next week", "this week", "last month", "next month", "this month", "last year",
                "next year", "this year"],
    }
    anchors = [date(2025, 10, 27), date(2024, 3, 31), date(2021, 1, 1), date(2020, 12, 31), date(2024, 2, 29),
               date(2024, 2, 28), date(2101, 3, 1)]
    for (kind, texts), anchor in product(forms.items(), anchors):
        for s in texts:
            rule = timex._by_rule(kind, s, None if kind in ("iso", "mdy", "dmy") else anchor)
            ref = dateparser_reading(s, None if kind in ("iso", "mdy", "dmy") else anchor)
            assert rule.date() == ref.date(), (kind, s, anchor, rule, ref)


def test_vague_relative_forms():
    anchor = date(2025, 10, 27)
    resolved = lambda s, kind: timex.resolve(timex.Timex(0, len(s), s, kind), anchor)  # noqa: E731
    assert resolved("a few days ago", "ago").value is None
    assert resolved("this weekend", "rel").value is None
    t = resolved("earlier this week", "rel")  # a week, at week precision: its Thursday
    assert (t.value, t.precision) == ("2025-10-30", "week")
    t = resolved("last week", "rel")
    assert (t.value, t.precision) == ("2025-10-23", "week")
    assert resolved("two weeks ago", "ago").precision == "week"
    t = resolved("earlier this month", "rel")
    assert (t.value, t.precision) == ("2025-10", "month")
    t = resolved("later this year", "rel")
    assert (t.value, t.precision) == ("2025", "year")
    assert resolved("February 29", "md").value == "2024-02-29"  # the latest one on or before the anchor


def test_a_month_name_must_be_a_whole_word():
    for text in ("They met in Marseille.", "flights from Mayotte", "born in Augusta", "mayor of Decatur",
                 "since Junction City opened"):
        assert timex.find(text) == [], text
    assert [t.text for t in timex.find("in Sept. 2019 and in Aug.")] == ["Sept. 2019", "Aug."]


def test_find_tries_the_patterns_only_where_an_expression_can_start():
    # the shortcut must find exactly what letting the pattern try every character finds
    import random
    import re

    def everywhere(text):
        out = []
        for m in timex._RX.finditer(text):
            kind, s, at = m.lastgroup, m.group(0), m.start()
            if kind == "m":
                mm = re.search(timex._MON, s, re.IGNORECASE)
                s, at = mm.group(0), at + mm.start()
            if timex.keep(text, kind, s, at):
                out.append((at, s, kind))
        return out

    words = ("in March 5 2021 the May mid-March last week 3 days ago a year ago Monday x2019 $2019 2,021 Sept. "
             "30, 2019 on 12 June yesterday F2021 in 1999 earlier this month, of Dec 2020-01-02 tonight several "
             "weeks ago Marseille IN MAY since_2019 1st").split()
    rng = random.Random(7)
    for _ in range(3000):
        text = rng.choice(["", " ", "\n"]).join(rng.choice(words) for _ in range(rng.randint(1, 9)))
        assert [(t.start, t.text, t.kind) for t in timex.find(text)] == everywhere(text), text


def test_future_tense_reads_forward():
    monday = date(2025, 10, 27)
    t = one("will meet on Wednesday", monday)
    assert timex.resolve(t, monday, "future").value == "2025-10-29"
    assert timex.resolve(one("met on Wednesday", monday), monday, "past").value == "2025-10-22"
    assert timex.resolve(one("on 10 September", date(2025, 9, 5)), date(2025, 9, 5), "future").value == "2025-09-10"
    assert timex.resolve(one("on 10 September", date(2025, 9, 5)), date(2025, 9, 5)).value == "2024-09-10"
    assert timex.resolve(one("due in March", date(2025, 11, 5)), date(2025, 11, 5), "future").value == "2026-03"
    assert timex.resolve(one("on February 29", date(2025, 3, 1)), date(2025, 3, 1), "future").value == "2028-02-29"


def test_last_and_next_weekday_are_never_the_anchor_day():
    thursday = date(2020, 1, 9)

    def read(text):
        (t,) = timex.find(text)
        return timex.resolve(t, thursday).value

    assert read("On last Thursday, they met.") == "2020-01-02"  # a week ago, not today
    assert read("They met last Monday.") == "2020-01-06"
    assert read("They will meet next Thursday.") == "2020-01-16"
    assert read("They met on Thursday.") == "2020-01-09"  # a bare weekday in its own paper is that day
    assert all(t.kind != "lwd" for t in timex.find("Supplies will last monday to friday."))  # no weekday name


def test_last_weekday_is_never_yesterday():
    """No one writes "last Thursday" in Friday's paper for yesterday: it is the Thursday a week before."""
    friday = date(2020, 1, 10)
    (t,) = timex.find("On last Thursday, the delegations met.")
    assert timex.resolve(t, friday).value == "2020-01-02"
    (t,) = timex.find("They met last Wednesday.")
    assert timex.resolve(t, friday).value == "2020-01-08"


def test_the_next_month_counts_from_the_date_told_last():
    found = timex.find("In March 2019 the party met. The next month, it nominated Gammon. It lost the following year.")
    assert [t.kind for t in found] == ["my", "anp", "anp"]
    told = timex.resolve(found[0], date(2020, 7, 25))
    assert (timex.resolve_period(found[1], told).value, found[1].precision) == ("2019-04", "month")
    assert timex.resolve_period(found[2], told).value == "2020"
    # a year told gives no month to count from
    year = timex.resolve(timex.find("in 2019")[0], date(2020, 7, 25))
    nxt = timex.find("the next month")[0]
    assert timex.resolve_period(nxt, year).value is None


def test_a_determiner_makes_last_and_next_no_deixis():
    # "the last night of the convention" is counted from the convention, not from the day of writing
    assert [t.text for t in timex.find("On the last night, Trump spoke at the convention.")] == []
    assert [t.text for t in timex.find("in the last week of the campaign")] == []
    assert [t.text for t in timex.find("Police said last night that the man fled last week.")] == ["last night", "last week"]


def test_years_and_months_later_count_from_the_date_told_last():
    a = date(2020, 6, 1)
    found = timex.find("The troops left Iraq in 2011, then returned three years later.")
    assert [t.kind for t in found] == ["y", "anp"]
    told = timex.resolve(found[0], a)
    assert timex.resolve_period(found[1], told).value == "2014"
    found = timex.find("The party was founded in March 2019. Two months later it won the vote.")
    told = timex.resolve(found[0], a)
    assert (timex.resolve_period(found[1], told).value, found[1].precision) == ("2019-05", "month")
    # no number, no date
    found = timex.find("The party was founded in March 2019. Several years later it won.")
    assert timex.resolve_period(found[1], timex.resolve(found[0], a)).value is None


def test_a_week_is_dated_to_its_thursday_and_so_to_the_month_with_most_of_its_days():
    # read on Monday 6 January 2020, "last week" ran from 30 December to 5 January: a January week
    t = timex.resolve(timex.Timex(0, 9, "last week", "rel"), date(2020, 1, 6))
    assert (t.value, t.precision) == ("2020-01-02", "week")
    assert timex.week_day(date(2019, 12, 30)) == date(2020, 1, 2)


def test_mid_year_is_the_year():
    assert [(t.text, t.kind) for t in timex.find("She was elected in mid-2018 after he resigned.")] == [("2018", "y")]
    assert [t.text for t in timex.find("the 2018-19 season and $2018")] == ["2018"]


def test_a_season_counted_from_the_day_of_writing_is_its_year():
    def read(text, anchor):
        return [(t.text, timex.resolve(t, anchor).value) for t in timex.find(text)]
    assert read("the truce brokered last autumn", date(2018, 2, 1)) == [("last autumn", "2017")]
    assert read("his conviction last summer", date(2019, 3, 15)) == [("last summer", "2018")]
    assert read("his conviction last summer", date(2019, 11, 2)) == [("last summer", "2019")]  # the one just over
    assert read("talks next spring", date(2019, 11, 2)) == [("next spring", "2020")]
    assert read("on the last summer of his life", date(2019, 11, 2)) == []
