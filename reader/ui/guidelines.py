"""The labelling guidelines (`g`): a Markdown file shown in a scrollable dialog.

Found as `--guidelines FILE`, else `guidelines.md` in the story's folder, else in the folder
above it (a folder of stories). Its text is untrusted: control characters are replaced, links
are never opened (a click shows the address), and Markdown is the only thing interpreted.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown

from reader.corpus.decode import on_disk
from reader.corpus.loader import GUIDELINES, GUIDELINES_MAX_BYTES, ArticleError, read_text
from reader.models import shown_path
from reader.ui.textutil import one_line


def find_guidelines(story_path: str | None, given: str | None = None) -> Path | None:
    """The guidelines file for a story: the one given, else next to the story, else above it."""
    if given:
        return Path(given)
    if not story_path:
        return None
    folder = Path(on_disk(story_path))  # (stored escaped when its name is not UTF-8)
    if not folder.is_dir():  # a story of one file
        folder = folder.parent
    for candidate in (folder / GUIDELINES, folder.parent / GUIDELINES):
        if candidate.is_file():
            return candidate
    return None


def read_guidelines(path: Path) -> str:
    """The file's text, sanitized; raises ValueError with a one-line reason (a binary file,
    a FIFO, which is refused, not waited for: the app would freeze)."""
    try:
        return read_text(path, GUIDELINES_MAX_BYTES)
    except ArticleError as exc:
        raise ValueError(f"{shown_path(str(path))}: {exc}") from None


class GuidelinesScreen(ModalScreen[None]):
    """Scrolls with ↓ ↑ j k and page keys; Esc, q or g closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q,g", "dismiss", "Close", show=False),
        Binding("down,j", "scroll(1)", "Scroll", show=False),
        Binding("up,k", "scroll(-1)", "Scroll", show=False),
    ]

    def __init__(self, text: str, where: str) -> None:
        super().__init__()
        self.text = text
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(id="guidelines-box", classes="dialog"):
            yield Label(
                f"Guidelines · {one_line(self.where)} · ↓ ↑ scroll · Esc closes",
                classes="dialog-title",
                markup=False,
            )
            with VerticalScroll(id="guidelines-scroll"):
                yield Markdown(self.text, open_links=False, id="guidelines-text")

    def on_mount(self) -> None:
        self.query_one("#guidelines-scroll").focus()

    def action_scroll(self, step: int) -> None:
        scroll = self.query_one("#guidelines-scroll", VerticalScroll)
        scroll.scroll_down(animate=False) if step > 0 else scroll.scroll_up(animate=False)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()  # never opened: the address is shown, to copy if wanted
        self.notify(f"Link (not opened): {one_line(event.href)}", markup=False)
