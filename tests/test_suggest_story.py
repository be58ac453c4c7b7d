"""suggest_story on small invented stories: labels, reasons, spans and evidence a reviewer sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus.loader import load_corpus
from reader.corpus.sentences import article_from_sentences
from reader.models import Story
from reader.pipeline import analyse
from reader.suggest import StorySuggester, dates, numbers, suggest_story


def _story(*articles: list[str]) -> Story:
    story = Story(name="flood", path="flood")
    for n, sentences in enumerate(articles):
        story.articles.append(article_from_sentences("flood", f"{n:03d}.txt", sentences, title=""))
    return story


FILLER = [
    ["Volunteers stacked sandbags along the Marrow embankment before the water rose."],
    ["Insurers expect claims from shopkeepers in the old market quarter."],
    ["Schools in the district will stay closed until the pumps are repaired."],
    ["A railway bridge near Holt was inspected by engineers."],
]


def _by_text(story: Story) -> dict[str, object]:
    sugg = {s.claim_id: s for s in suggest_story(story)}
    return {c.text: sugg[c.id] for c in story.claims()}


def _analysed(story: Story) -> dict[tuple[str, str], object]:
    """Each claim's suggestion, by (article, text), with the evidence an import aligns."""
    _, suggestions = analyse(story)
    return {(c.article, c.text): s for c, s in zip(story.claims(), suggestions, strict=True)}


def test_an_order_of_magnitude_fitting_both_figures_backs_neither() -> None:
    # "thousands of fish" fits 3,000 and 8,000 alike: it is no second source for 8,000 that
    # outnumbers 3,000 (8,000 was consistent, "agreeing" with it), but the two figures conflict
    three = "The sewage spill on the River Lisk killed about 3,000 fish, the court heard."
    eight = "More than 8,000 fish were killed by the sewage spill on the River Lisk."
    vague = "Thousands of fish were killed by the sewage spill on the River Lisk."
    story = _story([three, *FILLER[0]], [eight, *FILLER[1]], [vague, *FILLER[2]])
    got = _analysed(story)
    for mine in (got[("000.txt", three)], got[("001.txt", eight)]):
        assert mine.label == "contradicted", mine.reason
        assert "3,000 fish" in mine.reason and "8,000 fish" in mine.reason
    assert got[("002.txt", vague)].label == "consistent"


def test_an_inquiry_is_an_investigation() -> None:
    # news words for one thing ("inquiry", "investigation", "probe"; "funding", "money"): the
    # claim's own content is carried by the other sentence, not only the authority's name
    inquiry = "The Civil Aviation Authority has begun an inquiry into the failure."
    investigation = "The Civil Aviation Authority said it had opened an investigation."
    story = _story([inquiry, *FILLER[0]], [investigation, *FILLER[1]], ["Other news.", "b."])
    got = _analysed(story)
    assert got[("000.txt", inquiry)].label == "consistent", got[("000.txt", inquiry)].reason
    money = "The council has asked the government for emergency money."
    funding = "The council said it had applied to the government for emergency funding."
    story = _story([money, *FILLER[0]], [funding, *FILLER[1]], ["Other news.", "b."])
    got = _analysed(story)
    assert got[("000.txt", money)].label == "consistent", got[("000.txt", money)].reason


def test_closed_to_traffic_is_closed_to_vehicles() -> None:
    # "shut to traffic" / "closed to all vehicles": one fact, and its days conflict
    friday = "The Marl Bridge was shut to traffic early on Friday."
    thursday = "Holt County Council closed the Marl Bridge to vehicles at 6pm on Thursday."
    story = _story([friday, *FILLER[0]], [thursday, *FILLER[1]], ["Other news.", "b."])
    mine = _analysed(story)[("000.txt", friday)]
    assert mine.label == "contradicted" and "Friday" in mine.reason, mine.reason


def test_a_record_told_as_one_of_several_is_contradicted() -> None:
    top = "Officers said it was the largest single seizure ever made at Port Calder."
    among = "The bureau called it one of the largest seizures in Port Calder's history."
    story = _story([top, *FILLER[0]], [among, *FILLER[1]], ["Other news.", "b."])
    got = _analysed(story)
    for mine in (got[("000.txt", top)], got[("001.txt", among)]):
        assert mine.label == "contradicted", mine.reason
        assert "records differ" in mine.reason


def test_two_sources_saying_nobody_was_hurt_agree_in_other_words() -> None:
    # a count of none is the fact itself: "No one on the island was hurt" / "Nobody was
    # injured" share no word, and were both unverified at high confidence
    island = "No one on the island was hurt, the coastguard said."
    nobody = "Nobody was injured and the debris fell into the sea."
    story = _story([island, *FILLER[0]], [nobody, *FILLER[1]], ["Other news.", "b."])
    got = _analysed(story)
    for mine in (got[("000.txt", island)], got[("001.txt", nobody)]):
        assert mine.label == "consistent" and "numbers agree" in mine.reason, mine.reason
    # look-alike: where they were, then no verb of what befell them
    from reader.suggest import numbers

    assert numbers.extract("No one in the town knew what had happened.") == []


def test_news_words_for_one_thing_make_a_counterpart() -> None:
    # "power" / "electricity", "midday" / "noon", "deal" / "agreement": outlets write either,
    # and the two sentences share no other specific word
    power = "Power was back in most of Ostby by midday, officials said."
    electricity = "Electricity returned to the majority of Ostby households before noon."
    deal = "The two unions said a deal on overtime pay had been signed late on Tuesday."
    agreement = "Negotiators announced an agreement on overtime late on Tuesday."
    story = _story([power, deal, *FILLER[0]], [electricity, agreement, *FILLER[1]], ["Other news."])
    got = _analysed(story)
    for article, text in [("000.txt", power), ("001.txt", electricity), ("000.txt", deal)]:
        assert got[(article, text)].label == "consistent", got[(article, text)].reason


def test_minority_number_is_contradicted_and_majority_names_the_dissenter() -> None:
    story = _story(
        ["The Marrow river flood forced 3,000 residents from homes in Dunmore.", *FILLER[0]],
        ["In Dunmore, 3,000 residents left homes as the Marrow river flood spread.", *FILLER[1]],
        ["The Marrow river flood drove 3,000 residents of Dunmore from homes.", *FILLER[2]],
        ["The Marrow river flood forced 8,000 residents from homes in Dunmore.", *FILLER[3]],
    )
    got = _by_text(story)
    odd = got["The Marrow river flood forced 8,000 residents from homes in Dunmore."]
    assert odd.label == "contradicted"
    assert "'8,000 residents' here" in odd.reason and "'3,000 residents'" in odd.reason
    # each source is named with the value it reports
    assert "'3,000 residents' in 000.txt, 001.txt, 002.txt" in odd.reason
    assert odd.confidence == "high"  # three sources against one
    text = "The Marrow river flood forced 8,000 residents from homes in Dunmore."
    assert [text[a:b] for a, b in odd.spans] == ["8,000 residents"]
    assert {e.article for e in odd.evidence} >= {"000.txt", "001.txt", "002.txt"}
    main = got["The Marrow river flood forced 3,000 residents from homes in Dunmore."]
    assert main.label == "consistent"
    assert "'8,000 residents' in 003.txt" in main.reason
    assert main.confidence == "high"


def test_single_source_detail_is_unverified_and_counterpart_is_consistent() -> None:
    story = _story(
        ["Engineers opened the Karsby sluice gates at the reservoir overnight.", *FILLER[0]],
        ["The Karsby reservoir sluice gates were opened by engineers.", *FILLER[1]],
    )
    got = _by_text(story)
    assert got["Engineers opened the Karsby sluice gates at the reservoir overnight."].label == (
        "consistent"
    )
    lone = got[FILLER[0][0]]
    assert lone.label == "unverified"
    assert "no counterpart" in lone.reason


def test_look_alikes_are_not_contradictions() -> None:
    story = _story(
        ["Over 30 people were rescued from the Karsby estate by boat late on Friday.", "x y z."],
        ["About 30 people were rescued from the Karsby estate at 10:50 p.m. on Friday.", "q r."],
        ["Boats rescued 30 people from the Karsby estate on Friday night.", "m n."],
    )
    labels = {c.article: s.label for c, s in zip(story.claims(), suggest_story(story), strict=True)}
    rescued = [
        s for c, s in zip(story.claims(), suggest_story(story), strict=True) if "rescued" in c.text
    ]
    assert all(s.label == "consistent" for s in rescued), [s.reason for s in rescued]
    assert len(labels) == 3


def test_title_rank_disagreement_scoped_negation_and_hint_only_polarity() -> None:
    story = _story(
        ["Deputy Mayor Lena Berg ordered the evacuation of the Karsby estate.", *FILLER[0]],
        ["Deputy Mayor Lena Berg said the evacuation of the Karsby estate was ordered.", "a b."],
        ["Assistant Mayor Lena Berg ordered the evacuation of the Karsby estate.", "c d."],
        ["The Karsby estate evacuation was not ordered by Berg, officials said.", "e f."],
        ["Berg, who did not speak to reporters, ordered the Karsby estate evacuation.", "g h."],
    )
    got = _by_text(story)
    wrong = got["Assistant Mayor Lena Berg ordered the evacuation of the Karsby estate."]
    assert wrong.label == "contradicted"
    assert "'Assistant Mayor' here" in wrong.reason
    # the same predicate about the same thing, negated on one side only: a label
    negated = got["The Karsby estate evacuation was not ordered by Berg, officials said."]
    assert negated.label == "contradicted"
    assert "negation: 'not ordered' here" in negated.reason
    # a "not" that scopes over something else stays a hint
    aside = got["Berg, who did not speak to reporters, ordered the Karsby estate evacuation."]
    assert "negation" not in aside.reason
    assert any(h.startswith("polarity") for h in aside.hints)


def test_one_suggestion_per_claim_in_document_order_and_empty_story() -> None:
    story = _story(["One claim about Karsby.", "Another about Dunmore."], ["Third claim."])
    sugg = suggest_story(story)
    assert [s.claim_id for s in sugg] == [c.id for c in story.claims()]
    assert suggest_story(Story(name="empty", path="empty")) == []


def test_numbers_that_only_meet_through_a_hedge_are_counted_honestly() -> None:
    story = _story(
        ["The nearly eight-hour meeting of Karsby council ended at dawn.", *FILLER[0]],
        ["The eight-hour meeting of Karsby council ended at dawn.", *FILLER[1]],
        ["The seven-hour meeting of Karsby council ended at dawn.", *FILLER[2]],
        ["The six-hour meeting of Karsby council ended at dawn.", *FILLER[3]],
    )
    got = _by_text(story)
    s = got["The nearly eight-hour meeting of Karsby council ended at dawn."]
    assert s.label == "consistent"
    # not "in 2 of 3 other sources": the reader sees which source says what
    assert "'eight-hour' in 001.txt" in s.reason
    assert "'seven-hour' in 002.txt" in s.reason
    assert "differing: 'six-hour' in 003.txt" in s.reason
    six = got["The six-hour meeting of Karsby council ended at dawn."]
    assert six.label == "contradicted" and six.confidence == "high"


def test_a_figure_is_quoted_with_the_words_that_bound_it() -> None:
    # "numbers differ: 'tens of thousands of troops' here; '100,000 troops' in A; agreeing:
    # '100,000 troops' in B": A wrote "more than 100,000", B "roughly 100,000", and the reason
    # hid the words that made one differ and the other agree
    claim = "Nearly 300 residents were evacuated from Dunmore after the Marrow river flood."
    story = _story(
        [claim, *FILLER[0]],
        ["More than 900 residents were evacuated from Dunmore after the Marrow flood.", "b."],
        ["Around 300 residents were evacuated from Dunmore as the Marrow flood rose.", "c."],
        ["About 280 residents were evacuated from Dunmore after the Marrow river flood.", "d."],
    )
    s = _by_text(story)[claim]
    assert "'Nearly 300 residents' here" in s.reason, s.reason
    assert "'More than 900 residents' in 001.txt" in s.reason, s.reason
    assert "'Around 300 residents' in 002.txt" in s.reason, s.reason


def test_a_question_asserts_nothing_to_check() -> None:
    # "What is the highest temperature recorded in the UK?" was consistent with the sentence
    # that answers it: a question says nothing a source could confirm or contradict
    question = "What is the highest temperature ever recorded in Karsby?"
    story = _story(
        [question, *FILLER[0]],
        ["The highest temperature ever recorded in Karsby was 38.7C, in July 2019.", "b."],
        ["Karsby recorded its highest temperature ever, 38.7C, in July 2019.", "c."],
    )
    got = _analysed(story)
    s = got[("000.txt", question)]
    assert s.label == "unverified" and s.confidence != "high", s.reason
    assert s.reason.startswith("a question: it asserts nothing"), s.reason
    assert s.evidence  # what answers it is still shown
    # look-alikes: a question quoted, or asked, is what someone said
    asked = "“Why would we attack Karsby?” the minister asked reporters on Monday."
    quoted = "The minister asked: “Why would we attack Karsby?”"
    story = _story(
        [asked, quoted, *FILLER[0]],
        ["The minister asked reporters why they would attack Karsby.", "b."],
        ["“Why would we attack Karsby?” the minister said on Monday.", "c."],
    )
    got = _analysed(story)
    for text in (asked, quoted):
        assert not got[("000.txt", text)].reason.startswith("a question"), text


def test_a_counterpart_lacking_the_claims_own_name_leaves_it_unverified() -> None:
    story = _story(
        ["The Marrow river flood forced residents of Dunmore from homes, said Ines Duarte.", "a."],
        ["The Marrow river flood forced residents of Dunmore from their homes overnight.", "b."],
        ["Volunteers stacked sandbags in Dunmore as the Marrow river flood rose.", "c."],
    )
    got = _by_text(story)
    s = got["The Marrow river flood forced residents of Dunmore from homes, said Ines Duarte."]
    assert s.label == "unverified"
    assert "names 'Ines Duarte', which no other source mentions" in s.reason
    plain = got["The Marrow river flood forced residents of Dunmore from their homes overnight."]
    assert plain.label == "consistent"


def test_a_local_place_or_the_outlet_itself_is_no_name_the_claim_is_about() -> None:
    # "Officers knocked on doors on the nearby Orchard Park estate" / "told the Gazette": a
    # place no gazetteer holds, named where something happened, and the outlet's own name
    # are details other sources leave out; the counterpart carries the claim's fact
    place = "Officers knocked on doors on the Orchard Park estate, urging residents to stay in."
    outlet = "Several residents told the Gazette that officers urged them to stay in their homes."
    other = "Officers knocked on doors overnight, urging residents to stay in their homes."
    story = Story(name="fire", path="fire")
    for name, sentences in (
        ("000.txt", [place, *FILLER[0]]),
        ("dunmore-gazette.txt", [outlet, *FILLER[1]]),
        ("002.txt", [other, *FILLER[2]]),
    ):
        story.articles.append(article_from_sentences("fire", name, sentences, title=""))
    got = _by_text(story)
    for text in (place, outlet):
        assert "which no other source mentions" not in got[text].reason, got[text].reason
        assert got[text].label == "consistent", got[text].reason


def test_a_name_no_one_else_gives_late_in_a_claim_is_a_detail_of_its_fact() -> None:
    # from the seeds' sanctions sentence ("... including cutting off Russia from Swift, the
    # international payments system, ..."): a counterpart carrying the claim's fact (twice the
    # rare words that make one) makes it consistent, the lone name said, not vouched for
    detail = (
        "Karsby officials are weighing fines against the Velto firm and export bans on "
        "advanced drone chips, including the Holtz certification."
    )
    subject = "The Holtz board had proposed export bans on advanced drone chips for Velto."
    story = _story(
        [detail, "a."],
        ["Officials in Karsby are weighing fines and export bans on advanced drone chips.", "b."],
        ["Volunteers in Karsby collected food.", "c."],
    )
    got = _by_text(story)
    s = got[detail]
    assert s.label == "consistent" and s.confidence != "high", s.reason
    assert "'Holtz' named by no other source" in s.reason, s.reason
    # look-alike: a lone name at the start is what the claim is about
    lone = _story(
        [subject, "a."],
        ["Officials in Karsby are weighing fines and export bans on advanced drone chips.", "b."],
        ["Volunteers in Karsby collected food.", "c."],
    )
    s = _by_text(lone)[subject]
    assert s.label == "unverified" and "which no other source mentions" in s.reason, s.reason


