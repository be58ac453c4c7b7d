"""The story list: one row per story of the database, drawn only where it is on screen.

A database can hold thousands of stories; an OptionList measures every row whenever it is
filled, so this list is a ScrollView whose rows are made in `render_line`, for visible rows only.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.ui.textutil import one_line

VISIBLE_ROWS = 8  # the list's height at most: the articles of the story keep the rest


class StoryList(ScrollView, can_focus=True):
    """Stories by name; ▸ marks the open one, … one still analysing, the highlighted row is
    what enter opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open story"),
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "cursor(-8)", "Page up", show=False),
        Binding("pagedown", "cursor(8)", "Page down", show=False),
        Binding("home", "cursor(-1000000000)", "First", show=False),
        Binding("end", "cursor(1000000000)", "Last", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"story-list--cursor", "story-list--open"}

    class Chosen(Message):
        """The reviewer picked a story (enter or a click)."""

        def __init__(self, story: str) -> None:
            super().__init__()
            self.story = story

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.stories: list[str] = []
        self.open_story = ""
        self.analysing: set[str] = set()  # stories whose evidence is still being worked out
        self.cursor = 0
        self._base: Style | None = None  # rich_style, once per theme/CSS change (ArticleView)

    def notify_style_update(self) -> None:
        self._base = None
        super().notify_style_update()

    def show(self, stories: list[str], open_story: str, analysing: set[str] | None = None) -> None:
        """Set the stories, the open one and those still analysing; only the visible rows are
        drawn again."""
        self.analysing = analysing or set()
        if stories is not self.stories:
            self.stories = stories
            self.virtual_size = Size(0, len(stories))  # no horizontal scrolling
            self.styles.height = min(len(stories), VISIBLE_ROWS) + 2  # + the border
        if open_story != self.open_story:
            self.open_story = open_story
            self.cursor = stories.index(open_story) if open_story in stories else 0
            self.scroll_to_cursor()
        self.border_title = f"Stories {self.cursor + 1}/{len(stories)}"
        self.refresh()

    def scroll_to_cursor(self) -> None:
        self.scroll_to_region(
            Region(0, self.cursor, 1, 1), animate=False, immediate=True, force=True
        )

    def action_cursor(self, step: int) -> None:
        if self.stories:
            self.cursor = max(0, min(len(self.stories) - 1, self.cursor + step))
            self.border_title = f"Stories {self.cursor + 1}/{len(self.stories)}"
            self.scroll_to_cursor()
            self.refresh()

    def action_select(self) -> None:
        if self.stories:
            self.post_message(self.Chosen(self.stories[self.cursor]))

    def on_click(self, event: events.Click) -> None:
        row = event.y + self.scroll_offset.y - self.gutter.top
        if 0 <= row < len(self.stories):
            self.cursor = row
            self.action_select()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self._base is None:
            self._base = self.rich_style
        base = self._base
        row = y + self.scroll_offset.y
        if row >= len(self.stories):
            return Strip.blank(width, base)
        story = self.stories[row]
        style = base
        if row == self.cursor and self.has_focus:
            style += self.get_component_rich_style("story-list--cursor")
        if story == self.open_story:
            style += self.get_component_rich_style("story-list--open")
        text = Text(("▸ " if story == self.open_story else "  ") + one_line(story), style=style)
        if story in self.analysing:
            text.append(" …", style=style + Style(dim=True))
        text.truncate(width, overflow="ellipsis", pad=True)
        # Text.render leaves a Text without spans unstyled (its style is the console's to add):
        # the row lost its bold and the cursor's highlight, and NO_COLOR's filter, meeting a
        # segment with no style, ended the app
        return Strip(text.render(self.app.console), width).apply_style(style)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
