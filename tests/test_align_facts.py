"""A strong match shares a fact, not just the story's people, places and topic (own sentences)."""

import numpy as np

from reader.align import PairScorer, align_story
from reader.align.score import STRONG_SCORE, held
from reader.align.weighting import FACT_WORDS, claim_terms
from reader.corpus.sentences import article_from_sentences
from reader.models import Story

# Three outlets on one closure: the company, the town and two local figures are everywhere.
A = [
    "Kestrel Foods will close its bakery in Marlow in March, with the loss of 240 jobs.",
    "Councillor Ana Brook praised the workers for their loyalty over three decades.",
    "The company blamed rising energy costs and falling orders from supermarkets.",
    "Union officials said they would fight the decision.",
    "Deputy Mayor Tom Hale said the town would seek a new buyer for the site.",
    "Production will move to a larger plant in Leeds.",
    "The plans were first reported in the Marlow Gazette.",
    "Workers were told of the closure at a meeting on Monday morning.",
]
B = [
    "Marlow bakery to close as Kestrel Foods cuts 240 jobs",
    "Here is what we know about the Kestrel Foods bakery in Marlow and its long history.",
    "Local councillor Ana Brook said the news was a blow to families across the town.",
    "Kestrel Foods said higher energy bills and a drop in supermarket orders forced the move.",
    "Acting Mayor Tom Hale said the council would look for a buyer for the site.",
    "The union said it would oppose the closure.",
    "They were first reported in the Marlow Gazette on Tuesday.",
    "Staff heard the news at a meeting called on Monday.",
]
C = [
    "Kestrel Foods confirmed on Monday that the Marlow bakery would shut.",
    "About 240 people work at the bakery, which opened in 1987.",
    "The firm pointed to energy costs and weaker demand from supermarkets.",
    "Ana Brook, who represents the ward, called the closure a heavy blow.",
    "Tom Hale, the deputy mayor, promised to find a new owner.",
    "Shares in Kestrel Foods rose 2 percent on the news.",
    "The Marlow site has made bread since 1987.",
    "Kestrel Foods also runs bakeries in Leeds and York.",
]
LEDE = B[1]


def scored(name: str, articles: dict[str, list[str]]) -> tuple[Story, PairScorer, dict[str, int]]:
    """A story of these articles' sentences, its scorer, and each claim's number by its text."""
    story = Story(name, f"/tmp/{name}")
    for article, sentences in articles.items():
        story.articles.append(article_from_sentences(name, article, sentences, title=article))
    claims = story.claims()
    return story, PairScorer(claims), {c.text: k for k, c in enumerate(claims)}


def bakery() -> tuple[Story, PairScorer, dict[str, int]]:
    return scored("bakery", {"a.txt": A, "b.txt": B, "c.txt": C})


def test_a_lede_sharing_only_the_storys_names_is_no_strong_match() -> None:
    story, scorer, ids = bakery()
    # it names the company, its bakery and the town, as the claims of the closure do (63 and
    # 62 before)
    for other in (A[0], C[0]):
        assert scorer.score(ids[LEDE], ids[other]) < STRONG_SCORE, other
        assert scorer.score(ids[other], ids[LEDE]) < STRONG_SCORE, other
    # what reports the closure still is one
    assert scorer.score(ids[A[0]], ids[B[0]]) >= STRONG_SCORE
    claim = story.claims()[ids[LEDE]]
    leads = [e for e in align_story(story) if e.claim_id == claim.id]
    assert leads and max(e.score for e in leads) < STRONG_SCORE


def test_the_same_person_saying_something_else_is_no_strong_match() -> None:
    _, scorer, ids = bakery()
    # the councillor, named with her office in both (64.5 before)
    assert scorer.score(ids[A[1]], ids[B[2]]) < STRONG_SCORE
    # ...while her counterpart of a fact is one, whoever says it
    assert scorer.score(ids[A[4]], ids[C[4]]) >= STRONG_SCORE
    assert scorer.score(ids[A[2]], ids[B[3]]) >= STRONG_SCORE