def test_a_name_no_one_else_gives_is_a_detail_when_two_other_sources_report_the_fact() -> None:
    # "The suspect from Banks, Lancashire, has been arrested on suspicion of murder" was
    # unverified for naming 'Lancashire', though two other sources reported the arrest
    claim = "The Dunmore suspect, from Holt in Wexley, was arrested on suspicion of arson."
    story = _story(
        [claim, *FILLER[0]],
        ["A teenager from Holt was arrested on suspicion of arson after the Dunmore fire.", "b."],
        ["Police arrested a Holt teenager on suspicion of arson over the Dunmore fire.", "c."],
        FILLER[1],
    )
    s = _analysed(story)[("000.txt", claim)]  # (with the evidence: its pair scores)
    assert s.label == "consistent" and s.confidence != "high", s.reason
    assert "'Wexley' named by no other source" in s.reason, s.reason
    # with one other source, the lone name stays unvouched for: a local place ("in Wexley")
    # is a detail of the fact the counterpart carries, said but not vouched for; a name that
    # may be what the claim is about ("said Ines Duarte") leaves it unverified
    story = _story(
        [claim, *FILLER[0]],
        ["A teenager from Holt was arrested on suspicion of arson after the Dunmore fire.", "b."],
        ["Volunteers in Dunmore collected food for the families.", "c."],
        FILLER[1],
    )
    s = _analysed(story)[("000.txt", claim)]
    assert s.confidence != "high" and "'Wexley' named by no other source" in s.reason, s.reason
    said = "The Dunmore suspect was arrested on suspicion of arson, said Ines Duarte."
    story.articles[0] = article_from_sentences("flood", "000.txt", [said, *FILLER[0]], title="")
    s = _analysed(story)[("000.txt", said)]
    assert s.label == "unverified" and "names 'Ines Duarte'" in s.reason, s.reason


def test_a_counterpart_reporting_another_day_contradicts() -> None:
    story = _story(
        ["The Marrow embankment breach flooded Dunmore market on Sunday evening.", *FILLER[0]],
        ["The Marrow embankment breach flooded Dunmore market early on Monday.", *FILLER[1]],
        ["Volunteers cleared Dunmore market after the flood.", *FILLER[2]],
    )
    got = _by_text(story)
    s = got["The Marrow embankment breach flooded Dunmore market on Sunday evening."]
    assert s.label == "contradicted"
    assert "days differ: 'Sunday evening' here, 'early on Monday'" in s.reason
    assert [story.claims()[0].text[a:b] for a, b in s.spans] == ["Sunday evening"]


def test_a_counterpart_reporting_another_date_contradicts() -> None:
    claim = "The Marrow embankment breach flooded Dunmore market on 10 January 2022."
    story = _story(
        [claim, *FILLER[0]],
        ["The Marrow embankment breach flooded Dunmore market on 2022-01-12.", *FILLER[1]],
        ["Volunteers cleared Dunmore market after the flood.", *FILLER[2]],
    )
    s = _by_text(story)[claim]
    assert s.label == "contradicted"
    assert "dates differ: '10 January 2022' here" in s.reason and "'2022-01-12'" in s.reason
    assert s.reason.count("differ") == 1  # one finding, not a date and a number besides
    assert [claim[a:b] for a, b in s.spans] == ["10 January 2022"]
    # the same date written another way, the year left out: consistent
    story = _story(
        [claim, *FILLER[0]],
        ["The Marrow embankment breach flooded Dunmore market on January 10.", *FILLER[1]],
        ["Volunteers cleared Dunmore market after the flood.", *FILLER[2]],
    )
    assert _by_text(story)[claim].label == "consistent"


def test_a_counterpart_reporting_another_month_contradicts() -> None:
    claim = "The previous failure of the Kestrel rocket, in April, destroyed a weather satellite."
    story = _story(
        [claim, *FILLER[0]],
        ["A Kestrel rocket launch in March ended with the loss of a weather satellite.", "a."],
        ["Volunteers cleared Dunmore market after the flood.", *FILLER[2]],
    )
    s = _by_text(story)[claim]
    assert s.label == "contradicted"
    assert "months differ: 'April' here" in s.reason and "'March'" in s.reason
    # two months in one sentence are two facts' ("2.4% in October from 3.1% in September"):
    # which one a counterpart's month is of is a guess
    claim = "Inflation in Valdoria fell to 2.4% in October from 3.1% in September."
    story = _story(
        [claim, *FILLER[0]],
        ["Inflation in Valdoria fell to 2.4% in October, the statistics office said.", "b."],
        ["Volunteers cleared Dunmore market after the flood.", *FILLER[2]],
    )
    got = _by_text(story)
    assert "months" not in got[claim].reason
    other = "Inflation in Valdoria fell to 2.4% in October, the statistics office said."
    assert "months" not in got[other].reason


def test_a_span_of_years_is_one_fact() -> None:
    # "between 2019 and 2022" is not a 2022 that "from 2019 to 2022" contradicts with its 2019
    built = "The recall covers Ranger vans built between 2019 and 2022, the regulator said."
    made = "The recall affects Ranger vans made from 2019 to 2022."
    years = "The recall includes Ranger vans from the 2019 through 2021 model years."
    got = _by_text(_story([built, *FILLER[0]], [made, *FILLER[1]], [years, *FILLER[2]]))
    assert got[built].label == got[made].label == "consistent"
    assert "years agree: 'between 2019 and 2022' here; 'from 2019 to 2022'" in got[built].reason
    assert got[years].label == "contradicted"
    assert "years differ: '2019 through 2021' here" in got[years].reason
    # two years in a list are two years: "in 2019 and 2022"
    twice = "Floods hit the Ranger valley in 2019 and 2022."
    again = "The Ranger valley flooded in 2022."
    got = _by_text(_story([twice, *FILLER[0]], [again, *FILLER[1]], FILLER[2]))
    assert got[again].label != "contradicted"


def test_a_span_of_months_is_one_fact_too() -> None:
    # "between March 2024 and January 2026" / "from March 2024 through December 2025": the
    # years were read one by one, and the reason set one's 2026 against the other's 2024
    sold = "The recall covers CrispPro fryers sold between March 2024 and January 2026."
    until = "The CrispPro fryers were sold for around $90 from March 2024 through December 2025."
    got = _by_text(_story([sold, *FILLER[0]], [until, *FILLER[1]], FILLER[2]))
    assert got[until].label == "contradicted"
    assert (
        "years differ: 'from March 2024 through December 2025' here; 'between March 2024 and"
        " January 2026'"
    ) in got[until].reason
    # look-alike: two months of a list are two dates, no span
    twice = "CrispPro fryers were sold in March 2024 and January 2026."
    (a, b) = dates.extract(twice)
    assert (a.kind, a.value, b.kind, b.value) == ("year", (2024, 2024), "year", (2026, 2026))


def test_opposite_words_label_when_scoped_and_hint_otherwise() -> None:
    closed = "The Marrow flood gates at Dunmore were closed on Sunday night, officials said."
    story = _story(
        [closed, *FILLER[0]],
        [
            "The Marrow flood gates at Dunmore were open on Sunday night, officials said.",
            *FILLER[1],
        ],
        ["Volunteers cleared Dunmore market after the flood.", *FILLER[2]],
    )
    s = _by_text(story)[closed]
    assert s.label == "contradicted" and s.confidence == "medium"
    assert "opposite: 'closed' here, 'open' in 001.txt" in s.reason
    assert [closed[a:b] for a, b in s.spans] == ["closed"]
    # another subject: both may be true, so only a hint beside the label
    rose = "Oil prices at the Dunmore terminal rose sharply on Monday after the Marrow flood."
    story = _story(
        [rose, *FILLER[0]],
        ["Gas prices at the Dunmore terminal fell sharply on Monday after the Marrow flood.",
         *FILLER[1]],
        ["Volunteers cleared Dunmore market after the flood.", *FILLER[2]],
    )  # fmt: skip
    s = _by_text(story)[rose]
    assert s.label != "contradicted"
    assert "opposite words: 'rose' here, 'fell' in 001.txt" in s.hints


def test_a_local_place_no_gazetteer_holds_conflicts_in_the_same_statement() -> None:
    claim = "The Marrow flood forced 300 residents of the Eastfield estate from their homes."
    other = "The Marrow flood forced 300 residents in the Marsh Lane district from their homes."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], [*FILLER[2]])
    got = _by_text(story)
    s = got[claim]
    assert s.label == "contradicted" and s.confidence == "medium"
    assert "place differs: 'Eastfield estate' here, named by no other source" in s.reason
    assert "'Marsh Lane district'" in s.reason
    assert [claim[a:b] for a, b in s.spans] == ["Eastfield estate"]
    # look-alike: a third source names the estate too, so it is not this source's alone
    third = "Water reached the Eastfield estate before dawn, the Marrow flood wardens said."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], [third, *FILLER[2]])
    assert _by_text(story)[claim].label != "contradicted"


def test_a_place_the_claim_names_within_another_name_is_no_other_place() -> None:
    # regression: "the Maryland State Police and the Baltimore City Fire Department" read as
    # a claim set in Maryland against another source's Baltimore
    claim = "The Ohio coast guard and the Dayton City Fire Department ended the Marrow search."
    other = "Rescuers in Dayton ended the Marrow river search for the two missing anglers."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], [*FILLER[2]])
    assert "place differs" not in _by_text(story)[claim].reason
    # look-alike: the claim sets it somewhere else, naming no Dayton at all
    claim = "The Utah coast guard ended the Marrow river search for the two missing anglers."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], [*FILLER[2]])
    assert "place differs: 'Utah' here" in _by_text(story)[claim].reason
    # ...but a place that holds the other one is no other place (Dayton lies in Ohio), nor
    # one the other's frame holds, nor one both name where no gazetteer does
    for claim, theirs in (
        ("The Ohio coast guard ended the Marrow river search for the two missing anglers.",
         other),
        ("Rescuers in Dayton ended the Marrow river search for the two missing anglers.",
         "The Ohio coast guard ended the Marrow river search for the two missing anglers."),
        ("The Marrow river search at Holtby, Utah, ended for the two missing anglers.",
         "The Marrow river search at Holtby ended for the two anglers, Dayton police said."),
    ):  # fmt: skip
        story = _story([claim, *FILLER[0]], [theirs, *FILLER[1]], [*FILLER[2]])
        assert "place differs" not in _by_text(story)[claim].reason, claim


def test_a_claim_set_where_others_set_it_has_no_lone_place() -> None:
    # regression: "staff in Washington, Oregon and California" against another source's
    # "leaders in Seattle": California, named by no other source, was a place that differs
    claim = "The union, representing 900 Marrow staff in Ohio, Utah and Texas, rejected the deal."
    other = "Union leaders in Dayton said 900 Marrow staff rejected the deal on Monday."
    third = "Marrow plants in Ohio stood idle as the strike went on."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], [third, *FILLER[2]])
    assert "place differs" not in _by_text(story)[claim].reason
    # look-alike: without Ohio, the claim's places are all its own, and one differs
    claim = "The union, representing 900 Marrow staff in Utah, rejected the deal on Monday."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], [third, *FILLER[2]])
    assert "place differs: 'Utah' here" in _by_text(story)[claim].reason


def test_an_order_of_magnitude_backs_no_other_figure() -> None:
    # "tens of thousands" is no conflict with 25,000, but no second source for it either: a
    # claim of 3,000 against the two is a tie, not outnumbered
    claim = "The Marrow river flood forced 3,000 residents of Dunmore from their homes."
    story = _story(
        [claim, *FILLER[0]],
        ["The Marrow river flood forced 25,000 residents of Dunmore from their homes.",
         *FILLER[1]],
        ["Tens of thousands of residents of Dunmore left homes in the Marrow river flood.",
         *FILLER[2]],
    )  # fmt: skip
    s = _by_text(story)[claim]
    assert s.label == "contradicted" and s.confidence == "low", s.reason


def test_two_counts_of_one_sentence_are_two_things() -> None:
    # from a real trial report: "from the screening of over 360,000 men, investigators
    # recruited 12,866" was contradicted by another source's "nearly 13,000 men" in the trial
    both = "From the screening of 36,000 Dunmore men, the Marrow trial recruited 1,286 men."
    one = "The Marrow trial in Dunmore included nearly 1,300 men, the researchers said."
    story = _story([both, *FILLER[0]], [one, *FILLER[1]], [*FILLER[2]])
    got = _by_text(story)
    assert got[both].label != "contradicted", got[both].reason
    assert got[one].label != "contradicted", got[one].reason
    # look-alike: a sentence with one count that differs still conflicts
    other = "The Marrow trial in Dunmore included 2,400 men, the researchers said."
    story = _story([both, *FILLER[0]], [one, *FILLER[1]], [other, *FILLER[2]])
    assert _by_text(story)[other].label == "contradicted"


def test_a_group_s_count_is_a_part_where_the_story_counts_several_groups() -> None:
    # from a real hostage release: "24 hostages" in all against "13 Israeli hostages" (and
    # "12 Thai hostages") was a high-confidence conflict
    total = "The Marrow gang freed 24 hostages in Dunmore on Friday, the Red Cross said."
    story = _story(
        [total, *FILLER[0]],
        ["The Marrow gang freed 13 Israeli hostages in Dunmore on Friday.", *FILLER[1]],
        ["The Marrow gang also freed 12 Thai hostages in Dunmore on Friday.", *FILLER[2]],
    )
    got = _by_text(story)[total]
    assert got.label != "contradicted", got.reason
    # look-alike: where one group is all there is, its count is the count
    troops = "The Marrow army massed 100,000 troops near Dunmore on Friday."
    story = _story(
        [troops, *FILLER[0]],
        ["The Marrow army massed 60,000 Karsby troops near Dunmore on Friday.", *FILLER[1]],
        [*FILLER[2]],
    )
    assert _by_text(story)[troops].label == "contradicted"


def test_an_order_of_magnitude_never_makes_a_high_confidence_conflict() -> None:
    # regression: "tens of thousands" against "100,000" was a high-confidence contradiction,
    # so `A` would have accepted a wording difference as a factual one
    vague = "Tens of thousands of residents of Dunmore fled the Marrow river flood."
    story = _story(
        [vague, *FILLER[0]],
        ["The Marrow river flood forced 100,000 residents of Dunmore to flee.", *FILLER[1]],
        ["About 100,000 residents of Dunmore fled the Marrow river flood.", *FILLER[2]],
        ["The Marrow river flood drove 100,000 residents of Dunmore away.", *FILLER[3]],
    )
    got = _by_text(story)
    assert got[vague].label == "contradicted" and got[vague].confidence == "medium"
    exact = got["The Marrow river flood forced 100,000 residents of Dunmore to flee."]
    assert exact.label == "consistent"
    # exact figures three against one are still high: only the vague side is held back
    story = _story(
        ["The Marrow river flood forced 8,000 residents of Dunmore to flee.", *FILLER[0]],
        *([f"{n} residents of Dunmore fled the Marrow river flood.", *FILLER[k]]
          for k, n in ((1, "Some 3,000"), (2, "About 3,000"), (3, "Nearly 3,000"))),
    )  # fmt: skip
    odd = _by_text(story)["The Marrow river flood forced 8,000 residents of Dunmore to flee."]
    assert odd.label == "contradicted" and odd.confidence == "high"


