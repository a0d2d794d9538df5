"""Events dated to when they happened: tense-directed weekdays and day-months, weeks, background events."""
from detente.events import when_where
from detente.pipeline import code_text
from detente import nlp

MONDAY = "2025-10-27"  # a Monday


def dated(text, published=MONDAY, trigger=None):
    a = code_text(text, published=published)
    evs = [e for e in a.events if trigger is None or e.trigger.text == trigger]
    assert evs, [(e.trigger.text, e.cameo) for e in a.events]
    e = evs[0]
    return e.date, e.date_precision, e.date_source


def test_future_weekday_is_the_next_one():
    assert dated("The Greek prime minister will meet the Turkish president in Ankara on Wednesday.",
                 trigger="meet")[:2] == ("2025-10-29", "day")


def test_past_weekday_is_earlier_this_week_or_the_last_one():
    assert dated("The Greek prime minister met the Turkish president in Ankara on Saturday.",
                 published="2025-10-29", trigger="met")[:2] == ("2025-10-25", "day")
    assert dated("The Greek prime minister met the Turkish president in Ankara on Monday.",
                 published="2025-10-29", trigger="met")[:2] == ("2025-10-27", "day")


def test_day_month_without_year_nearest_in_the_tense_direction():
    assert dated("Egypt's foreign minister will visit Israel on 10 September.", published="2025-09-05",
                 trigger="visit")[0] == "2025-09-10"
    assert dated("Egypt's foreign minister visited Israel on 10 September.", published="2025-09-05",
                 trigger="visited")[0] == "2024-09-10"


def test_last_week_is_a_week():
    assert dated("Police arrested 40 protesters in Nairobi last week.", trigger="arrested") == \
        ("2025-10-23", "week", "text")


def test_earlier_this_month_is_a_month():
    assert dated("Police arrested 40 protesters in Nairobi earlier this month.", trigger="arrested")[:2] == \
        ("2025-10", "month")


def test_past_perfect_without_a_date_has_none():
    assert dated("Russia said the rebels had attacked a convoy near Donetsk.", trigger="attacked") == \
        (None, None, "none")


def test_past_perfect_with_its_own_date_keeps_it():
    assert dated("The rebels had attacked the convoy in 2019.", trigger="attacked")[:2] == ("2019", "year")


def test_relative_clause_without_a_date_has_none():
    assert dated("Mali expelled the French ambassador, who criticised the junta.", trigger="criticised") == \
        (None, None, "none")
    assert dated("Mali expelled the French ambassador, who criticised the junta on Friday.",
                 trigger="criticised")[0] == "2025-10-24"
    assert dated("Mali expelled the French ambassador, who criticised the junta on Friday.",
                 trigger="expelled")[2] == "published"


def test_a_relative_clause_saying_the_event_occurred_dates_its_noun():
    assert dated("Thousands of protesters joined a march against Israel that took place on Saturday.",
                 trigger="march")[:2] == ("2025-10-25", "day")
    # a clause saying something else of the event's noun is another act's date
    assert dated("Turkey carried out an attack on Syria, which Iran condemned on Saturday.",
                 trigger="attack")[0] != "2025-10-25"


def test_nominal_background_has_no_publication_date():
    # an undated attack mentioned as background, with no doer: no event at all now (events/coding.py
    # _anchored), or one with no date, never the publication day
    a = code_text("Syria denied responsibility for the chemical attack on Ghouta.", published=MONDAY)
    assert all((e.date, e.date_source) == (None, "none") for e in a.events if e.trigger.text == "attack")
    assert dated("Syria denied responsibility for the 2013 chemical attack on Ghouta.", trigger="attack")[:2] == \
        ("2013", "year")


def test_news_in_the_main_clause_takes_the_publication_date():
    assert dated("Kenyan police arrested 40 protesters in Nairobi.", trigger="arrested") == \
        (MONDAY, "day", "published")


def test_undated_future_has_no_date():
    assert dated("The Greek prime minister will meet the Turkish president.", trigger="meet") == \
        (None, None, "none")


def test_undated_news_after_a_dated_lead_takes_the_lead_day():
    text = ("Police fired tear gas at protesters in Nairobi on Saturday. "
            "Kenyan police also arrested 40 protesters outside parliament.")
    assert dated(text, trigger="arrested") == ("2025-10-25", "day", "article")


