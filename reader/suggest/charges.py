"""What someone is charged with or convicted of: "charged with murder" / "charged with
manslaughter" is a conflict crime reporting gets wrong, and no number, date or name shows it.

The slot is keyed by the stage ("charged", "convicted": a charge is not a verdict) and its value
is the set of offences named after it, each with "attempted" when it is one ("attempted murder"
is not "murder"). Two sources agree when they name a common offence (one may list fewer
charges). Names near the verb say who: "Frost was charged with murder" is not compared with
"Hale was charged with fraud".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.suggest.slots import Slot
from reader.suggest.text import Token, tokenize
from reader.suggest.titles import name_marks

OFFENCES = frozenset(
    """murder manslaughter homicide assault battery robbery burglary theft fraud rape arson
    kidnapping kidnap terrorism harassment stalking trafficking bribery corruption embezzlement
    affray perjury treason espionage blackmail extortion""".split()  # noqa: SIM905
)
_STAGES = {"charged": "charged", "convicted": "convicted", "guilty": "convicted"}
# "charged with (the) murder", "convicted of two counts of fraud", "found guilty of murder"
_CUE = re.compile(r"\b(charged|convicted|guilty)\s+(?:with|of)\b", re.IGNORECASE)
_SCOPE = 8  # words after the cue that may name an offence
_NEAR = 6  # words before the cue that may name who


def extract(text: str, tokens: Sequence[Token] | None = None) -> list[Slot]:
    """A slot per charge or conviction of `text` that names an offence."""
    low = text.lower()
    if "charged" not in low and "convicted" not in low and "guilty" not in low:
        return []
    toks = tokenize(text) if tokens is None else tokens
    out = []
    for m in _CUE.finditer(text):
        after = [k for k, t in enumerate(toks) if t.start >= m.end()][:_SCOPE]
        found: list[tuple[str, Token]] = []
        for k in after:
            word = toks[k].lower
            if word in ("after", "over", "following", "in", "on", "at", "by"):
                break  # "charged with murder after…": what follows is not the charge
            if word in OFFENCES:
                tried = k > 0 and toks[k - 1].lower == "attempted"
                found.append(("attempted " + word if tried else word, toks[k]))
        if not found:
            continue
        cue = next(k for k, t in enumerate(toks) if t.start >= m.start())
        who = name_marks(toks[max(0, cue - _NEAR) : cue])  # "A man", "He": no one named
        span = (found[0][1].start, found[-1][1].end)
        if found[0][0].startswith("attempted"):
            span = (text.rfind("attempted", 0, span[0] + 1), span[1])
        stage = _STAGES[m.group(1).lower()]
        value = frozenset(o for o, _ in found)
        out.append(Slot("charge", frozenset([stage]), value, text[span[0] : span[1]], span, who))
    return out


def related(a: Slot, b: Slot) -> bool:
    """The same stage, and no two different people named."""
    return bool(a.key & b.key) and not (a.context and b.context and not a.context & b.context)


def compatible(a: Slot, b: Slot) -> bool:
    """A common offence: one source may name fewer charges than another."""
    return bool(a.value & b.value)  # type: ignore[operator]