def test_a_counterpart_giving_other_ages_contradicts() -> None:
    claim = "Four children aged 8 to 12 were injured when the Karsby school bus overturned."
    story = _story(
        [claim, *FILLER[0]],
        ["The Karsby school bus overturned, injuring four children aged 14 to 16.", *FILLER[1]],
    )
    first = _by_text(story)[claim]
    assert first.label == "contradicted"
    assert "'aged 8 to 12'" in first.reason and "'aged 14 to 16'" in first.reason


def test_a_death_toll_contradicts_a_count_of_people_killed() -> None:
    claim = "The death toll from the Karsby dam collapse rose to 45 on Tuesday."
    story = _story(
        [claim, *FILLER[0]],
        ["Officials said 30 people were killed when the Karsby dam collapsed.", *FILLER[1]],
    )
    got = _by_text(story)[claim]
    assert got.label == "contradicted"
    assert "'45' here; '30 people' in 001.txt" in got.reason


def test_the_same_figure_in_other_words_is_support() -> None:
    claim = "Around 60 firefighters fought the Karsby warehouse blaze through the night."
    story = _story(
        [claim, *FILLER[0]],
        ["The fire service sent 60 firefighters to the burning Karsby warehouse.", *FILLER[1]],
    )
    got = _by_text(story)[claim]
    assert got.label == "consistent"
    assert "numbers agree: 'Around 60 firefighters' here; '60 firefighters' in 001.txt" in (
        got.reason
    )
    assert got.confidence == "medium"  # agreement alone is never high
    # an order of magnitude is common ground, not a fact of the claim's own
    vague = "Dozens of firefighters fought the Karsby warehouse blaze through the night."
    story = _story(
        [vague, *FILLER[0]],
        ["The fire service sent 60 firefighters to the burning Karsby warehouse.", *FILLER[1]],
    )
    assert _by_text(story)[vague].label == "unverified"


def test_a_count_of_none_contradicts_a_count_of_the_dead() -> None:
    died = "Two people died in hospital after the Karsby ferry fire, the hospital trust said."
    story = _story(
        [died, *FILLER[0]],
        ["Nobody was killed in the Karsby ferry fire, the coastguard said.", *FILLER[1]],
        ["No one died in the ferry fire at Karsby.", *FILLER[2]],
    )
    got = _by_text(story)
    assert got[died].label == "contradicted"
    assert "'Two people' here; 'Nobody was killed' in 001.txt; 'No one died' in 002.txt" in (
        got[died].reason
    )
    assert got["No one died in the ferry fire at Karsby."].label == "consistent"
    # an article giving the figure twice is named once, with its first wording
    story = _story(
        [died, *FILLER[0]],
        [
            "Nobody was killed in the Karsby ferry fire.",
            "No one died at Karsby, the coastguard said.",
        ],
    )
    assert (
        "'Two people' here; 'Nobody was killed' in 001.txt (tied)" in _by_text(story)[died].reason
    )


def test_parts_of_the_same_whole_are_compared_and_the_whole_is_not_a_count() -> None:
    four = "Four of its six carriages left the rails near the Karsby viaduct on Tuesday."
    five = "Five of the train's six carriages came off the rails near Karsby."
    plain = "Six carriages were removed from the Karsby line by cranes overnight."
    got = _by_text(_story([four, *FILLER[0]], [five, *FILLER[1]], [plain, *FILLER[2]]))
    assert got[four].label == got[five].label == "contradicted"
    assert (
        "'Four of its six carriages' here; 'Five of the train's six carriages'" in got[four].reason
    )
    # the six of "four of its six" is not "four carriages" nor a rival of another six
    assert "'six carriages'" not in got[four].reason


def test_the_same_people_saying_something_else_is_no_counterpart() -> None:
    quinn = "Opposition leader Sarah Quinn said the Karsby council had lost control of housing."
    story = _story(
        [quinn, *FILLER[0]],
        ["Sarah Quinn, who leads the Greens, called for an early election in Karsby.", "b."],
        ["Opposition leader Sarah Quinn said the Karsby council had lost control of housing", "c."],
    )
    got = _by_text(story)[quinn]
    assert got.label == "consistent"  # the third source says the same
    story = _story(
        [quinn, *FILLER[0]],
        ["Sarah Quinn, who leads the Greens, called for an early election in Karsby.", "b."],
    )
    got = _by_text(story)[quinn]
    assert got.label == "unverified"
    assert "names the same ('Karsby', 'Quinn', 'Sarah')" in got.reason
    assert "shares nothing of what is said" in got.reason


def test_sharing_only_the_words_of_a_name_is_no_counterpart() -> None:
    # the story writes "safety" and "board" in lower case too: they are no names of their own
    claim = "The Karsby Water Safety Board immediately announced an investigation."
    story = _story(
        [claim, "Divers checked the safety of the board walk.", *FILLER[0]],
        ['"We were lucky," said Jan Berg, chair of the Karsby Water Safety Board.', "b."],
    )
    got = _by_text(story)[claim]
    assert got.label == "unverified"
    assert "names the same" in got.reason and "shares nothing of what is said" in got.reason
    # look-alike: the same name, and what it did
    story = _story(
        [claim, "Divers checked the safety of the board walk.", *FILLER[0]],
        ["The Karsby Water Safety Board announced an investigation on Monday.", "b."],
    )
    assert _by_text(story)[claim].label == "consistent"


@pytest.mark.parametrize(
    "claim, other",
    [
        ("Councillor Tom Reyes praised the Karsby emergency services.",
         "Local councillor Tom Reyes said Karsby had been lucky."),
        ("Chief executive Diane Okoro said the Karsby plant had no plans to close.",
         "Chief executive Diane Okoro told Karsby analysts that profits had doubled."),
        ("Judge Helen Marsh said the Karsby case was one of the worst she had seen.",
         "Judge Helen Marsh told Karsby council its officers had shown no remorse."),
        ("Karsby manager Ana Costa said the win was for the fans.",
         "Manager Ana Costa, who took charge at Karsby last year, won a trophy."),
        ("Opposition leader Sam Carter called for an early Karsby election.",
         "Sam Carter, the opposition leader, said the Karsby government was paralysed."),
    ],
)  # fmt: skip
def test_words_of_office_with_a_name_are_no_counterpart(claim: str, other: str) -> None:
    assert _by_text(_story([claim, *FILLER[0]], [other, *FILLER[1]]))[claim].label == "unverified"


def test_a_counterparts_reason_names_what_is_said_before_who_says_it() -> None:
    plant = "Chief executive Diane Okoro said the Karsby plant would close in June."
    story = _story([plant, *FILLER[0]], ["Diane Okoro said the Karsby plant will close.", "b."])
    assert "shares 'close', 'plant', " in _by_text(story)[plant].reason


def test_a_name_misspelled_by_one_source_names_the_sources_spelling_it_otherwise() -> None:
    odd = "Laura Penington has stepped down as Karsby health chief, her office said on Monday."
    story = _story(
        [odd, *FILLER[0]],
        ["Laura Pennington resigned as Karsby health chief on Monday.", *FILLER[1]],
        ["The Karsby health chief, Laura Pennington, quit on Monday.", *FILLER[2]],
    )
    got = _by_text(story)
    assert got[odd].label == "contradicted"
    assert "name spelled differently: 'Penington' here, 'Pennington' in 001.txt, 002.txt" in (
        got[odd].reason
    )
    assert got["Laura Pennington resigned as Karsby health chief on Monday."].label == "consistent"


def test_a_headline_matching_nothing_is_never_a_confident_unverified() -> None:
    head = "Gales batter Karsby coast"
    story = Story(name="flood", path="flood")
    body = ["Gales batter Karsby coast", "Sea spray closed the promenade cafes for the day."]
    story.articles.append(
        article_from_sentences("flood", "000.txt", body, title=head, title_span=(0, len(head)))
    )
    story.articles.append(
        article_from_sentences("flood", "001.txt", FILLER[1] + FILLER[2], title="")
    )
    got = _by_text(story)
    assert got[head].label == "unverified" and got[head].confidence == "medium"
    # a body sentence matching nothing stays a confident unverified
    assert got[body[1]].confidence == "high"


def test_a_figure_another_source_gives_makes_no_confident_unverified() -> None:
    cars = "It delivered about 310,000 cars to Karsby dealers."
    lone = "Its Karsby showroom was repainted in the spring."
    story = _story(
        [cars, lone, *FILLER[0]],
        ["The firm sold 310,000 vehicles in the quarter, the company said.", *FILLER[1]],
    )
    got = _by_text(story)
    assert got[cars].label == "unverified" and got[cars].confidence == "medium"
    assert got[lone].label == "unverified" and got[lone].confidence == "high"
    # a figure with no word counted, or hedged, is a figure too
    crowd = "Organisers put the number at 20,000."
    petition = "A petition against the Karsby closure has more than 40,000 signatures."
    story = _story(
        [crowd, petition, *FILLER[0]],
        ["Around 20,000 people marched in Karsby.", "It was signed by 42,000 people.", "b."],
    )
    got = _by_text(story)
    assert got[crowd].confidence == got[petition].confidence == "medium"


def test_a_sentence_in_a_script_the_rules_cannot_read_is_never_confidently_unverified() -> None:
    # the word rules read the Latin script: a Chinese or Russian sentence shares no "word" with
    # its paraphrase elsewhere, so that nothing matches proves nothing (a batch accept took them)
    lone = "Its Karsby showroom was repainted in the spring."
    zh = "双方讨论了乌克兰问题。"
    ru = "Стороны обсудили вопрос Украины."
    story = _story(
        [lone, zh, ru, *FILLER[0]],
        ["会谈持续了七个小时。", "Переговоры длились семь часов.", *FILLER[1]],
    )
    got = _by_text(story)
    assert got[zh].label == got[ru].label == "unverified"
    assert got[zh].confidence == got[ru].confidence == "medium"
    assert got[lone].confidence == "high"  # (the look-alike: an English sentence still is)


def test_a_count_or_time_of_the_same_thing_elsewhere_makes_no_confident_unverified() -> None:
    crews = "Around 80 firefighters tackled the flames at the Karsby depot."
    began = "The Karsby outage began at 9am."
    lone = "Its Karsby showroom was repainted in the spring."
    story = _story(
        [crews, began, lone, *FILLER[0]],
        ["About 60 firefighters attended the scene.", "Problems started at 9am.", *FILLER[1]],
    )
    got = _by_text(story)
    # another source counts the firefighters, or gives the time: this may be that sentence
    # in other words, or its conflict that the vote could not tie to it
    assert got[crews].label == got[began].label == "unverified"
    assert got[crews].confidence == got[began].confidence == "medium"
    assert got[lone].confidence == "high"


def test_a_figure_only_the_claims_own_article_gives_leaves_it_confidently_unverified() -> None:
    # the same figure twice in one article is no other source saying it
    cars = "It delivered about 310,000 cars to Karsby dealers."
    again = "Dealers in Karsby took 310,000 orders for the new model."
    story = _story(
        [cars, again, *FILLER[0]],
        ["The firm repainted its showroom in the spring, the company said.", *FILLER[1]],
    )
    got = _by_text(story)
    assert got[cars].label == got[again].label == "unverified"
    assert got[cars].confidence == got[again].confidence == "high"


def test_a_remark_put_in_another_mouth_by_one_source_is_contradicted() -> None:
    remark = "change the way people move around the city"
    story = _story(
        [f'"This bridge will {remark}," said council leader Maya Osei.', *FILLER[0]],
        [f'"This bridge will {remark}," said Dan Pryce, the opposition spokesman.', *FILLER[1]],
        [f'Maya Osei, the council leader, said the bridge would "{remark}".', *FILLER[2]],
    )
    got = _by_text(story)
    odd = got[f'"This bridge will {remark}," said Dan Pryce, the opposition spokesman.']
    assert odd.label == "contradicted" and odd.confidence == "high"
    assert odd.reason == (
        "speakers of the quote differ: 'Dan Pryce' here; 'Maya Osei' in 000.txt, 002.txt "
        "(the other sources outnumber this one)"
    )
    assert got[f'"This bridge will {remark}," said council leader Maya Osei.'].label == "consistent"


def test_a_charge_one_source_names_differently_is_contradicted() -> None:
    odd = "A man has been charged with manslaughter over the Karsby stabbing."
    story = _story(
        ["Daniel Frost, 25, has been charged with murder over the Karsby stabbing.", *FILLER[0]],
        ["A man was charged with murder over the Karsby stabbing on Saturday.", *FILLER[1]],
        [odd, *FILLER[2]],
    )
    got = _by_text(story)[odd]
    assert (got.label, got.confidence) == ("contradicted", "high")
    assert got.reason == (
        "charges differ: 'manslaughter' here; 'murder' in 000.txt, 001.txt "
        "(the other sources outnumber this one)"
    )


def test_times_of_different_events_on_one_day_are_not_compared() -> None:
    # the sinking was early on Tuesday; the toll rose, and the crew were arrested, later that day
    story = _story(
        ["The Holt ferry sank off Karsby early on Tuesday, killing at least 14 people.", "a b."],
        ["The death toll from the Holt ferry rose to 17 on Tuesday evening, officials said.", "c."],
        ["Fishermen reached survivors of the Holt ferry on Tuesday morning, hours later.", "d."],
        ["The captain of the Holt ferry was arrested on Tuesday afternoon in Karsby.", "e f."],
    )
    got = _by_text(story)
    for text, s in got.items():
        assert "times differ" not in s.reason and "days differ" not in s.reason, (text, s.reason)
        assert "times agree" not in s.reason, (text, s.reason)
    toll = got["The death toll from the Holt ferry rose to 17 on Tuesday evening, officials said."]
    assert toll.label != "contradicted"


def test_clock_times_an_hour_apart_for_the_same_departure_contradict() -> None:
    story = _story(
        ["The Holt ferry left the port of Karsby at 9 p.m. on Monday.", *FILLER[0]],
        ["The Holt ferry left Karsby late on Monday, at 10 p.m., on its overnight route.", "q."],
        ["Volunteers waited for the Holt ferry at the quay in Dunmore.", *FILLER[1]],
    )
    got = _by_text(story)
    late = got["The Holt ferry left Karsby late on Monday, at 10 p.m., on its overnight route."]
    assert late.label == "contradicted", late.reason
    assert "'10 p.m.' here" in late.reason and "'9 p.m.'" in late.reason


def test_a_name_written_with_or_without_its_accents_is_the_same_name() -> None:
    story = _story(
        [
            "Agency spokesman Rubén del Campo said the Karsby heatwave would last until Tuesday.",
            "a.",
        ],
        ["The Karsby heatwave will last until Tuesday, according to Ruben del Campo.", "b c."],
        ["Volunteers handed out water in Karsby as the heatwave went on.", *FILLER[0]],
    )
    got = _by_text(story)
    s = got["Agency spokesman Rubén del Campo said the Karsby heatwave would last until Tuesday."]
    assert "which no other source mentions" not in s.reason, s.reason
    assert s.label == "consistent", s.reason


def test_passing_and_failing_the_same_inspection_contradict() -> None:
    story = _story(
        ["The Holt ferry, built in 1989, had passed an inspection in March, its owner said.", "a."],
        ["The Holt ferry, built in 1989, failed an inspection in March, documents show.", "b c."],
        ["The Holt ferry failed to reach Karsby on time in March.", *FILLER[0]],
    )
    got = _by_text(story)
    failed = got["The Holt ferry, built in 1989, failed an inspection in March, documents show."]
    assert failed.label == "contradicted", failed.reason
    assert "opposite: 'failed' here, 'passed'" in failed.reason
    # "failed to" has no object: no opposite of "passed an inspection"
    late = got["The Holt ferry failed to reach Karsby on time in March."]
    assert "opposite" not in late.reason