def test_a_map_legend_before_the_lead_is_no_sentence_of_it():
    # lines with no verb (a legend, a caption) tell nothing: the lead is the first sentences that do
    text = ("Turkey shells Kurdish positions\n\nTuesday, October 28, 2025\n\n"
            "Syrian Arab Republic\n\nSyrian opposition forces\n\nKurdish held areas\n\n"
            "Late on Sunday, Turkish troops shelled Kurdish positions near the border.\n\n"
            "Kurdish fighters also attacked a Turkish convoy.")
    assert dated(text, published="2025-10-28", trigger="attacked") == ("2025-10-26", "day", "article")


def test_every_event_has_a_date_source():
    a = code_text("Police arrested 40 protesters. The rebels had attacked the convoy. Iran will meet Iraq on Friday.",
                  published=MONDAY)
    assert a.events and all(e.date_source in ("text", "published", "article", "none") for e in a.events)


def test_tense_of_the_trigger():
    p = nlp.parse("Iran is to meet Iraq. Iran is meeting Iraq on Friday. Iran had met Iraq. Iran met Iraq.")
    verbs = [t.i for t in p.tokens if t.lemma == "meet"]
    assert [when_where.tense_of(p, i) for i in verbs] == ["future", "progressive", "pluperfect", "past"]


def test_a_nominal_subject_is_dated_by_its_clause():
    assert dated("Last week a car bombing killed five soldiers in Kabul.", trigger="bombing")[:2] == \
        ("2025-10-23", "week")


def test_what_happened_in_a_happening_dates_it():
    # the deaths "in the attack" happened when the attack did: the clause's lead day, not no date
    text = ("A car bomb hit an army base in Helmand province on Saturday. "
            "Eleven soldiers died in the attack, officials said.")
    assert dated(text, trigger="attack") == ("2025-10-25", "day", "article")
    # the happening's own date still wins
    assert dated("The minister, who was wounded in the 2015 attack, spoke on Monday.", trigger="attack")[:2] == \
        ("2015", "year")


def test_a_date_inside_a_quote_is_the_speakers_not_the_paragraphs():
    # "last night" is the commander's time, told inside his words: the story's day is still Tuesday
    text = ("Kenyan troops entered the town on Tuesday. \"We met the rebel leaders last night and they agreed "
            "to talk,\" the commander told reporters. The troops later arrested ten protesters.")
    assert dated(text, published="2025-10-30", trigger="arrested")[:2] == ("2025-10-28", "day")


def test_a_nominal_takes_its_clauses_text_date_never_the_publication_date():
    text = "In May 2024, Qatar mediated a ceasefire between Israel and Hamas."
    assert dated(text, trigger="ceasefire")[:2] == ("2024-05", "month")


def test_this_evening_is_the_publication_day():
    from detente import timex
    found = timex.find("Vigils were held this evening and talks this morning.")
    for t in found:
        timex.resolve(t, timex.parse_date(MONDAY))
    assert [(t.text, t.value) for t in found] == [("this evening", MONDAY), ("this morning", MONDAY)]


def test_what_a_quote_does_in_the_present_happens_when_it_was_said():
    a = code_text('Trump wrote on Twitter on Saturday: "I thank John very much for his service."', published=MONDAY)
    thank = [e for e in a.events if e.trigger.text == "thank"]
    assert thank and (thank[0].date, thank[0].date_source) == ("2025-10-25", "text")


def test_a_future_act_announced_on_a_day_takes_the_announcements_day_not_the_next_one():
    # MONDAY is 2025-10-27: "On Wednesday ... announced" is the past Wednesday, 2025-10-22
    a = code_text("On Wednesday, the Hong Kong leader announced that her government will withdraw the bill.",
                  published=MONDAY)
    w = [e for e in a.events if e.trigger.text == "withdraw"]
    assert w and w[0].date == "2025-10-22"
    assert dated("Russia will meet Ukraine on Wednesday.", trigger="meet")[0] == "2025-10-29"


