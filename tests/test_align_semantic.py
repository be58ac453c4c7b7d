"""The paraphrase signal (wordllama's static embeddings) on a story written for the purpose."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reader.align import PairScorer, align_story
from reader.align.fuzzy import fuzzy_scores
from reader.align.score import STRONG_SCORE, combine, held
from reader.align.semantic import MIN_CLAIMS
from reader.corpus.sentences import article_from_sentences
from reader.models import Story

# Two reports of one flood: every other sentence names the town; most facts are told in each,
# in other words.
A = [
    "Flooding in Dunmore forced the council to close the Dunmore river road.",
    "The Dunmore river rose two metres overnight, the Dunmore council said.",
    "Volunteers filled sandbags through the night in Dunmore.",
    "Police shut the riverside street to all cars and buses.",
    "The mayor of Dunmore asked residents to stay indoors.",
    "Dunmore schools will be closed on Thursday.",
    "Forecasters expect more rain over the weekend.",
    "A Dunmore bakery lost its stock when water entered the shop.",
    "Dunmore council opened a shelter in the town hall.",
    "The army sent two trucks to help move families.",
    "Insurance firms said claims could take months.",
    "Dunmore hospital stayed open throughout the flood.",
    "Power was cut to 300 homes in Dunmore.",
    "Farmers moved cattle to higher ground.",
    "The Dunmore river is expected to peak on Friday.",
    "The prime minister will visit Dunmore next week.",
]
B = [
    "Dunmore flood: Dunmore council meets as the Dunmore river rises again.",
    "Officers blocked the road along the water to motorists.",
    "Dunmore residents were told by the mayor to remain at home.",
    "Rain is forecast to continue into Saturday and Sunday.",
    "The town hall in Dunmore now houses people forced from their homes.",
    "Soldiers arrived with lorries to evacuate families.",
    "Some 300 Dunmore homes lost electricity.",
    "A local shop lost its bread when the water came in.",
    "Dunmore pupils will stay at home on Thursday as schools close.",
    "Livestock were led to safety on the hills.",
    "Dunmore hospital kept its doors open.",
    "The Dunmore flood is the worst in forty years.",
    "Volunteers in Dunmore worked all night with sandbags.",
    "Insurers warned that payouts would be slow.",
    "The river should reach its highest level on Friday.",
    "Dunmore council: Dunmore flood update for Dunmore.",
]
PARAPHRASE = ("Police shut the riverside street to all cars and buses.", B[1])
NAMES_ONLY = B[-1]


def make_story(articles: dict[str, list[str]]) -> Story:
    story = Story("sem", "/tmp/sem")
    for name, sentences in articles.items():
        story.articles.append(article_from_sentences("sem", name, sentences, title=name))
    return story


@pytest.fixture(scope="module")
def flood() -> tuple[Story, PairScorer, dict[str, int]]:
    story = make_story({"a.txt": A, "b.txt": B})
    claims = story.claims()
    assert len(claims) >= MIN_CLAIMS
    return story, PairScorer(claims), {c.text: k for k, c in enumerate(claims)}


def by_words_alone(scorer: PairScorer, i: int, js: list[int]) -> np.ndarray:
    """The pair scores without the paraphrase signal."""
    lex, facts = scorer.weights.with_facts(i, i + 1)
    fz = fuzzy_scores([scorer.processed[i]], [scorer.processed[j] for j in js],
                      scorer.short[i : i + 1], scorer.short[js])[0]  # fmt: skip
    return held(combine(lex[0, js], fz), facts[0, js])


def test_a_paraphrase_sharing_no_word_is_found_by_its_meaning(flood) -> None:
    story, scorer, ids = flood
    claim, counterpart = PARAPHRASE
    others = [ids[t] for t in B]
    words = by_words_alone(scorer, ids[claim], others)
    assert B[int(words.argmax())] != counterpart  # by words, another sentence comes first
    evidence = [e for e in align_story(story) if e.claim_id == story.claims()[ids[claim]].id]
    assert min(evidence, key=lambda e: e.rank).text == counterpart
    assert scorer.scores(ids[claim], others).argmax() == B.index(counterpart)


def test_a_sentence_sharing_only_the_storys_names_is_not_raised(flood) -> None:
    _, scorer, ids = flood
    for claim in A:
        i, j = ids[claim], ids[NAMES_ONLY]
        assert scorer.score(i, j) == by_words_alone(scorer, i, [j])[0], claim


def test_meaning_alone_never_makes_a_strong_match(flood) -> None:
    _, scorer, ids = flood
    others = [ids[t] for t in B]
    raised = 0
    for claim in A:
        scores = scorer.scores(ids[claim], others)
        words = by_words_alone(scorer, ids[claim], others)
        up = scores > words
        raised += int(up.sum())
        assert (scores[up] < STRONG_SCORE).all(), claim
        assert (scores >= words).all(), claim  # the signal only ever raises a pair
    assert raised  # (and it did raise some)


def test_a_story_too_small_to_know_its_topic_is_scored_by_its_words() -> None:
    story = make_story({"a.txt": A[:4], "b.txt": B[:4]})
    claims = story.claims()
    scorer = PairScorer(claims)
    assert not scorer.semantic.on
    i = next(k for k, c in enumerate(claims) if c.text == PARAPHRASE[0])
    js = list(range(len(A[:4]), len(claims)))
    assert (scorer.scores(i, js) == by_words_alone(scorer, i, js)).all()


def test_the_model_is_read_from_the_installed_package_without_the_network() -> None:
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse\n"
        "from reader.align.semantic import sentence_vectors\n"
        "v = sentence_vectors(['Police shut the street.', ''])\n"
        "print(v.shape, bool(v[0].any()), bool(v[1].any()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["(2,", "64)", "True", "False"]


def test_importing_the_aligner_does_not_read_the_model() -> None:
    code = (
        "import sys, reader.align, reader.cli.main, reader.pipeline\n"
        "print(sorted(m for m in ('tokenizers', 'safetensors') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("pair_budget", [None, 0])  # scored exhaustively, and pruned
def test_the_stored_score_is_the_pair_score_with_the_signal_on(flood, pair_budget) -> None:
    story, scorer, _ = flood
    index = {c.id: k for k, c in enumerate(story.claims())}
    budget = {} if pair_budget is None else {"pair_budget": pair_budget}
    evidence = align_story(story, **budget)
    assert evidence
    for e in evidence:
        assert e.score == scorer.score(index[e.claim_id], index[e.other_id]), e.text


def test_an_install_without_the_model_says_so_in_one_line(tmp_path) -> None:
    # `tokenizers` unimportable, as in an install that skipped crossread's dependencies
    code = (
        "import sys; sys.modules['tokenizers'] = None\n"
        "from reader.cli.main import main\n"
        f"sys.argv = ['crossread', 'import', 'seeds', '--db', {str(tmp_path / 'x.db')!r}]\n"
        "main()\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'wordllama" in lines[0], out.stderr


def test_a_sentence_read_word_by_word_is_read_as_a_whole() -> None:
    # each word's token ids are kept (`_Words`): a sentence must read as the tokenizer reads it
    from reader.align.semantic import _model, _words

    tokenizer, _ = _model()
    texts = [*A, *B, *PARAPHRASE, "It’s “£2.5m” — 日本 😀 ok", "tab\tand\nline", "a  b", " x",
             "y ", "<s> no", "x <unk>y", "pre\u2581fix", "", "9,000-strong crowd"]  # fmt: skip
    for text in texts * 2:  # the second time from what is kept
        assert _words().ids(text) == tokenizer.encode(text, add_special_tokens=False).ids, text