def test_admitting_and_denying_the_same_charge_contradict() -> None:
    story = _story(
        ["At Karsby Crown Court, Dale Orme admitted the charge of dangerous driving.", "a."],
        ["Dale Orme denied the charge of dangerous driving at Karsby Crown Court.", "b c."],
        ["Orme's lawyer denied that his client had been drinking.", *FILLER[0]],
    )
    got = _by_text(story)
    denied = got["Dale Orme denied the charge of dangerous driving at Karsby Crown Court."]
    assert denied.label == "contradicted", denied.reason
    assert "opposite: 'denied' here, 'admitted'" in denied.reason
    # "denied that ...": a clause, not the charge
    assert "opposite" not in got["Orme's lawyer denied that his client had been drinking."].reason


def test_jobs_staff_and_workers_are_one_count() -> None:
    story = _story(
        ["Velto is to cut 1,200 jobs at its Halden car plant, the company said.", "a."],
        ["About 1,200 workers at the Halden car plant will lose their jobs, Velto said.", "b c."],
        ["Velto will lay off 1,500 staff at its Halden car plant, the union said.", *FILLER[0]],
    )
    got = _by_text(story)
    jobs = got["Velto is to cut 1,200 jobs at its Halden car plant, the company said."]
    assert jobs.label == "consistent" and "1,200 workers' in 001.txt" in jobs.reason, jobs.reason
    staff = got["Velto will lay off 1,500 staff at its Halden car plant, the union said."]
    assert staff.label == "contradicted" and "'1,500 staff' here" in staff.reason, staff.reason


def _labels(*articles: list[str]) -> dict[str, str]:
    return {text: s.label for text, s in _by_text(_story(*articles)).items()}


def test_a_duration_told_with_another_word_for_the_fire_contradicts() -> None:
    got = _labels(
        ["Firefighters fought the flames for six hours.", *FILLER[0]],
        ["It took crews nearly eight hours to contain the blaze.", *FILLER[1]],
    )
    assert got["Firefighters fought the flames for six hours."] == "contradicted"
    assert got["It took crews nearly eight hours to contain the blaze."] == "contradicted"
    # look-alike: hours of something else
    other = _labels(
        ["Firefighters fought the flames for six hours.", *FILLER[0]],
        ["The council meeting lasted eight hours.", *FILLER[1]],
    )
    assert set(other.values()) == {"unverified"}


def test_shares_rising_and_falling_for_the_same_company_contradict() -> None:
    rose, fell = "Velto's shares rose 3 percent.", "Velto's shares fell slightly on the news."
    got = _labels([rose, "a."], [fell, "b."], ["Velto will close the Halden plant.", "c."])
    assert got[rose] == got[fell] == "contradicted"
    # look-alike: another company's shares
    other = "Marsfield's shares fell slightly on the news."
    got = _labels([rose, "a."], [other, "b."], ["Velto will close the Halden plant.", "c."])
    assert got[rose] != "contradicted" and got[other] != "contradicted"


@pytest.mark.parametrize(
    ("rose", "fell"),
    [
        ("Velto's shares rose 3 percent on Monday.", "Velto's shares fell slightly on Tuesday."),
        ("Velto's shares rose 3 percent in 2023.", "Velto's shares fell slightly in 2024."),
        ("Velto's plant was closed in May.", "Velto's plant was reopened in June."),
        ("Velto's sales rose in Europe.", "Velto's sales fell in Asia."),
    ],
)
def test_opposites_of_one_subject_at_other_times_or_places_do_not_contradict(
    rose: str, fell: str
) -> None:
    got = _labels([rose, "a."], [fell, "b."], ["Velto will close the Halden plant.", "c."])
    assert "contradicted" not in got.values(), got


# names the people of the named-subject tests inside a sentence, as a story does: a capital
# opening a sentence is a name only when the story writes it as one elsewhere
NAMED = ["Grace Okafor defeated Peter Lund and Tom Hale in the Harwick runoff.", "z."]


def test_a_named_subject_doing_or_not_doing_the_same_thing_contradicts() -> None:
    did = "Lund conceded defeat in a speech to supporters late on Sunday."
    not_yet = "Lund has not conceded and said his campaign would ask for a recount."
    got = _labels([did, *FILLER[0]], [not_yet, *FILLER[1]], NAMED)
    assert got[did] == got[not_yet] == "contradicted"
    # look-alikes: another subject; a possibility; what was asked for, not what was done
    for a, b in [
        ("Lund conceded the election.", "Hale has not conceded the election."),
        ("Smith attended the funeral on Friday.", "Smith did not attend the meeting."),
        ("NATO may expand farther east.", "NATO would not expand eastward."),
        ("NATO may expand farther east.", "They want a pledge from NATO not to expand."),
    ]:
        assert "contradicted" not in _labels([a, *FILLER[0]], [b, *FILLER[1]]).values(), (a, b)


@pytest.mark.parametrize(
    ("negated", "asserted"),
    [
        # no name: a capital opening a sentence
        ("Residents have not returned.", "Residents returned to their homes on Tuesday."),
        ("Officials have not commented.", "Officials commented on the report."),
        # another person of the same surname
        ("Anna Lund has not resigned.", "Erik Lund resigned from the board."),
        # a question, a supposition
        ("Has Lund not conceded?", "Lund conceded defeat on Sunday."),
        ("If Lund had not conceded, there would be a recount.", "Lund conceded defeat on Sunday."),
        ("Lund did not concede.", "If Lund conceded, the recount would be cancelled."),
        # done to Lund, done by Lund
        ("Lund was not injured.", "Lund injured a police officer."),
        ("Lund has not been charged.", "Lund charged the battery."),
        # another sense: conceding a point
        ("Lund has not conceded.", "Lund conceded that the count was close."),
        # another time or place
        ("On Sunday, Lund had not conceded.", "Lund conceded on Monday."),
        ("In Karsby, Lund has not conceded.", "In Holt, Lund conceded."),
    ],
)
def test_a_named_subject_look_alike_is_no_contradiction(negated: str, asserted: str) -> None:
    got = _labels([negated, *FILLER[0]], [asserted, *FILLER[1]], NAMED)
    assert "contradicted" not in got.values(), got


SPEAKERS = ["Dana Holst and Ivo Brandt were at the scene.", "z."]


def test_one_named_speaker_denying_what_they_asserted_contradicts() -> None:
    # one shared word ("brakes") is too little to say two sentences are about one thing, unless
    # the same named person says both
    denied = (
        "Police spokeswoman Dana Holst told Alpa News there was no evidence that the brakes "
        "had failed."
    )
    said = "Holst said a first inspection of the wreck suggested the coach's brakes had failed."
    got = _labels([denied, *FILLER[0]], [said, *FILLER[1]], SPEAKERS)
    assert got[denied] == got[said] == "contradicted", got
    # look-alike: another speaker (two people's views of what an inspection may yet settle)
    other = "Ivo Brandt said a first inspection suggested the coach's brakes had failed."
    got = _labels([denied, *FILLER[0]], [other, *FILLER[1]], SPEAKERS)
    assert "contradicted" not in got.values(), got


def test_a_thing_said_not_to_be_possible_and_possible_contradicts() -> None:
    safe = "He said there was no immediate danger of the structure collapsing."
    unsafe = "And the Clarion understands engineers could not rule out a partial collapse."
    got = _labels([safe, *FILLER[0]], [unsafe, *FILLER[1]])
    assert got[safe] == got[unsafe] == "contradicted", got
    # look-alikes: both say it may not happen; another thing; a condition; another day
    for a, b in [
        (safe, "They say the bridge is not at risk of collapse."),
        ("Union leaders ruled out a strike.", "The company did not rule out job cuts."),
        ("If arson is ruled out, the inquiry will end.", "Police have not ruled out arson."),
        (
            "On Monday, engineers could not rule out a collapse of the bridge.",
            "On Friday, the council said there was no danger of a collapse.",
        ),
    ]:
        got = _labels([a, *FILLER[0]], [b, *FILLER[1]])
        assert "contradicted" not in got.values(), (a, b)


def test_the_same_people_banned_from_and_still_allowed_to_do_a_thing_contradicts() -> None:
    banned = "Even pedestrians have been banned from crossing, leaving parents stranded."
    allowed = "Pedestrians and cyclists can still use the crossing over the River Wenn."
    got = _labels([banned, *FILLER[0]], [allowed, *FILLER[1]])
    assert got[banned] == got[allowed] == "contradicted", got
    # look-alikes: other people; another thing; no one named
    for a, b in [
        ("Lorries have been banned from crossing the bridge.", allowed),
        ("Fans were banned from the stadium on Saturday.", "Fans can still buy tickets online."),
        ("He has been banned from competition.", "He was allowed to compete in the final."),
    ]:
        got = _labels([a, *FILLER[0]], [b, *FILLER[1]])
        assert "contradicted" not in got.values(), (a, b)


def test_a_place_no_other_source_names_against_another_in_the_same_words_contradicts() -> None:
    # the Ecuador sentence is not the Colombia one's counterpart (the gangs' is): the place is
    # asked of the claim's best evidence, in the same words ("from"), sharing two specific ones
    colombia = (
        "The drugs were packed in boxes of fruit in a refrigerated container that had been "
        "shipped from Colombia."
    )
    ecuador = (
        "The refrigerated container had arrived on Wednesday aboard a cargo ship from Ecuador, "
        "according to port records."
    )
    gangs = "Gangs hide drugs in boxes of fruit because refrigerated containers are rarely opened."
    got = _analysed(_story([colombia, *FILLER[0]], [gangs, ecuador, *FILLER[1]]))
    mine, theirs = got[("000.txt", colombia)], got[("001.txt", ecuador)]
    assert mine.label == theirs.label == "contradicted", (mine.reason, theirs.reason)
    assert "'Colombia' here" in mine.reason and "'Ecuador' in 001.txt" in mine.reason
    # look-alikes: another word before the place; one word in common; a place another source
    # names too
    for other in [
        "The refrigerated container was bound for Spain, according to port records.",
        "A cargo ship from Ecuador docked on Wednesday, according to port records.",
    ]:
        got = _analysed(_story([colombia, *FILLER[0]], [gangs, other, *FILLER[1]]))
        assert "place differs" not in got[("000.txt", colombia)].reason, other
    got = _analysed(
        _story(
            [colombia, *FILLER[0]],
            [gangs, ecuador, *FILLER[1]],
            ["Colombia is the world's largest producer of cocaine.", *FILLER[2]],
        )
    )
    assert "place differs" not in got[("000.txt", colombia)].reason


def test_people_a_firm_employs_are_a_count_of_its_staff() -> None:
    employed = "The depot employed around 40 people."
    got = _by_text(
        _story(
            [employed, *FILLER[0]],
            ["The depot, which opened in 2015, had around 40 staff.", *FILLER[1]],
            ["The depot employs 55 workers.", *FILLER[2]],
        )
    )
    assert got[employed].label == "consistent", got[employed].reason
    assert "'around 40 staff' in 001.txt" in got[employed].reason
    assert got["The depot employs 55 workers."].label == "contradicted"
    # look-alike: jobs lost are not the workforce
    lost = _labels(
        ["About 1,200 workers at the depot will lose their jobs.", *FILLER[0]],
        ["The depot employs 1,500 workers.", *FILLER[1]],
    )
    assert "contradicted" not in lost.values()


@pytest.mark.parametrize(
    ("count", "staff"),
    [
        # jobs it will have, not its staff now
        ("The new plant will employ 300 people when it opens.", "The plant has 200 staff."),
        # some of its jobs or staff, not all of them
        ("The firm has 300 jobs at risk.", "The firm employs 1,200 workers."),
        ("The hospital had 40 staff off sick on Monday.", "The hospital employs 400 staff."),
    ],
)
def test_a_part_or_a_promise_of_a_workforce_is_not_its_staff_count(count: str, staff: str) -> None:
    got = _labels([count, *FILLER[0]], [staff, *FILLER[1]])
    assert "contradicted" not in got.values(), got


def test_the_staff_of_a_firm_and_of_one_of_its_sites_are_not_one_count() -> None:
    # "employs" is what makes both staff counts, not whose staff they are
    firm, site = "Velto employs 1,500 people worldwide.", "The Halden plant employs 1,200 workers."
    assert "contradicted" not in _labels([firm, *FILLER[0]], [site, *FILLER[1]]).values()
    # one site's, told two ways, still meet
    got = _labels([site, *FILLER[0]], ["The Halden plant has 1,500 staff.", *FILLER[1]])
    assert got[site] == "contradicted"


def test_counts_hedged_alike_share_no_context_for_it() -> None:
    # "around" is no word of what is counted: homes without power are not homes flooded
    got = _labels(["Around 300 homes lost power.", "a."], ["Around 500 homes were flooded.", "b."])
    assert "contradicted" not in got.values()
    # ...while a word that only begins like a hedge stays ("approved": "approximately")
    got = _labels(
        ["Councillors approved 300 homes.", "a."], ["Plans for 250 homes were approved.", "b."]
    )
    assert set(got.values()) == {"contradicted", "unverified"}, got


def test_times_of_one_event_on_a_day_neither_names_are_compared() -> None:
    got = _labels(
        ["The blaze broke out at 9 p.m. at the depot.", *FILLER[0]],
        ["The blaze started at 10 p.m. at the depot.", *FILLER[1]],
    )
    assert set(got.values()) - {"unverified"} == {"contradicted"}
    assert got["The blaze started at 10 p.m. at the depot."] == "contradicted"
    # look-alike: one names the day, the other may be another departure
    got = _labels(
        ["The ferry left at 9 p.m. on Monday from the harbour.", *FILLER[0]],
        ["The ferry left at 10 p.m. from the harbour.", *FILLER[1]],
    )
    assert "contradicted" not in got.values()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The first train left at 9 a.m.", "The last train left at 11 p.m."),
        ("The fire broke out at 2 a.m.", "A second fire broke out at 5 a.m."),
        ("The ferry left Holt at 9 p.m.", "The ferry left Karsby at 11 p.m."),
        ("The meeting started at 9 a.m. yesterday.", "The meeting started at 10 a.m. today."),
        ("The blaze started at 9 p.m. on 3 May.", "The blaze started at 10 p.m."),
        ("The shop opens at 9 a.m. on weekdays.", "The shop opened at 10 a.m."),
    ],
)
def test_times_on_no_weekday_set_apart_otherwise_are_not_compared(one: str, other: str) -> None:
    # another of several events, another place, another day told without a weekday
    got = _labels([one, *FILLER[0]], [other, *FILLER[1]])
    assert "contradicted" not in got.values(), got


def test_dayless_times_told_by_two_named_sources_are_compared() -> None:
    # who says so is no place that sets the times apart
    one = "The blaze broke out at 9 p.m. at the depot, Doyle said."
    other = "The blaze started at 10 p.m. at the depot, Reuters reported."
    got = _labels([one, *FILLER[0]], [other, *FILLER[1]])
    assert got[one] == got[other] == "contradicted", got


