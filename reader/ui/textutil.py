"""Plain-Python helpers for showing untrusted text: sanitizing, word differences, wrapping.

Nothing here imports Textual, so it is cheap to import and easy to test.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.corpus.decode import printable, sanitize  # noqa: F401 (sanitize: for the UI modules)
from reader.models import clipped

# A note's first characters shown under its claim (and on the adjudication screen): a note of
# megabytes (a paste gone wrong, a script's) took the app minutes to wrap, frozen meanwhile.
NOTE_SHOWN = 500


def note_shown(note: str) -> str:
    """`note`, or its start and how long it is when longer than NOTE_SHOWN characters (the
    note editor has it whole)."""
    if len(note) <= NOTE_SHOWN:
        return note
    return f"{note[:NOTE_SHOWN]}… (a note of {len(note):,} characters in all)"


_WORD = re.compile(r"\w+(?:[.,'’]\w+)*")
_NUMBER = re.compile(r"\d")


def one_line(text: str) -> str:
    """Sanitized text with newlines and tabs folded to spaces (for titles, list rows, notices);
    bytes of a file name that are not UTF-8 are shown as `\\xff`, as the command line shows them."""
    return printable(text.replace("\n", " ").replace("\t", " "))


# Words that carry a fact of their own when they differ: figures and negations (and names, by
# their capital). A counterpart in other words differs in most of its words; marking them all
# would hide the one that matters.
_NUMBER_WORDS = frozenset(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred hundreds thousand thousands million millions billion billions dozen dozens
    half first second third""".split()  # noqa: SIM905 (a word list reads better as prose)
)
_NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor without cannot".split()  # noqa: SIM905
)


def _sentence_start(text: str, at: int) -> bool:
    """True when the word at `at` opens a sentence (capitalised for that reason alone)."""
    before = text[:at].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:"


def _specific(word: str, opens_sentence: bool) -> bool:
    """A figure, a negation, or a name (capitalised inside a sentence, or an acronym)."""
    low = word.casefold()
    if _NUMBER.search(word) or low in _NUMBER_WORDS or low in _NEGATIONS or low.endswith("n't"):
        return True
    if len(word) > 1 and word.isupper():
        return True
    return word[:1].isupper() and not opens_sentence


def differing_words(text: str, reference: str) -> list[tuple[int, int, bool]]:
    """Spans of the figures, negations and names in `text` that `reference` does not have:
    (start, end, is_number). Other words are left alone (see `_specific`)."""
    known = {w.casefold() for w in _WORD.findall(reference)}
    spans = []
    for m in _WORD.finditer(text):
        word = m.group()
        if word.casefold() in known or not _specific(word, _sentence_start(text, m.start())):
            continue
        number = bool(_NUMBER.search(word)) or word.casefold() in _NUMBER_WORDS
        spans.append((m.start(), m.end(), number))
    return spans


# Characters one cell wide: Latin, Greek, Cyrillic and the typographic punctuation of news text
# (curly quotes, dashes, ellipsis); one of these sent its whole paragraph to rich's measure,
# character by character, when an article was first wrapped.
NARROW = frozenset(
    map(
        chr,
        [
            *range(0x20, 0x7F),
            *range(0xA0, 0xAD),
            *range(0xAE, 0x300),
            *range(0x370, 0x483),
            *range(0x2010, 0x2028),
            *range(0x2030, 0x205F),
        ],
    )
)


def _is_narrow(text: str) -> bool:
    """True when every character takes one cell, so offsets are columns (the fast path)."""
    if text.isascii() or NARROW.issuperset(text):
        return True
    from rich.cells import cell_len

    return cell_len(text) == len(text)


def _cell_wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Slow path for wide characters: break by cell width, preferring spaces."""
    from rich.cells import cell_len

    lines = []
    pos = start
    while pos < end:
        cells = 0
        cut = pos
        while cut < end:
            w = cell_len(text[cut])
            if cells + w > width and cut > pos:
                break
            cells += w
            cut += 1
        if cut < end:
            space = text.rfind(" ", pos, cut)
            if space > pos:
                cut = space + 1
        lines.append((pos, cut))
        pos = cut
    return lines


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Screen lines of `text` at `width` columns, as (start, end) offsets into `text`.

    Paragraphs split on "\\n"; long lines break after a space where one is near, else hard.
    Linear in the text length with one Python step per screen line, so a 2 MB line is fine.
    """
    width = max(width, 8)
    lines: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        para_end = n if nl < 0 else nl
        if para_end == pos:
            lines.append((pos, pos))
        elif not _is_narrow(text[pos:para_end]):
            lines.extend(_cell_wrap(text, pos, para_end, width))
        else:
            start = pos
            while start < para_end:
                cut = start + width
                if cut >= para_end:
                    cut = para_end
                else:
                    space = text.rfind(" ", start + width // 2, cut + 1)
                    if space > start:
                        cut = space + 1  # the space stays at the end of the line
                lines.append((start, cut))
                start = cut
        if nl < 0:
            break
        pos = nl + 1
    return lines


def line_of(lines: list[tuple[int, int]], starts: list[int], offset: int) -> int:
    """The index of the screen line holding `offset` (starts = [s for s, _ in lines])."""
    return max(0, bisect_right(starts, offset) - 1) if lines else 0


NAME_CELLS = 12  # the narrowest place an article is named: the evidence list's source column


def middle_cut(name: str, width: int) -> str:
    """`name` in `width` characters, keeping its start and its end: what tells a scraper's files
    apart ("…-07.txt") is often at the end, after a start they all share."""
    if len(name) <= width:
        return name
    head = (width - 1) // 2
    return name[:head] + "…" + name[len(name) - (width - 1 - head) :]


def distinct_names(shown: dict[str, str], width: int = NAME_CELLS) -> dict[str, str]:
    """File name -> what to call the article, each told apart from the others of its story in
    `width` characters. Names already apart there stay as they are; of those that are not (one
    outlet twice, file names that share a long start), the start and end of the name, else of
    the file name, else a number in story order: 30 articles all read "the-very-long-pr…"."""
    names = {file: one_line(name) for file, name in shown.items()}
    groups: dict[str, list[str]] = {}
    for file, name in names.items():
        groups.setdefault(clipped(name, width), []).append(file)
    order = {file: n for n, file in enumerate(shown, 1)}
    for files in groups.values():
        if len(files) < 2:
            continue
        stems = [re.sub(r"\.(txt|md)$", "", one_line(f), flags=re.IGNORECASE) for f in files]
        # the outlet and its file ("Reuters · r2"), or the file alone when it names the article
        stems = [
            stem if stem.startswith(names[f].rstrip("…")) else f"{names[f]} · {stem}"
            for f, stem in zip(files, stems, strict=True)
        ]
        for tried in (
            [middle_cut(names[f], width) for f in files],
            [middle_cut(stem, width) for stem in stems],
            [
                middle_cut(stem, width - len(f" #{order[f]}")) + f" #{order[f]}"
                for f, stem in zip(files, stems, strict=True)
            ],
        ):
            if len(set(tried)) == len(files):
                names.update(zip(files, tried, strict=True))
                break
    return names
