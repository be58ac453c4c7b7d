"""Evidence ranking on a small hand-checked story."""

from reader.align.evidence import align_blocks, align_story, as_evidence, by_claim, score_matrix
from reader.corpus.sentences import article_from_sentences
from reader.models import Evidence, Story


def make_story(articles: dict[str, list[str]]) -> Story:
    story = Story("ev", "/tmp/ev")
    for name, sentences in articles.items():
        story.articles.append(article_from_sentences("ev", name, sentences, title=name))
    return story


STORY = make_story(
    {
        "a.txt": [
            "The city council voted on Tuesday to close the old harbour bridge for repairs.",
            "Engineers found cracks in three of the bridge's steel supports last month.",
            "Ferries will run every twenty minutes while the bridge is closed.",
        ],
        "b.txt": [
            "Extra ferry services, every 20 minutes, will replace the crossing during the closure.",
            "On Tuesday the council voted to shut the harbour bridge so repairs can be made.",
            "Cracks were found in the bridge's steel supports by engineers last month.",
            "The mayor said she was sorry.",
        ],
        "c.txt": [
            "Repairs.",
            "Council members voted Tuesday to close the harbour bridge for major repairs.",
        ],
    }
)


def best(story: Story, claim_text: str, article: str) -> str:
    claim = next(c for c in story.claims() if c.text == claim_text)
    ev = [e for e in align_story(story) if e.claim_id == claim.id and e.article == article]
    ev.sort(key=lambda e: e.rank)
    return ev[0].text if ev else ""


def test_true_counterparts_rank_first_in_each_other_article() -> None:
    a = [c.text for c in STORY.articles[0].claims]
    assert best(STORY, a[0], "b.txt").startswith("On Tuesday the council voted")
    assert best(STORY, a[1], "b.txt").startswith("Cracks were found")
    assert best(STORY, a[2], "b.txt").startswith("Extra ferry services")
    assert best(STORY, a[0], "c.txt").startswith("Council members voted")


def test_evidence_only_comes_from_other_articles_top5_best_first() -> None:
    evidence = align_story(STORY)
    article_of = {c.id: c.article for c in STORY.claims()}
    assert evidence
    for e in evidence:
        assert article_of[e.claim_id] != e.article
        assert 1 <= e.rank <= 5
    for cid in article_of:
        for art in ("a.txt", "b.txt", "c.txt"):
            ranked = sorted(evidence, key=lambda e: e.rank)
            scores = [e.score for e in ranked if e.claim_id == cid and e.article == art]
            assert scores == sorted(scores, reverse=True)


def test_short_fragment_inside_a_long_sentence_is_not_a_perfect_match() -> None:
    long = "The council voted on Tuesday to close the old harbour bridge for repairs."
    scores = score_matrix(["Repairs.", long], [long, "Repairs are due."])
    assert scores[0][0] < 60  # token_set_ratio alone would give 100
    assert scores[1][0] == 100


def test_single_article_story_has_no_evidence() -> None:
    story = make_story({"only.txt": ["A lone claim with several content words in it."]})
    assert align_story(story) == []


def test_candidate_pruning_keeps_the_true_counterparts() -> None:
    exhaustive = align_story(STORY)
    pruned = align_story(STORY, pair_budget=0)
    best = {(e.claim_id, e.article): e.other_id for e in exhaustive if e.rank == 1}
    pruned_best = {(e.claim_id, e.article): e.other_id for e in pruned if e.rank == 1}
    for c in STORY.articles[0].claims:  # every claim of a.txt has a real counterpart in b.txt
        assert pruned_best[(c.id, "b.txt")] == best[(c.id, "b.txt")]


def test_pruning_still_matches_claims_made_only_of_common_words() -> None:
    # 60 articles repeat one sentence: every word and every pair of words is too common to index
    common = "Russian troops massed near the Ukrainian border again this week."
    articles = {
        f"{k:02d}.txt": [common, f"Reporter number {k} filed story {k} from desk {k}."]
        for k in range(60)
    }
    story = make_story(articles)
    pruned = align_story(story, pair_budget=0)
    first = story.articles[0].claims[0]
    matched = {e.article for e in pruned if e.claim_id == first.id and e.score == 100}
    assert len(matched) >= 50