def test_a_counterpart_giving_another_figure_for_the_same_count_is_no_confident_support(
    tmp_path: Path,
) -> None:
    articles = {
        "ap.txt": [
            "Strong quake in Turkey leaves dozens dead",
            "A 6.1-magnitude quake shook eastern Turkey on Tuesday, killing 38 people and"
            " wounding 310.",
            "The tremor struck shortly after 9 a.m. near Malatya.",
            "Emergency crews rescued a dozen survivors from collapsed buildings during the night.",
            "Interior Minister Ali Yerlikaya said 52 buildings were destroyed.",
            "The quake was shallow, at a depth of about six miles.",
        ],
        "local.txt": [
            "Malatya earthquake: live updates",
            "The death toll from Tuesday's earthquake in Malatya has risen to 41.",
            "More than 300 people were injured, the health ministry said.",
            "The earthquake did not cause any damage in the provincial capital, the governor said.",
            "Interior Minister Ali Yerlikaya said 25 buildings collapsed in surrounding villages.",
            "Schools will remain closed until Friday.",
        ],
        "reuters.txt": [
            "Earthquake kills at least 40 in eastern Turkey",
            "ANKARA (Reuters) - A magnitude 6.1 earthquake struck eastern Turkey on Tuesday"
            " morning, killing at least 40 people and injuring more than 300, officials said.",
            "The quake hit at 9:14 a.m. local time near the town of Malatya, the disaster"
            " agency AFAD said.",
            "Rescue teams pulled 12 people alive from the rubble overnight.",
            "Interior Minister Ali Yerlikaya said 25 buildings had collapsed.",
            "The epicentre was 10 km deep.",
        ],
    }
    folder = tmp_path / "quake"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text("\n\n".join(text) + "\n", encoding="utf-8")
    story = load_corpus(folder).stories[0]
    _, suggestions = analyse(story)
    lede = next(c for c in story.claims() if c.text.startswith("ANKARA"))
    got = next(s for s in suggestions if s.claim_id == lede.id)
    # its counterpart, the sentence it shares most words with, says 38 killed: the shared
    # words cannot vouch for the figure
    assert got.label == "consistent" and "counterpart in ap.txt" in got.reason, got.reason
    assert got.confidence == "medium"


def test_a_claim_about_someone_named_only_before_it_is_never_a_confident_unverified() -> None:
    lean = "She said the union would fight to save every job."
    got = _by_text(
        _story(
            ["Karen Brooks, the union's regional secretary, spoke outside the plant.", lean],
            ["Velto will close its Halden plant next year.", *FILLER[1]],
        )
    )
    # other sources may name her and say it in other words
    assert got[lean].label == "unverified" and got[lean].confidence == "medium"


def test_a_source_named_after_to_is_no_place_that_sets_two_claims_apart() -> None:
    # "said to Reuters" / "according to Bloomberg" name who says so, not where it happened
    rose = "Velto's shares rose 3 percent, a spokesman said to Reuters."
    fell = "Velto's shares fell slightly, according to Bloomberg."
    got = _labels([rose, "a."], [fell, "b."], ["Velto will close the Halden plant.", "c."])
    assert got[rose] == got[fell] == "contradicted"


def test_a_count_of_an_earlier_event_in_a_named_year_is_not_contradicted() -> None:
    story = _story(
        ["The Marrow river flood forced 3,000 residents from homes in Dunmore on Sunday."],
        ["On Sunday, 3,000 residents of Dunmore left homes as the Marrow river flood spread."],
        [
            "The Marrow river flood drove 3,000 residents of Dunmore from homes on Sunday.",
            "A smaller Marrow river flood forced 400 residents from homes in Dunmore in 2016.",
        ],
        ["About 3,000 residents were forced from homes in Dunmore by the Marrow river flood."],
    )
    got = _by_text(story)
    earlier = got[
        "A smaller Marrow river flood forced 400 residents from homes in Dunmore in 2016."
    ]
    assert earlier.label != "contradicted", earlier.reason


def test_a_nationality_and_its_country_name_one_place() -> None:
    # "Italian" in one source, "Italy" in another: neither names a place no other source does
    dateline = "LODI, Italy — Twelve people were killed when a bus crashed near Lodi on Monday."
    claim = "At least 12 people were killed when a bus crashed near the northern Italian town of Lodi on Monday."  # noqa: E501
    story = _story(
        [dateline],
        [claim],
        ["The bus crash near Lodi on Monday killed 12 people, officials said."],
        ["Twelve people were killed when the bus crashed near Lodi on Monday."],
    )
    got = _by_text(story)
    for text in (dateline, claim):
        assert "names 'Ital" not in got[text].reason, got[text].reason
        assert got[text].label == "consistent", got[text].reason


def test_the_country_a_named_city_lies_in_is_where_it_is_not_what_is_reported() -> None:
    # "Bangkok, Thailand": the country locates a city the other sources name; "the Scottish
    # highlands" name the Scotland another source writes
    flight = "The jet took off from Bangkok, Thailand, with 181 people on board, the ministry said."
    castle = "She died peacefully at Balmoral in the Scottish highlands on Thursday."
    story = _story(
        [flight, castle],
        [
            "The jet left Bangkok carrying 181 people, the transport ministry said.",
            "The Queen died at Balmoral on Thursday, the palace said.",
        ],
        [
            "Officials said 181 people were aboard the jet from Bangkok.",
            "She died peacefully at Balmoral, her estate in Scotland, on Thursday.",
        ],
        FILLER[0],
    )
    got = _by_text(story)
    for text, name in ((flight, "Thailand"), (castle, "Scottish")):
        assert f"'{name}'" not in got[text].reason, got[text].reason
        assert got[text].label == "consistent", got[text].reason
    # a place that holds none of the claim's other places is still a name of its own
    alone = "The jet took off from Bangkok, bound for Laos, the transport ministry said."
    story.articles[0] = article_from_sentences("flood", "000.txt", [alone], title="")
    assert "'Laos'" in _by_text(story)[alone].reason


def test_counts_broken_down_by_place_are_compared_place_by_place() -> None:
    # each source gives a total and a count per district: a district's count is a part of the
    # total, compared only with the same district's count in the other sources
    story = _story(
        [
            "Officials said at least 37 people were killed in the earthquake.",
            "The earthquake killed at least 20 people in Dorvan district, police said.",
            "In neighbouring Kessa district, 17 people were confirmed dead.",
            *FILLER[0],
        ],
        [
            "At least 54 people were killed in the earthquake, officials said.",
            "The quake killed 28 people in Dorvan district, where many houses collapsed.",
            "In neighbouring Kessa district, 26 people were confirmed dead, an official said.",
            *FILLER[1],
        ],
        [
            "The earthquake killed at least 128 people and injured 140.",
            "In the hardest-hit areas like Kessa district, 92 deaths have been reported.",
            *FILLER[2],
        ],
    )
    got = _by_text(story)
    kessa = got["In neighbouring Kessa district, 17 people were confirmed dead."]
    assert kessa.label == "contradicted"
    assert "'26 people'" in kessa.reason and "'92 deaths'" in kessa.reason
    assert "'54 people'" not in kessa.reason and "'128 people'" not in kessa.reason  # totals
    dorvan = got["The earthquake killed at least 20 people in Dorvan district, police said."]
    assert "'28 people'" in dorvan.reason and "'54 people'" not in dorvan.reason
    total = got["At least 54 people were killed in the earthquake, officials said."]
    assert not any(part in total.reason for part in ("'26 people'", "'92 deaths'", "'28 people'"))


def test_a_count_given_with_a_place_still_meets_a_count_given_without() -> None:
    # no source breaks the count down: the place is where the event happened
    story = _story(
        ["Nine people died in Varena when a coach left the road.", *FILLER[0]],
        ["Eleven people died when a coach left a mountain road.", *FILLER[1]],
        ["Eleven people died when the coach left the road near Varena.", *FILLER[2]],
    )
    got = _by_text(story)
    odd = got["Nine people died in Varena when a coach left the road."]
    assert odd.label == "contradicted" and "'Eleven people'" in odd.reason


def test_what_was_sought_is_not_compared_with_what_was_decided() -> None:
    story = _story(
        [
            "Former mayor Ian Holt was sentenced on Tuesday to two years in prison for bribery.",
            "Prosecutors had sought a 10- to 12-year prison term.",
            *FILLER[0],
        ],
        [
            "Ian Holt, the former mayor, was sentenced to two years in prison on Tuesday.",
            "Prosecutors had demanded that Holt be sentenced to at least ten years behind bars.",
            *FILLER[1],
        ],
        [
            "Holt's two-year prison term is far shorter than the 20-year term prosecutors sought.",
            "He faces a maximum of 30 years in prison on a separate charge.",
            *FILLER[2],
        ],
    )
    got = _by_text(story)
    decided = got["Ian Holt, the former mayor, was sentenced to two years in prison on Tuesday."]
    assert decided.label == "consistent", decided.reason
    assert "ten years" not in decided.reason and "20-year" not in decided.reason
    sought = got[
        "Holt's two-year prison term is far shorter than the 20-year term prosecutors sought."
    ]
    assert sought.label == "contradicted" and "'10- to 12-year'" in sought.reason, sought.reason
    assert "'two years'" not in sought.reason


def test_a_potential_sentence_of_so_many_and_a_half_years_is_not_the_sentence() -> None:
    from reader.suggest import numbers

    half = numbers.extract("He was jailed for six and a half years.")
    assert [(s.surface, s.value[:2]) for s in half] == [("six and a half years", (6.5, 6.5))]
    story = _story(
        ["Former mayor Ian Holt was sentenced on Tuesday to two years in prison.", *FILLER[0]],
        [
            "Ian Holt, the former mayor, was sentenced to two years in prison on Tuesday.",
            *FILLER[1],
        ],
        [
            "Holt was sentenced to two years in prison on Tuesday for bribery.",
            "The potential sentence was cut on Tuesday to six and a half to eight years.",
            *FILLER[2],
        ],
    )
    got = _by_text(story)
    cut = got["The potential sentence was cut on Tuesday to six and a half to eight years."]
    assert cut.label != "contradicted", cut.reason


def test_ages_of_several_unnamed_people_meet_the_same_age_in_another_source() -> None:
    # each source names a boy of 8 and his brother of 4, and victims "aged 30 or older": an
    # age another source also gives is agreed, whoever it is attached to there
    story = _story(
        [
            "An eight-year-old boy was struck in the head and is in critical condition.",
            "A four-year-old boy was struck in the thigh, the sheriff said.",
            "A third victim was a 39-year-old woman who was hurt in the leg.",
            *FILLER[0],
        ],
        [
            "The 8-year-old boy was shot in the head, while his 4-year-old brother is stable.",
            "The other six victims, all aged 30 or older, are in a stable condition.",
            *FILLER[1],
        ],
        [
            "An eight-year-old boy and his four-year-old brother were among those hit.",
            "The other victims, all aged 30 or over, were in stable condition.",
            *FILLER[2],
        ],
    )
    got = _by_text(story)
    for text in (
        "A four-year-old boy was struck in the thigh, the sheriff said.",
        "A third victim was a 39-year-old woman who was hurt in the leg.",
    ):
        assert got[text].label != "contradicted", got[text].reason


def test_a_figure_of_it_after_a_sentence_naming_a_past_event_is_that_event_s() -> None:
    story = _story(
        [
            "The quake killed at least 150 people in the hills on Friday.",
            "The region has had many earthquakes, with the 2015 quake the most devastating.",
            "It killed some 9,000 people and damaged a million homes.",
            *FILLER[0],
        ],
        ["At least 157 people were killed in the quake on Friday.", *FILLER[1]],
        ["The quake on Friday killed 150 people.", *FILLER[2]],
    )
    got = _by_text(story)
    past = got["It killed some 9,000 people and damaged a million homes."]
    assert past.label != "contradicted", past.reason
    # ... both ways: nor is it set against the other sources' tolls
    story = _story(
        [
            "The region has had many earthquakes, with the 2015 quake the most devastating.",
            "It killed some 9,000 people and damaged a million homes.",
            *FILLER[0],
        ],
        ["At least 157 people were killed in the quake on Friday.", *FILLER[1]],
        ["The quake on Friday killed 160 people.", *FILLER[2]],
    )
    toll = _by_text(story)["At least 157 people were killed in the quake on Friday."]
    assert "9,000" not in toll.reason, toll.reason
    # a pronoun after a sentence with no past event is the story's own
    story = _story(
        [
            "The quake struck the hills on Friday night.",
            "It killed 400 people, officials said.",
            *FILLER[0],
        ],
        ["At least 157 people were killed in the quake on Friday.", *FILLER[1]],
        ["The quake on Friday killed 150 people.", *FILLER[2]],
    )
    assert _by_text(story)["It killed 400 people, officials said."].label == "contradicted"


def test_a_breakdown_does_not_contradict_its_total() -> None:
    total = "The fraud at the Karsby fund cost its savers and lenders about $10 billion."
    parts = "Karsby fund savers lost $8 billion and its lenders lost $1.8 billion in the fraud."
    story = _story([total, *FILLER[0]], [parts, *FILLER[1]])
    got = _by_text(story)
    assert got[total].label != "contradicted", got[total].reason
    assert got[parts].label != "contradicted", got[parts].reason
    # look-alike: a single other sum of the same losses still differs
    other = "Karsby fund savers and lenders lost $4 billion in the fraud."
    got = _by_text(_story([total, *FILLER[0]], [other, *FILLER[1]]))
    assert got[total].label == "contradicted"
    assert "'about $10 billion' here; '$4 billion' in 001.txt" in got[total].reason


def test_a_sum_of_no_named_part_is_of_the_part_it_matches() -> None:
    head = "Karsby Foods posted $6.4 billion income for the third quarter."
    operating = "Karsby Foods said operating income was $6.37 billion in the third quarter."
    net = "Karsby Foods said net income for the third quarter was $5.11 billion."
    story = _story([head, *FILLER[0]], [operating, net, *FILLER[1]], [net, *FILLER[2]])
    got = _by_text(story)
    assert got[head].label == "consistent", got[head].reason
    assert "5.11" not in got[head].reason
    # look-alike: a sum that matches no part differs from them all
    other = "Karsby Foods posted $5.8 billion income for the third quarter."
    got = _by_text(_story([other, *FILLER[0]], [operating, net, *FILLER[1]], [net, *FILLER[2]]))
    assert got[other].label == "contradicted", got[other].reason


def test_agreeing_figures_are_listed_without_the_others_of_their_source() -> None:
    claim = "The Liberal party won 33 seats in the Karsby election."
    story = _story(
        [claim, *FILLER[0]],
        [claim, "The Liberal party had won 14 seats in the last Karsby election.", *FILLER[1]],
    )
    (agree,) = StorySuggester(story)._votes(0)  # what the reason says when words are few
    assert agree.reason == "numbers agree: '33 seats' here; '33 seats' in 001.txt"


def test_a_story_of_one_article_says_there_is_no_other_source() -> None:
    # it said "no sentence aligns with it above score 20", as if other sources had been read
    got = _by_text(_story(["The Marrow river rose by two metres on Monday.", *FILLER[0]]))
    for s in got.values():
        assert s.label == "unverified"
        assert s.reason == "no other source: the story has one article"
    # look-alike: with a second article, the reason names what was compared
    got = _by_text(_story([FILLER[1][0]], [FILLER[2][0]]))
    assert all(s.reason.startswith("no counterpart in any other source") for s in got.values())


COPIED = [
    "The Marrow river flood forced 3,000 residents of Dunmore from their homes on Monday.",
    "Engineers opened the Karsby sluice gates at the reservoir late on Sunday night.",
    "The mayor said the old market quarter would stay closed until the water fell.",
]


def test_a_copy_of_an_article_is_not_an_independent_source() -> None:
    # the same wire report saved twice made every claim of each "consistent" with the other
    elsewhere = "The Marrow river flood drove 8,000 residents of Dunmore from homes on Monday."
    story = _story(COPIED, list(COPIED), [elsewhere, *FILLER[1]])
    sugg = _analysed(story)
    gates = sugg[("000.txt", COPIED[1])]
    assert gates.label == "unverified"  # only its copy says so
    assert gates.reason.startswith("the same report in 001.txt (a copy, not an independent")
    assert all(e.article == "002.txt" for e in gates.evidence)
    # the copy counts once in a vote: 3,000 in 000.txt and 001.txt against 8,000 is one to one
    flood = sugg[("002.txt", elsewhere)]
    assert flood.label == "contradicted" and "(tied)" in flood.reason
    # look-alike: two independent articles saying the same back each other
    story = _story(COPIED, [COPIED[1], *FILLER[2]], [elsewhere, *FILLER[1]])
    assert _analysed(story)[("000.txt", COPIED[1])].label == "consistent"


