"""`crossread stats`: per reviewer, progress per story and article and label counts that add
up to what that reviewer tagged; a header with what the team did together.

The counts are a table that fits the terminal's width (80 columns when it is not one): names
too long for the room left by the counts are cut with "…"."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING

from reader.cli.terminal import terminal_width, wrapped
from reader.models import (
    LABELS,
    cell_len,
    clipped,
    counted,
    name_order,
    padded,
    shown_name,
    shown_path,
)

if TYPE_CHECKING:
    from annotations.store import Count, Store

_GAP = "  "


class _Table:
    """Rows of a name (indented by its level) then tagged/total, percent and each label's
    count, right-aligned in columns as wide as the biggest count can be."""

    def __init__(self, claims: int, longest: int, width: int) -> None:
        digits = len(f"{claims:,}")
        self.fraction = max(len("tagged"), 2 * digits + 1)
        for heads in (list(LABELS), [lab[:6] + "." for lab in LABELS]):  # short when narrow
            self.heads = heads
            self.labels = [max(len(head), digits) for head in heads]
            counts = self.fraction + len(_GAP) + 4 + sum(len(_GAP) + w for w in self.labels)
            # the names get what the counts leave, never less than a few characters
            self.name = max(8, min(longest, width - len(_GAP) - counts))
            if self.name >= min(longest, 16):
                break

    def header(self) -> str:
        cells = [f"{'tagged':>{self.fraction}}", f"{'%':>4}"]
        cells += [f"{head:>{w}}" for head, w in zip(self.heads, self.labels, strict=True)]
        return " " * self.name + _GAP + _GAP.join(cells)

    def row(self, name: str, count: Count, indent: str = "") -> str:
        pct = 100 * count.tagged / count.total if count.total else 0.0
        cells = [f"{f'{count.tagged:,}/{count.total:,}':>{self.fraction}}", f"{pct:>3.0f}%"]
        cells += [
            f"{count.labels.get(lab, 0):>{w},}" for lab, w in zip(LABELS, self.labels, strict=True)
        ]
        shown = indent + clipped(name, self.name - len(indent))
        return padded(shown, self.name) + _GAP + _GAP.join(cells)


def format_stats(
    store: Store, reviewer: str | None = None, width: int | None = None
) -> Iterator[str]:
    """Lines of a plain-text progress report, one block per reviewer (or just `reviewer`), each
    at most `width` characters (default: the terminal's)."""
    width = width or terminal_width()
    team = store.progress()
    names = [reviewer] if reviewer is not None else store.reviewers()
    stories = len(team.stories)
    claims = team.overall.total
    orphan_finals = 0  # decisions on claims a re-import took away (kept; export --final has them)
    if reviewer is None:
        orphan_finals = len(store.orphaned_finals())
        finals = len(store.finals()) - orphan_finals
        yield from _prose(
            f"{counted(claims, 'claim')} in {counted(stories, 'story', 'stories')}; "
            f"{team.overall.tagged:,} tagged by at least one of {counted(len(names), 'reviewer')}; "
            f"{finals} with a final label",
            width,
        )
    if not names:
        yield "nobody has tagged a claim yet"
    # each story's articles, looked up: scanning all articles for each story cost stories x
    # articles (5,000 stories of 2 articles: 6 s)
    articles: dict[str, list[tuple[str, Count]]] = {}
    for (s, article), acount in team.articles.items():
        articles.setdefault(s, []).append((article, acount))
    longest = max(
        [cell_len(shown_name(n)) for n in names]
        + [cell_len("  story " + shown_path(s)) for s in team.stories]
        + [cell_len("    " + shown_path(a)) for (_, a) in team.articles],
        default=0,
    )
    table = _Table(claims, longest, width)
    if names:
        yield table.header()
    for name in names:
        progress = store.progress(reviewer=name)
        # claims nobody tagged are still this reviewer's to do: totals come from the team
        yield table.row(shown_name(name), _with_total(progress.overall, claims))
        for story, count in sorted(team.stories.items(), key=lambda sc: name_order(sc[0])):
            mine = progress.stories.get(story)
            yield table.row(f"story {shown_path(story)}", _with_total(mine, count.total), "  ")
            # the articles this reviewer has not begun, on one line: in a big team, where each
            # reviewer takes part of a story, their lines of zeros were most of the report
            untouched, waiting = [], 0
            for article, acount in articles.get(story, []):
                amine = progress.articles.get((story, article))
                if amine is None or not amine.tagged:
                    untouched.append(shown_path(article))
                    waiting += acount.total
                else:
                    yield table.row(shown_path(article), _with_total(amine, acount.total), "    ")
            if untouched:
                # a name too long for a line of its own is cut, the last one with the count
                more = f" ({counted(waiting, 'claim')})"
                room = width - len("    not started: ") - 1
                untouched = [clipped(a, room) for a in untouched]
                untouched[-1] = clipped(untouched[-1], room - len(more)) + more
                yield from wrapped("    not started: ", untouched, width, indent="      ")
    orphans = [o for o in store.orphans() if reviewer is None or o.reviewer == reviewer]
    if orphans:
        yield from _prose(
            f"orphaned annotations (claim no longer in its article): {len(orphans)}", width
        )
    if orphan_finals:
        yield from _prose(
            f"orphaned final labels (claim no longer in its article): {orphan_finals}", width
        )


def _prose(text: str, width: int) -> list[str]:
    """A sentence in lines of `width` at most, broken between words, the rest indented."""
    return textwrap.wrap(
        text, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False
    )


def _with_total(count: Count | None, total: int) -> Count:
    from annotations.store import Count

    if count is None:
        return Count(tagged=0, total=total, labels={})
    return Count(tagged=count.tagged, total=total, labels=count.labels)