def test_the_attack_named_again_takes_the_day_it_was_told_on():
    # the article's own telling dates the definite noun; an indefinite new one is not assumed the same
    text = ("Attack in Kandahar\n\nGunmen attacked a police station in Kandahar on Saturday. "
            "Nine officers died in the attack, officials said.")
    assert dated(text, trigger="attack")[:2] == ("2025-10-25", "day")
    assert dated(text, trigger="attack")[2] == "article"


def test_harm_in_the_happening_named_again_takes_its_day():
    text = ("Strike in Baghdad\n\nA Ugandan general was killed in a Kenyan airstrike near Baghdad on Saturday. "
            "He was travelling with a Sudanese colonel, who was also killed in the airstrike.")
    # the deaths are the airstrike's toll: each sentence's event is the strike (events/coding.py _toll)
    killed = [e for e in code_text(text, published=MONDAY).events if e.plover == "ASSAULT"]
    assert len(killed) == 2 and {e.date for e in killed} == {"2025-10-25"}


def test_days_counted_from_the_day_told_last():
    text = ("Convention news\n\nOn October 20, the Libertarian Party nominated Jo Jorgensen for president. "
            "The next day, the party nominated Spike Cohen for vice president. "
            "Two days later, police arrested three protesters in Austin.")
    a = code_text(text, published=MONDAY)
    got = {e.trigger.text: e.date for e in a.events if e.trigger.text in ("nominated", "arrested")}
    assert got["arrested"] == "2025-10-23"
    assert sorted(e.date for e in a.events if e.trigger.text == "nominated") == ["2025-10-20", "2025-10-21"]


def test_a_day_counted_from_nothing_is_left_unread():
    from detente import timex

    found = timex.find("The next day, the party met.")
    assert [t.kind for t in found] == ["ana"]
    assert timex.resolve(found[0], None).value is None  # only a told day gives it one (when_where.timexes)


def test_undated_news_takes_the_date_its_paragraph_gave():
    text = ("Kenya's campaign news.\n\n"
            "The campaign moved on in August. Kenyan police arrested 40 protesters outside parliament.")
    assert dated(text, trigger="arrested") == ("2025-08", "month", "article")


def test_a_paragraph_break_ends_a_date_s_reach():
    text = ("Kenya's campaign news.\n\n"
            "The campaign moved on in August.\n\nKenyan police arrested 40 protesters outside parliament.")
    assert dated(text, trigger="arrested") == (MONDAY, "day", "published")


def test_a_relative_clause_date_is_not_the_paragraph_s():
    text = ("Kenya's campaign news.\n\n"
            "The senator, who retired in 1998, spoke to voters. Kenyan police arrested 40 protesters outside parliament.")
    assert dated(text, trigger="arrested")[0] != "1998"


def test_a_participle_on_a_noun_is_told_in_its_clause_s_tense():
    """'showed a group of protesters throwing stones': the participle hangs on a noun of a past clause,
    so it is past news and takes the day the lead gave, not the publication day."""
    text = ("Clashes in Nairobi.\n\nYesterday, Kenyan police fired tear gas at protesters in Nairobi. "
            "Footage from the university showed a group of protesters throwing stones at the police.")
    assert dated(text, trigger="throwing")[0] == "2025-10-26"


def test_a_quote_introduced_by_a_colon_is_dated_by_the_verb_before_it():
    """'spoke to the press after the rally: "I urge ..."': the appeal was made when she spoke (the
    quote's cue is the colon; the verb it hangs on is the telling), today's news."""
    text = ("Kenyan politics.\n\nThe Kenyan opposition leader spoke to the press after the rally: "
            '"I really urge President Ruto to call an election."')
    assert dated(text, trigger="urge") == (MONDAY, "day", "published")


def test_a_year_naming_a_thing_is_not_the_paragraph_s_date():
    """'the 2024 election campaign' names the campaign; it does not tell when the paragraph's story
    happened (the month said before it does)."""
    text = ("Kenya's campaign news.\n\n"
            "In August, the 2022 election campaign moved on. Kenyan police arrested 40 protesters outside parliament.")
    assert dated(text, trigger="arrested")[0] == "2025-08"


