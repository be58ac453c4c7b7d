"""The footer: the keys of what can be done now, drawn by one widget as Textual's compact Footer.

Textual's Footer is a container with a widget per key (FooterKey), made once the bindings are
known, i.e. after the first frame: styling, laying out and drawing those 14 widgets cost the
app's start ~9 ms before its screen was complete, and every change of a key shown (`a` comes
and goes with the claim's suggestion) made them all again. KeysFooter draws the same cells in
one line: each key's colours are worked out as Textual works out a FooterKey's (its styles over
the footer's, then the key's and the description's), a key under the mouse is highlighted, a
click presses it, and the mouse wheel scrolls keys that do not fit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.color import Color
from textual.css.styles import StylesBase
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class Key(NamedTuple):
    key: str  # what a click presses
    display: str  # as the keymap binds it, e.g. "^z"
    description: str
    enabled: bool
    tooltip: str
    start: int  # first cell of the key in the line
    end: int  # the cell after its description


def _in_declared_order(active: Iterable[ActiveBinding]) -> list[ActiveBinding]:
    """The active bindings, each node's in the order its class declares them.

    Textual moves a binding the keymap rebinds to the end of its node's bindings, so a rebound
    `c` (the first, most used key) was drawn last, cut off on a terminal of 120 columns.
    """
    rows = list(active)
    nodes = list(dict.fromkeys(id(row.node) for row in rows))
    declared: dict[int, dict[str, int]] = {}
    for row in rows:
        if id(row.node) not in declared:
            merged = type(row.node)._merged_bindings  # its bindings before any keymap
            found = [b for bs in merged.key_to_bindings.values() for b in bs] if merged else []
            declared[id(row.node)] = {_identity(b): i for i, b in reversed(list(enumerate(found)))}

    def place(row: ActiveBinding) -> tuple[int, int]:
        here = declared[id(row.node)]
        return nodes.index(id(row.node)), here.get(_identity(row.binding), len(here))

    return sorted(rows, key=place)


def _identity(binding: Binding) -> str:
    """What stays the same when the keymap rebinds a binding: its id (else its key)."""
    return f"id:{binding.id}" if binding.id else f"key:{binding.key}"


class KeysFooter(Widget, can_focus=False):
    """The active bindings shown (`show=True`), one per action, in the screen's binding order."""

    ALLOW_SELECT = False
    # Textual's Footer and FooterKey (compact) rules, with the FooterKey's own as components
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key",
        "footer-key--hover",
        "footer-key--disabled",
        "footer-key--key",
        "footer-key--description",
    }
    DEFAULT_CSS = """
    KeysFooter {
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
        & > .footer-key {
            background: $footer-item-background;
        }
        & > .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .footer-key--disabled {
            text-style: dim;
        }
        & > .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[Key] | None = None  # None: read from the bindings at the next draw
        self._hover: int | None = None  # the key under the mouse
        self._scroll_x = 0  # cells scrolled off the left by the mouse wheel
        self._styles: dict[tuple[str, ...], Style] = {}  # by component names, per theme/CSS

    @property
    def keys(self) -> list[Key]:
        """The keys shown, in order, with where each is in the line."""
        if self._keys is None:
            self._keys = self._read_keys()
        return self._keys

    def _read_keys(self) -> list[Key]:
        keys: list[Key] = []
        actions: set[str] = set()
        x = 0
        for _, binding, enabled, tooltip in _in_declared_order(
            self.screen.active_bindings.values()
        ):
            if not binding.show or binding.action in actions:
                continue  # Footer shows an action once, by its first key
            actions.add(binding.action)
            display = self.app.get_key_display(binding)
            description = binding.description
            end = x + cell_len(display) + (cell_len(description) + 1 if description else 0)
            keys.append(Key(binding.key, display, description, enabled, tooltip, x, end))
            x = end + 1  # a FooterKey's right margin
        return keys

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        """Draw again only if a key shown changes (the bindings are refreshed on many keys)."""
        if screen is not self.screen or self._keys is None:
            return
        keys = self._read_keys()
        if keys != self._keys:
            self._keys = keys
            self._hover = None
            self.refresh()

    # ---- drawing -----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        gap = Style(bgcolor=self.rich_style.bgcolor)  # the footer's background, as Footer's
        segments: list[Segment] = []
        styles = self._styles
        for n, key in enumerate(self.keys):
            item = ("footer-key--hover" if n == self._hover else "footer-key",)
            if not key.enabled:
                item += ("footer-key--disabled",)
            for part, text in (("key", key.display), ("description", key.description)):
                if text:
                    names = (*item, f"footer-key--{part}")
                    if names not in styles:
                        styles[names] = self._style(*names)
                    segments.append(Segment(text if part == "key" else " " + text, styles[names]))
            segments.append(Segment(" ", gap))
        strip = Strip(segments)
        if self._scroll_x:
            strip = strip.crop(self._scroll_x)
        return strip.crop_extend(0, width, gap)

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def _style(self, *components: str) -> Style:
        """The Rich style of a FooterKey part: DOMNode.rich_style's walk from the screen down
        through this footer, then on through the FooterKey's styles and its part's (these
        components, in order)."""
        background = Color(0, 0, 0, 0)
        color = Color(255, 255, 255, 0)
        style = Style()
        opacity = 1.0
        layers: list[StylesBase] = [node.styles for node in reversed(self.ancestors_with_self)]
        layers += [self.get_component_styles(name) for name in components]
        for styles in layers:
            has_rule = styles.has_rule
            opacity *= styles.opacity
            text_background = background
            if has_rule("background"):
                tinted = styles.background.tint(styles.background_tint)
                text_background = background + tinted
                background += tinted.multiply_alpha(opacity)
            if has_rule("color"):
                color = styles.color
            style += styles.text_style
            if has_rule("auto_color") and styles.auto_color:
                color = text_background.get_contrast_text(color.a)
        return style + Style.from_color(
            (background + color).rich_color if (background.a or color.a) else None,
            background.rich_color if background.a else None,
        )

    # ---- the mouse ---------------------------------------------------------------------------
    def _key_at(self, x: int) -> int | None:
        x += self._scroll_x
        return next((n for n, k in enumerate(self.keys) if k.start <= x < k.end), None)

    def _set_hover(self, hover: int | None) -> None:
        if hover != self._hover:
            self._hover = hover
            key = self.keys[hover] if hover is not None else None
            self.tooltip = key.tooltip if key and key.tooltip else None
            self.styles.pointer = "pointer" if key else "default"
            self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        n = self._key_at(event.x)
        if n is None:
            return
        if self.keys[n].enabled:
            self.app.simulate_key(self.keys[n].key)
        else:
            self.app.bell()

    def _scroll_by(self, cells: int, event: events.MouseEvent) -> None:
        keys = self.keys
        widest = max(0, (keys[-1].end + 1 if keys else 0) - self.size.width)
        scroll_x = min(max(self._scroll_x + cells, 0), widest)
        if scroll_x != self._scroll_x:
            self._scroll_x = scroll_x
            self._set_hover(self._key_at(event.x))
            self.refresh()
            event.stop()
            event.prevent_default()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(round(self.app.scroll_sensitivity_x), event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(-round(self.app.scroll_sensitivity_x), event)