def test_two_sources_giving_different_shares_is_a_doubt_shown_not_a_conflict() -> None:
    # one source against one on a share: of what, and from when, may differ (a division's
    # revenue "down 16%" / the company's "a six percent increase")
    claim = "Velto's gaming division posted revenue of $1.6 billion, a decrease of 16% on the year."
    other = "Velto posted quarterly revenue of $14 billion, a six percent increase on the year."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], FILLER[2])
    got = _by_text(story)[claim]
    assert got.label != "contradicted", got.reason
    assert any("'16%' here; 'six percent increase' in 001.txt (tied)" in h for h in got.hints)
    assert "no number" not in got.reason and "no conflict" not in got.reason
    # look-alikes: two sources against one on a share is still a conflict, and so is a tie on
    # a count
    third = "Velto's revenue was $14 billion, a six percent increase on the year, it said."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], [third, *FILLER[2]])
    assert _by_text(story)[claim].label == "contradicted"
    dead = "The Marrow river flood killed 12 people in Dunmore on Monday."
    story = _story([dead], ["The Marrow river flood killed 15 people in Dunmore on Monday."])
    assert _by_text(story)[dead].label == "contradicted"


def test_two_sources_moving_one_thing_by_different_shares_conflict() -> None:
    # one against one on a change is a conflict when both say what moved, and the same: "Sales
    # fell 18%" / "Sales were down by about a quarter" (a tie: low confidence)
    claim = "Sales at Marlow Appliances were down by about a quarter last year, the firm said."
    other = "Marlow Appliances said sales fell 18% last year as fewer people bought new machines."
    story = _story([claim, *FILLER[0]], [other, *FILLER[1]], FILLER[2])
    got = _by_text(story)[claim]
    assert got.label == "contradicted" and got.confidence == "low", got.reason
    assert "'down by about a quarter' here; 'fell 18%' in 001.txt (tied)" in got.reason
    # look-alikes: what moved differs (sales, profit), or one says what moved and the other
    # not: no conflict
    profit = "Marlow Appliances said profit fell 18% last year as fewer people bought new machines."
    vague = "Marlow Appliances said it fell 18% last year as fewer people bought new machines."
    more = "Marlow Appliances said online sales fell 18% last year as fewer people bought them."
    for text in (profit, vague, more):
        story = _story([claim, *FILLER[0]], [text, *FILLER[1]], FILLER[2])
        got = _by_text(story)[claim]
        assert got.label != "contradicted", got.reason


def test_nobody_at_all_meets_a_count_of_some_whoever_they_are() -> None:
    # "Nobody was injured" / "Three firefighters were injured" and "No arrests have been made" /
    # "have arrested two men" shared no counted word, and were never compared
    nobody = "Nobody was injured in the fire at the Marl depot, the fire service said."
    some = "Three firefighters were injured in the fire at the Marl depot."
    arrests = "No arrests have been made over the attack in Dunmore, police said."
    arrested = "Police in Dunmore have arrested two men over the attack."
    story = _story([nobody, arrests, *FILLER[0]], [some, arrested, *FILLER[1]], ["Other news."])
    got = _analysed(story)
    for key in [
        ("000.txt", nobody),
        ("001.txt", some),
        ("000.txt", arrests),
        ("001.txt", arrested),
    ]:
        assert got[key].label == "contradicted", got[key].reason
    assert (
        "'Nobody was injured' here; 'Three firefighters' in 001.txt"
        in got[("000.txt", nobody)].reason
    )
    # look-alikes: none of some ("No passengers were hurt") said beside others ("two crew
    # members"), and nobody said of another fate ("No one was killed")
    for mine, theirs in [
        (
            "No passengers were hurt when the Marl ferry hit the pier.",
            "Two crew members were hurt when the Marl ferry hit the pier.",
        ),
        ("No one was killed in the fire at the Marl depot.", some),
    ]:
        got = _analysed(_story([mine, *FILLER[0]], [theirs, *FILLER[1]], ["Other news."]))
        assert got[("000.txt", mine)].label != "contradicted", got[("000.txt", mine)].reason


def test_a_story_of_copies_says_it_has_no_other_source() -> None:
    # the same report three times: "no sentence aligns with it above score 20" said nothing
    # of why, and "a copy" named two articles
    sugg = _analysed(_story(COPIED, list(COPIED), list(COPIED)))
    gates = sugg[("000.txt", COPIED[1])]
    assert gates.label == "unverified"
    assert gates.reason == (
        "the same report in 001.txt, 002.txt (copies, not independent sources); "
        "no other source in the story"
    )


def test_shares_of_one_thing_are_compared_as_precisely_as_written() -> None:
    # from an invented mayoral count and cup final: "Turnout was about 58%" met "61%" (a tenth
    # of 58 either way) and "58% of possession" / "62% of possession" were never compared
    # (the shots "on target" after the share made it a target): both said "no conflict found"
    about = "Turnout in the Dunmore mayoral race was about 58%, officials said."
    story = _story(
        ["Turnout in the Dunmore mayoral race was 61%, the highest in two decades.", *FILLER[0]],
        ["Turnout in the Dunmore mayoral race reached 61%, the city said.", *FILLER[1]],
        [about, *FILLER[2]],
    )
    got = _by_text(story)
    assert got[about].label == "contradicted", got[about].reason
    assert "'about 58%' here; '61%' in 000.txt, 001.txt" in got[about].reason
    own = got["Turnout in the Dunmore mayoral race was 61%, the highest in two decades."]
    assert "differing: 'about 58%' in 002.txt" in own.reason
    possession = "City had 58% of possession and 17 shots, seven of them on target."
    story = _story(
        [possession, *FILLER[0]], ["City dominated the ball, enjoying 62% of the possession."]
    )
    got = _by_text(story)[possession]
    assert got.label == "contradicted" and "'62%' in 001.txt (tied)" in got.reason
    # look-alikes: a round share hedged meets one close to it, and percentage points are no
    # share ("up four percentage points" is not "up 4%")
    story = _story(
        ["Turnout in the Dunmore mayoral race was about 60%, up four percentage points."],
        ["Turnout in the Dunmore mayoral race was 58%, up 4% on the last race."],
    )
    got = _by_text(story)[
        "Turnout in the Dunmore mayoral race was about 60%, up four percentage points."
    ]
    assert got.label == "consistent" and "'58%' in 001.txt" in got.reason, got.reason
    assert "4%" not in got.reason


def test_the_number_of_people_killed_is_a_death_toll() -> None:
    # from an invented quake: "The number of people killed in Tuesday's earthquake in eastern
    # Valmora has risen to 37" gave no figure, so "At least 41 people have died" was not
    # compared with it and it was "consistent ... no conflict found"
    claim = "The number of people killed in Tuesday's earthquake in Karsby has risen to 37."
    story = _story(
        [claim, *FILLER[0]],
        ["At least 41 people have died after the earthquake struck Karsby on Tuesday.", "a b."],
        ["At least 41 people died in the Karsby earthquake on Tuesday, officials said.", "c d."],
    )
    got = _by_text(story)[claim]
    assert got.label == "contradicted" and "'37' here; 'At least 41 people' in 001.txt" in (
        got.reason
    )
    # look-alike: the number of something else that has risen is no toll
    (cases,) = numbers.extract("The number of measles cases in Karsby has risen to 52.")
    assert cases.value[3] is None and "person" not in cases.key


def test_another_count_after_a_count_of_the_dead_is_all_of_its_own() -> None:
    # from an invented quake: "...has risen to 37. Another 214 people were injured" read as more
    # of the injured, so that source was left out of the count of the injured and "More than
    # 200 people were hurt" was "(tied)" against "injuring about 80" alone
    hurt = "More than 200 people were hurt in the Karsby earthquake."
    story = _story(
        ["The Karsby earthquake killed 37 people.", "Another 214 people were injured.", "a b."],
        [hurt, *FILLER[1]],
        ["The Karsby earthquake killed 12 people and injured about 80.", *FILLER[2]],
    )
    got = _by_text(story)
    assert got[hurt].label == "consistent", got[hurt].reason
    assert "'214 people' in 000.txt" in got[hurt].reason
    assert "differing: 'injured about 80' in 002.txt" in got[hurt].reason
    # look-alike: another count of the injured after one of them is more of them
    story = _story(
        ["The Karsby earthquake injured 30 people.", "Another 214 people were injured.", "a b."],
        [hurt, *FILLER[1]],
    )
    assert "214" not in _by_text(story)[hurt].reason


def test_a_value_that_was_is_not_compared_with_the_value_now() -> None:
    # from an invented mayoral count: "The Progress Party had held 13 seats on the outgoing
    # council" was contradicted by "held eight seats, down from 13" (tied): the 13 is the same
    # former value, not a count of the seats won
    was = "The Progress Party had held 13 seats on the outgoing Dunmore council."
    story = _story(
        [was, *FILLER[0]],
        ["The Progress Party held eight seats on the Dunmore council, down from 13.", "a b."],
    )
    got = _by_text(story)[was]
    assert got.label != "contradicted", got.reason
    # the same for a value "previously" held, one "compared with" and one "a year earlier"
    for text in (
        "The Progress Party previously held 13 seats on the Dunmore council.",
        "Velto's sales were $4.1 billion, compared with $3.6 billion a year earlier.",
        "Velto's sales rose to $4.1 billion from $3.6 billion a year earlier.",
    ):
        assert {s.value[4] for s in numbers.extract(text)} & {"former"}, text
    now = "Velto's sales rose to $4.1 billion in the second quarter, it said."
    claim = "Velto's sales were $4.1 billion, compared with $3.6 billion a year earlier."
    got = _by_text(_story([claim, *FILLER[0]], [now, *FILLER[1]]))[claim]
    assert got.label == "consistent" and "3.6" not in got.reason, got.reason
    # look-alikes: a count in the last hours is a count now, and so is one on the council
    dead = numbers.extract("Twelve people died in the Karsby floods in the last 24 hours.")[0]
    assert dead.value[4] == ""
    (seats,) = numbers.extract("The Progress Party won eight seats on the Dunmore council.")
    assert seats.value[4] == ""


def test_a_short_claim_giving_the_same_precise_figure_has_its_counterpart() -> None:
    # from an invented cup final: "The attendance was 61,482." was "no counterpart in any other
    # source" beside "... in front of a crowd of 61,482 at Westgate Stadium"
    claim = "The attendance was 61,482."
    lead = "Harbour City beat Ashford 3-1 in front of a crowd of 61,482 at Westgate Stadium."
    story = _story([claim, *FILLER[0]], [lead, *FILLER[1]])
    got = _by_text(story)[claim]
    assert got.label == "consistent", got.reason
    assert "counterpart in 001.txt gives the same figure" in got.reason
    assert got.confidence == "low" and got.evidence[0].text == lead
    # look-alike: a round figure is said of several things
    claim = "The club has 1,500 season-ticket holders."
    story = _story([claim, *FILLER[0]], ["The stadium roof cost 1,500 euros a metre.", "a b."])
    assert _by_text(story)[claim].label == "unverified"


def test_figures_each_attributed_to_another_giver_are_a_weak_conflict() -> None:
    # from an invented quake: "magnitude 6.2, the national seismological institute said" was
    # contradicted with high confidence by two "magnitude 6.4 ..., the USGS said": agencies
    # measure a quake each, and a report of one agency's reading is not wrong
    claim = "The magnitude 6.2 quake struck Karsby at 2 a.m., the national institute said."
    story = _story(
        [claim, *FILLER[0]],
        ["The magnitude 6.4 quake struck Karsby at 2 a.m., the USGS said.", *FILLER[1]],
        ["A magnitude 6.4 quake struck Karsby early on Tuesday, the USGS said.", *FILLER[2]],
    )
    got = _by_text(story)[claim]
    assert got.label == "contradicted" and got.confidence == "low", got.reason
    assert got.reason.endswith("; each attributed to another source")
    # look-alike: the same giver, or none named, is a conflict as strong as its majority
    for theirs in ("the national institute said", "it said"):
        other = f"The magnitude 6.4 quake struck Karsby at 2 a.m., {theirs}."
        story = _story(
            [claim, *FILLER[0]],
            [other, *FILLER[1]],
            [other.replace("2 a.m.", "dawn"), *FILLER[2]],
        )
        got = _by_text(story)[claim]
        assert got.confidence == "high" and "attributed" not in got.reason, got.reason


def test_the_same_move_one_way_and_the_other_conflicts() -> None:
    # from an invented earnings day: "Shares in Nordvik fell 8% in Stockholm" and "The
    # company's shares rose 8% in Stockholm trading" agreed (the same 8%), and "Shares closed
    # 7.9% lower." was no move at all, so had no counterpart
    rose = "The company's shares rose 8% in Stockholm trading after the report."
    lower = "Velto shares closed 7.9% lower in Stockholm."
    story = _story(
        ["Shares in Velto fell 8% in Stockholm, their biggest drop since 2020.", *FILLER[0]],
        [lower, *FILLER[1]],
        [rose, *FILLER[2]],
    )
    got = _by_text(story)
    assert got[rose].label == "contradicted", got[rose].reason
    assert "'rose 8%' here; 'fell 8%' in 000.txt; '7.9% lower' in 001.txt" in got[rose].reason
    assert got[lower].label == "consistent" and "differing: 'rose 8%' in 002.txt" in (
        got[lower].reason
    )
    # look-alikes: a move of another thing of the company's is another move, and a move said
    # no way meets either
    (profit,) = numbers.extract("Velto said its quarterly profit fell 12%.")
    shares = numbers.extract("Shares in Velto fell 8% in Stockholm.")[0]
    assert not numbers.related(profit, shares)
    (moved,) = numbers.extract("Velto shares moved 8% in Stockholm trading.")
    (up,) = numbers.extract("Velto shares rose 8% in Stockholm trading.")
    assert numbers.related(moved, up) and numbers.compatible(moved, up)


def test_a_sentence_writing_the_claims_figure_bare_does_not_vote_against_it() -> None:
    # "Vidric's two goals take him to 14" gives the season's 14 too, as no count the rules
    # read: its "two goals" (of one match) was set against "14 league goals"
    season = "Vidric now has 14 league goals this season, the most of any player in the division."
    match = "Vidric's two goals take him to 14 for the league campaign."
    beat = "Rovers beat Kelton 3-1 at Millgate Park on Saturday."
    got = _analysed(_story([season, *FILLER[0]], [match, *FILLER[1]], [beat, *FILLER[2]]))
    assert got[("000.txt", season)].label == "consistent", got[("000.txt", season)].reason
    # look-alike: the claim's figure read as a count of another role still leaves a conflict
    killed = "Police said 20 people were killed in the blast."
    other = "The blast killed 14 people and injured 20, police said."
    got = _analysed(_story([killed, *FILLER[0]], [other, *FILLER[1]], [beat, *FILLER[2]]))
    s = got[("000.txt", killed)]
    assert s.label == "contradicted" and "'14 people' in 001.txt" in s.reason, s.reason