def test_a_date_that_bounds_a_span_is_not_the_paragraph_s_date():
    """'since 1995', 'since June of this year', 'than in 2016': when a span or a record began or what
    is compared, not when the next sentence's story happened."""
    for first in ("The Kenyan economy grew faster than at any time since 1995.",
                  "Protests have shaken Nairobi since June of this year.",
                  "Kenyan officials argued the situation was different than in 2016."):
        text = "Kenya news.\n\n" + first + " Kenyan police arrested 40 protesters outside parliament."
        d = dated(text, trigger="arrested")
        assert d[0] not in ("1995", "2025-06", "2025") and d[2] != "article", (first, d)


def test_a_date_in_an_apposition_describes_the_person_not_the_event():
    text = "Party news.\n\nThe Green Party nominated Ana Silva, the party's 1998 candidate, for president."
    d = dated(text, trigger="nominated")
    assert d[0] != "1998" and d[2] != "text"


def test_a_future_day_is_read_forward_and_tells_no_day_of_the_news():
    """'his next court appearance on April 5' lies ahead; 'the same day' counts from the news's day."""
    text = ("Court news\n\nA Peruvian man appeared in court yesterday over a shooting in Lima on Friday. "
            "The judge ordered him held until his next court appearance on April 5.\n\n"
            "A second gunman in Callao killed eight Peruvian police officers on the same day.")
    a = code_text(text, published="2019-03-17")
    killed = [e for e in a.events if e.trigger.text == "killed"]
    assert killed and killed[0].date == "2019-03-15"


def test_a_where_clause_takes_the_day_of_the_occasion_it_hangs_on():
    text = "Greek news\n\nOn Monday the Greek prime minister visited Ankara, where he criticised the Turkish president."
    a = code_text(text, published="2020-01-10")
    crit = [e for e in a.events if e.trigger.text == "criticised"]
    assert crit and crit[0].date == "2020-01-06"


def test_judgement_read_off_words_is_dated_by_the_calling():
    # 'called the deal "lousy"': the criticism happened when the words were said, a main-clause past
    assert dated('The opposition leader called the proposed trade deal "lousy".', trigger="lousy") == \
        (MONDAY, "day", "published")
    assert dated('On Saturday the senator described the decision as "reckless".', trigger="reckless")[0] == \
        "2025-10-25"



def test_own_act_told_in_past_perfect_is_dated_by_the_telling():
    # an actor telling its own act: done just before the telling; another's act stays undated
    assert dated("On Saturday, police said they had arrested a second man over the theft.",
                 trigger="arrested")[:2] == ("2025-10-25", "day")
    assert dated("On Saturday, Russia said the rebels had attacked a convoy near Donetsk.",
                 trigger="attacked") == (None, None, "none")


def test_noun_event_carried_by_a_support_verb_takes_the_verb_clause_date():
    # "carried out the attack": the verb's clause tells when; a noun that dates itself keeps its date
    assert dated("On Saturday the militia carried out an attack on an army base.", trigger="attack")[0] == \
        "2025-10-25"
    assert dated("The rebels mounted an assault on the town.", trigger="assault") == (MONDAY, "day", "published")
    assert dated("The militia carried out an attack on 12 May 2024 on an army base.",
                 trigger="attack")[0] == "2024-05-12"


def test_participle_event_is_told_in_its_governors_tense():
    # a participle has no tense of its own: "responded by throwing" is past news and takes the lead's day
    text = ("Headline\n\nRiot police clashed with protesters in Hong Kong on Saturday.\n\n"
            "Some protesters responded by throwing stones at the police.")
    a = code_text(text, published=MONDAY)
    e = next(e for e in a.events if e.trigger.text == "throwing")
    assert (e.date, e.date_source) == ("2025-10-25", "article")
    p = nlp.parse("Rebels will start attacking the town.")
    assert [t.text for t in p.tokens][3] == "attacking" and when_where.tense_of(p, 3) == "future"


def test_the_next_month_is_read_from_the_story_not_the_publication():
    text = ("Headline\n\nThe party was founded in March 2019 by farmers.\n\n"
            "The next month, the party nominated Gammon for president.")
    a = code_text(text, published="2020-07-25")
    e = next(e for e in a.events if e.trigger.text == "nominated")
    assert (e.date, e.date_precision) == ("2019-04", "month")


