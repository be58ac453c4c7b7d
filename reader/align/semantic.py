"""The paraphrase signal: how much closer two claims are in meaning than two sentences of their
story usually are, from the static token embeddings `wordllama` ships in its wheel.

A sentence's vector is the mean of its tokens' vectors (wordllama's own pooling), cut to the
first `DIMS` dimensions (its vectors are trained to be cut: 64 find the dev gold's paraphrases as
well as 256, at a quarter of the cost). Every sentence of a story shares its topic (its names,
places, the event): the words the term weights count as saying nothing (in more than half of
its claims) are left out of every sentence, and the story's mean vector is taken out of each;
the cosine of what is left is then read as a z-score against all the story's cross-article
pairs. Two sentences that report the same fact in other words ("flatly rejected those demands" /
"firm in pushing back on security proposals") stand out; sentences that only share the story do
not. `reader.align.score` turns the z-score into a raise of the pair score.

Tried and not kept (dev gold pairs found at rank 3, of 173; now 139; and five invented
four-outlet stories, 132 of 138): crediting a claim's rare words for a near-synonym in the other
sentence (word vectors from these token vectors, cosine 0.5 to 0.8: 138-140, the same on the
invented stories, a sentence's best match less often first); weighting tokens by rarity (idf,
SIF) or leaving out stopwords, 256 dimensions (132-138); the best pair of clauses instead of whole
sentences (129-138); a word alignment score, each word with its closest (129-138). This model's
word vectors put "closed"/"shut" (0.52) below "six"/"eight" (0.57) and "Russia"/"Moscow" (0.83):
what tells a paraphrase from its story's other sentences is not in its single words.

The model is read lazily, once per process, from the installed package's files: no network,
ever; the app's screen never needs it.
"""

from __future__ import annotations

import functools
import importlib.util
import math
from collections.abc import Callable, Container, Sequence
from pathlib import Path

import numpy as np

from reader.align.numbering import first_seen

DIMS = 64
# Below this many claims, a story's mean vector is a few sentences, not its topic, and the
# spread of its pairs is not known: the signal stays off (z = 0).
MIN_CLAIMS = 30
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
_WEIGHTS = "weights/l2_supercat_256.safetensors"
_INSTALL = "the paraphrase model is not installed: pip install 'wordllama>=0.4,<0.5'"


class ModelMissing(OSError):
    """The paraphrase model (or what reads it) is not installed: an install without
    crossread's dependencies. An OSError, so the CLI says it in one line."""


@functools.cache
def _model() -> tuple[object, np.ndarray]:
    """wordllama's tokenizer and token vectors (float32, `DIMS` wide), from its wheel's files."""
    try:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise ModelMissing(f"{_INSTALL} ({exc})") from exc
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        raise ModelMissing(_INSTALL)
    root = Path(spec.origin).parent
    tokenizer = Tokenizer.from_file(str(root / _TOKENIZER))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    table = load_file(str(root / _WEIGHTS))["embedding.weight"]
    return tokenizer, np.ascontiguousarray(table[:, :DIMS], dtype=np.float32)


# texts whose token vectors are gathered at once: a few MB, in the cache while they are summed
# (2,048 at a time took 40 % longer)
VECTOR_BLOCK = 256
# words whose token ids a process keeps (`_Words`): a story's vocabulary, some MB at most
WORDS_KEPT = 200_000
_SPACE = "\u2581"  # how the tokenizer writes a space (opening each word)


class _Words:
    """Each text's token ids, read word by word: the tokenizer (SentencePiece-style BPE, a space
    written "▁" opening each word) merges nothing across a word's start, its vocabulary holding
    "▁" inside a token only in runs of "▁"; so a sentence's ids are its words' ids one after
    the other, each word's read once per process (encoding each sentence took four times as
    long). Texts that could merge across words are read whole: spaces in a row, at either end,
    a "▁" written in the text, and "<", which may open a special token (split out before the
    spaces are rewritten)."""

    def __init__(self, tokenizer: object) -> None:
        self.encode = tokenizer.encode  # type: ignore[attr-defined]
        vocab = tokenizer.get_vocab()  # type: ignore[attr-defined]
        self.apart = not any(_SPACE in t[1:] and t.strip(_SPACE) for t in vocab)
        self.known: dict[str, list[int]] = {}

    def ids(self, text: str) -> list[int]:
        encode = self.encode
        if (
            not self.apart or not text or text[0] == " " or text[-1] == " " or "  " in text
            or "<" in text or _SPACE in text
        ):  # fmt: skip
            return encode(text, add_special_tokens=False).ids
        known = self.known
        if len(known) > WORDS_KEPT:
            known.clear()
        out: list[int] = []
        for word in text.split(" "):
            got = known.get(word)
            if got is None:
                got = known[word] = encode(word, add_special_tokens=False).ids
            out += got
        return out


