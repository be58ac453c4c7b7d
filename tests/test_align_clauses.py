"""Clauses: a sentence that tells two things is matched on each of them (sentences written for
the purpose, not the seeds)."""

from itertools import pairwise

import pytest
from test_align_signals import make_story, pair_scores

from reader.align import PairScorer, align_story, pair_score, weighting
from reader.align.clauses import clause_starts


def clauses(text: str) -> list[str]:
    cuts = [0, *clause_starts(text), len(text)]
    return [text[a:b].strip() for a, b in pairwise(cuts)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The pumps failed overnight and they say the bridge will stay shut.",
            ["The pumps failed overnight", "and they say the bridge will stay shut."],
        ),
        (
            "Talks went on for hours, but no deal was reached.",
            ["Talks went on for hours,", "but no deal was reached."],
        ),
        (
            "The road reopened; the bridge did not.",
            ["The road reopened;", "the bridge did not."],
        ),
        (
            "Crews worked all night, adding that more rain was due.",
            ["Crews worked all night,", "adding that more rain was due."],
        ),
    ],
)
def test_a_sentence_is_cut_where_another_statement_starts(text: str, expected: list) -> None:
    assert clauses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Talks between Russia and the United States ended on Monday.",  # "and" joins two names
        "But officials said the road would reopen.",  # "But" opens the sentence
        "Fire crews and police officers pumped water from homes.",
    ],
)
def test_words_joined_by_and_are_one_clause(text: str) -> None:
    assert clauses(text) == [text]


FLOOD = {
    "a.txt": [
        "Flooding in Dunmore forced the council to close the river road on Sunday.",
        "The pumps at the Mill Lane station failed overnight after a power cut flooded their "
        "control room, and they say the bridge will stay shut until March.",
        "Volunteers filled sandbags through the night as the water rose.",
        "The council leader praised the fire crews for their work.",
        "Schools in the town will reopen on Wednesday.",
        "A rest centre opened at the sports hall for families who left their homes.",
    ],
    "b.txt": [
        "Dunmore council closed the river road after the flooding on Sunday.",
        "Residents thanked the volunteers who carried sandbags to the flooded cottages along "
        "the canal towpath, but engineers warned the bridge would remain closed until March.",
        "Fire crews pumped water from dozens of homes.",
        "The Mill Lane pumps were installed in 1970.",
        "The sports hall became a rest centre for about forty families.",
        "Classes at the primary school resume on Wednesday.",
    ],
}
PUMPS, BRIDGE = FLOOD["a.txt"][1], FLOOD["b.txt"][1]


def test_a_fact_told_in_one_clause_of_each_sentence_scores_as_a_strong_match(
    monkeypatch,
) -> None:
    with_clauses = pair_scores(FLOOD)(PUMPS, BRIDGE)
    monkeypatch.setattr(weighting, "CLAUSE_WEIGHT", 0.0)
    whole_sentences = pair_scores(FLOOD)(PUMPS, BRIDGE)
    # each sentence's other clause dilutes the whole sentences' similarity
    assert with_clauses >= 70 > whole_sentences + 5


def test_a_clause_of_two_words_is_no_fact_of_its_own(monkeypatch) -> None:
    story = {
        "a.txt": [
            "Engineers inspected every pump in the flooded station, but March is cold.",
            "Volunteers filled sandbags through the night.",
        ],
        "b.txt": [
            "The council bought new blankets for the hall; March is cold.",
            "Residents carried sandbags to the cottages.",
        ],
    }
    a, b = story["a.txt"][0], story["b.txt"][0]
    with_clauses = pair_scores(story)(a, b)
    monkeypatch.setattr(weighting, "CLAUSE_WEIGHT", 0.0)
    assert with_clauses == pair_scores(story)(a, b)


def test_a_clause_match_is_stored_as_its_pair_score() -> None:
    story = make_story(FLOOD)
    claims = {c.text: c for c in story.claims()}
    stored = next(
        e.score for e in align_story(story) if e.claim_id == claims[PUMPS].id and e.text == BRIDGE
    )
    assert stored == pair_score(story, claims[PUMPS], claims[BRIDGE]) >= 70


def test_a_clause_match_scores_the_same_asked_with_a_sentence_of_its_own_article() -> None:
    story = make_story(FLOOD)
    claims = story.claims()
    at = {c.text: k for k, c in enumerate(claims)}
    scorer = PairScorer(claims)
    # with a sentence of the claim's own article, its row is scored against every claim
    both = scorer.scores(at[PUMPS], [at[FLOOD["a.txt"][0]], at[BRIDGE]])
    assert both[1] == scorer.score(at[PUMPS], at[BRIDGE]) >= 70
