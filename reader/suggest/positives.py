"""What someone tested positive for: "tested positive for the blood booster EPO" / "tested
positive for the anabolic steroid nandrolone" is a conflict no number, date or name shows
(reasons call them "test findings").

The slot is keyed by the test ("positive") and its value is the set of specific words naming
what was found (its name and what kind of thing it is). Two sources agree when they share one
("the blood booster EPO" / "recombinant EPO"). The sentences' names say who: "Vell tested
positive for EPO" is not compared with "Brix tested positive for a stimulant". These are the
rules of a charge (`charges.related`, `charges.compatible`), which this module uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.suggest.charges import compatible, related  # noqa: F401 (its rules, re-exported)
from reader.suggest.slots import Slot
from reader.suggest.support import specific_stems
from reader.suggest.text import Token, breaks_clause, tokenize
from reader.suggest.titles import name_marks

_CUE = re.compile(
    r"\b(?:tested|tests?|testing)\s+positive\s+for\b|\bpositive\s+tests?\s+for\b", re.I
)
_SCOPE = 5  # words after the cue that may name what was found
# words after the cue that end what was found: "for EPO after the race", "for EPO in April"
_ENDS = frozenset("after before in on at during when while and but following".split())  # noqa: SIM905


def extract(text: str, tokens: Sequence[Token] | None = None) -> list[Slot]:
    """A slot per positive test of `text` that names what was found."""
    if "positive" not in text.lower():
        return []
    toks = tokenize(text) if tokens is None else tokens
    out = []
    for m in _CUE.finditer(text):
        after = [k for k, t in enumerate(toks) if t.start >= m.end()][:_SCOPE]
        found: list[Token] = []
        for k in after:
            if toks[k].lower in _ENDS or (
                found and breaks_clause(text[found[-1].end : toks[k].start])
            ):
                break
            found.append(toks[k])
        named = specific_stems(" ".join(t.text for t in found)) if found else set()
        if not named:
            continue
        who = name_marks(toks)  # (who: any of the sentence's names, wherever it puts them)
        span = (found[0].start, found[-1].end)
        out.append(
            Slot(
                "positive",
                frozenset(["positive"]),
                frozenset(named),
                text[span[0] : span[1]],
                span,
                who,
            )
        )
    return out