@functools.cache
def _words() -> _Words:
    return _Words(_model()[0])


def sentence_vectors(texts: Sequence[str]) -> np.ndarray:
    """The mean token vector of each text (zeros for a text without tokens)."""
    _, table = _model()
    # one text at a time, a word at a time (`_Words`): `encode_batch` starts a thread per
    # core, in import workers that already fill the cores (and it was hardly faster here)
    ids_of = _words().ids
    out = np.zeros((len(texts), DIMS), dtype=np.float32)
    # a block of texts at a time: the token vectors of a 30,000-sentence story at once would
    # take some 250 MB (each text's sum is the same whatever the blocks)
    for lo in range(0, len(texts), VECTOR_BLOCK):
        ids = [ids_of(t) for t in texts[lo : lo + VECTOR_BLOCK]]
        sizes = np.array([len(x) for x in ids], dtype=np.int64)
        if not sizes.sum():
            continue
        flat = np.fromiter((t for x in ids for t in x), dtype=np.int64, count=int(sizes.sum()))
        np.clip(flat, 0, len(table) - 1, out=flat)
        has = np.flatnonzero(sizes)
        starts = np.r_[0, np.cumsum(sizes)[:-1]][has]
        out[lo + has] = np.add.reduceat(table[flat], starts, axis=0) / sizes[has, None]
    return out


def without(text: str, common: Container[str]) -> str:
    """`text` without its words whose stem is in `common` (the story's own vocabulary)."""
    from reader.suggest.text import is_content, stem, tokenize

    if not common:  # (a long story's first reading: see `reader.pipeline._with_meanings`)
        return text
    parts, last = [], 0
    for t in tokenize(text):
        if is_content(t.text) and stem(t.text) in common:
            parts.append(text[last : t.start])
            last = t.end
    return "".join(parts) + text[last:] if parts else text


def meaning_vectors(texts: Sequence[str], common: Container[str]) -> np.ndarray:
    """The sentence vectors of `texts` without the story's own vocabulary (`without`): each
    text's on its own, so a long story's are read a run at a time by several processes (and
    once a text: a text met again takes its vector)."""
    distinct, which = first_seen(texts)
    vectors = sentence_vectors([without(t, common) for t in distinct])
    return vectors if len(distinct) == len(which) else vectors[which]


def _unit(m: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.maximum(norm, 1e-12)


class StorySemantics:
    """Z-scores of the paraphrase signal for any pair of a story's claims.

    `z(rows, cols)` = (cosine of the two centred vectors - mean) / sd, mean and sd over every
    pair of claims of two different articles, worked out from sums (no claims x claims matrix).
    """

    def __init__(
        self,
        texts: Sequence[str],
        article: np.ndarray,
        common: Container[str] = (),
        read: Callable[[Sequence[str], Container[str]], np.ndarray] = meaning_vectors,
    ):
        """`article`: each claim's article as a number. `common`: the stems of the words that
        say nothing in this story (`StoryWeights.common`): left out of every sentence. `read`:
        what gives `meaning_vectors(texts, common)` (a long story's: several processes)."""
        n = len(texts)
        self.on = n >= MIN_CLAIMS and len(np.unique(article)) > 1
        if not self.on:
            self.left = self.right = np.zeros((n, DIMS))
            self.shift = 0.0
            return
        v = _unit(read(texts, common).astype(np.float64))
        v = _unit(v - v.mean(axis=0))
        groups = [v[article == a] for a in np.unique(article)]
        sizes = np.array([len(g) for g in groups], dtype=np.float64)
        pairs = n * n - float((sizes**2).sum())
        total = v.sum(axis=0)
        own = [g.sum(axis=0) for g in groups]
        mean = (total @ total - sum(s @ s for s in own)) / pairs
        gram = v.T @ v
        squares = (gram * gram).sum() - sum(((g.T @ g) ** 2).sum() for g in groups)
        sd = math.sqrt(max(float(squares) / pairs - mean * mean, 1e-12))
        self.left, self.right, self.shift = v / sd, v, mean / sd

    def z(self, rows: slice | np.ndarray, cols: slice | np.ndarray) -> np.ndarray:
        """The z-score of each claim in `rows` with each claim in `cols` (a matrix; zeros when
        the signal is off)."""
        return _settled(self.left[rows] @ self.right[cols].T - self.shift)

    def z_pairs(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """The z-score of claim rows[k] with claim cols[k], for each k."""
        return _settled(np.einsum("ij,ij->i", self.left[rows], self.right[cols]) - self.shift)


def _settled(z: np.ndarray) -> np.ndarray:
    """`z` rounded far below what moves a score: a matrix product and a row-by-row one sum in
    other orders, and one pair must score the same either way."""
    return np.round(z, 6)
