"""The side panels: article list, evidence with the suggestion, and the status line.

Every string that came from a file or the database is turned into rich `Text` here, after
sanitizing, so it is never read as markup.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.ui.article_view import SYMBOLS
from reader.ui.textutil import differing_words, one_line

if TYPE_CHECKING:
    from reader.models import Claim, Evidence, Suggestion
    from reader.ui.session import Review

LABEL_STYLES = {"consistent": "green", "contradicted": "red", "unverified": "yellow"}


def progress_bar(done: int, total: int, width: int = 12) -> Text:
    filled = round(width * done / total) if total else 0
    bar = Text("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    return bar


def short_name(name: str, width: int = 14) -> str:
    """A file name cut in the middle so both ends stay recognisable."""
    name = one_line(name)
    if len(name) <= width:
        return name
    keep = width - 1
    return name[: keep - keep // 3] + "…" + name[len(name) - keep // 3 :]


class ArticleList(OptionList):
    """The stories (when several) and the articles of the current story, with progress."""

    def show(self, review: Review) -> None:
        self.clear_options()
        options: list[Option | None] = []  # None is a separator line
        if len(review.stories) > 1:
            for story in review.stories:
                mark = "▸ " if story == review.story else "  "
                options.append(Option(Text(mark + one_line(story), style="bold"), id=f"s:{story}"))
            options.append(None)
        for i, article in enumerate(review.articles):
            p = review.progress(article.name)
            current = "▸ " if i == review.article_index else "  "
            prompt = Text(current + (one_line(article.title) or "(untitled)"), style="bold")
            prompt.append("\n  " + short_name(article.name, 26), style="dim")
            prompt.append("\n  ")
            prompt.append_text(progress_bar(p.tagged, p.total, 8))
            prompt.append(f" {p.tagged}/{p.total} tagged")
            options.append(Option(prompt, id=f"a:{i}"))
        self.add_options(options)
        self.highlighted = next(
            (n for n, o in enumerate(self.options) if o.id == f"a:{review.article_index}"), 0
        )


class EvidencePanel(VerticalScroll, can_focus=True):
    """The suggestion for the current claim and the numbered evidence candidates."""

    def compose(self):
        yield Static(id="evidence-body")

    def show(
        self,
        claim: Claim | None,
        candidates: list[Evidence],
        suggestion: Suggestion | None,
        linked: set[str],
        note: str,
    ) -> None:
        self._shown = (claim, candidates, suggestion, linked, note)
        self._render_body()
        self.scroll_home(animate=False)

    def on_resize(self) -> None:
        if getattr(self, "_shown", None):
            self._render_body()

    def _render_body(self) -> None:
        if self.scrollable_content_region.width <= 0:
            return  # not laid out yet: on_resize renders it
        claim, candidates, suggestion, linked, note = self._shown
        body = Text()
        if claim is None:
            body.append("No claim here.", style="dim")
        else:
            if suggestion is not None:
                body.append_text(self._suggestion(claim, suggestion))
            if note:
                body.append("Note: ", style="bold")
                body.append(one_line(note))
                body.append("\n")
            if not candidates:
                body.append("No matching sentences in the other articles.", style="dim")
            for n, ev in enumerate(candidates, 1):
                body.append_text(self._candidate(n, ev, claim, ev.other_id in linked))
        self.query_one("#evidence-body", Static).update(body)

    @staticmethod
    def _suggestion(claim: Claim, s: Suggestion) -> Text:
        line = Text("Suggested: ", style="bold")
        line.append(f"{SYMBOLS.get(s.label, '')} {s.label}", style=LABEL_STYLES.get(s.label, ""))
        line.append(f" · {s.confidence} confidence", style="bold" if s.confidence == "high" else "")
        line.append("  (a accepts)  ", style="dim")
        line.append(one_line(s.reason))
        for hint in s.hints:
            line.append("  · " + one_line(hint), style="italic")
        if s.spans:
            line.append("\n  ")
            text = one_line(claim.text)
            pos = 0
            for start, end in sorted(s.spans):
                line.append(text[pos:start])
                line.append(text[start:end], style="bold reverse")
                pos = max(pos, end)
            line.append(text[pos:])
        line.append("\n")
        return line

    def _candidate(self, n: int, ev: Evidence, claim: Claim, linked: bool) -> Text:
        head = Text(f"{n} ", style="bold")
        head.append("● " if linked else "○ ", style="bold cyan" if linked else "dim")
        head.append(short_name(ev.article), style="dim")
        head.append(f" {ev.score:>3.0f} ", style="bold")
        body = Text()
        text = one_line(ev.text)
        pos = 0
        for start, end, number in differing_words(text, claim.text):
            body.append(text[pos:start])
            body.append(text[start:end], style="bold magenta" if number else "underline")
            pos = end
        body.append(text[pos:])
        return hanging(head, body, self.scrollable_content_region.width - 1)


def hanging(head: Text, body: Text, width: int) -> Text:
    """`head` then `body` wrapped so its continuation lines start under the body, not the head."""
    indent = head.cell_len
    if width - indent < 24:  # too narrow to sit beside the head: wrap under it
        indent = 2
        head.append("\n" + " " * indent)
    lines = body.wrap(_console(), max(width - indent, 8))
    out = head
    for i, line in enumerate(lines):
        if i:
            out.append(" " * indent)
        line.rstrip()
        out.append_text(line)
        out.append("\n")
    return out


@lru_cache(maxsize=1)
def _console():
    """One Console for wrapping Text (making one per call costs more than the wrap)."""
    from rich.console import Console

    return Console(width=200, color_system=None)


class StatusLine(Static):
    """Story, progress bar, filter, reviewer and database path on one line."""

    def show(self, review: Review, db_label: str) -> None:
        p = review.progress()
        line = Text(" crossread ", style="bold reverse")
        line.append(" " + one_line(review.story or "no stories") + " ", style="bold")
        line.append_text(progress_bar(p.tagged, p.total))
        line.append(f" {p.tagged}/{p.total} tagged")
        if review.filter != "all":
            line.append(f"  filter: {review.filter}", style="bold yellow")
        line.append("  " + one_line(review.reviewer), style="cyan")
        line.append("  db: " + one_line(db_label), style="dim")
        line.no_wrap = True
        line.overflow = "ellipsis"
        self.update(line)
