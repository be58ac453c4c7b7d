"""Words of a claim: the stopword list and the content words every scorer starts from."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it
    its this that these those he she they we you i his her their our your them him us not no do does
    did has have had will would can could should may might must so than then there here which who
    whom whose what when where why how also said says about after before over under into out up
    down more most very just only such""".split()  # noqa: SIM905 -- a word list reads best as text
)


def content_words(text: str) -> list[str]:
    """Lower-cased words of `text` that carry meaning (stopwords dropped)."""
    return [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
