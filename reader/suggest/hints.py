"""Weak signals shown to the reviewer but never used as labels: polarity and altered quotes.

Both fire on well-aligned pairs only. On real coverage they raise many false alarms ("did not
hesitate to approve" vs "approved"; translations of the same remark), so they are hints.
"""

from __future__ import annotations

import difflib
import re

from reader.suggest.text import stem, tokenize

_NEGATION = re.compile(r"\b(?:not|no|never|nor|none|neither|without|cannot)\b|n[’']t\b", re.I)
_QUOTE = re.compile(r"[“\"]([^”\"]{12,})[”\"]")


def negations(text: str) -> list[str]:
    return [m.group().lower() for m in _NEGATION.finditer(text)]


def polarity_hint(text: str, other: str, other_article: str) -> str | None:
    """A hint when exactly one side of an aligned pair is negated."""
    a, b = negations(text), negations(other)
    if bool(a) == bool(b):
        return None
    if a:
        return f"polarity: '{a[0]}' here, no negation in {other_article}"
    return f"polarity: no negation here, '{b[0]}' in {other_article}"


def _words(s: str) -> list[str]:
    return [t.lower for t in tokenize(s)]


def quote_hint(text: str, others: list[tuple[str, str]]) -> str | None:
    """A hint when a quote here matches one elsewhere except for swapped words."""
    for m in _QUOTE.finditer(text):
        mine = _words(m.group(1))
        if len(mine) < 4:
            continue
        for other_text, other_article in others:
            for om in _QUOTE.finditer(other_text):
                theirs = _words(om.group(1))
                sm = difflib.SequenceMatcher(a=mine, b=theirs, autojunk=False)
                if sm.ratio() < 0.6:
                    continue
                for op, i1, i2, j1, j2 in sm.get_opcodes():
                    if op != "replace":
                        continue
                    here, there = " ".join(mine[i1:i2]), " ".join(theirs[j1:j2])
                    if {stem(w) for w in mine[i1:i2]} != {stem(w) for w in theirs[j1:j2]}:
                        return (
                            f"quote worded differently: '{here}' here, '{there}' in {other_article}"
                        )
    return None
