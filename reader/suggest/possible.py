"""Whether a thing may happen, or someone may do it, said both ways: "there was no immediate
danger of the structure collapsing" / "engineers could not rule out a partial collapse"; "strike
action was ruled out for now" / "the union had not ruled out industrial action"; "even
pedestrians have been banned from crossing" / "pedestrians and cyclists can still use the
crossing".

One side says the thing cannot happen ("no danger of", "not at risk of", "ruled out"), the other
that it may ("could not rule out", "declined to rule out", "at risk of", "in danger of"). The two
conflict when the words right after the cue (or, for "X was ruled out", right before it) share a
specific word: what may happen is named there, so one such word is enough, where a plain negation
needs more of the sentence (`reader.suggest.negation`). What someone may do ("banned from", "not
allowed to" / "can still", "allowed to") is of the same people too: who is read before the cue.
A cue in a question or a condition ("if arson is ruled out") says nothing either way.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from reader.align.weighting import SAYING
from reader.suggest import when
from reader.suggest.negation import is_negator
from reader.suggest.text import DETERMINERS, Token, breaks_clause, is_content, stem, tokenize

_CUE = re.compile(
    r"\brul(?:e|es|ed|ing) out\b|\b(?:danger|risk|threat)s? of\b"
    r"|\b(?:banned|barred|prohibited) from\b|\b(?:can|could) still\b|\b(?:allowed|permitted) to\b",
    re.IGNORECASE,
)
_RULE = frozenset(["rule", "rules", "ruled", "ruling"])
_PERIL = frozenset(["danger", "dangers", "risk", "risks", "threat", "threats"])
# "declined to rule out" and "refused to rule out" leave it possible, as "not" does
_REFUSING = frozenset(["declined", "declines", "refused", "refuses", "failed", "fails"])
_AUX = frozenset(
    """be been being is are was were has have had do does did will would can could shall
    should may might must yet so far also""".split()  # noqa: SIM905
)
_ADJECTIVES = frozenset(["immediate", "real", "serious", "imminent", "further", "significant"])
_SUPPOSING = frozenset(["if", "whether", "unless", "until", "once"])
# what someone may do: "pedestrians have been banned from crossing" / "pedestrians and cyclists
# can still use the crossing" (who, read before the cue, must be the same)
_BANNED = frozenset(["banned", "barred", "prohibited"])
_ALLOWED = frozenset(["allowed", "permitted"])
THING = 3  # content words read as what may happen


class Possibility(NamedTuple):
    possible: bool  # said to be possible ("could not rule out"), or not ("no danger of")
    thing: frozenset[str]  # stems of the words naming what may happen
    span: tuple[int, int]  # offsets of the cue and the thing
    who: frozenset[str] = frozenset()  # of what someone may do: stems of who it is


@functools.lru_cache(maxsize=1 << 14)
def possibilities(text: str) -> tuple[Possibility, ...]:
    """What `text` says may, or may not, happen."""
    if not _CUE.search(text):
        return ()
    toks = tokenize(text)
    out = []
    for k, t in enumerate(toks):
        who: frozenset[str] = frozenset()
        if t.lower in _RULE and k + 1 < len(toks) and toks[k + 1].lower == "out":
            cue, possible = _opening(toks, k)
            thing, end = _after(text, toks, k + 2)
            if not thing:  # "strike action was ruled out"
                thing, first = _before(text, toks, cue if possible else k)
                span = (toks[first].start, toks[k + 1].end) if thing else (0, 0)
            else:
                span = (toks[min(cue, k)].start, toks[end].end)
        elif t.lower in _PERIL and k + 1 < len(toks) and toks[k + 1].lower == "of":
            thing, end = _after(text, toks, k + 2)
            cue, peril = _peril(toks, k)
            if peril is None:
                continue
            possible, span = peril, (toks[cue].start, toks[end].end)
        elif (permitted := _permission(toks, k)) is not None:
            cue, possible = permitted
            thing, end = _after(text, toks, k + 2)
            who, first = _before(text, toks, cue, joined=True)
            if not who:  # "He has been banned from competition": no one the story names
                continue
            span = (toks[first].start, toks[end].end)
        else:
            continue
        if thing and not _supposed(text, toks, k):
            out.append(Possibility(possible, thing, span, who))
    return tuple(out)


def _permission(toks: Sequence[Token], k: int) -> tuple[int, bool] | None:
    """(where its cue begins, whether it allows) of what someone may do, at toks[k]: "banned
    from", "not allowed to" forbid; "can still", "allowed to" allow; None for no such cue."""
    if k + 1 >= len(toks):
        return None
    word, nxt = toks[k].lower, toks[k + 1].lower
    if word in _BANNED and nxt == "from":
        j = k
        while j > 0 and toks[j - 1].lower in _AUX:
            j -= 1
        return j, False
    if word in ("can", "could") and nxt == "still":
        return k, True
    if word in _ALLOWED and nxt == "to":
        j, negated = _verb_group(toks, k)
        return j, not negated
    return None


