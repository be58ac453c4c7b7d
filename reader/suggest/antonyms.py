"""Opposite predicates about the same thing: "the gates were closed" / "the gate was open"; "the
ferry passed an inspection" / "the ferry failed an inspection".

A conflict only when scoped, as negation is (`negation`): the two words fill the same predicate
slot (the same subject head right before them: "gates were closed" / "gate was open", not "oil
prices rose" / "gas prices fell"), the sentences share specific words around them (the thing
they are about), and each sentence holds one side only, un-negated ("was not closed" / "was
open" agree). Anything less is a hint: opposite words in an aligned pair may be about two things.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from reader.suggest import when
from reader.suggest.negation import CLAUSE_END, MIN_OBJECT, SCOPE, WINDOW, is_negator
from reader.suggest.text import (
    DETERMINERS,
    Token,
    is_content,
    is_content_or_possessive,
    stem,
    tokenize,
    without_possessive,
)

# Pairs of word forms that say opposite things about one subject. Relational verbs whose
# opposite needs another subject ("won" / "lost") and ambiguous forms ("close" is also "near",
# "refused to" has its own object) are left out.
_PAIRS = [
    ("open opened opens reopened reopen reopens", "closed closes shut shuts"),
    (
        "rose risen rise rises rising increased increases climbed",
        "fell fallen fall falls falling decreased decreases dropped declined",
    ),
    ("approved approve approves accepted accept accepts", "rejected reject rejects"),
    ("allowed permitted", "banned barred prohibited"),
    ("convicted", "acquitted"),
    ("survived survives", "died dies killed"),  # "the driver survived" / "was killed"
]
# ...and pairs that are about their object, not their subject: "the ferry passed an
# inspection" / "the Agia Marina failed an inspection" (`_object`)
_OBJECT_PAIRS = [
    ("passed passes", "failed fails"),
    ("admitted admits confirmed confirms", "denied denies"),  # "admitted the charges"
]
_BY_OBJECT = frozenset(range(len(_PAIRS), len(_PAIRS) + len(_OBJECT_PAIRS)))
_PAIRS += _OBJECT_PAIRS
_SIDE = {
    w: (k, side) for k, pair in enumerate(_PAIRS) for side in (0, 1) for w in pair[side].split()
}
_DETERMINERS = DETERMINERS | {"all", "any", "both"}  # "denied all the charges"
# Words between a subject and its predicate that leave the slot where it is.
_LINKS = frozenset(
    """be been being is are was were am has have had do does did will would can could shall
    should may might must remain remains remained stay stays stayed kept keep keeps sharply
    briefly partly fully also still again""".split()  # noqa: SIM905
)
SUBJECT = 6  # tokens before the subject head read as the rest of the subject
_NEGATION_CUES = frozenset(["no", "nor", "without", "neither", "none", "denied", "denies"])


@dataclass(frozen=True)
class Opposite:
    pair: int  # index into _PAIRS
    side: int  # 0 or 1
    word: str  # as written
    head: str  # stem of the subject head before it
    subject: frozenset[str]  # stems of the subject's other words ("oil" of "oil prices")
    around: frozenset[str]  # stems of content words around the word
    span: tuple[int, int]
    owner: str = ""  # stem of the name owning the subject ("velto" of "Velto's shares")


def _head(toks: Sequence[Token], k: int) -> int:
    """Where the subject head before toks[k] is, past linking words (-1: none)."""
    j = k - 1
    while j >= 0 and toks[j].lower in _LINKS:
        j -= 1
    return j


def _subject(text: str, toks: Sequence[Token], k: int) -> tuple[str, frozenset[str]] | None:
    """The subject head before toks[k] (past linking words), and the clause's other content
    words before it ("oil", "dunmore" of "Oil prices at the Dunmore terminal rose")."""
    j = _head(toks, k)
    if j < 0 or not is_content_or_possessive(toks[j].text):
        return None
    words = []
    m = j - 1
    while m >= max(0, j - SUBJECT):
        gap = text[toks[m].end : toks[m + 1].start]
        if gap != " " and any(ch in gap for ch in ',;:—()“”"'):  # (most gaps are a space)
            break  # the clause starts after punctuation
        if toks[m].lower in CLAUSE_END:
            break
        if is_content_or_possessive(toks[m].text):
            words.append(stem(toks[m].text))
        m -= 1
    return stem(toks[j].text), frozenset(words)


def _owner(toks: Sequence[Token], k: int) -> str:
    """The stem of a name in the possessive right before the subject head before toks[k]
    ("Velto's shares rose"), else ""."""
    j = _head(toks, k)
    if j < 1:
        return ""
    t = toks[j - 1].text
    return stem(t) if without_possessive(t) != t and t[:1].isupper() else ""


def _object(toks: Sequence[Token], k: int) -> tuple[str, frozenset[str]] | None:
    """The object head after toks[k], a noun phrase that starts with a determiner ("an
    inspection", "its last safety inspection"), and its other words; None when there is none
    ("failed to", "passed away", "time passed")."""
    j = k + 1
    if j >= len(toks) or toks[j].lower not in _DETERMINERS:
        return None
    words = []
    for t in toks[j + 1 : j + 4]:
        if not (t.text.islower() and is_content(t.text)):
            break
        words.append(stem(t.text))
    return (words[-1], frozenset(words[:-1])) if words else None


@functools.lru_cache(maxsize=1 << 15)  # a story's claims, then again for each aligned pair's hint
def opposites(text: str) -> tuple[Opposite, ...]:
    """The opposite-pair words of `text` that it asserts (not negated), when it holds only one
    side of their pair."""
    toks = tokenize(text)
    found = [(k, _SIDE[t.lower]) for k, t in enumerate(toks) if t.lower in _SIDE]
    sides = {ps for _, ps in found}
    out = []
    for k, (pair, side) in found:
        if (pair, 1 - side) in sides:
            continue  # "rose and then fell": both sides, no position taken
        before = toks[max(0, k - SCOPE) : k]
        if any(is_negator(b, None) or b.lower in _NEGATION_CUES for b in before):
            continue
        subject = _object(toks, k) if pair in _BY_OBJECT else _subject(text, toks, k)
        if subject is None:
            continue
        around = toks[max(0, k - WINDOW) : k] + toks[k + 1 : k + 1 + WINDOW]
        stems = frozenset(stem(t.text) for t in around if is_content_or_possessive(t.text))
        t = toks[k]
        owner = "" if pair in _BY_OBJECT else _owner(toks, k)
        out.append(Opposite(pair, side, t.text, *subject, stems, (t.start, t.end), owner))
    return tuple(out)


def _same_slot(a: Opposite, b: Opposite) -> bool:
    """Opposite sides of one pair said of the same subject: its head, and no two different
    things around it ("oil prices" / "gas prices"; one side may leave words out)."""
    if a.pair != b.pair or a.side == b.side or a.head != b.head:
        return False
    return not (a.subject - b.subject and b.subject - a.subject)


def conflicts(
    texts: Sequence[str],
    articles: Sequence[str],
    weights: dict[str, float],
    min_weight: float,
    found: Sequence[Sequence[Opposite]] | None = None,
) -> list[tuple[int, int, Opposite, Opposite]]:
    """(i, j, opposite in i, opposite in j): sentence j of another article says the opposite of
    sentence i about the same thing. The words shared around both, besides the subject, must
    weigh `min_weight` (rarity in the story) over at least MIN_OBJECT stems. `found`: each
    text's `opposites`, when the caller has them."""
    if found is None:
        found = [opposites(t) for t in texts]
    # only an opposite side with the same head in another article can conflict: index by those,
    # each article's list in sentence order, so a long article never walks its own sentences
    slots: dict[tuple[int, int, str], dict[str, list[tuple[int, Opposite]]]] = {}
    for j, opps in enumerate(found):
        for o in opps:
            by_article = slots.setdefault((o.pair, o.side, o.head), {})
            by_article.setdefault(articles[j], []).append((j, o))
    out = []
    for i, opps in enumerate(found):
        for a in opps:
            first = None  # the first sentence, in story order, that conflicts with a
            for article, cands in slots.get((a.pair, 1 - a.side, a.head), {}).items():
                if article == articles[i]:
                    continue
                for j, b in cands:
                    if first is not None and j >= first[0]:
                        break
                    if (
                        _same_slot(a, b)
                        and _shares_object(a, b, weights, min_weight)
                        # then and there, or here and now: both may hold ("Velto's shares rose
                        # on Monday" / "fell on Tuesday", "closed in May" / "reopened in June")
                        and not when.apart(texts[i], texts[j], (a.owner,))
                    ):
                        first = (j, b)
                        break
            if first is not None:
                out.append((i, first[0], a, first[1]))
    return out


def _shares_object(a: Opposite, b: Opposite, weights: dict[str, float], min_weight: float) -> bool:
    shared = a.around & b.around
    if not (a.owner and a.owner == b.owner):
        # a head is no thing of its own ("prices rose" / "prices fell"); owned by the same name
        # ("Velto's shares"), it is one
        shared -= {a.head}
    return len(shared) >= MIN_OBJECT and sum(weights.get(s, 0.0) for s in shared) >= min_weight


def hint(text: str, other: str, other_article: str) -> str | None:
    """A hint when an aligned pair holds opposite words that are not scoped to one slot."""
    for a in opposites(text):
        for b in opposites(other):
            if a.pair == b.pair and a.side != b.side:
                return f"opposite words: '{a.word}' here, '{b.word}' in {other_article}"
    return None
