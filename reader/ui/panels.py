"""The side panels: article list, evidence with the suggestion, and the status line.

Every string that came from a file or the database is turned into rich `Text` here, after
sanitizing, so it is never read as markup.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.models import LABELS, clipped
from reader.ui.article_view import SYMBOLS
from reader.ui.textutil import NAME_CELLS, differing_words, note_shown, one_line

if TYPE_CHECKING:
    from rich.containers import Lines
    from textual.geometry import Region
    from textual.strip import Strip

    from reader.models import Claim, Evidence, Suggestion
    from reader.ui.session import Review


def progress_bar(done: int, total: int, width: int = 12) -> Text:
    filled = round(width * done / total) if total else 0
    bar = Text("█" * filled, style="green")
    bar.append("░" * (width - filled), style="dim")
    return bar


def short_name(name: str, width: int = 14) -> str:
    """A name (a source, a story) cut at the end to `width` cells; its start is what people know."""
    return clipped(one_line(name), width)


class ArticleList(OptionList):
    """The articles of the current story, with progress (the stories have their own list)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Open")]
    _drawn_width = -1  # the width its rows were drawn at

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self.scrollable_content_region.width
        if width != self._drawn_width:
            if self._drawn_width >= 0:  # rows of another width: OptionList would forget them
                self._clear_caches()  # on the Resize, which comes after this frame
            self._drawn_width = width
        return super().render_lines(crop)

    def _on_resize(self, event: events.Resize) -> None:
        # OptionList forgets every drawn row on any resize (the first layout sends one right
        # after the first frame), but the rows depend on the width alone
        if self.scrollable_content_region.width == self._drawn_width:
            event.prevent_default()

    def show(self, review: Review) -> None:
        options: list[Option] = []
        for i, article in enumerate(review.articles):
            p = review.progress(article.name)
            current = "▸ " if i == review.article_index else "  "
            prompt = Text(current + (one_line(article.title) or "(untitled)"), style="bold")
            about = review.source_of(article.name)
            if article.published:
                about += " · " + article.published
            prompt.append("\n  " + one_line(about), style="italic")
            for warning in article.warnings:  # its gist: "a copy of a.txt", bytes repaired
                prompt.append("\n  ⚠ " + one_line(warning.split(": ")[0]), style="yellow")
            prompt.append("\n  ")
            prompt.append_text(progress_bar(p.tagged, p.total, 8))
            prompt.append(f" {p.tagged}/{p.total} tagged")
            options.append(Option(prompt, id=f"a:{i}"))
        # a key usually changes nothing here (a move) or one row's count: rebuilding the list
        # anyway costs a relayout per key, so it is rebuilt only when a row reads differently
        key = [(o.id, o.prompt.plain) for o in options]
        if key != getattr(self, "_key", None):
            self._key = key
            self.clear_options()
            self.add_options(options)
        self.highlighted = next(
            (n for n, o in enumerate(self.options) if o.id == f"a:{review.article_index}"), 0
        )