def test_a_sentence_that_leaves_out_the_year_a_claim_is_set_in_does_not_vouch_for_it() -> None:
    # "In March 2022, another jet returned ..." is the story's background: the sentence about
    # this week's return shares its words (80) but not its year, and each was the other's
    # counterpart, at high confidence
    then = (
        "In March 2022, another Skyvane jet returned to Holt airport after a cabin pressure "
        "warning."
    )
    now = (
        "The Skyvane jet returned to Holt airport after a cabin pressure warning on Thursday "
        "morning."
    )
    hotel = "Passengers were taken to a hotel near the airport."
    got = _analysed(_story([then, *FILLER[0]], [now, *FILLER[1]], [hotel, *FILLER[2]]))
    s = got[("000.txt", then)]
    assert s.label == "unverified", s.reason
    assert "but does not name 2022, when this claim's event was" in s.reason
    s = got[("001.txt", now)]
    assert s.label == "unverified", s.reason
    assert "but tells of 2022, which this claim does not name" in s.reason
    ago = "Two years ago, another Skyvane jet returned to Holt airport after a pressure warning."
    got = _analysed(_story([ago, *FILLER[0]], [now, *FILLER[1]], [hotel, *FILLER[2]]))
    assert "does not name two years ago" in got[("000.txt", ago)].reason
    # and its figures are that year's, not set against today's ("In 2016, when the thefts
    # began, the county's budget was about $39m" / "whose budget is roughly $48 million")
    court = ["The treasurer was sentenced to nine years in prison on Thursday.", *FILLER[2]]
    budget = "The county, whose budget is roughly $48 million, will appeal, the court heard."
    for text, label in (
        ("In 2016, when the thefts began, the county's budget was about $39m.", "unverified"),
        ("The county's budget was about $39m, the court heard.", "contradicted"),
    ):
        got = _analysed(_story([text, *FILLER[0]], [budget, *FILLER[1]], court))
        assert got[("000.txt", text)].label == label, got[("000.txt", text)].reason
    # look-alike: a year as a detail of the claim, not when its event was ("since 1987")
    firm = (
        "The firm, which makes coatings for the motor trade, has been on the Holt estate since "
        "1987."
    )
    same = "The family-owned firm makes coatings for the motor trade on the Holt estate."
    got = _analysed(_story([firm, *FILLER[0]], [same, *FILLER[1]], [hotel, *FILLER[2]]))
    assert got[("000.txt", firm)].label == "consistent"


def test_a_count_of_inhabitants_is_a_count_of_people() -> None:
    # "home to about 4,000 people" / "the island's 4,000 inhabitants": one population, which
    # the two sentences give in no other shared word
    home = "Holt, home to about 4,000 people, depends on the ferry for most of its supplies."
    left = (
        "The operator has suspended the island service until Tuesday, leaving the island's "
        "4,000 inhabitants without their main link to the mainland."
    )
    ran = "The ferry ran aground off Holt on Saturday evening."
    got = _analysed(_story([home, *FILLER[0]], [left, *FILLER[1]], [ran, *FILLER[2]]))
    s = got[("000.txt", home)]
    assert s.label == "consistent", s.reason
    assert "numbers agree: 'about 4,000 people' here; '4,000 inhabitants' in 001.txt" in s.reason


def test_a_sentence_giving_another_figure_for_the_same_thing_does_not_vouch_for_a_claim() -> None:
    # "Calloway employs about 6,800 people worldwide" and "the plant employed more than 3,000
    # people" align (64) and share "employs" and "people": consistent, though each gives a
    # figure the other does not, of another time and scope (so no conflict either)
    staff = "Calloway employs about 6,800 people worldwide."
    peak = "At its peak in the 1990s the plant employed more than 3,000 people."
    other = ["The Dunmore plant will close in March, the company said.", *FILLER[2]]
    got = _analysed(_story([staff, *FILLER[0]], [peak, *FILLER[1]], other))
    s = got[("000.txt", staff)]
    assert s.label == "unverified", s.reason
    assert (
        "the closest sentence, in 001.txt, aligns with it (score 63.7) but gives another "
        "figure: 'about 6,800 people' here, 'more than 3,000 people' there"
    ) in s.reason
    # however many rare words they share: two bonds' yields, each moving by its own points
    two = "The two-year government bond yield jumped 31 basis points to 7.64%."
    ten = "The yield on the 10-year government bond climbed 22 basis points to 8.05 per cent."
    rate = ["The central bank raised its main rate by half a point on Thursday.", *FILLER[2]]
    got = _analysed(_story([two, *FILLER[0]], [ten, *FILLER[1]], rate))
    assert got[("000.txt", two)].label == "unverified"
    assert "gives another figure: '31 basis' here, '22 basis' there" in got[("000.txt", two)].reason
    # look-alikes: the claim's figure in the other sentence, in another role ("a 12-year
    # term"), or the same figure told another way, vouch for it
    sought = "Prosecutors had sought a sentence of 12 years for the treasurer."
    asked = (
        "Prosecutors had asked for a 12-year term for the treasurer, while the defense sought "
        "no more than four years."
    )
    got = _analysed(_story([sought, *FILLER[0]], [asked, *FILLER[1]], other))
    assert got[("000.txt", sought)].label == "consistent"
    assert got[("001.txt", asked)].label == "consistent"


def test_a_day_or_date_of_the_same_event_in_a_sentence_sharing_little_else_contradicts() -> None:
    # "The hearing is due to resume on Wednesday." shares only what resumes with the other
    # sources' sentences, too little to be their counterpart by its words: the day is what it
    # says, and the others put the same event on another day
    day = "The hearing is due to resume on Wednesday."
    story = _story(
        [day, *FILLER[0]],
        ["The hearing will resume on Thursday, lawyers for both families confirmed.", *FILLER[1]],
        ["The inquest into the Dunmore flood deaths opened in March.", *FILLER[2]],
    )
    s = _analysed(story)[("000.txt", day)]
    assert s.label == "contradicted", s.reason
    assert "days differ: 'Wednesday' here; 'Thursday' in 001.txt" in s.reason
    assert [day[a:b] for a, b in s.spans] == ["Wednesday"]
    # a date, two sources against and one with it: a tie, said so, at low confidence
    date = "Sentencing is due on 14 March."
    story = _story(
        [date, *FILLER[0]],
        ["The landlord will be sentenced on March 21.", *FILLER[1]],
        ["Sentencing was set for March 21 by the judge.", *FILLER[2]],
        ["He will be sentenced at Carrow Crown Court on March 14.", *FILLER[3]],
    )
    s = _analysed(story)[("000.txt", date)]
    assert s.label == "contradicted" and s.confidence == "low", s.reason
    assert "dates differ: '14 March' here; 'March 21' in 001.txt, 002.txt" in s.reason
    assert "agreeing: 'March 14' in 003.txt (tied)" in s.reason
    # two events of one story on two days are no conflict: what the talks did differs
    held = "Talks between the council and the landlord were held on Monday."
    story = _story(
        [held, *FILLER[0]],
        ["Talks between the council and the landlord will resume on Thursday.", *FILLER[1]],
        ["The inquest into the Dunmore flood deaths opened in March.", *FILLER[2]],
    )
    assert _analysed(story)[("000.txt", held)].label != "contradicted"


def test_a_share_whose_thing_comes_before_it_is_compared_with_that_thing_only() -> None:
    # "Turnout in the ballot was 78%" was compared with "91% voted in favour" (the ballot
    # shared) and not with "on a turnout of 73%": what a share is of may come before it, as
    # the subject of "was" or the noun before "of"
    alone = "Occupancy across the Dunmore hotels was 64%."
    low = "In the Dunmore hotels, 93% of guests rated their stay as good, with occupancy of 71%."
    story = _story(
        [alone, *FILLER[0]],
        [low, *FILLER[1]],
        ["The Dunmore hotels said 93% of guests were happy, on an occupancy of 64%.", *FILLER[2]],
    )
    got = _analysed(story)
    s = got[("001.txt", low)]
    assert s.label == "contradicted", s.reason
    assert "'71%' here; '64%' in 000.txt, 002.txt" in s.reason
    s = got[("000.txt", alone)]
    assert s.label == "consistent" and "93%" not in s.reason and "differing: '71%'" in s.reason


def test_a_share_more_than_usual_is_no_share_of_what_another_source_counts() -> None:
    # "bus services had carried 40% more passengers than usual" was contradicted, with high
    # confidence, by "about one in five services" and "around 20% of the timetable"
    more = "Bus services in Dunmore carried 40% more passengers than usual on Monday."
    story = _story(
        ["Only about one in five train services ran in Dunmore on Monday.", *FILLER[0]],
        ["Train services in Dunmore were cut to around 20% of the timetable.", *FILLER[1]],
        [more, *FILLER[2]],
    )
    s = _analysed(story)[("002.txt", more)]
    assert s.label != "contradicted" and "40%" not in s.reason, s.reason
    # the share after it, past a comma, is no comparison: "Turnout was 61%, more than in 2019"
    turnout = numbers.extract("Turnout in Dunmore was 61%, more than in 2019.")[0]
    assert turnout.value[4] == ""


def test_a_third_source_giving_the_same_figure_in_other_words_is_no_tie() -> None:
    # "Graham Ashby, 57, was convicted ... after a seven-week trial" was "contradicted (low)":
    # "'57' here; '58' in ... (tied)" though a third source said "The 57-year-old", and
    # "'seven-week' here; 'eight weeks' in ... (tied)" though a third said "a seven-week trial"
    claim = (
        "Martin Vale, 44, was convicted at Dunmore Crown Court on Friday after a six-week trial."
    )
    jury = "Vale, 45, was convicted of arson by a jury following a six-week trial."
    story = _story(
        [claim, *FILLER[0]],
        [jury, *FILLER[1]],
        ["The 44-year-old was remanded in custody.", "The trial lasted five weeks.", *FILLER[2]],
    )
    got = _analysed(story)
    s = got[("000.txt", claim)]
    assert s.label == "consistent" and "(tied)" not in s.reason, s.reason
    s = got[("001.txt", jury)]
    assert s.label == "contradicted" and "'45' here; '44' in 000.txt; '44-year-old'" in s.reason
    assert "six-week" not in s.reason  # two sources against one on the trial: this one agrees
    s = got[("002.txt", "The trial lasted five weeks.")]
    assert s.label == "contradicted" and "the other sources outnumber this one" in s.reason


def test_how_long_the_same_thing_took_is_compared_in_sentences_aligned_as_a_whole() -> None:
    # "The jury ... took just under nine hours to reach unanimous verdicts" / "Jurors
    # deliberated for about 12 hours before returning their verdicts": the words around the
    # two figures share nothing, so the story-wide vote never compared them
    took = (
        "The appeal panel took just under six hours to reach a ruling on the Dunmore flood claims."
    )
    other = "Its members deliberated for about ten hours before ruling on the Dunmore flood claims."
    story = _story([took, *FILLER[0]], [other, *FILLER[1]], FILLER[2])
    got = _analysed(story)
    s = got[("000.txt", took)]
    assert s.label == "contradicted", s.reason
    assert "'just under six hours' here; 'about ten hours' in 001.txt" in s.reason
    # when something happened, counted from another event, is no duration of it
    for text in (
        "Pell scored four minutes after half-time.",
        "He was sent off nine minutes from time.",
    ):
        (slot,) = numbers.extract(text)
        assert numbers.point_in_time(text, slot.span) and not numbers.duration(slot), text
    text = "Jurors deliberated for about 12 hours before returning their verdicts."
    assert not numbers.point_in_time(text, numbers.extract(text)[0].span)


def test_fractions_and_ratios_in_words_are_shares_as_rounded_as_written() -> None:
    # "about a third" is loose, but no looser than a rounded third: 40% is not a third
    story = _story(
        [
            "Around 40% of the town's homes lost power, the network operator Eastgrid said.",
            *FILLER[0],
        ],
        [
            "About a third of the town's homes lost power, the network operator Eastgrid said.",
            *FILLER[1],
        ],
    )
    got = _by_text(story)
    third = got["About a third of the town's homes lost power, the network operator Eastgrid said."]
    # one source against one on a share is a hint (the two may be shares of different things),
    # and the other sentence, giving another share, does not vouch for it either
    hints = " ".join(third.hints)
    assert third.label == "unverified", third.reason
    assert "shares 'Eastgrid', 'homes', 'lost', 'network'" in third.reason, third.reason
    assert "gives another figure: 'About a third' here, 'Around 40%' there" in third.reason
    assert "'About a third' here" in hints and "'Around 40%'" in hints, hints
    # two-thirds and "three out of four" are shares too, compared with percentages
    for words, other, agree in (
        ("Two-thirds of", "66%", True),
        ("Three out of four", "75%", True),
        ("Three out of four", "60%", False),
        ("Half of", "48%", True),
        ("A quarter of", "40%", False),
    ):
        a = numbers.extract(f"{words} the residents voted to leave the scheme.")
        b = numbers.extract(f"{other} of the residents voted to leave the scheme.")
        assert len(a) == 1 and a[0].value[2] == "percent", (words, a)
        assert numbers.related(a[0], b[0]) and numbers.compatible(a[0], b[0]) == agree, words
    # a part of a larger count told the same way is still a part: "33 out of 150 seats"
    seats = numbers.extract("The party won 33 out of 150 seats.")
    assert [s.value[4] for s in seats] == ["part", "whole"]


def test_a_rival_figures_backers_in_aligned_sentences_are_counted_against_the_claim() -> None:
    # the words around "peaked at 3.2 metres at the ... gauge" relate it to neither other
    # figure, but its sentence says the same as both: a second source for 3.2, not a tie
    peaked = (
        "The storm surge peaked at 3.2 metres at the Kessa harbour gauge shortly after"
        " midnight, the coastguard said."
    )
    record = (
        "Sea water in Kessa rose to a record 3.9 metres overnight as the storm surge hit the"
        " harbour."
    )
    reached = "The storm surge hit Kessa harbour overnight, when the sea reached 3.2 metres."
    got = _analysed(_story([peaked, *FILLER[0]], [record, *FILLER[1]], [reached, *FILLER[2]]))
    odd = got[("001.txt", record)]
    assert odd.label == "contradicted" and "(tied)" not in odd.reason, odd.reason
    assert "'3.2 metres' in 000.txt, 002.txt" in odd.reason, odd.reason
    assert odd.confidence == "medium"  # resting on sentences that share little else with it
    for article, text in (("000.txt", peaked), ("002.txt", reached)):
        s = got[(article, text)]
        assert s.label == "consistent", s.reason
        assert "differing: '3.9 metres' in 001.txt" in s.reason, s.reason


def test_a_giver_named_before_as_the_agency_is_no_other_giver() -> None:
    # "the agency said" in two sources refers back to the commission a third names: one
    # giver's figure reported two ways, a conflict, not two givers' figures
    claim = "The Maritime Safety Board said it had received 241 reports of engine fires."
    story = _story(
        [claim, *FILLER[0]],
        ["Karsby Marine has received 214 reports of engine fires, the agency said.", *FILLER[1]],
        [
            "There have been 214 reports of engine fires on Karsby boats, the agency said.",
            *FILLER[2],
        ],
    )
    got = _by_text(story)[claim]
    assert got.label == "contradicted", got.reason
    assert "each attributed to another source" not in got.reason, got.reason
    assert got.confidence == "high", got.reason


def test_a_count_a_story_gives_for_several_owners_is_compared_with_the_same_owner_s() -> None:
    # an election story counts seats for every party: "The Greens won six seats" is not
    # contradicted by "The Labour Front won 29 seats" (a story's reason said "differing: '29
    # seats'", and where the sources were tied, "numbers differ")
    greens = "The Greens won six seats and independents took the remaining four."
    story = _story(
        [greens, "The Civic Alliance won 46 seats in the 85-seat assembly.", *FILLER[0]],
        [
            "The Labour Front won 29 seats, with the Greens on six.",
            "The Civic Alliance took 46 seats, its best result.",
            *FILLER[1],
        ],
        ["The Greens held their six seats, while four went to independents.", *FILLER[2]],
    )
    s = _by_text(story)[greens]
    assert s.label == "consistent" and "29 seats" not in s.reason, s.reason
    # look-alike: the same owner's count given two ways is a conflict
    got = _labels(
        [greens, "The Civic Alliance won 46 seats in the 85-seat assembly.", *FILLER[0]],
        [
            "The Greens won eight seats, up from six.",
            "The Labour Front won 29 seats in all.",
            *FILLER[1],
        ],
    )
    assert got[greens] == "contradicted"


