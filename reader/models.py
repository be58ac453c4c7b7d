"""The corpus as plain data: stories, articles, claims, evidence, suggestions.

These dataclasses are the contract between loading, alignment, suggestions, the store and the UI.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

LABELS = ("consistent", "contradicted", "unverified")
CONFIDENCES = ("high", "medium", "low")


def counted(n: int, noun: str, plural: str = "") -> str:
    """A count and its noun, as every message says it: "1 story", "30,252 claims"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def cell_len(text: str) -> int:
    """The columns `text` takes on a terminal: a wide character (Chinese, Japanese, Korean,
    full-width forms) takes two, a combining mark none."""
    return len(text) if text.isascii() else sum(map(_cells, text))


def _cells(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def clipped(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns (`cell_len`), a cut one ending in "…" (not the
    sentence's end)."""
    if cell_len(text) <= width:
        return text
    used = 0
    for k, ch in enumerate(text):
        used += _cells(ch)
        if used > width - 1:
            return text[:k] + "…"
    return text  # (not reached)


def padded(text: str, width: int) -> str:
    """`text` filled with spaces to `width` terminal columns (`f"{text:<{width}}"` counts a
    wide character as one)."""
    return text + " " * (width - cell_len(text))


_NUMBER = re.compile(r"(\d+)")


def name_order(name: str) -> tuple[tuple[str | int, ...], str]:
    """The sort key of an article's or a story's name, as a file manager orders them: a number
    in it by its value ("part2" before "part10"), letters whatever their case."""
    parts = _NUMBER.split(name)  # text, number, text…: the same kind at the same place
    return tuple(int(p) if k % 2 else p.casefold() for k, p in enumerate(parts)), name


def shown_name(name: str) -> str:
    """A reviewer's name as messages and reports show it: as it is, or quoted with its escapes
    where it could be misread: empty, holding a comma (read as two in a list of names), a
    control character (a line break faked a line of its own) or spaces at either end."""
    if name and name.isprintable() and "," not in name and name == name.strip():
        return name
    return repr(name)


def shown_path(name: str) -> str:
    """A file, folder or story name (or a path) as messages show it: as it is, or quoted with
    its escapes where a control character (a line break faked a line of its own), a bidi
    control or spaces at either end could mislead; bytes that are not UTF-8 as `\\xff`."""
    from reader.corpus.decode import escape_undecodable

    name = escape_undecodable(name)
    if name.isprintable() and name == name.strip():
        return name
    return repr(name)


def shown_names(names: Iterable[str]) -> str:
    """`shown_name` of each, comma-separated, or "none"."""
    return ", ".join(map(shown_name, names)) or "none"


@dataclass(frozen=True)
class Claim:
    """One sentence-level statement: `article.text[start:end] == text` always holds."""

    id: str
    story: str
    article: str  # file name of the article, unique inside its story
    index: int  # position of the claim in its article, 0-based
    start: int
    end: int
    text: str


@dataclass
class Article:
    """One decoded, normalized file of a story."""

    story: str
    name: str  # file name, e.g. "000_841ac63cb8323543.txt"
    path: str
    text: str  # normalized: "\n" newlines, control characters replaced one-for-one
    title: str
    sha256: str  # of the raw bytes on disk
    encoding: str
    warnings: list[str] = field(default_factory=list)
    title_span: tuple[int, int] | None = None
    boilerplate: list[tuple[int, int]] = field(default_factory=list)  # marked line spans
    claims: list[Claim] = field(default_factory=list)
    source: str = ""  # outlet (front matter, an outlet line, else the file name shortened)
    url: str = ""
    published: str = ""  # as written in the front matter


@dataclass
class Story:
    """The articles about one event; only claims of one story are compared with each other."""

    name: str
    path: str
    articles: list[Article] = field(default_factory=list)

    def claims(self) -> list[Claim]:
        return [c for a in self.articles for c in a.claims]

    def headline_ids(self) -> set[str]:
        """Ids of the claims that are (part of) an article's headline."""
        out: set[str] = set()
        for art in self.articles:
            if art.title_span is not None:
                lo, hi = art.title_span
                out.update(c.id for c in art.claims if lo <= c.start and c.end <= hi)
        return out


@dataclass(frozen=True)
class Skipped:
    """A file or folder that was not loaded, with a one-line reason for the user."""

    path: str
    reason: str


@dataclass
class Corpus:
    stories: list[Story] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """A sentence of another article of the same story that corresponds to `claim_id`."""

    claim_id: str
    other_id: str  # the claim id of the matching sentence
    article: str  # the other article's file name
    rank: int  # 1 = best within that other article
    score: float  # rapidfuzz score, 0-100
    text: str  # the matching sentence


@dataclass(frozen=True)
class Suggestion:
    """The machine's proposed label for a claim, with a reason a person can check."""

    claim_id: str
    label: str  # one of LABELS
    reason: str
    evidence: tuple[Evidence, ...] = ()
    hints: tuple[str, ...] = ()  # weak signals shown but not used as labels (polarity, quotes)
    spans: tuple[tuple[int, int], ...] = ()  # disagreeing words, as offsets into the claim text
    confidence: str = "low"  # one of CONFIDENCES: how strongly the label rests on what was found
