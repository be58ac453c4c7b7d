"""Weak signals shown to the reviewer: polarity, and altered quotes.

Both fire on well-aligned pairs only. On real coverage they raise many false alarms ("did not
hesitate to approve" vs "approved"; translations of the same remark), so they are hints; a
quote whose swapped words change a negation or a figure is also a finding that labels.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from reader.suggest.text import stem, tokenize

_NEGATION_WORDS = r"\b(?:not|no|never|nor|none|neither|without|cannot)\b|n[’']t\b"
_NEGATION = re.compile(_NEGATION_WORDS, re.I)
# ...in a lower-case ASCII text: the same matches, found in half the time (`_first_negation`)
_NEGATION_LOWER = re.compile(_NEGATION_WORDS)
# A quote may run on past the sentence: an opening mark without its closing one counts too.
_QUOTE = re.compile(r"[“\"]([^”\"]{12,})(?:[”\"]|$)")
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "million",
        "billion",
        "half",
        "dozen",
    ]
)


@functools.lru_cache(maxsize=1 << 15)  # one sentence is the counterpart of many claims
def _first_negation(text: str) -> str:
    """The first negation word of `text`, lower case, or "" when there is none."""
    # (an ASCII text's words and their boundaries are those of its lower case; not so of
    # every script's)
    m = _NEGATION_LOWER.search(text.lower()) if text.isascii() else _NEGATION.search(text)
    return m.group().lower() if m else ""


def polarity_hint(text: str, other: str, other_article: str) -> str | None:
    """A hint when exactly one side of an aligned pair is negated."""
    a, b = _first_negation(text), _first_negation(other)
    if bool(a) == bool(b):
        return None
    if a:
        return f"polarity: '{a}' here, no negation in {other_article}"
    return f"polarity: no negation here, '{b}' in {other_article}"


@dataclass(frozen=True)
class QuoteChange:
    """A quote here that another source gives with other words."""

    here: str  # the words that differ, as written here
    there: str  # ... and there
    article: str
    span: tuple[int, int]  # offsets of `here` in the claim text
    meaningful: bool  # a negation or a number differs: a label, not only a hint

    def hint(self) -> str:
        return f"quote worded differently: '{self.here}' here, '{self.there}' in {self.article}"


_NUMBERISH = re.compile(r"\d")


def _changes_meaning(mine: list[str], theirs: list[str]) -> bool:
    """Words swapped between two versions of one quote change what it says when a negation is on
    one side only or a figure differs."""
    neg_a = {w for w in mine if _NEGATION.search(w)}
    neg_b = {w for w in theirs if _NEGATION.search(w)}
    if bool(neg_a) != bool(neg_b):
        return True
    num_a = {w for w in mine if _NUMBERISH.search(w) or w in _NUMBER_WORDS}
    num_b = {w for w in theirs if _NUMBERISH.search(w) or w in _NUMBER_WORDS}
    if (num_a or num_b) and num_a != num_b:
        return True
    # all of them in one, some in the other ("every taxpayer" / "many taxpayers")
    return bool(
        (_ALL.intersection(mine) and _SOME.intersection(theirs))
        or (_SOME.intersection(mine) and _ALL.intersection(theirs))
    )


_ALL = frozenset(["every", "all", "each", "always", "everyone", "everybody", "everything"])
_SOME = frozenset(
    """many some most several few much often sometimes usually mostly partly""".split()  # noqa: SIM905
)


# Two quotes are one remark worded two ways when half their words match, in order ("caused by a
# failure of our own equipment" / "caused by exceptional rainfall, not our equipment"); at 0.6
# that one was two remarks.
ONE_REMARK = 0.5


def quote_change(text: str, others: list[tuple[str, str]]) -> QuoteChange | None:
    """The first quote of `text` that one of `others` (text, article) quotes with other words."""
    for m in _QUOTE.finditer(text):
        toks = tokenize(m.group(1))
        mine = [t.lower for t in toks]
        if len(mine) < 4:
            continue
        for other_text, other_article in others:
            for om in _QUOTE.finditer(other_text):
                theirs = [t.lower for t in tokenize(om.group(1))]
                sm = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
                if sm.ratio() < ONE_REMARK:
                    continue
                ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
                diff_a = [w for _, i1, i2, _, _ in ops for w in mine[i1:i2]]
                diff_b = [w for _, _, _, j1, j2 in ops for w in theirs[j1:j2]]
                meaningful = _changes_meaning(diff_a, diff_b)
                if meaningful:  # the words that change the meaning are the ones shown
                    ops.sort(
                        key=lambda o: not _changes_meaning(mine[o[1] : o[2]], theirs[o[3] : o[4]])
                    )
                for op, i1, i2, j1, j2 in ops:
                    # a swapped word, or a word only one side has when it is what matters
                    # ("will not reopen" / "will reopen")
                    if op != "replace" and not meaningful:
                        continue
                    if {stem(w) for w in mine[i1:i2]} == {stem(w) for w in theirs[j1:j2]}:
                        continue
                    base = m.start(1)
                    a, b = (i1, i2) if i2 > i1 else (max(0, i1 - 1), i1 + 1)
                    span = (base + toks[a].start, base + toks[min(b, len(toks)) - 1].end)
                    return QuoteChange(
                        " ".join(mine[i1:i2]) or "–", " ".join(theirs[j1:j2]) or "–",
                        other_article, span, meaningful,
                    )  # fmt: skip
    return None


def quote_hint(text: str, others: list[tuple[str, str]]) -> str | None:
    """A hint when a quote here matches one elsewhere except for swapped words."""
    change = quote_change(text, others)
    return change.hint() if change else None