def _verb_group(toks: Sequence[Token], k: int) -> tuple[int, bool]:
    """(where the auxiliaries and negations right before toks[k] begin, whether one of them
    negates it): "has not been allowed to", "could not rule out"."""
    j, negated = k, False
    while j > 0 and (toks[j - 1].lower in _AUX or is_negator(toks[j - 1], toks[j])):
        negated = negated or is_negator(toks[j - 1], toks[j])
        j -= 1
    return j, negated


def _opening(toks: Sequence[Token], k: int) -> tuple[int, bool]:
    """(where the words before "rule out" at toks[k] that belong to it begin, whether they
    negate it): "could not", "declined to", "cannot", "has not been" leave the thing possible."""
    if k > 1 and toks[k - 1].lower == "to" and toks[k - 2].lower in _REFUSING:
        return k - 2, True
    j, negated = _verb_group(toks, k)
    return (j, True) if negated else (k, False)


def _peril(toks: Sequence[Token], k: int) -> tuple[int, bool | None]:
    """(where its cue begins, whether it says the thing may happen) of "danger of" at toks[k]:
    "no (immediate) danger of" and "not at risk of" say it may not; "at risk of", "in danger
    of" that it may; None for any other ("the risk of flooding is low" says neither)."""
    j = k - 1
    while j >= 0 and toks[j].lower in _ADJECTIVES:
        j -= 1
    if j >= 0 and toks[j].lower == "no":
        return j, False
    if j >= 0 and toks[j].lower in ("at", "in") and j == k - 1:
        negated = j > 0 and toks[j - 1].lower in ("not", "never", "no")
        return (j - 1 if negated else j), not negated
    return k, None


def _after(text: str, toks: Sequence[Token], k: int) -> tuple[frozenset[str], int]:
    """Stems of the first `THING` content words from toks[k] on, in its clause, past
    determiners ("a partial collapse", "any further increases", "use the crossing"), and the
    index of the last."""
    words: list[str] = []
    last = k - 1
    j = k
    while j < len(toks) and len(words) < THING:
        t = toks[j]
        if j > k and breaks_clause(text[toks[j - 1].end : t.start]):
            break
        if t.lower in DETERMINERS or t.lower in ("any", "all", "some"):
            if len(words) > 1:  # (a verb's object goes on: "use the crossing")
                break
        elif is_content(t.text) and t.lower not in SAYING:
            words.append(stem(t.text))
            last = j
        else:  # "ruled out for now", "could not be ruled out if ...": nothing named after it
            break
        j += 1
    return frozenset(words), max(last, k - 1)


def _before(
    text: str, toks: Sequence[Token], k: int, joined: bool = False
) -> tuple[frozenset[str], int]:
    """Stems of the content words right before toks[k] past auxiliaries ("strike action was
    ruled out"), at most `THING`, and the index of the first; `joined`: past "and" and "or"
    too ("pedestrians and cyclists can still ...")."""
    j = k - 1
    while j >= 0 and toks[j].lower in _AUX:
        j -= 1
    words: list[str] = []
    first = k
    while j >= 0 and len(words) < THING:
        if breaks_clause(text[toks[j].end : toks[j + 1].start]):
            break
        if joined and words and toks[j].lower in ("and", "or"):
            j -= 1
            continue
        if not is_content(toks[j].text) or toks[j].lower in SAYING:
            break
        words.append(stem(toks[j].text))
        first = j
        j -= 1
    return frozenset(words), first


def _supposed(text: str, toks: Sequence[Token], k: int) -> bool:
    """The cue at toks[k] is in a question or a condition."""
    if text.rstrip().endswith("?"):
        return True
    return any(t.lower in _SUPPOSING for t in toks[max(0, k - 6) : k])


def conflicts(
    texts: Sequence[str], articles: Sequence[str], weights: Mapping[str, float]
) -> list[tuple[int, int, Possibility, Possibility]]:
    """(i, j, what i says, what j says) where sentence i says a thing may not happen and
    sentence j, of another article, that it may, or the reverse; the thing shares a specific
    word (one `weights` holds: not the story's vocabulary) and the two are not set at other
    times or places (`when.apart`)."""
    # stem -> side -> article -> what its sentences say: only sentences of two articles and two
    # sides are paired (a long article repeating both sides pairs none of its own)
    said: dict[str, dict[bool, dict[str, list[tuple[int, Possibility]]]]] = defaultdict(
        lambda: {False: defaultdict(list), True: defaultdict(list)}
    )
    for i, text in enumerate(texts):
        for p in possibilities(text):
            for s in p.thing:
                if s in weights:
                    said[s][p.possible][articles[i]].append((i, p))
    out, seen = [], set()
    for sides in said.values():
        for side in (False, True):
            for article, mine in sides[side].items():
                for other, theirs in sides[not side].items():
                    if other == article:
                        continue
                    for i, p in mine:
                        for j, q in theirs:
                            if bool(p.who) != bool(q.who) or (p.who and not p.who & q.who):
                                continue  # (what someone may do is of the same people)
                            if (i, j) not in seen and not when.apart(texts[i], texts[j]):
                                seen.add((i, j))
                                out.append((i, j, p, q))
    return out
