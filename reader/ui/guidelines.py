"""The labelling guidelines (`g`): a Markdown file shown in a scrollable dialog.

Found as `--guidelines FILE`, else `guidelines.md` in the story's folder, else in the folder
above it (a folder of stories). Its text is untrusted: control characters are replaced, links
are never opened (each is shown with its address), and Markdown is the only thing interpreted.

It is rendered as one text, once per width, and only the rows in view are drawn: Textual's
Markdown widget makes a widget of each paragraph, and a manual of 100 KB took 14 s to open, the
app frozen meanwhile. A long one is rendered off the UI's thread ("Reading…" until then).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Label
from textual.worker import get_current_worker

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


QUICK = 20_000  # characters rendered at once, in well under a frame's time; more on a thread


def render_markdown(text: str, width: int) -> list[Strip]:
    """`text` as Markdown, in rows of `width` cells; a link shows its address after its words."""
    console = Console(
        width=width, color_system="truecolor", force_terminal=True, markup=False,
        emoji=False, highlight=False, legacy_windows=False,
    )  # fmt: skip
    lines = console.render_lines(
        Markdown(text, hyperlinks=False), console.options.update_width(width), pad=False
    )
    return [Strip(line) for line in lines]


class GuidelinesView(ScrollView, can_focus=True):
    """The rendered guidelines; scrolls with the usual keys and the wheel."""

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text
        self._width = 0  # the width the rows are for, or are being rendered for
        self._rows: list[Strip] | None = None

    def on_resize(self) -> None:
        width = max(self.scrollable_content_region.width, 10)
        if width == self._width:
            return
        self._width = width
        if len(self.text) <= QUICK:
            self._show(width, render_markdown(self.text, width))
        else:  # (until then the rows of the last width, if any, else "Reading…")
            self._render(width)

    @work(thread=True, exclusive=True, group="guidelines")
    def _render(self, width: int) -> None:
        rows = render_markdown(self.text, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, width, rows)

    def _show(self, width: int, rows: list[Strip]) -> None:
        if width == self._width:  # (not a width the pane has left since)
            self._rows = rows
            self.virtual_size = Size(width, len(rows))
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._rows is None:
            said = [Segment("Reading the guidelines…", Style(italic=True))] if y == 0 else []
            return Strip(said).extend_cell_length(width)
        scroll_x, scroll_y = self.scroll_offset
        row = scroll_y + y
        if row >= len(self._rows):
            return Strip.blank(width)
        return self._rows[row].crop_extend(scroll_x, scroll_x + width, None)


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
            yield GuidelinesView(self.text, id="guidelines-scroll")

    def on_mount(self) -> None:
        self.query_one("#guidelines-scroll").focus()

    def action_scroll(self, step: int) -> None:
        view = self.query_one("#guidelines-scroll", GuidelinesView)
        view.scroll_down(animate=False) if step > 0 else view.scroll_up(animate=False)