def test_suggestions_carry_the_same_pair_score_as_the_evidence() -> None:
    from reader.align import PairScorer
    from reader.pipeline import analyse

    evidence, suggestions = analyse(STORY)
    claims = STORY.claims()
    index = {c.id: k for k, c in enumerate(claims)}
    scorer = PairScorer(claims)
    stored = {(e.claim_id, e.other_id): e.score for e in evidence}
    shown = [(s.claim_id, e) for s in suggestions for e in s.evidence]
    assert shown
    for claim_id, e in shown:
        expected = scorer.score(index[claim_id], index[e.other_id])
        assert e.score == expected == stored.get((claim_id, e.other_id), expected)


def fuzzy_scored(monkeypatch) -> list[int]:
    """The number of pairs each of alignment's fuzzy scoring calls scores, as they happen."""
    from reader.align import evidence

    scored: list[int] = []
    real = evidence.fuzzy_scores

    def counting(q, c, *args, **kwargs):
        scored.append(len(q) * len(c))
        return real(q, c, *args, **kwargs)

    monkeypatch.setattr(evidence, "fuzzy_scores", counting)
    return scored


def test_a_long_article_is_never_scored_against_itself(monkeypatch) -> None:
    """A 2 MB one-line article next to a short one must cost long x short, not long x long."""
    from reader.align import evidence

    scored = fuzzy_scored(monkeypatch)
    long = [f"Report number {i} says the harbour bridge closed for repairs." for i in range(600)]
    short = ["The harbour bridge closed for repairs.", "Ferries run instead.", "Nobody was hurt."]
    found = evidence.align_story(make_story({"long.txt": long, "short.txt": short}))
    assert {e.article for e in found} == {"long.txt", "short.txt"}
    assert sum(scored) <= 2 * len(long) * len(short)


def test_each_cross_article_pair_is_scored_once_and_as_the_pair_score(monkeypatch) -> None:
    """The fuzzy ratio is symmetric: a pair of two articles is scored once, not once per side,
    and every stored score is still the pair's own score, whichever side asked."""
    from reader.align import PairScorer

    scored = fuzzy_scored(monkeypatch)
    claims = STORY.claims()
    found = align_story(STORY, min_score=0)
    sizes = [3, 4, 2]
    assert sum(scored) == sum(a * b for k, a in enumerate(sizes) for b in sizes[k + 1 :])
    scorer, ids = PairScorer(claims), {c.id: k for k, c in enumerate(claims)}
    assert {e.article for e in found} == {"a.txt", "b.txt", "c.txt"}
    for e in found:
        assert e.score == scorer.score(ids[e.claim_id], ids[e.other_id])


def test_fuzzy_scores_on_token_sets_are_token_set_ratios_of_the_texts() -> None:
    import numpy as np
    from rapidfuzz import fuzz, process

    from reader.align.fuzzy import fuzzy_scores, processed, token_sets

    texts = processed(
        [
            "The ferry sank off Karsby on Tuesday, and the ferry's crew of 12 survived.",
            "Twelve crew members survived when the Karsby ferry sank on Tuesday night.",
            "Rescuers pulled 150 people from the water after the ferry sank off Karsby.",
            "A ferry carrying 180 passengers capsized off Karsby early on Tuesday morning.",
        ]
    )
    long = np.zeros(len(texts), dtype=bool)
    expected = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, dtype=np.float32)
    assert (fuzzy_scores(texts, texts, long, long) == expected).all()
    sets = token_sets(texts)
    assert sets[0].split() == sorted(set(texts[0].split()))  # each word once, sorted