class EvidencePanel(VerticalScroll, can_focus=True):
    """The suggestion for the current claim and the numbered evidence candidates.

    It scrolls with its own keys (J/K, page up/down) so that ↓/↑/j/k always move between claims,
    wherever the focus is. On a short screen each candidate is cut to two lines so that at least
    three fit; the comparison pane shows the sentence in its article. A claim taller than its
    article pane is shown here whole, under the suggestion.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "app.next_claim", "Next claim", show=False, id="next_claim"),
        Binding("up,k", "app.prev_claim", "Prev claim", show=False, id="prev_claim"),
        Binding("pagedown", "scroll_page_down", "Scroll", key_display="PgDn PgUp"),
        Binding("pageup", "scroll_page_up", "Scroll", show=False),
    ]
    COMPACT_LINES = 2  # lines per candidate on a short screen
    # the theme's colours (crossread.tcss), readable in light themes and NO_COLOR's greys
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "evidence--consistent",
        "evidence--contradicted",
        "evidence--unverified",
        "evidence--figure",
        "evidence--linked",
    }

    def compose(self):
        yield Static(id="evidence-body")

    def on_mount(self) -> None:
        self.border_title = "Evidence"
        self.border_subtitle = "J K scroll"
        self.app.theme_changed_signal.subscribe(self, self._on_theme)

    def _on_theme(self, _theme) -> None:
        # the body's colours are the theme's, taken when it was drawn
        if getattr(self, "_shown", None):
            self.call_after_refresh(self._render_body)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"evidence--{name}", partial=True)

    def show(
        self,
        claim: Claim | None,
        candidates: list[Evidence],
        suggestion: Suggestion | None,
        linked: set[str],
        note: str,
        *,
        source_of: Callable[[str], str] = str,
        with_sources: Callable[[str], str] = str,
        keep: int | None = None,
        analysing: bool = False,
        whole_claim: bool = False,
    ) -> None:
        """Show a claim's evidence; `keep` (a candidate number) stays in view, else the top.
        `analysing`: the story's evidence and suggestions are still being worked out.
        `whole_claim`: the claim is taller than its article pane (a short screen, a long
        sentence), so it is shown here whole: a reviewer must be able to read what they tag."""
        same_claim = getattr(self, "_shown", None) and self._shown[0] == claim
        shown = (claim, candidates, suggestion, linked, note, source_of, analysing, whole_claim)
        # a tag or a move elsewhere leaves the evidence as it was: re-wrapping every candidate
        # would cost a layout per key
        if shown != getattr(self, "_shown", None) or with_sources != self._with_sources:
            self._shown = shown
            self._with_sources = with_sources
            self._render_body(visible_first=not same_claim)
        if keep is not None and same_claim:
            self.call_after_refresh(self.scroll_to_candidate, keep)
        elif not same_claim:
            self.scroll_home(animate=False)

    def scroll_to_candidate(self, number: int) -> None:
        """Scroll so candidate `number` (1-based) is fully in view."""
        span = self._rows.get(number)
        if span is None:
            return
        first, last = span
        height = self.scrollable_content_region.height
        if first < self.scroll_y:
            self.scroll_to(y=first, animate=False)
        elif last >= self.scroll_y + height:
            self.scroll_to(y=max(first, last - height + 1), animate=False)

    def on_resize(self) -> None:
        if getattr(self, "_shown", None):
            # after this resize is laid out: an update during it does not resize the body
            self.call_after_refresh(self._render_body)

    @property
    def compact(self) -> bool:
        return self.screen.has_class("-short")

    def _render_body(self, *, visible_first: bool = False) -> None:
        """Render the suggestion and every candidate. With `visible_first`, only what fills the
        panel's height is rendered now and the rest after the next frame: a key that moves to
        another claim paints without waiting for candidates scrolled out of view."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return  # not laid out yet: on_resize renders it
        claim, candidates, suggestion, _, note, _, analysing, whole = self._shown
        body = Text()
        self._rows: dict[int, tuple[int, int]] = {}  # candidate number -> its first/last line
        lines = 0
        if claim is None:
            body.append("No claim here.", style="dim")
        else:
            if suggestion is not None:
                body.append_text(self._suggestion(claim, suggestion, width, whole))
            if whole:
                body.append_text(_claim_line(claim, suggestion.spans if suggestion else ()))
            if note:
                body.append("Note: ", style="bold")
                body.append(one_line(note_shown(note)))
                body.append("\n")
            if analysing and suggestion is None:
                # (a suggestion is the analysis stored before the poll said so: no more to come)
                body.append(
                    "Finding the matching sentences and a suggestion: this story is "
                    "analysed in the background, and they appear here when it is done.\n",
                    style="italic",
                )
            elif not candidates:
                body.append("No matching sentences in the other articles.", style="dim")
            lines = body.plain.count("\n")
        self._rest = (body, lines, 1)
        self._finish_body(self.scrollable_content_region.height if visible_first else None)

    def _finish_body(self, height: int | None = None) -> None:
        """Render candidates from where the body was left, up to `height` lines if given (the
        rest is rendered after the next frame, unless the panel shows something else by then)."""
        if getattr(self, "_rest", None) is None:
            return
        body, lines, start = self._rest
        claim, candidates, suggestion, linked, _, source_of, _, _ = self._shown
        name_width = NAME_CELLS if self.scrollable_content_region.width < 100 else 22
        # the sentences the suggestion rests on come first (`Review.evidence`): where they end,
        # a line says so, or a lower score above a higher one reads as a broken order
        cited = {e.other_id for e in suggestion.evidence} if suggestion else set()
        digits = len(str(len(candidates)))  # numbers right-aligned: " 9" above "10"
        n = start
        for n, ev in enumerate(candidates[start - 1 :], start):
            if height is not None and lines >= height:
                break
            if n > 1 and candidates[n - 2].other_id in cited and ev.other_id not in cited:
                body.append(
                    " " * (digits + 2) + "─ other matches, strongest first ─\n", style="dim"
                )
                lines += 1
            row = self._candidate(
                n, ev, claim, ev.other_id in linked, source_of, name_width, digits
            )
            body.append_text(row)
            added = row.plain.count("\n")
            self._rows[n] = (lines, lines + added - 1)
            lines += added
        else:
            n = len(candidates) + 1
        if n <= len(candidates):
            self._rest = (body, lines, n)
            shown = self._shown
            self.call_after_refresh(lambda: self._shown is shown and self._finish_body())
            body = body.copy()
        else:
            self._rest = None
        body.rstrip()
        self.query_one("#evidence-body", Static).update(body)

    def _suggestion(self, claim: Claim, s: Suggestion, width: int, whole: bool) -> Text:
        """The suggestion's line, and the claim with the words it rests on marked (on a short
        screen cut to three lines in all; not here when the claim is shown `whole` below)."""
        # (a style given to Text() is the whole block's: bold would mark nothing in it)
        line = Text()
        line.append("Suggested: ", style="bold")
        label = self._style(s.label) if s.label in LABELS else ""
        line.append(f"{SYMBOLS.get(s.label, '')} {s.label}", style=label)
        line.append(f" · {s.confidence} confidence", style="bold" if s.confidence == "high" else "")
        line.append("  (a accepts)  ", style="dim")
        line.append(one_line(self._with_sources(s.reason)))
        for hint in s.hints:  # hints name articles too: by their source, like the reason
            line.append("  · " + one_line(self._with_sources(hint)), style="italic")
        if self.compact:  # two lines at most: the candidates need the room
            line = clamp(line, width - 1, 2)
        if s.spans and not whole:
            line.append("\n")
            line.append_text(_claim_line(claim, s.spans))
            line.rstrip()
            if self.compact:
                line = clamp(line, width - 1, 3)
        line.append("\n")
        return line

    def _candidate(
        self,
        n: int,
        ev: Evidence,
        claim: Claim,
        linked: bool,
        source_of: Callable[[str], str],
        name_width: int,
        digits: int = 1,
    ) -> Text:
        # appended, not Text(n, style="bold"): that style is the whole row's, and a differing
        # figure was told from the rest of its sentence, all bold, by its colour alone
        head = Text()
        head.append(f"{n:>{digits}} ", style="bold")
        head.append("● " if linked else "○ ", style=self._style("linked") if linked else "dim")
        head.append(
            f"{short_name(source_of(ev.article), name_width):<{name_width}}", style="italic"
        )
        # a sentence linked by hand that alignment did not keep has no score to show; a score is
        # rounded down, so that a 59.9 (below a strong match, as the reason says) is not shown 60
        score = "–" if math.isnan(ev.score) else str(math.floor(ev.score))
        head.append(f" {score:>3} ", style="bold")
        body = Text()
        text = one_line(ev.text)
        pos = 0
        for start, end, number in differing_words(text, claim.text):
            body.append(text[pos:start])
            body.append(text[start:end], style=self._style("figure") if number else "underline")
            pos = end
        body.append(text[pos:])
        max_lines = self.COMPACT_LINES if self.compact else None
        return hanging(head, body, self.scrollable_content_region.width - 1, max_lines)


