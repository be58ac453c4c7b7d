"""Ranking claims for `/` search: exact matches before fuzzy ones (plain Python, no Textual).

Tiers, best first: the query as a whole-word phrase ("Belarus" in "…Belarus and Ukraine"),
the query inside a word, every query word present as a whole word in any order, then fuzzy
matches (rapidfuzz partial_ratio, for typos). Within a tier, claims with more matches come
first, then those where the match comes earlier (a claim that starts with the words typed),
then reading order. Each hit carries the spans to highlight.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FUZZY_CUTOFF = 80  # partial_ratio below this is noise for a short query
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hit:
    index: int  # into the list of texts searched
    tier: int  # 0 phrase, 1 inside a word, 2 all words, 3 fuzzy
    spans: tuple[tuple[int, int], ...]  # offsets into the text to highlight

    @property
    def fuzzy(self) -> bool:
        return self.tier == 3


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


class SearchIndex:
    """What every query needs from a story's texts, computed once: lower-cased texts with
    blanks collapsed (a cheap substring test before the phrase regexes), each text's word set
    (the all-words tier) and the fuzzy scorer's processed texts. In a 20,000-claim story this
    keeps the regexes and partial_ratio for the texts that can match."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.folded = [" ".join(t.split()).lower() for t in texts]
        self.words = [frozenset(_WORD.findall(f)) for f in self.folded]
        self._processed: list[str] | None = None

    @property
    def processed(self) -> list[str]:
        if self._processed is None:  # only fuzzy queries need it
            from rapidfuzz import utils

            self._processed = [utils.default_process(t) for t in self.texts]
        return self._processed


def rank(query: str, texts: list[str] | SearchIndex, limit: int = 30) -> list[Hit]:
    """The best `limit` texts for `query`, exact tiers first; [] for an empty query."""
    query = " ".join(query.split())
    if not query:
        return []
    index = texts if isinstance(texts, SearchIndex) else SearchIndex(texts)
    texts = index.texts
    folded_query = query.lower()
    query_words = [w.lower() for w in dict.fromkeys(_WORD.findall(query))]
    phrase = re.escape(query).replace(r"\ ", r"\s+")
    whole = re.compile(rf"(?<!\w){phrase}(?!\w)", re.IGNORECASE)
    inside = re.compile(phrase, re.IGNORECASE)
    words = [
        re.compile(rf"(?<!\w){re.escape(w)}(?!\w)", re.IGNORECASE)
        for w in dict.fromkeys(_WORD.findall(query))
    ]
    ranked: list[tuple[tuple[int, int, int], Hit]] = []
    rest: list[int] = []
    for i, text in enumerate(texts):
        hit = None
        # the substring and word-set tests are necessary conditions for the regexes below
        substring = folded_query in index.folded[i]
        if substring and (spans := _spans(whole, text)):
            hit = Hit(i, 0, tuple(spans))
        elif substring and (spans := _spans(inside, text)):
            hit = Hit(i, 1, tuple(spans))
        elif (
            len(words) > 1
            and all(w in index.words[i] for w in query_words)
            and all(w.search(text) for w in words)
        ):
            spans = sorted(s for w in words for s in _spans(w, text))
            hit = Hit(i, 2, tuple(spans))
        if hit:
            ranked.append(((hit.tier, -len(hit.spans), hit.spans[0][0]), hit))
        else:
            rest.append(i)
    ranked.sort(key=lambda pair: pair[0])  # stable: reading order breaks ties
    hits = [hit for _, hit in ranked[:limit]]
    if len(hits) < limit and rest:
        hits += _fuzzy(query, index, rest, limit - len(hits))
    return hits


def _fuzzy(query: str, index: SearchIndex, indexes: list[int], limit: int) -> list[Hit]:
    from rapidfuzz import fuzz, process, utils

    texts, processed = index.texts, index.processed
    found = process.extract(
        utils.default_process(query),
        {i: processed[i] for i in indexes},
        scorer=fuzz.partial_ratio,
        processor=None,
        limit=limit,
        score_cutoff=FUZZY_CUTOFF,
    )
    hits = []
    for _, _, i in found:
        # default_process keeps the length (it only lowercases and blanks punctuation)
        align = fuzz.partial_ratio_alignment(query, texts[i], processor=utils.default_process)
        spans = ((align.dest_start, align.dest_end),) if align else ()
        hits.append(Hit(i, 3, spans))
    return hits
