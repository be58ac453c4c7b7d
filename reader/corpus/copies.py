"""Articles that are copies of another of their story: the same wire report saved twice, or run
by two outlets. Word for word, a copy backs nothing the first one does not, so a reviewer must
know which articles are not independent sources (`copy_warnings`)."""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Sequence

from reader.models import Article, shown_path

# A sentence that can mark a copy: long enough not to be a stock phrase ("Read more.", "He
# declined to comment.") that independent reports share.
MIN_WORDS = 8
# An article is a copy of an earlier one when nearly all its sentences (of those long enough),
# and `MIN_SAME` of them at least, are sentences of that one, word for word: a wire report run
# by a second outlet under its own headline, trimmed or with a line added. (Two independent
# reports may both quote a statement's sentence or two in full, or share a paragraph.)
SHARE = 0.8
MIN_SAME = 3


def _sentences(article: Article) -> set[str]:
    words = (c.text.split() for c in article.claims)  # (each claim split once)
    return {" ".join(w) for w in words if len(w) >= MIN_WORDS}


def _copies(articles: Sequence[Article]) -> dict[str, tuple[str, int, int]]:
    """Each copy's name -> (the earlier article it repeats, sentences repeated, its long ones).
    Sentences are looked up, not articles compared pairwise: a story may hold a thousand."""
    out: dict[str, tuple[str, int, int]] = {}
    where: dict[str, list[int]] = defaultdict(list)  # sentence -> the articles giving it (in order)
    given: list[set[str]] = []  # each article's long sentences
    for k, article in enumerate(articles):
        mine = _sentences(article)
        need = max(MIN_SAME, math.ceil(SHARE * len(mine)))
        # An article repeating `need` of them gives one at least of any len - need + 1: only
        # those of the rarest are candidates, tried in order until the earliest that repeats
        # enough. (Counting every earlier article giving each sentence cost articles squared:
        # 2,000 copies of one report took 2.5 s.)
        rarest = sorted(mine, key=lambda s: len(where[s]))[: max(0, len(mine) - need + 1)]
        for a, _ in itertools.groupby(heapq.merge(*(where[s] for s in rarest))):
            same = len(mine & given[a])
            if same >= need:
                out[article.name] = (articles[a].name, same, len(mine))
                break
        given.append(mine)
        for s in mine:
            where[s].append(k)
    return out


def copy_warnings(articles: Sequence[Article]) -> dict[str, str]:
    """For each article that repeats an earlier one word for word (nearly all its long
    sentences), the warning that says so, by the copy's name."""
    return {
        name: f"a copy of {shown_path(first)}: it repeats {same} of its {n} long sentences "
        "word for word, not an independent source"
        for name, (first, same, n) in _copies(articles).items()
    }


def origins(articles: Sequence[Article]) -> dict[str, str]:
    """Each copy's name -> the name of the article it is a copy of (the first of a chain)."""
    out: dict[str, str] = {}
    for name, (first, _, _) in _copies(articles).items():
        out[name] = out.get(first, first)
    return out
