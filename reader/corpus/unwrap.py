"""Hard-wrapped text: the line breaks a fixed width put inside paragraphs, made spaces.

A .txt article saved from an e-mail, a wire feed or an editor that fills paragraphs at 72 or 80
columns breaks its sentences across lines, and a line break ends a sentence for the splitter: a
sentence would become two or three claims. Such a break is recognised by how it was made: the
line stops where the next word would not have fitted (greedy filling, as `fold -s`, textwrap or
an editor do; a few columns of slack for `fmt`, which aims a little short). An article is taken
as wrapped only when most of its breaks inside paragraphs look so at one width and most of them
fall mid-sentence, so a list of short lines, or paragraphs one per line, are never joined.

The breaks are replaced one-for-one, so offsets into the text stay those of the file's lines.
"""

from __future__ import annotations

import re

MIN_WIDTH, MAX_WIDTH = 40, 200  # narrower is a list of short lines; wider, paragraphs
SLACK = 8  # columns a filler may leave short, mid-sentence (fmt aims at 93 % of the width)
CAP_SLACK = 3  # before a capital or after a stop: a headline short of the width stays apart
MIN_BREAKS = 2  # fewer breaks that look wrapped say nothing
_SENTENCE_END = re.compile(r"[.?!…][”’\"')\]»]*$")
_ITEM = re.compile(r"\s*(?:[-*•]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s)")  # a list item starts here


def unwrap(text: str) -> str:
    """`text` with the line breaks that hard wrapping put inside its paragraphs made spaces; the
    text itself when it is not hard-wrapped. Same length, same offsets."""
    lines = text.split("\n")
    soft = _soft(_breaks(lines))
    if not soft:
        return text
    return "".join(_joined(line) if k in soft else line + "\n" for k, line in enumerate(lines))[:-1]


def _joined(line: str) -> str:
    """A line whose break is soft, with the space that takes the break's place. A line that
    ends on a hyphenated word's hyphen ("well-" / "known": a filler breaks after hyphens) gets
    it before that word instead, so the word reads whole ("well-known"); only that word's
    letters move, by one."""
    if len(line) > 1 and line[-1] == "-" and line[-2].isalpha():
        start = line.rfind(" ") + 1
        return f"{line[:start]} {line[start:]}"
    return line + " "


# a break: its line's number and length, the columns the next word needed (with the slack),
# whether a sentence goes on across it
Break = tuple[int, int, int, bool]


def _breaks(lines: list[str]) -> list[Break]:
    """The line breaks between two lines of text, which could be wrapping. A break before a list
    item, or next to a blank line, is a paragraph's."""
    found = []
    for k in range(len(lines) - 1):
        line, after = lines[k].rstrip(), lines[k + 1]
        words = after.lstrip(" \t").split(" ", 1)  # (wrapping never breaks at a no-break space)
        if not line.strip() or not words[0] or _ITEM.match(after):
            continue
        # mid-sentence: the line ends without a stop, on a comma or before a word in lower case
        # or a figure; the slack only then, so a headline or caption short of the width keeps
        # its own line
        going_on = not _SENTENCE_END.search(line) and (
            line[-1] in ",;" or words[0][0].islower() or words[0][0].isdigit()
        )
        room = len(words[0]) + (SLACK if going_on else CAP_SLACK)
        found.append((k, len(line), room, going_on))
    return found


def _soft(breaks: list[Break]) -> set[int]:
    """The lines whose break the filling made (none when the text was not filled).

    Each break allows the widths from its line's length to where the next word would have
    overflowed; the text was filled when at least half its breaks agree on a width and most of
    those fall inside a sentence (a list of short lines or labels starts each line anew)."""
    votes = [0] * (MAX_WIDTH + 2)
    for _, size, room, _ in breaks:
        if size <= MAX_WIDTH:
            votes[size] += 1
            votes[min(size + room, MAX_WIDTH) + 1] -= 1
    agree, running, lo, hi = 0, 0, 0, 0
    for width, change in enumerate(votes[: MAX_WIDTH + 1]):
        running += change
        if width < MIN_WIDTH:
            continue
        if running > agree:
            agree, lo, hi = running, width, width
        elif running == agree and hi == width - 1:
            hi = width
    if agree < max(MIN_BREAKS, len(breaks) / 2):
        return set()
    agreeing = [(k, on) for k, size, room, on in breaks if size <= hi and size + room >= lo]
    if sum(on for _, on in agreeing) * 2 < len(agreeing):
        return set()
    return {k for k, _ in agreeing}