def test_a_short_sentence_sharing_only_a_name_with_a_quote_is_no_strong_match() -> None:
    # half of what the short one says is a name, but only a name: "'We are very fortunate...,'
    # said Jennifer Homendy, chair of the National Transportation Safety Board" / "The National
    # Transportation Safety Board immediately announced an investigation" scored 72
    quote = (
        "“We were very lucky that this did not end in something worse,” said Ana Brook, chair "
        "of the Marlow Harbour Safety Board."
    )
    short = "The Marlow Harbour Safety Board opened an inquiry."
    fact = "The Marlow Harbour Safety Board said it had opened an inquiry on Monday."
    # the story writes the name's words in lower case too: they are words of what happened
    lower = "Safety on the harbour has been a worry for the board for years."
    articles = {
        "a.txt": [quote, *A[2:6]],
        "b.txt": [short, *B[3:7]],
        "c.txt": [fact, lower, *C[2:6]],
    }
    _, scorer, ids = scored("harbour", articles)
    assert scorer.score(ids[quote], ids[short]) < STRONG_SCORE
    # ...read from the short one too: its subject is who speaks in the quote, no shared fact
    assert scorer.score(ids[short], ids[quote]) < STRONG_SCORE
    # look-alike: a short sentence whose words are half a name, half what happened
    assert scorer.score(ids[fact], ids[short]) >= STRONG_SCORE


def test_one_person_given_two_titles_shares_a_fact() -> None:
    story, scorer, ids = scored(
        "titles",
        {
            "a.txt": ["Deputy Mayor Tom Hale spoke first.", "The bridge opened at noon."],
            "b.txt": ["Acting Mayor Tom Hale wore a red scarf.", "Crowds lined the river."],
            "c.txt": ["Deputy Mayor Tom Hale cut the ribbon.", "Traffic was light."],
        },
    )
    _, facts = scorer.weights.with_facts(0, len(story.claims()))
    first = ids["Deputy Mayor Tom Hale spoke first."]
    # deputy or acting: the sources disagree on a fact, whatever else they say
    assert facts[first, ids["Acting Mayor Tom Hale wore a red scarf."]] >= FACT_WORDS
    # the same title twice is only the same person
    assert facts[first, ids["Deputy Mayor Tom Hale cut the ribbon."]] < FACT_WORDS


def test_a_held_score_stays_below_strong_in_the_same_order() -> None:
    scores = np.array([30.0, 52.0, 59.9, 63.5, 70.0, 99.0])
    low = held(scores, np.zeros(len(scores)))
    assert (low < STRONG_SCORE).all()
    assert (np.diff(low) > 0).all()  # the order is kept
    assert (low <= scores).all() and low[0] == scores[0]  # a weak pair is left as it is
    assert (held(scores, np.full(len(scores), FACT_WORDS)) == scores).all()


def test_two_times_of_day_are_a_shared_fact() -> None:
    # the mayor, named with her office in both, gives the time of the crash in each: the times
    # tell what happened, whether or not they agree (58.3, held, before)
    sentences = {
        "a.txt": [
            "Coach plunges off mountain road near Varena, nine dead",
            "Mayor Lucia Betti said the coach went over the edge at 11.40pm.",
            "Residents laid flowers at the bend on Friday.",
        ],
        "b.txt": [
            "Eleven people died when a coach left the road in the Varena pass on Thursday night.",
            "Mayor Lucia Betti said the crash happened shortly before 11 p.m.",
            "Mayor Lucia Betti said the region would declare a day of mourning.",
        ],
        "c.txt": ["The Varena pass road is steep and badly lit.", "A service was held on Sunday."],
    }
    _, scorer, ids = scored("coach", sentences)
    claim = sentences["a.txt"][1]
    assert scorer.score(ids[claim], ids[sentences["b.txt"][1]]) >= STRONG_SCORE
    assert scorer.score(ids[claim], ids[sentences["b.txt"][2]]) < STRONG_SCORE


