"""Who said a quote: the same words put in different mouths ("…,” said Maya Osei" / "…,” said Dan
Pryce") is a conflict a fact-checker must see.

A quote's speaker is read outside the quotation marks, from a verb of saying next to it: the
name after the verb when the verb follows the quote ("“…,” said council leader Maya Osei"), else
the name just before the verb ("Maya Osei, the council leader, said the bridge would “…”", "“…,”
Osei said"). A pronoun ("he said") names no one, and the quote gets no slot. Two quotes are the
same remark when they share `RUN` words in order; the slot is keyed by those runs, so only
quotes sharing one meet, and its value is the speaker's surname.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from reader.align.weighting import SAYING
from reader.align.words import STOPWORDS
from reader.suggest.slots import Slot
from reader.suggest.text import Token, quotations, tokenize, without_possessive
from reader.suggest.titles import is_title_word

RUN = 5  # quoted words in order that make two quotes one remark (as `support.SHARED_RUN`)
# a quote within a quote, in single marks: someone else's words ("Osei told me ‘…’"); a mark
# before a letter is an apostrophe ("it’s")
_INNER = re.compile(r"(?<!\w)[‘'](?:[^‘’']|[’'](?=\w))+[’'](?!\w)")
_AUDIENCE = frozenset(["told", "tells"])  # "“…,” told reporters": its name is not the speaker
_BEFORE = 6  # tokens before a verb searched for its speaker (past an appositive)
SIMILAR = 80.0  # one surname spelled two ways is still one speaker (`spelling` flags it)
_PRONOUNS = frozenset("he she they i we it".split())  # noqa: SIM905


def _name_at(
    toks: Sequence[Token], k: int, step: int, limit: int, quoted: set[int]
) -> tuple[int, int] | None:
    """The (first, last) token of the run of capitalised name words met first walking from
    toks[k] by `step`, past lower-case words and titles, starting within `limit` tokens; None
    at a pronoun or a quote (the indices in `quoted`)."""
    run: list[int] = []
    at = k
    while 0 <= at < len(toks) and at not in quoted and (run or abs(at - k) < limit):
        t = toks[at]
        word = without_possessive(t.text)
        name = word[:1].isupper() and word.isalpha() and t.lower not in STOPWORDS
        if name and not is_title_word(t.lower):
            run.append(at)
            at += step
            continue
        if run:
            break
        if t.lower in _PRONOUNS:
            return None
        at += step
    if not run or toks[max(run)].text != without_possessive(toks[max(run)].text):
        return None  # "Osei's deputy said": not Osei
    return min(run), max(run)


def extract(text: str, tokens: Sequence[Token] | None = None) -> list[Slot]:
    """A slot per quote of `text` whose speaker is named."""
    if '"' not in text and "“" not in text:
        return []
    toks = tokenize(text) if tokens is None else tokens
    quotes = [m.span() for m in quotations(text)]
    quoted = {k for k, t in enumerate(toks) if any(a <= t.start < b for a, b in quotes)}
    verbs = [k for k, t in enumerate(toks) if t.lower in SAYING and k not in quoted]
    out = []
    for lo, hi in quotes:
        runs = _runs(text[lo:hi])
        if not runs or not verbs:
            continue
        # the verb nearest the quote: right after it ("…,” said X", "…,” X said") or the last
        # one before it ("X said the bridge would “…”")
        after = [k for k in verbs if toks[k].start >= hi]
        before = [k for k in verbs if toks[k].end <= lo]
        if (
            after
            and not text[hi : toks[after[0]].start].strip(" ,")
            and toks[after[0]].lower not in _AUDIENCE
        ):
            found = _name_at(toks, after[0] + 1, 1, 4, quoted)  # inverted: "said Maya Osei"
        elif after or before:
            # "…,” Osei said" names the speaker between the quote and its verb; a verb further
            # on belongs to another clause ("X said “…”, and Pryce said it was a waste")
            gap = text[hi : toks[after[0]].start].split() if after else []
            close = after and len(gap) <= _BEFORE and not {"and", "but", "while"} & set(gap)
            verb = after[0] if close or not before else before[-1]
            found = _name_at(toks, verb - 1, -1, _BEFORE, quoted)
        else:
            found = None
        if found is None:
            continue
        first, last = found
        surname = without_possessive(toks[last].lower)
        span = (toks[first].start, toks[last].end)
        out.append(Slot("speaker", runs, surname, text[span[0] : span[1]], span))
    return out


def _runs(quote: str) -> frozenset[str]:
    """Every `RUN` words in a row of `quote` that are its speaker's: none from a quote within it."""
    parts, at = [], 0
    for m in _INNER.finditer(quote):
        parts.append(quote[at : m.start()])
        at = m.end()
    parts.append(quote[at:])
    runs: set[str] = set()
    for part in parts:
        words = [t.lower for t in tokenize(part) if t.text[:1].isalpha()]
        runs.update(" ".join(words[k : k + RUN]) for k in range(len(words) - RUN + 1))
    return frozenset(runs)


def related(a: Slot, b: Slot) -> bool:
    """Two quotes sharing a run of words: one remark."""
    return bool(a.key & b.key)


def compatible(a: Slot, b: Slot) -> bool:
    """The same speaker, however the surname is spelled."""
    return a.value == b.value or fuzz.ratio(str(a.value), str(b.value)) >= SIMILAR
