"""An article that repeats its sentences (a page scraped with its paragraphs over and over, a
hostile 2 MB file of one sentence) is read and scored once a text: what each claim gets is
what reading and scoring it on its own gives, and the import of such a story takes a fraction of
the time it took."""

from __future__ import annotations

import numpy as np
import pytest

from reader.align import PairScorer
from reader.align.evidence import align_story
from reader.align.semantic import meaning_vectors
from reader.align.weighting import _claim_terms, claim_terms
from reader.corpus.sentences import article_from_sentences
from reader.models import Story
from reader.suggest import suggest_story
from reader.suggest.readings import joined, read_claims

PARAGRAPH = [
    "The river rose by two metres overnight in Kessa.",
    "Some 1,200 homes were evacuated, the mayor said.",
    "Rescue crews worked through the night.",
    "“We have never seen water this high,” said one resident.",
]
OTHERS = {
    "b.txt": [
        "Floods forced 1,500 families from their homes in Kessa.",
        "The river rose by three metres, officials said.",
        "Crews worked through the night to rescue stranded residents.",
        "Schools stayed closed on Monday.",
    ],
    "c.txt": [
        "About 1,200 homes were evacuated as the river burst its banks.",
        "The mayor said the water rose two metres in a night.",
        "A resident said the water had never been this high.",
    ],
}


def repeating_story(times: int = 12) -> Story:
    """One article of the same paragraph `times` over, and two that say it once each."""
    story = Story(name="floods", path="/corpus/floods")
    articles = {"a.txt": PARAGRAPH * times, **OTHERS}
    for name, sentences in articles.items():
        story.articles.append(
            article_from_sentences("floods", name, sentences, path=f"/corpus/floods/{name}")
        )
    return story


@pytest.fixture
def every_text_apart(monkeypatch):
    """Scoring as if no two claims had the same text: each pair of texts scored again."""

    def distinct(self) -> np.ndarray:
        return np.arange(len(self.claims))

    def undo() -> None:
        monkeypatch.setattr(PairScorer, "text_ids", property(distinct))

    return undo


@pytest.mark.parametrize("pair_budget", [0, 10**9])  # candidates pruned / scored exhaustively
def test_repeated_sentences_get_the_evidence_they_get_when_scored_one_by_one(
    every_text_apart, pair_budget: int
):
    story = repeating_story()
    texts = [c.text for c in story.claims()]
    assert len(set(texts)) * 4 < len(texts)  # (mostly repeats)
    once = align_story(story, scorer=PairScorer(story.claims()), pair_budget=pair_budget)
    every_text_apart()
    again = align_story(story, scorer=PairScorer(story.claims()), pair_budget=pair_budget)
    assert once == again and once


def test_repeated_sentences_read_as_each_claim_read_on_its_own():
    story = repeating_story(3)
    claims = story.claims()
    together = read_claims(claims)
    alone = joined([read_claims([c], k) for k, c in enumerate(claims)])
    assert together == alone
    # a slot is one claim's (suggestions tell slots apart by identity)
    a, b = [k for k, c in enumerate(claims) if c.text == PARAGRAPH[1]][:2]
    assert together.slots[a] == together.slots[b] and together.slots[a]
    assert all(x is not y for x, y in zip(together.slots[a], together.slots[b], strict=True))
    assert together.specific[a] is not together.specific[b]


def test_repeated_sentences_read_in_runs_that_keep_what_they_read_as_read_together():
    story = repeating_story(3)
    claims = story.claims()
    known: dict = {}
    # runs of 3 claims: the paragraph's 4 sentences fall in other runs each time round
    runs = joined([read_claims(claims[lo : lo + 3], lo, known) for lo in range(0, len(claims), 3)])
    assert runs == read_claims(claims)
    a, b = [k for k, c in enumerate(claims) if c.text == PARAGRAPH[1]][:2]
    assert a // 3 != b // 3  # (read in two runs: the second from `known`)
    assert runs.slots[a] == runs.slots[b] and runs.slots[a]
    assert all(x is not y for x, y in zip(runs.slots[a], runs.slots[b], strict=True))
    assert runs.specific[a] is not runs.specific[b]
    terms: dict = {}
    texts = [c.text for c in claims]
    in_runs = [t for lo in range(0, len(texts), 3) for t in claim_terms(texts[lo : lo + 3], terms)]
    assert in_runs == claim_terms(texts)


def test_repeated_texts_have_the_terms_and_meaning_of_each_text_read_alone():
    texts = PARAGRAPH * 3 + OTHERS["b.txt"]
    assert claim_terms(texts) == [_claim_terms(t) for t in texts]
    alone = np.vstack([meaning_vectors([t], frozenset({"river"})) for t in texts])
    assert np.allclose(meaning_vectors(texts, frozenset({"river"})), alone)


def test_suggestions_of_repeated_sentences_are_those_of_scoring_them_one_by_one(
    every_text_apart,
):
    story = repeating_story()
    scorer = PairScorer(story.claims())
    once = suggest_story(story, align_story(story, scorer=scorer), scorer)
    every_text_apart()
    scorer = PairScorer(story.claims())
    assert suggest_story(story, align_story(story, scorer=scorer), scorer) == once
