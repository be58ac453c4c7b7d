"""Codes that name one thing: a batch, a flight, a model ("batch DX-4471" / "batch DX-4417",
"flight SV482" / "flight SV428"). Outlets copy them by hand and transpose their digits; no
number, date or name rule sees it, the digits being no count.

A code is a run of one to four capitals joined to three to six digits, with or without a hyphen
(not a year: "FY2023" is a year of accounts). It is compared only with the codes of the claim's
counterpart (the sentence reporting the same fact), by its letters: the same letters with other
digits are one thing coded two ways, unless either sentence names two codes of those letters
(then it tells two things apart: "DX-4471 and DX-4472").
"""

from __future__ import annotations

import functools
import re

_CODE = re.compile(r"\b([A-Z]{1,4})-?(\d{3,6})\b")
_YEAR = re.compile(r"(?:19|20)\d\d")

Code = tuple[str, str, tuple[int, int]]  # letters, digits, span of the code


@functools.lru_cache(maxsize=1 << 12)
def codes(text: str) -> dict[str, Code]:
    """The codes of `text` by their letters, where it names only one of those letters."""
    found: dict[str, list[Code]] = {}
    for m in _CODE.finditer(text):
        letters, digits = m.group(1), m.group(2)
        if _YEAR.fullmatch(digits):
            continue
        found.setdefault(letters, []).append((letters, digits, m.span()))
    return {letters: got[0] for letters, got in found.items() if len({d for _, d, _ in got}) == 1}


def differing(mine: str, theirs: str) -> list[tuple[Code, Code]]:
    """(claim's code, counterpart's) for each code the two sentences give with the same letters
    and other digits."""
    there = codes(theirs)
    return [
        (code, there[letters])
        for letters, code in codes(mine).items()
        if letters in there and there[letters][1] != code[1]
    ]