# One source says two things; another outlet gives one of them, from the same source.
SPILL = {
    "a.txt": [
        "The tanker Vega ran aground off Skarvoy on Tuesday, the coast guard said.",
        "All 22 crew members were airlifted to safety, coast guard commander Erik Holm said.",
        "Oil had washed up along 15 km of coastline by Tuesday evening.",
    ],
    "b.txt": [
        "About 2,000 tonnes of crude leaked from the Vega after it hit rocks.",
        "Coast guard commander Erik Holm said the hull had been breached in two places.",
        "Volunteers cleaned beaches on Wednesday.",
    ],
    "c.txt": [
        "All 22 people on board were airlifted to the mainland, the coast guard said.",
        "Schools on the island will be closed on Wednesday.",
    ],
}


def test_the_same_source_saying_something_else_is_no_strong_match() -> None:
    # "coast guard commander Erik Holm said" is who says it, not what happened: lower-case words
    # of a source ("coast guard") are no shared fact (65.6 before)
    _, scorer, ids = scored("spill", SPILL)
    crew, hull = SPILL["a.txt"][1], SPILL["b.txt"][1]
    assert scorer.score(ids[crew], ids[hull]) < STRONG_SCORE
    assert scorer.score(ids[hull], ids[crew]) < STRONG_SCORE
    # ...while the same fact from the same source still is one
    assert scorer.score(ids[crew], ids[SPILL["c.txt"][0]]) >= STRONG_SCORE


def test_the_words_of_a_source_are_read_as_such() -> None:
    def source(text: str) -> set[str]:
        read = claim_terms([text])[0]
        return {t for k, t in enumerate(read.terms) if read.source >> k & 1}

    assert source("All 22 were airlifted, coast guard commander Erik Holm said.") >= {
        "coast", "guard", "holm",
    }  # fmt: skip
    assert source("Coast guard commander Erik Holm said the hull was breached.") >= {"coast"}
    assert {"polic", "chief", "kessl"} <= source(
        "It happened at 10 p.m., according to regional police chief Tomas Kessler."
    )
    # a word also used in what is said stays a fact; the sentence's subject is no source
    assert "hospi" not in source("Director Elena Rossi said six were in Bolzena hospital.")
    assert not source("Police inspector Jonas Falk appealed for witnesses.")
    assert not source("Police shut the road and said it would reopen on Friday.")
    assert not source("The officer stopped the car, and told the driver to get out.")
    assert not source("The guard stopped the car, then told the driver to get out.")
    assert "polic" in source("The road was shut on Friday, police told reporters.")
    assert source("He repeatedly said it had no plans to attack.") == set()
    # where it was said is no fact either, wherever it stands
    assert {"new", "confe"} <= source(
        "After a news conference, the mayor said he still considered the plan dead."
    )
    assert {"state"} <= source("In a statement, the firm said it would appeal.")
    # ...and a title after the speaker (regression, from real reports of one in-flight incident:
    # "..., said Jennifer Homendy, chair of the National Transportation Safety Board" matched
    # "The National Transportation Safety Board immediately announced an investigation" at 72)
    assert {"chair", "safet", "board"} <= source(
        "The plane was lucky, said Ann Berg, chair of the Transport Safety Board."
    )
    assert {"spoke", "skyla"} <= source("It landed safely, said Ann Berg, a spokeswoman for Skyla.")
    # look-alikes: what happened after the speaker is a fact; so is a conference that is news
    assert not source("Six were missing, police said, adding that two had been found.")
    assert not source("Six were missing, police said, including two from Lodi.")
    assert not source("The climate conference in Lodi ended without a deal.")
    assert not source('"The road is badly lit," she said.')


def test_some_of_the_dead_share_no_fact_with_the_injured() -> None:
    # "Two of the dead were brothers" aligned at 67.5 with "two of them with serious burns"
    # once a part of the dead was read as a count: both were counts of people
    brothers = "Two of the dead were brothers who had both worked at the plant for years."
    burns = "Eleven people were taken to hospital, two of them with serious burns."
    _, scorer, ids = scored(
        "fire",
        {
            "a.txt": [brothers, "The fire broke out in the paint store.", *A[3:6]],
            "b.txt": [burns, "Three workers were killed in the blaze.", *B[5:8]],
            "c.txt": ["Firefighters fought the blaze for six hours.", *C[4:8]],
        },
    )
    assert scorer.score(ids[brothers], ids[burns]) < STRONG_SCORE
    assert not any(t.startswith("#person") for t in claim_terms([brothers])[0].terms)