def test_a_deictic_date_in_a_quote_counts_from_when_it_was_said():
    # published Thursday 2019-03-28; said on Tuesday: "last night" is Monday night, not Wednesday's
    text = '"I asked the adviser for his resignation last night," the president wrote on Twitter on Tuesday.'
    assert dated(text, published="2019-03-28", trigger="asked")[:2] == ("2019-03-25", "day")
    # said on a day the text does not give: read from publication as before
    text = '"I asked the adviser for his resignation last night," the president wrote on Twitter.'
    assert dated(text, published="2019-03-28", trigger="asked")[0] == "2019-03-27"


def test_a_promised_act_is_dated_when_it_was_promised():
    # the coded event is the promise (PLOVER: a future act stated is AGREE/THREATEN etc.), made that day
    text = ('Headline\n\nOn Wednesday, the chief executive of Hong Kong spoke on television.\n\n'
            '"The government will fully withdraw the bill," she said.')
    assert dated(text, published="2019-09-06", trigger="withdraw")[:2] == ("2019-09-04", "day")
    text = "Headline\n\nOn Friday, Ukraine's president met the envoy.\n\nUkraine agreed to help Poland."
    assert dated(text, published="2019-03-18", trigger="help")[0] == "2019-03-15"
    # a future no one is said to promise stays undated
    assert dated("Analysts expect the army will attack the town.", trigger="attack") == (None, None, "none")


def test_an_infinitive_is_told_in_its_governors_tense():
    # "offered to resign last night" is past: the quote's own "last night" dates it, not the lead's day
    text = ('Headline\n\nOn Tuesday, US President Donald Trump dismissed his adviser John Bolton.\n\n'
            'Bolton gave another account on Twitter: "I offered to resign last night."')
    assert dated(text, published="2019-03-28", trigger="resign")[:2] == ("2019-03-25", "day")
    p = nlp.parse("The minister tried to flee.")
    assert [t.text for t in p.tokens][4] == "flee" and when_where.tense_of(p, 4) == "past"
    p = nlp.parse("The minister will try to flee.")
    assert when_where.tense_of(p, 5) == "future"


def test_a_clause_of_the_same_time_dates_its_governors_act():
    # "when"/"while" and a participle before its verb say when the act was done, though they are clauses:
    # their day, not the lead's (Thursday's), dates it
    lead = "Headline\n\nOn Thursday, Samoa closed its schools as measles spread.\n\n"
    text = lead + ("When announcing the lockdown on Monday, Samoan Prime Minister Tuilaepa called on church leaders "
                   "to support the vaccination campaign.")
    assert dated(text, published="2019-12-07", trigger="called")[:2] == ("2019-12-02", "day")
    text = lead + "Speaking on Tuesday, the Turkish foreign minister accused Greece of provocations."
    assert dated(text, published="2019-12-07", trigger="accused")[:2] == ("2019-12-03", "day")
    # a clause of sequence tells another act's time: the accusation keeps the lead's day
    text = lead + "The Turkish foreign minister accused Greece of provocations after Greek ships entered the area on Tuesday."
    assert dated(text, published="2019-12-07", trigger="accused")[:2] == ("2019-12-05", "day")


def test_a_date_in_a_clause_inside_an_own_act_told_is_another_acts():
    # the group's own act in the past perfect is dated by its telling; "after ... on Wednesday" is the offensive's
    text = ("Late on Sunday, the Syrian Democratic Forces announced they had entered into an agreement with the "
            "government of Syria after Turkey began an offensive on Wednesday.")
    assert dated(text, published="2019-10-15", trigger="entered")[:2] == ("2019-10-13", "day")


def test_the_pages_date_line_dates_no_event():
    # run into the first sentence by the parser, the date line must not date the rally or what follows it
    text = ("Monday, August 3, 2020\nOn Thursday, Belarusian opposition candidate Sviatlana Tsikhanouskaya held a "
            "rally in Minsk. She asked Belarusian voters for support.")
    assert dated(text, published="2020-08-03", trigger="held")[:2] == ("2020-07-30", "day")
    assert dated(text, published="2020-08-03", trigger="asked")[0] == "2020-07-30"


