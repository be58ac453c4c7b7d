"""The help screen: the current article's source, then every key, as the keymap binds it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from reader.ui.keys import key_text
from reader.ui.textutil import one_line

if TYPE_CHECKING:
    from annotations.store import ArticleRow

LINKS = tuple(f"link_{i}" for i in range(1, 10))

# (section, [(binding ids, or a literal key in a 1-tuple starting with "="), what it does])
HELP: list[tuple[str, list[tuple[tuple[str, ...], str]]]] = [
    ("Tagging", [
        (("tag_consistent",), "consistent with the other sources"),
        (("tag_contradicted",), "contradicted by another source"),
        (("tag_unverified",), "unverified: the other sources do not say"),
        (("clear",), "clear the tag"),
        (("accept",), "accept the suggested label"),
        (("accept_high",), "accept every high-confidence suggestion of the article (asks first)"),
        (LINKS, "link / unlink that evidence sentence (10 and on: ctrl+p, link 12)"),
        (("link_compare",), "link / unlink the claim under the comparison pane's cursor"),
        (("note",), "write a note on the claim"),
        (("undo", "redo"), "undo / redo this window's changes"),
    ]),
    ("Moving", [
        (("next_claim", "prev_claim"), "next / previous claim"),
        (("next_untagged",), "next untagged claim, across articles"),
        (("prev_article", "next_article"), "previous / next article"),
        (("prev_story", "next_story"), "previous / next story"),
        (("cycle_compare",), "cycle the comparison article"),
        (("compare_prev", "compare_next"), "move the cursor in the comparison pane"),
        (("view_candidate",), "comparison cursor to the next evidence sentence"),
        (("evidence_down", "evidence_up"), "scroll the evidence (page down / up there too)"),
        (("=tab",), "move focus between panes"),
        (("search",), "search the story's claims (enter goes, ctrl+l links)"),
        (("filter",), "filter: all, untagged, each label, low-confidence suggestions"),
    ]),
    ("Other", [
        (("guidelines",), "the labelling guidelines (guidelines.md beside the story)"),
        (("export",), "export annotations (CSV / JSONL)"),
        (("=ctrl+p",), "command palette (also: change the theme)"),
        (("help",), "this help"),
        (("quit",), "quit (every tag is already saved)"),
    ]),
]  # fmt: skip


# The adjudication screen's keys (its bindings are not in the keymap: shown as they are).
ADJUDICATION_HELP: list[tuple[str, list[tuple[tuple[str, ...], str]]]] = [
    ("Adjudicating", [
        (("=c x u",), "decide the final label: consistent / contradicted / unverified"),
        (("=e",), "give the reason for the final label"),
        (("=space",), "withdraw the final label"),
        (("=^z ^y",), "undo / redo your decisions"),
    ]),
    ("Moving", [
        (("=n",), "next undecided disagreement (or single label, after m)"),
        (("=m",), "switch n between disagreements and single labels"),
        (("=j ↓ k ↑",), "next / previous claim"),
        (("=J K",), "scroll the reviewers' labels, notes and links (page down / up too)"),
    ]),
    ("Other", [
        (("=escape",), "back to your own review"),
        (("=?",), "this help"),
        (("=q",), "quit"),
    ]),
]  # fmt: skip


class HelpScreen(ModalScreen[None]):
    """Scrolls with ↓ ↑ j k and page keys; Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q,question_mark", "dismiss", "Close", show=False),
        Binding("down,j", "scroll(1)", "Scroll", show=False),
        Binding("up,k", "scroll(-1)", "Scroll", show=False),
    ]

    def __init__(
        self,
        about: RenderableType | None = None,
        sections: list[tuple[str, list[tuple[tuple[str, ...], str]]]] | None = None,
    ) -> None:
        """`about`: the current article's details. `sections`: the keys to list (the review
        screen's, HELP, unless given)."""
        super().__init__()
        self.about = about
        self.sections = HELP if sections is None else sections

    def compose(self) -> ComposeResult:
        parts: list[RenderableType] = []
        if self.about is not None:
            parts += [Text("This article", style="bold underline"), self.about, Text()]
        for section, keys in self.sections:
            parts.append(Text(section, style="bold underline"))
            grid = _grid()
            for ids, what in keys:
                key = ids[0][1:] if ids[0].startswith("=") else key_text(self.app, *ids)
                grid.add_row(Text("  " + key, style="bold cyan"), Text(what))
            parts += [grid, Text()]
        parts.append(
            Text("Every tag is written to the database the moment you make it.", style="dim")
        )
        with Vertical(id="help-box", classes="dialog"):
            yield Label("crossread keys · ↓ ↑ scroll · Esc closes", classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(Group(*parts), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_scroll(self, step: int) -> None:
        scroll = self.query_one("#help-scroll", VerticalScroll)
        scroll.scroll_down(animate=False) if step > 0 else scroll.scroll_up(animate=False)


def about_article(article: ArticleRow, source: str) -> Table:
    """The current article's details for the help screen, each shown literally."""
    grid = _grid()
    for label, value in (
        ("source", source),
        ("headline", article.title),
        ("published", article.published),
        ("url", article.url),
        ("file", article.name),
    ):
        if value:
            grid.add_row(Text("  " + label, style="bold"), Text(one_line(value)))
    return grid


def _grid() -> Table:
    """Two columns, so that a value too long for the line wraps under itself, not the names."""
    grid = Table.grid()
    grid.add_column(width=18, no_wrap=True)
    grid.add_column(ratio=1)
    return grid