def _claim_line(claim: Claim, spans: Iterable[tuple[int, int]]) -> Text:
    """The claim on one (wrapped) line, indented, the words at `spans` marked."""
    line = Text("  ")
    text = one_line(claim.text)
    pos = 0
    for start, end in sorted(spans):
        line.append(text[pos:start])
        line.append(text[start:end], style="bold reverse")
        pos = max(pos, end)
    line.append(text[pos:])
    line.append("\n")
    return line


def clamp(text: Text, width: int, max_lines: int) -> Text:
    """`text` wrapped at `width`, cut to `max_lines` lines, the last ending in … when cut."""
    lines = text.wrap(_console(), max(width, 8))
    return text if len(lines) <= max_lines else Text("\n").join(cut(lines, width, max_lines))


def cut(lines: Lines | list[Text], width: int, max_lines: int) -> list[Text]:
    """The first `max_lines` wrapped lines; the last ends in "…" when some were left out."""
    kept = list(lines[:max_lines])
    if len(lines) > max_lines:
        kept[-1].rstrip()
        kept[-1].truncate(max(width - 1, 1))
        kept[-1].append("…")
    return kept


def hanging(head: Text, body: Text, width: int, max_lines: int | None = None) -> Text:
    """`head` then `body` wrapped so its continuation lines start under the body, not the head.

    With `max_lines` the body is cut to that many lines, the last ending in "…".
    """
    indent = head.cell_len
    if width - indent < 24:  # too narrow to sit beside the head: wrap under it
        indent = 2
        head.append("\n" + " " * indent)
    lines = body.wrap(_console(), max(width - indent, 8))
    if max_lines is not None:
        lines = cut(lines, width - indent, max_lines)
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