def test_a_fronted_date_frames_the_main_clause():
    # the parser hangs "On June 12" on the clause of "minutes before ..."; it still dates the main act,
    # not the paragraph's earlier "in April"
    text = ("Headline\n\nThe committee issued subpoenas in April. On June 12, minutes before the committee voted "
            "to refer them to the full House, US President Donald Trump criticized the committee.")
    assert dated(text, published="2019-07-20", trigger="criticized")[:2] == ("2019-06-12", "day")
    # a clause inside the sentence tells its own story: the relative clause's act keeps no fronted date
    text = "On Friday, US officials arrested the man who had attacked the Turkish embassy."
    assert dated(text, published="2019-07-20", trigger="attacked")[0] is None


def test_a_roundup_dates_its_undated_news_to_the_period_it_covers():
    # a monthly series published at the start of the next month: its news is the previous month's
    text = ("Headline\n\nThe following is the fifth edition of a monthly series on the election. It features "
            "material compiled throughout the previous month.\n\nUS President Donald Trump criticized China.")
    assert dated(text, published="2020-10-02", trigger="criticized")[:3] == ("2020-09", "month", "article")
    text = ("Headline\n\nWhat happened over the past week in Europe. Protests continued.\n\n"
            "The French government criticized Italy.")
    assert dated(text, published="2020-10-02", trigger="criticized")[:2] == ("2020-10-01", "week")
    # a lead without such a frame leaves the news on the publication day
    text = "Headline\n\nThe French government criticized Italy over migration."
    assert dated(text, published="2020-10-02", trigger="criticized")[:3] == ("2020-10-02", "day", "published")


def test_a_date_in_a_clause_on_a_noun_is_no_paragraph_date():
    # "photos taken in 2014" says which photos; the debate's attack that follows is the article's news
    text = ("Headline\n\nAt the debate, Trump pointed to photos taken in 2014. Biden attacked Trump over his taxes.")
    assert dated(text, published="2020-10-23", trigger="attacked")[0] == "2020-10-23"


def test_news_told_in_the_present_after_a_dated_lead_takes_the_leads_day():
    # published on Tuesday about Sunday: the present-tense call is Sunday's news, not Tuesday's
    text = ("Headline\n\nOn Sunday, Venezuelan police arrested 40 opposition activists in Caracas.\n\n"
            "The Venezuelan opposition urges the army to release them.")
    assert dated(text, published="2019-03-19", trigger="urges")[:3] == ("2019-03-17", "day", "article")


def test_a_bare_time_phrase_after_the_object_dates_the_verb():
    # the parser hangs "Monday night" on "resignation"; a noun takes no bare time phrase after it, so it is the asking's
    text = ("On Tuesday, United States President Donald Trump announced he had asked for national security adviser "
            "John Bolton's resignation Monday night.")
    assert dated(text, published="2019-09-12", trigger="asked")[:2] == ("2019-09-09", "day")


def test_words_in_a_direct_quote_are_dated_by_its_speech_verb():
    # the parser makes "would come" govern "calamity"; the quote was said when "he continued", on Sunday
    lead = "Headline\n\nOn Sunday, Iranian President Hassan Rouhani spoke at a military parade in Tehran.\n\n"
    text = lead + ('"Your presence has always been a calamity for this region and the farther you go from our region '
                   'and our nations, the more security would come for our region", he continued in the speech.')
    assert dated(text, published="2019-09-23", trigger="calamity")[:2] == ("2019-09-22", "day")
    # news in the present progressive after a dated lead (a quote going on past its cue) is the lead's day's
    text = lead + ('"We will create unity with regional countries," he said. "Those who want to link the region\'s '
                   'incidents to the Islamic Republic of Iran are lying like their past lies."')
    assert dated(text, published="2019-09-23", trigger="lying")[:2] == ("2019-09-22", "day")


def test_a_season_dates_an_event_to_its_year():
    text = "The Syrian army attacked the rebels last autumn, breaking the truce."
    assert dated(text, published="2018-02-01", trigger="attacked")[:3] == ("2017", "year", "text")


def test_a_date_that_closes_the_sentence_after_a_comma_frames_the_main_clause():
    # the parser hangs "in 2011" on the participle aside; it dates the conviction, not the lead's morning
    text = ("Headline\n\nThis morning, former French President Jacques Chirac died.\n\n"
            "French courts convicted Chirac of corruption, stemming from his years as mayor, in 2011.")
    assert dated(text, published="2019-09-26", trigger="convicted")[:2] == ("2011", "year")
