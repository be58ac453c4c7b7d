"""An article rendered line by line: only the lines on screen are ever turned into segments.

Wrapping is one pass of `wrap_offsets` per width (cached), so a 2 MB article without a single
line break opens at once. Text is never parsed as markup: segments are built from plain strings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.ui.textutil import line_of, sanitize, wrap_offsets

if TYPE_CHECKING:
    from reader.models import Claim

SAVING = "saving"  # a claim whose write has not been committed yet: never shown as saved
SYMBOLS = {"consistent": "✓", "contradicted": "✗", "unverified": "?", SAVING: "…"}
REPAINT_ALL_AFTER = 16  # claims whose marks changed at once (undo of a batch, a reload)
GUTTER = 3  # before every line: ▶ on the current claim, the label symbol, a space


class ArticleView(ScrollView, can_focus=True):
    """Shows one article: title, paragraphs, claim marks, the current claim, dimmed boilerplate."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--title",
        "article--boilerplate",
        "article--current",
        "article--consistent",
        "article--contradicted",
        "article--unverified",
        "article--saving",
        "article--gutter",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = ""
        self.title_span: tuple[int, int] | None = None
        self.boilerplate: list[tuple[int, int]] = []
        self.claims: list[Claim] = []
        self.claim_starts: list[int] = []
        self._by_id: dict[str, Claim] = {}
        self.labels: dict[str, str] = {}
        self.current: str | None = None
        self.linked: set[str] = set()  # claims linked as evidence: ● in the gutter
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[int] = []
        self._wrap_width = -1
        self._styles: dict[str, Style] = {}
        self._base: Style | None = None

    def _style(self, name: str) -> Style:
        """A component style, looked up once per theme/CSS change rather than per segment."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(f"article--{name}")
        return style

    def _base_style(self) -> Style:
        """The pane's own style, likewise (rich_style walks every ancestor's styles: 16 times a
        pane as it was read per line, ~1 ms of the first frame for the two panes)."""
        if self._base is None:
            self._base = self.rich_style
        return self._base

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._base = None
        super().notify_style_update()

    # ---- content -----------------------------------------------------------------------------
    def show_article(
        self,
        text: str,
        claims: list[Claim],
        *,
        title_span: tuple[int, int] | None = None,
        boilerplate: list[tuple[int, int]] | tuple[tuple[int, int], ...] = (),
    ) -> None:
        # already clean from the loader; sanitizing again keeps the widget safe on its own
        self.text = sanitize(text)
        self.claims = claims
        self.claim_starts = [c.start for c in claims]
        self._by_id = {c.id: c for c in claims}
        self.title_span = title_span
        self.boilerplate = sorted(boilerplate)
        self._wrap_width = -1
        self.current = None
        self._rewrap()
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    def set_marks(
        self, labels: dict[str, str], current: str | None, *, linked: set[str] | None = None
    ) -> None:
        """Labels by claim id, the claim to highlight (None for none), claims marked as linked.

        Only the lines of claims whose mark changed are drawn again: a tag key repaints the
        tagged claim and the next one, not every line on screen."""
        linked = linked or set()
        changed = {
            i for i in labels.keys() | self.labels.keys() if labels.get(i) != self.labels.get(i)
        }
        changed |= (linked ^ self.linked) | (
            {current, self.current} - {None} if current != self.current else set()
        )
        self.labels, self.current, self.linked = labels, current, linked
        self._refresh_claims(changed)

    def _refresh_claims(self, ids: set[str]) -> None:
        claims = [c for i in ids if (c := self._by_id.get(i)) is not None]
        if self._wrap_width < 0 or len(claims) > REPAINT_ALL_AFTER:
            self.refresh()
            return
        for claim in claims:
            first, last = self.lines_of(claim)
            self.refresh_lines(first, last - first + 1)

    def scroll_to_claim(self, claim: Claim | None, *, center: bool = False) -> None:
        if claim is None:
            return
        first, last = self.lines_of(claim)
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if center or first < top or last >= top + height:
            # put the claim a third of the way down, so some context above shows, unless that
            # pushes its end out of view
            fits = last - first < height
            target = max(0, first - height // 3, last - height + 1) if fits else first
            self.scroll_to(y=target, animate=False)

    def fits(self, claim: Claim | None) -> bool:
        """The whole of `claim` shows at once in this view (True until it is laid out)."""
        if claim is None or self.scrollable_content_region.height <= 0:
            return True
        first, last = self.lines_of(claim)
        return last - first < self.scrollable_content_region.height

    def lines_of(self, claim: Claim) -> tuple[int, int]:
        """The first and last wrapped lines `claim` takes in this view."""
        self._rewrap()
        first = line_of(self._lines, self._line_starts, claim.start)
        return first, line_of(self._lines, self._line_starts, max(claim.start, claim.end - 1))

    # ---- mouse -------------------------------------------------------------------------------
    class ClaimClicked(Message):
        """A claim of this view was clicked (not a dataclass: making one costs the start
        0.3 ms)."""

        def __init__(self, view: ArticleView, claim_id: str) -> None:
            self.view = view
            self.claim_id = claim_id
            super().__init__()

    def claim_at(self, x: int, y: int) -> Claim | None:
        """The claim shown at content cell (x, y): under the pointer, else the line's first."""
        self._rewrap()
        index = int(self.scroll_y) + y
        if not 0 <= index < len(self._lines):
            return None
        start, end = self._lines[index]
        claims = self._claims_in(start, end)
        offset = min(start + max(0, x - GUTTER), max(start, end - 1))
        under = [c for c in claims if c.start <= offset < c.end]
        return (under or claims or [None])[0]

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        claim = self.claim_at(offset.x, offset.y) if offset is not None else None
        if claim is not None:
            self.post_message(self.ClaimClicked(self, claim.id))

    # ---- layout ------------------------------------------------------------------------------
    def _rewrap(self) -> None:
        region = self.scrollable_content_region.width
        if region <= 0:
            # Not laid out yet (an article shown from on_mount): wrapping now is thrown away at
            # the first layout. Until then the height of the text at the narrowest width, which
            # costs nothing to count, gives the first layout its scrollbar as that wrap did.
            lines = -(-len(self.text) // 8) + self.text.count("\n") if self.text else 0
            self.virtual_size = Size(8 + GUTTER, lines)
            return
        width = max(8, region - GUTTER)
        if width == self._wrap_width:
            return
        self._wrap_width = width
        self._lines = wrap_offsets(self.text, width) if self.text else []
        self._line_starts = [s for s, _ in self._lines]
        self.virtual_size = Size(width + GUTTER, len(self._lines))

    def on_resize(self) -> None:
        current = next((c for c in self.claims if c.id == self.current), None)
        width = self._wrap_width
        self._rewrap()
        self.scroll_to_claim(current)
        if self._wrap_width != width:  # else the lines are those on screen (a new size repaints)
            self.refresh()

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines)

    # ---- rendering ---------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        self._rewrap()
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        base = self._base_style()
        if index >= len(self._lines):
            return Strip.blank(width, base)
        start, end = self._lines[index]
        claims = self._claims_in(start, end)
        segments = self._gutter(claims, base)
        segments.extend(self._segments(start, end, claims, base))
        return Strip(segments).adjust_cell_length(width, base).simplify()

    def _claims_in(self, start: int, end: int) -> list[Claim]:
        lo = max(0, bisect_right(self.claim_starts, start) - 1)
        hi = bisect_left(self.claim_starts, end)
        return [c for c in self.claims[lo : hi + 1] if c.start < end and c.end > start]

    def _gutter(self, claims: list[Claim], base: Style) -> list[Segment]:
        """Marks that work without colour: ▶ on the current claim (● on a linked one), then its
        label's symbol."""
        label = next((lab for c in claims if (lab := self.labels.get(c.id))), None)
        current = any(c.id == self.current for c in claims)
        linked = any(c.id in self.linked for c in claims)
        mark = "▶" if current else "●" if linked else " "
        return [
            Segment(mark, base + self._style("gutter")),
            Segment(SYMBOLS[label] if label else " ", base + self._style(label) if label else base),
            Segment(" ", base),
        ]

    def _segments(self, start: int, end: int, claims: list[Claim], base: Style) -> list[Segment]:
        """Split [start, end) at every style boundary and style each piece (`claims` overlap it)."""
        cuts = {start, end}
        spans: list[tuple[int, int, Style]] = []
        if self.title_span and self.title_span[0] < end and self.title_span[1] > start:
            spans.append((*self.title_span, self._style("title")))
        lo = max(0, bisect_right(self.boilerplate, (start, start)) - 1)
        for bs, be in self.boilerplate[lo:]:
            if bs >= end:
                break
            if be > start:
                spans.append((bs, be, self._style("boilerplate")))
        for claim in claims:
            label = self.labels.get(claim.id)
            if label:
                spans.append((claim.start, claim.end, self._style(label)))
            if claim.id == self.current:
                spans.append((claim.start, claim.end, self._style("current")))
        for s, e, _ in spans:
            cuts.update(x for x in (s, e) if start < x < end)
        points = sorted(cuts)
        segments = []
        for a, b in pairwise(points):
            style = base
            for s, e, extra in spans:
                if s <= a and b <= e:
                    style += extra
            piece = self.text[a:b].replace("\n", "").replace("\t", " ")
            if piece:
                segments.append(Segment(piece, style))
        return segments


class ReadingView(ArticleView):
    """The main article pane: ↑/↓ move between claims instead of scrolling."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "app.next_claim", "Next claim", show=False, id="next_claim"),
        Binding("up,k", "app.prev_claim", "Prev claim", show=False, id="prev_claim"),
    ]