def test_a_blocks_evidence_by_claim_is_the_evidence_as_made_field_by_field() -> None:
    # (`by_claim` makes each `Evidence` without its dataclass `__init__`)
    claims = STORY.claims()
    for lo, hi, pairs in align_blocks(STORY):
        evidence, found = by_claim(claims, lo, hi, pairs)
        made = list(as_evidence(claims, pairs))
        assert evidence == made and [vars(e) for e in evidence] == [vars(e) for e in made]
        assert [e for i in range(lo, hi) for e in found[i]] == made
        pairs_made = zip(evidence, made, strict=True)
        assert all(type(e) is Evidence and hash(e) == hash(m) for e, m in pairs_made)


def test_each_other_articles_best_are_its_highest_scores_ties_to_the_earlier_claim() -> None:
    # one long other article (rows thousands wide) and a short one; scores rounded to 0.1, so
    # that many tie: the earlier claim is taken first
    import numpy as np

    from reader.align.candidates import ArticleGrid

    article = np.repeat([0, 1, 2], [3, 2000, 7])
    rng = np.random.default_rng(0)
    scores = np.round(rng.random((3, 2007)) * 100, 1)  # claims 0-2 against claims 3-2009
    scores[:, [900, 100]] = 100.0
    rows, cols = ArticleGrid(article).best(scores, 0, 20)
    for r in range(3):
        for others in (range(3, 2003), range(2003, 2010)):
            got = sorted(c for i, c in zip(rows, cols, strict=True) if i == r and c in others)
            ranked = sorted(others, key=lambda c: (-scores[r, c - 3], c))
            assert got == sorted(ranked[:20])
        assert {103, 903} <= set(cols[rows == r].tolist())


def test_a_claim_keeps_at_most_its_strongest_evidence(monkeypatch) -> None:
    # a story of 3,000 one-sentence files kept 1,379 evidence rows a claim, four million in
    # all, and one of 10,000 ran out of memory: a claim now keeps its MAX_EVIDENCE strongest
    from reader.align import evidence

    words = [
        "bridge",
        "council",
        "ferry",
        "river",
        "harbour",
        "repairs",
        "closed",
        "Tuesday",
        "crews",
        "traffic",
    ]
    story = make_story(
        {
            f"{a:02d}.txt": [
                f"The {words[(a + k) % 10]} {words[(a * k) % 10]} stayed shut on day {k}."
                for k in range(6)
            ]
            for a in range(30)
        }
    )
    monkeypatch.setattr(evidence, "MAX_EVIDENCE", 10_000)
    every = align_story(story)
    monkeypatch.setattr(evidence, "MAX_EVIDENCE", 40)
    kept = align_story(story)
    order = {c.id: k for k, c in enumerate(story.claims())}
    for claim in story.claims():
        all_of_it = [e for e in every if e.claim_id == claim.id]
        assert len(all_of_it) > 40  # (else nothing to leave out)
        strongest = sorted(all_of_it, key=lambda e: (-e.score, order[e.other_id]))[:40]
        assert [e for e in kept if e.claim_id == claim.id] == sorted(
            strongest, key=lambda e: all_of_it.index(e)
        )


def test_many_short_articles_have_their_best_picked_as_one_by_one() -> None:
    # past MANY_ARTICLES, a block's best are picked among all other articles at once
    import numpy as np

    from reader.align.candidates import MANY_ARTICLES, ArticleGrid

    sizes = np.random.default_rng(1).integers(1, 4, size=MANY_ARTICLES + 20)
    article = np.repeat(np.arange(len(sizes)), sizes)
    own = int(sizes[0])
    scores = np.round(np.random.default_rng(2).random((own, len(article) - own)) * 100, 1)
    rows, cols = ArticleGrid(article).best(scores, 0, 2)
    for r in range(own):
        for a in range(1, len(sizes)):
            others = np.flatnonzero(article == a)
            got = sorted(c for i, c in zip(rows, cols, strict=True) if i == r and c in others)
            ranked = sorted(others.tolist(), key=lambda c: (-scores[r, c - own], c))
            assert got == sorted(ranked[:2])
