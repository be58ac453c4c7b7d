"""A record told two ways: "the largest single seizure ever made at the port" / "one of the
largest seizures in the port's history". One source says nothing was ever larger, the other that
some things were: a conflict no number, date or name shows.

The slot is keyed by the superlative and the noun it ranks (stems: "largest" and "seizure"), and
its value is whether the thing is the one at the top ("the") or among those at the top ("one
of"). Two sources agree when they say the same. A superlative of no noun ("the largest ever")
gets no slot.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.suggest.slots import Slot
from reader.suggest.text import Token, breaks_clause, is_content, is_superlative, stem, tokenize

# words between a superlative and the noun it ranks ("the largest single seizure", "the deadliest
# ever recorded attack")
_BETWEEN = frozenset("single ever recorded known such".split())  # noqa: SIM905
_AMONG = ("one", "of", "the")  # "one of the largest seizures"


def extract(text: str, tokens: Sequence[Token] | None = None) -> list[Slot]:
    """A slot per superlative of `text` that ranks a noun after "the" or "one of the"."""
    if "est" not in text.lower():  # (most sentences rank nothing)
        return []
    toks = tokenize(text) if tokens is None else tokens
    out = []
    for k, t in enumerate(toks):
        if not (k and toks[k - 1].lower == "the" and is_superlative(t.lower)):
            continue
        noun = k + 1
        while noun < len(toks) and toks[noun].lower in _BETWEEN:
            noun += 1
        if (
            noun >= len(toks)
            or not is_content(toks[noun].text)
            or toks[noun].text[:1].isupper()
            or breaks_clause(text[toks[k].end : toks[noun].start])  # "the largest ever, officers"
        ):
            continue
        among = k >= 3 and tuple(x.lower for x in toks[k - 3 : k]) == _AMONG
        first = k - 3 if among else k - 1
        span = (toks[first].start, toks[noun].end)
        out.append(
            Slot(
                "rank",
                frozenset([stem(t.text), stem(toks[noun].text)]),
                "one of" if among else "the",
                text[span[0] : span[1]],
                span,
            )
        )
    return out


def related(a: Slot, b: Slot) -> bool:
    """One superlative of one noun."""
    return a.key == b.key


def compatible(a: Slot, b: Slot) -> bool:
    """The top on both sides, or among the top on both."""
    return a.value == b.value