def test_figures_another_source_gives_in_other_words_vouch_more_than_weakly_shared_words() -> None:
    # "9.8 billion crowns" / "SEK 9.8bn": the counterpart shares few words ("low"), the figure
    # is the same in the other source: the reason says so, at the figures' confidence
    mine = "Operating profit was 9.8 billion crowns, compared with 10.4 billion a year ago."
    theirs = "Operating profit declined to SEK 9.8bn."
    got = _analysed(_story([mine, *FILLER[0]], [theirs, *FILLER[1]], FILLER[2]))
    s = got[("000.txt", mine)]
    assert s.label == "consistent" and s.confidence == "medium", s
    assert s.reason.startswith("numbers agree: '9.8 billion crowns' here; 'SEK 9.8bn' in 001.txt")


def test_a_city_and_its_country_are_one_owner_of_a_count() -> None:
    # where a story counts troops for several owners, "Moscow has massed 100,000 troops" is
    # still Russia's count: it conflicts with "Russia has massed 130,000 troops"
    russia = "Russia has massed 130,000 troops near the border, officials said."
    got = _labels(
        [russia, "NATO has put 40,000 troops on alert in the east.", *FILLER[0]],
        ["Moscow has massed 100,000 troops near the border.", *FILLER[1]],
    )
    assert got[russia] == "contradicted"


def test_a_name_no_other_source_gives_is_named_once_in_the_reason() -> None:
    # "Sales grew to SEK 48.2bn ... SEK 47.9bn" said "names 'SEK', 'SEK'": a name written twice
    # is one name
    claim = "Analysts at Halvik said the Marrow river flood would cost insurers, Halvik added."
    got = _by_text(
        _story(
            [claim, *FILLER[0]],
            ["The Marrow river flood will cost insurers dearly, analysts said.", *FILLER[1]],
        )
    )[claim]
    assert "Halvik" in got.reason and "'Halvik', 'Halvik'" not in got.reason, got.reason


def test_measures_of_two_units_in_aligned_sentences_are_each_compared() -> None:
    # "climbing through about 11,000 feet at roughly 280 knots" / "at approximately 3,350
    # metres, travelling at around 520 km/h": the same height and speed, converted, in
    # sentences aligned as a whole; it was unverified (a sentence of two measures was skipped)
    mine = (
        "It was climbing through about 11,000 feet at roughly 280 knots when the crew declared "
        "an emergency."
    )
    theirs = (
        "It was at approximately 3,350 metres, travelling at around 520 km/h, when the pilots "
        "issued a Mayday call."
    )
    got = _analysed(_story([mine, *FILLER[0]], [theirs, *FILLER[1]], FILLER[2]))
    s = got[("000.txt", mine)]
    assert s.label == "consistent" and "numbers agree" in s.reason, s.reason
    # look-alike: a speed that differs is a conflict
    faster = theirs.replace("520", "720")
    got = _analysed(_story([mine, *FILLER[0]], [faster, *FILLER[1]], FILLER[2]))
    assert got[("000.txt", mine)].label == "contradicted"


def test_a_vote_weighs_each_figure_as_written_not_only_its_value() -> None:
    # "at least 30" and "more than 30" read as the same interval, but only the first is a
    # confirmed count that "at least 31" differs from: "more than 30" backs 31, and the reason
    # must not list it against the claim (the vote was keyed by value alone, and "more than
    # 30" was judged as the "at least 30" read first)
    story = _story(
        ["At least 31 people were injured in the storm, most of them by falling trees.", "a."],
        ["At least 30 people were injured in the storm, officials said.", *FILLER[0]],
        ["Seven people died in the storm and more than 30 people were injured.", *FILLER[1]],
    )
    got = _by_text(story)[
        "At least 31 people were injured in the storm, most of them by falling trees."
    ]
    assert "'more than 30 people' in 002.txt" not in got.reason.split("agreeing")[0], got.reason
    assert got.confidence != "high", got.reason


def test_counts_of_one_thing_in_aligned_sentences_are_compared() -> None:
    # the words around the two counts share nothing ("refloated by two tugs on Sunday" / "on
    # Monday morning with the help of three tugs"), but the sentences report one refloating
    refloat = "The ship was refloated by two tugs on Sunday afternoon and towed to Holt."
    other = (
        "The ro-pax ferry Northern Lark was refloated at high tide on Monday morning with the "
        "help of three tugs, two days after grounding near Karsby."
    )
    story = _story([refloat, *FILLER[0]], [other, *FILLER[1]], ["A ferry ran aground.", "b."])
    got = _analysed(story)
    mine = got[("000.txt", refloat)]
    assert mine.label == "contradicted", mine.reason
    assert "'two tugs' here; 'three tugs' in 001.txt" in mine.reason


def test_how_long_after_an_event_is_compared_in_aligned_sentences() -> None:
    # "touched down about 25 minutes later" / "landed roughly 40 minutes after the crew issued
    # a mayday call": the words around the two times share nothing, but both sentences report
    # one landing; how long something lasted ("circled for 40 minutes") is another figure
    later = (
        "The pilots declared an emergency over the Bay of Biscay, and the plane touched down "
        "about 25 minutes later."
    )
    after = "The A321 landed roughly 40 minutes after the crew issued a mayday call over Biscay."
    lasted = "The A321 circled for 40 minutes over the Bay of Biscay to burn fuel, the pilots said."
    got = _analysed(_story([later, *FILLER[0]], [after, *FILLER[1]], ["A jet landed.", "b."]))
    mine = got[("000.txt", later)]
    assert mine.label == "contradicted", mine.reason
    assert "'about 25 minutes' here; 'roughly 40 minutes' in 001.txt" in mine.reason
    got = _analysed(_story([later, *FILLER[0]], [lasted, *FILLER[1]], ["A jet landed.", "b."]))
    assert got[("000.txt", later)].label != "contradicted", got[("000.txt", later)].reason


def test_the_one_sum_left_when_aligned_sentences_other_figures_pair_off_is_compared() -> None:
    # "£140m" and "around £140m" pair off: the savings left over, £58m and £85m, are one
    # expected saving given two ways (one said expected, one not); where two sums are left
    # on each side, which is which is a guess, and nothing is compared
    mine = (
        "It expects the overhaul to deliver savings of about £58m a year, against one-off "
        "costs of £140m, mostly redundancy payments."
    )
    theirs = (
        "Calloway said the overhaul would save about £85m a year once completed, with one-off "
        "costs of around £140m."
    )
    both = (
        "Calloway said the overhaul would save about £85m a year once completed, with one-off "
        "costs of around £120m."
    )
    got = _analysed(_story([mine, *FILLER[0]], [theirs, *FILLER[1]], ["Plant to shut.", "b."]))
    assert got[("000.txt", mine)].label == "contradicted", got[("000.txt", mine)].reason
    assert "'about £58m' here; 'about £85m' in 001.txt" in got[("000.txt", mine)].reason
    got = _analysed(_story([mine, *FILLER[0]], [both, *FILLER[1]], ["Plant to shut.", "b."]))
    assert "£58m" not in got[("000.txt", mine)].reason, got[("000.txt", mine)].reason


def test_people_one_thing_befell_are_compared_in_aligned_sentences_whatever_called() -> None:
    # "Seven people were taken to hospital" / "Four passengers were taken to hospital": the
    # words around the counts share nothing, the nouns differ, and both count those taken to
    # hospital; a sentence counting two kinds of them leaves which is which a guess
    seven = "Seven people were taken to hospital with minor injuries, a coastguard spokesman said."
    four = "Four passengers were taken to hospital, all of them with cuts and bruises."
    two = "Four crew members and three passengers were taken to hospital with cuts and bruises."
    got = _analysed(_story([seven, *FILLER[0]], [four, *FILLER[1]], ["A ferry ran aground.", "b."]))
    assert got[("000.txt", seven)].label == "contradicted", got[("000.txt", seven)].reason
    assert "'Seven people' here; 'Four passengers' in 001.txt" in got[("000.txt", seven)].reason
    got = _analysed(_story([seven, *FILLER[0]], [two, *FILLER[1]], ["A ferry ran aground.", "b."]))
    assert got[("001.txt", two)].label != "contradicted", got[("001.txt", two)].reason


def test_two_colours_for_one_alert_contradict() -> None:
    # both were "consistent" at high confidence: the sentences share "alert", "four",
    # "highest", "scale", and no number, date or name differs
    red = "The agency raised the alert to red, the highest level on its four-step scale."
    orange = (
        "The observatory raised the volcanic alert level to orange, the second-highest on its "
        "four-step scale."
    )
    got = _analysed(_story([red, *FILLER[0]], [orange, *FILLER[1]], ["A volcano erupted.", "b."]))
    mine = got[("000.txt", red)]
    assert mine.label == "contradicted", mine.reason
    assert "alert levels differ: 'alert to red' here; 'alert level to orange' in 001.txt" in (
        mine.reason
    )


def test_a_code_its_counterpart_gives_with_other_digits_contradicts() -> None:
    # a batch number copied with two digits swapped: no count, date or name shows it
    mine = "The recall covers batch DX-4471 of Delvoxin 20 mg tablets, about 1.3 million tablets."
    theirs = (
        "The recall concerns batch DX-4417 of Delvoxin 20 mg tablets, some 1.3 million tablets."
    )
    both = "Batches DX-4471 and DX-4472 of Delvoxin 20 mg tablets are affected by the recall."
    story = _story([mine, *FILLER[0]], [theirs, *FILLER[1]], [both, *FILLER[2]])
    got = _analysed(story)
    recall = got[("000.txt", mine)]
    assert recall.label == "contradicted", recall.reason
    assert "codes differ: 'DX-4471' here, 'DX-4417' in 001.txt" in recall.reason
    # a sentence naming two codes of those letters tells two batches apart: not compared
    assert "codes differ" not in got[("002.txt", both)].reason


def test_codes_that_agree_or_are_years_are_no_conflict() -> None:
    from reader.suggest import codes

    assert codes.differing("Flight SV482 returned to Holt.", "Flight SV482 turned back.") == []
    assert codes.differing("Its FY2023 revenue rose.", "Its FY2024 revenue fell.") == []
    assert codes.differing("The A321 landed safely.", "The A320 landed safely.") != []


def test_one_sum_in_aligned_sentences_that_give_no_other_figure_is_compared() -> None:
    # "pledged fifteen million crowns to help with repairs" / "announced 15 million crowns in
    # emergency aid": nothing around the two sums is shared, but the sentences report one
    # pledge; a share price and an offer, in sentences giving other figures, are not compared
    pledge = "The government has pledged fifteen million crowns to help with repairs in Verusk."
    aid = (
        "Prime Minister Irena Vasko, who visited Verusk on Tuesday afternoon, announced 15 "
        "million crowns in emergency aid for the town."
    )
    price = "Pine Hollow shares closed up 22.7% at $36.70 on Monday in New York."
    offer = "Larkspur will pay $38 per Pine Hollow share, a 27% premium on Monday's price."
    story = _story([pledge, price, *FILLER[0]], [aid, offer, *FILLER[1]], ["Other news.", "b."])
    got = _analysed(story)
    assert got[("000.txt", pledge)].label == "consistent", got[("000.txt", pledge)].reason
    assert "'15 million crowns' in 001.txt" in got[("000.txt", pledge)].reason
    assert got[("000.txt", price)].label != "contradicted", got[("000.txt", price)].reason


def test_aligned_sentences_putting_one_event_on_two_days_contradict() -> None:
    # the words of what happened differ ("rattled the town" / "hit"), but the two sentences
    # report one aftershock: Wednesday is not Tuesday
    wednesday = (
        "The strongest aftershock, measuring 4.6, rattled the town again on Wednesday morning."
    )
    tuesday = "The strongest of the aftershocks, a magnitude 4.6 tremor, hit on Tuesday afternoon."
    story = _story([wednesday, *FILLER[0]], [tuesday, *FILLER[1]], ["Other news.", "b."])
    mine = _analysed(story)[("000.txt", wednesday)]
    assert mine.label == "contradicted", mine.reason
    assert "'Wednesday morning' here" in mine.reason and "Tuesday afternoon" in mine.reason


def test_two_hours_of_one_day_in_aligned_sentences_are_not_compared() -> None:
    # "found on Monday morning" / "at four o'clock on Monday morning": two events of one day,
    # which sentences aligned as a whole, telling them in other words, cannot tell apart
    from reader.suggest import when

    van = when.told("A burnt-out van found on Monday morning was used in the getaway.")
    raid = when.told("The raid took place at around four o'clock on Monday morning.")
    later = when.told("The raid took place at around four o'clock on Tuesday morning.")
    assert when.of_aligned(van, raid) is None
    assert when.of_aligned(van, later) is not None


def test_a_late_evening_and_the_next_day_in_aligned_sentences_are_two_days() -> None:
    # "late on Friday" runs past Friday's midnight, but the day it names is Friday: Saturday
    # evening is another day (its hours overlapping Saturday's was read as "one day")
    saturday = "A coach plunged into a ravine on Saturday evening, killing 14 people."
    friday = "Fourteen people died when a coach left the road late on Friday evening."
    story = _story([saturday, *FILLER[0]], [friday, *FILLER[1]], ["Other news.", "b."])
    got = _analysed(story)
    for mine in (got[("000.txt", saturday)], got[("001.txt", friday)]):
        assert mine.label == "contradicted", mine.reason
        assert "Saturday evening" in mine.reason and "late on Friday evening" in mine.reason


def test_one_word_next_to_both_times_makes_them_one_event() -> None:
    # "made landfall" / "came ashore" ("ashore" is "landfall"), each next to its time: one
    # event on two days, though the rest of their clauses share nothing
    story = _story(
        ["Storm Imara made landfall shortly before midnight on Monday near Selwyn.", "a b."],
        ["The storm came ashore at around 4am on Tuesday, forecasters said.", "c d."],
        ["Other news.", "b."],
    )
    got = _analysed(story)
    mine = got[("001.txt", "The storm came ashore at around 4am on Tuesday, forecasters said.")]
    assert mine.label == "contradicted" and "Tuesday" in mine.reason, mine.reason
    # look-alikes: other words next to the times, or two named people doing it
    from reader.suggest import when

    assert when.conflict("Talks were held on Monday.", "Talks will resume on Thursday.") is None
    assert (
        when.conflict("Lund was arrested at home on Monday.", "Berg was arrested on Tuesday.")
        is None
    )


def test_the_places_of_aligned_sentences_are_not_who_did_it() -> None:
    # two places named after "on the", "above the village of" are where it happened: they do
    # not make the sentences two events, as two people doing it do
    from reader.suggest import when

    pass_ = when.told("A coach plunged into a ravine on the Tarvena Pass on Saturday evening.")
    village = when.told("A coach left the road above the village of Morlach late on Friday.")
    assert when.of_aligned(pass_, village) is not None
    sorel = when.told("The auditor Sorel reported the figures on Tuesday.")
    nordvik = when.told("The auditor Nordvik reported the figures on Wednesday.")
    assert when.of_aligned(sorel, nordvik) is None


def test_a_denial_of_what_a_named_thing_did_meets_its_assertion_in_other_words() -> None:
    # "denied that a bird strike caused ..." / "a suspected bird strike damaged ...": the verbs
    # differ, the thing denied is named by both; a sentence reporting the claim as hearsay, or
    # denying it too, asserts nothing
    denial = (
        "Solavia Airways has denied that a bird strike caused one of its jets to turn back "
        "shortly after leaving Kestrel Bay on Thursday."
    )
    asserted = (
        "A Solavia Airways jet returned to Kestrel Bay on Thursday morning after a suspected "
        "bird strike damaged one of its engines shortly after take-off."
    )
    hearsay = "Reports of a bird strike on a Solavia jet leaving Kestrel Bay spread on Thursday."
    story = _story([denial, *FILLER[0]], [asserted, *FILLER[1]], [hearsay, *FILLER[2]])
    got = _by_text(story)
    assert got[denial].label == "contradicted", got[denial].reason
    assert "asserted in 001.txt" in got[denial].reason
    assert "asserted here, 'denied that a bird strike caused' in 000.txt" in got[asserted].reason
    assert "negation" not in got[hearsay].reason
