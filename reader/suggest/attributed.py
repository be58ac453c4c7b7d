"""Who a sentence says gives its facts: "..., the national seismological institute said",
"according to the USGS". Two sources that each name a different giver of a figure report two
givers' figures (an agency's magnitude and another's), not necessarily a conflict between them."""

from __future__ import annotations

import functools

from reader.align.weighting import SAYING, attribution
from reader.suggest.text import is_content, stem, tokenize

# words of an attribution that say nothing of who: "according to", "in a statement"
_NOT_WHO = frozenset(["according", "statement", "conference", "briefing", "interview", "news"])


@functools.lru_cache(maxsize=1 << 14)
def named_source(text: str) -> frozenset[str]:
    """Stems of the giver a sentence attributes itself to ("..., the USGS said" -> {"usg"}),
    empty when it names none, or only one the story named before ("the agency said", "the
    company said": the Consumer Product Safety Commission of another source, perhaps)."""
    toks = tokenize(text)
    who = [
        k
        for k in sorted(attribution(text, toks))
        if is_content(toks[k].text) and toks[k].lower not in SAYING | _NOT_WHO
    ]
    if len(who) == 1 and toks[who[0]].text.islower() and who[0] and toks[who[0] - 1].lower == "the":
        return frozenset()  # "the agency": a giver named before, whoever it is
    return frozenset(stem(toks[k].text) for k in who)
