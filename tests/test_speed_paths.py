"""The fast paths of suggest give what the plain computation gives (speed only, no logic change)."""

from __future__ import annotations

import random

from reader.corpus.sentences import article_from_sentences
from reader.models import Story
from reader.suggest import antonyms, numbers, suggest_story
from reader.suggest.text import tokenize

SIX = "The talks at Dunmore ended after a six-hour session on Friday, officials said."
EIGHT = "The talks at Dunmore ended after an eight-hour session on Friday, officials said."


def _story(*articles: list[str]) -> Story:
    story = Story(name="talks", path="talks")
    for n, sentences in enumerate(articles):
        story.articles.append(article_from_sentences("talks", f"{n:03d}.txt", sentences, title=""))
    return story


def _labels(story: Story) -> list[tuple[str, str, str]]:
    return [(s.claim_id, s.label, s.reason) for s in suggest_story(story)]


def test_repeated_sentences_each_count_in_a_vote(monkeypatch) -> None:
    # the same sentence twice in one source: two claims, two votes for six hours against one for
    # eight, as when every claim's numbers are extracted afresh
    story = _story([SIX, SIX], [EIGHT], [SIX, "Volunteers cleared the market after the flood."])
    cached = _labels(story)
    numbers._extract_cached.cache_clear()
    monkeypatch.setattr(
        numbers, "_extract_cached", lambda t: tuple(numbers._extract(t, tokenize(t)))
    )
    assert cached == _labels(story)
    eight = next(c.id for c in story.claims() if c.text == EIGHT)
    assert dict((c, (lab, why)) for c, lab, why in cached)[eight][0] == "contradicted"


def _conflicts_plainly(texts, articles, weights, min_weight):
    """Every sentence against every sentence of the story, the first conflicting one kept."""
    found = [antonyms.opposites(t) for t in texts]
    out = []
    for i, opps in enumerate(found):
        for a in opps:
            for j, others in enumerate(found):
                hit = next(
                    (b for b in others if articles[j] != articles[i] and antonyms._same_slot(a, b)
                     and antonyms._shares_object(a, b, weights, min_weight)),
                    None,
                )  # fmt: skip
                if hit is not None:
                    out.append((i, j, a, hit))
                    break
    return out


def test_opposite_word_conflicts_equal_the_all_pairs_search() -> None:
    rng = random.Random(5)
    subjects = ["oil prices", "gas prices", "the flood gates", "the bridge", "the school"]
    verbs = ["rose", "fell", "were closed", "were open", "was closed", "reopened"]
    tails = ["at the Dunmore terminal on Monday", "near Holt after the Marrow flood", "on Sunday"]
    texts = [
        f"{rng.choice(subjects).capitalize()} {rng.choice(verbs)} {rng.choice(tails)}."
        for _ in range(300)
    ]
    articles = [rng.choice("abc") for _ in texts]
    weights = {w: 1.0 for w in ("dunmor", "termin", "monday", "holt", "marrow", "flood", "sunday")}
    got = antonyms.conflicts(texts, articles, weights, 1.0)
    assert got == _conflicts_plainly(texts, articles, weights, 1.0)
    assert len(got) > 20  # the case holds conflicts to find


def _many_small(articles: int) -> Story:
    """A story of many short reports, each giving its own figures for the same few facts."""
    rng = random.Random(5)
    places, nouns = ["Dunmore", "Karsby", "Holt", "Avenford"], ["residents", "homes", "boats"]
    reports = []
    for _ in range(articles):
        place = rng.choice(places)
        reports.append(
            [
                f"In {place}, about {rng.randint(100, 9_999):,} {rng.choice(nouns)} were "
                "evacuated on Monday.",
                f"The {rng.choice(['six', 'seven', 'eight'])}-hour rescue in {place} ended late "
                f"on {rng.choice(['Friday', 'Sunday'])}.",
                f"Mayor Lena Berg said {place} was flooded.",
            ]
        )
    return _story(*reports)


def test_a_story_of_many_small_articles_walks_each_fact_once_not_once_per_rival(
    monkeypatch,
) -> None:
    # each figure's vote walked the story's related figures again for every rival figure
    # (`_backing_through_rivals`), and every short article walked its own: 1,000 articles of
    # five sentences took three minutes, growing with the cube of their number
    from reader.suggest.decide import StorySuggester

    walks = 0
    walk = StorySuggester._walk

    def counted(self, *args, **kwargs):
        nonlocal walks
        walks += 1
        return walk(self, *args, **kwargs)

    monkeypatch.setattr(StorySuggester, "_walk", counted)
    counts = []
    for articles in (40, 80):
        walks = 0
        fast = _labels(_many_small(articles))
        counts.append(walks)
    assert counts[1] <= 2 * counts[0], counts  # (was 4 times as many)
    # and the walks kept for the whole story give what walking for each slot gives
    monkeypatch.setattr(StorySuggester, "_walked_everywhere", lambda *args: None)
    assert _labels(_many_small(80)) == fast