def _show_line(widget: Static, line: Text) -> None:
    """Show a one-line widget's text, cut with an ellipsis. Its size never changes (one line, the
    width it is given), so no layout; and an unchanged line is not even repainted: every key
    sets the status and info lines, and a layout was most of the redraw after a commit."""
    line.no_wrap = True
    line.overflow = "ellipsis"
    if line != getattr(widget, "_line", None):
        widget._line = line  # type: ignore[attr-defined]
        widget.update(line, layout=False)


class StatusLine(Static):
    """Story, progress bar, filter, reviewer and database path on one line."""

    def show(self, review: Review, db_label: str, step: str = "") -> None:
        """`step`: what the analysis of a story still analysing is doing now."""
        p = review.progress()
        states = Text()
        states.append_text(progress_bar(p.tagged, p.total))
        states.append(f" {p.tagged}/{p.total} tagged")
        if review.saving:  # until the commit returns; a failure is said in a notification
            states.append(f"  saving {len(review.saving)}…", style="bold yellow")
        if review.story in review.analysing:
            states.append(f"  analysing{': ' + step if step else ''}…", style="bold yellow")
        if review.filter != "all":
            states.append(f"  filter: {review.filter}", style="bold yellow")
        states.append("  " + one_line(review.reviewer), style="cyan")
        line = Text(" crossread ", style="bold reverse")
        # the story's name gets what the states leave (its start, what people know it by): a
        # long folder name pushed the filter in force and "saving" off an 80-column line
        story = Text(one_line(review.story or "no stories"))
        room = (self.size.width or 10_000) - line.cell_len - states.cell_len - 2
        story.truncate(max(room, 12), overflow="ellipsis")
        line.append(f" {story.plain} ", style="bold")
        line.append_text(states)
        # the database's path as far as it fits, its end (the file's name) kept; left out when
        # not even a few characters would (a bare "db:" ended the line at 80 columns)
        room = (self.size.width or 10_000) - line.cell_len - len("  db: ")
        label = one_line(db_label)
        if room >= 8:
            shown = label if len(label) <= room else "…" + label[len(label) - room + 1 :]
            line.append("  db: " + shown, style="dim")
        _show_line(self, line)


class InfoLine(Static):
    """The current article's source, date and headline (and URL when there is room), one line."""

    def show(self, review: Review) -> None:
        if not review.articles:
            _show_line(self, Text(""))
            return
        article = review.article
        line = Text(one_line(review.source_of(article.name)), style="bold")
        if article.published:
            line.append(" · " + one_line(article.published))
        line.append("  ")
        line.append(one_line(article.title) or "(untitled)", style="italic")
        if article.url:
            line.append("  " + one_line(article.url), style="dim")
        _show_line(self, line)
